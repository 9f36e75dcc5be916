"""The help of every command in Vietnamese, beside the English written with the command (issue
19). Input: nothing; output: `COMMANDS` (command path → Vietnamese help), `OPTIONS` ((command
path, option name) → Vietnamese help, "*" for an option every command shares) and `HEADINGS`
(click's fixed words). Read only when `--help` is asked for under Vietnamese
(`tthc.cli.help_language`), so it costs nothing at start-up.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "tthc": "tthc: biên dịch và kiểm tra thủ tục hành chính trước khi triển khai.",
    "tthc case": "Giải quyết hồ sơ: nộp, thực hiện bước, chuyển phiên bản, xem, lịch sử, quá hạn, "
    "thống kê, kiểm tra nhật ký.",
    "tthc case act": "Thực hiện một bước STEP đang mở của hồ sơ CASE_ID; in hồ sơ dạng JSON.",
    "tthc case history": "In nhật ký (vết kiểm tra) của một hồ sơ, mỗi dòng một bản ghi JSON.",
    "tthc case overdue": "Liệt kê các hồ sơ quá hạn và cơ quan đang để quá hạn (dòng JSON).",
    "tthc case show": "In một hồ sơ dạng JSON.",
    "tthc case stats": "Số hồ sơ đã tiếp nhận, đúng hạn, trễ hạn, đang giải quyết và quá hạn theo "
    "thủ tục và theo xã (dòng JSON).",
    "tthc case submit": "Nộp một hồ sơ; in hồ sơ mới dạng JSON.",
    "tthc case transfer": "Chuyển hồ sơ CASE_ID đang giải quyết sang phiên bản thủ tục có hiệu "
    "lực hiện nay, khi sổ đăng ký có quy định chuyển giao thẩm quyền cho phép, do cán bộ của cơ "
    "quan nhận thẩm quyền thực hiện; in hồ sơ dạng JSON.",
    "tthc case verify": "Kiểm tra chuỗi nhật ký của các hồ sơ đã nêu (mặc định: mọi hồ sơ).",
    "tthc check": "Kiểm tra các tệp thủ tục (.tthc, .yaml) và thư mục chứa chúng.\n\n"
    "Trong một thư mục, tthc đọc mọi tệp .tthc và mọi tệp .yaml/.yml có khóa đầu tiên là khóa "
    "của tthc; tệp nêu tên trên dòng lệnh luôn được đọc. Kết quả được lưu đệm trong "
    ".tthc_cache/ ở thư mục gốc của dự án.\n\n"
    "Mã kết thúc: 0 không có phát hiện nào từ mức --fail-on trở lên (hoặc có --exit-zero); "
    "1 có phát hiện từ mức đó trở lên; 2 lỗi cách dùng, cấu hình hoặc đọc ghi tệp; "
    "3 lỗi nội bộ của tthc.",
    "tthc compile": "Kiểm tra thủ tục và danh mục cơ quan trong PATHS rồi ghi gói triển khai.",
    "tthc convert": "Chuyển tệp thủ tục giữa hai dạng DSL (.tthc) và YAML, giữ nguyên chú thích.",
    "tthc db": "Lược đồ PostgreSQL: tạo mới hoặc cập nhật (các bản chuyển đổi có đánh số).",
    "tthc db status": "Phiên bản lược đồ của cơ sở dữ liệu và phiên bản mới nhất tthc biết.",
    "tthc db upgrade": "Áp dụng mọi bản chuyển đổi cơ sở dữ liệu chưa được áp dụng.",
    "tthc diff": "Những gì thay đổi giữa hai phiên bản của một thủ tục: thẩm quyền từng bước, "
    "các bước, thời hạn giải quyết, phí, lệ phí và căn cứ pháp lý.",
    "tthc docs": "Ghi phiếu thủ tục (hoặc hướng dẫn cho người dân) của FILE; với một thư mục, "
    "ghi trang tổng hợp các thủ tục.",
    "tthc explain": "Giải thích một mã (TT201 hoặc tên của mã): kiểm tra gì, vì sao, và ví dụ.",
    "tthc export": "Xuất thủ tục thành BPMN 2.0 chạy được, kèm sơ đồ (mỗi cơ quan một làn).",
    "tthc fmt": "Viết lại các tệp .tthc và .yaml (thư mục: đệ quy) theo dạng chuẩn, giữ nguyên "
    "chú thích.\n\n"
    "Dòng DSL dài quá 100 cột được ngắt giữa các thuộc tính và sau dấu phẩy của danh sách; "
    "dòng kết thúc bằng chú thích (lệnh miễn trừ `# tthc: allow`) không bao giờ bị ngắt.\n\n"
    "Mã kết thúc: 0 xong hoặc không có gì thay đổi; 1 có tệp sẽ thay đổi (--check, --diff); "
    "2 không đọc hoặc phân tích được một tệp (tệp được giữ nguyên, lỗi được in ra).",
    "tthc graph": "In sơ đồ quy trình của một thủ tục dạng JSON, DOT, Mermaid hoặc SVG.\n\n"
    "Mã kết thúc: 0 đã vẽ; 1 tệp có lỗi (trừ tên chưa tra được vì thiếu danh mục cơ quan); "
    "2 không đọc được tệp, hoặc tệp không có thủ tục đó, hoặc có nhiều thủ tục mà thiếu "
    "--procedure.",
    "tthc import": "Nhập hồ sơ thủ tục đã công bố (JSON hoặc CSV, theo cấu trúc Cơ sở dữ liệu "
    "quốc gia về thủ tục hành chính và cấu trúc nội bộ) thành bản thảo thủ tục.",
    "tthc migrate": "Cấp huyện → cấp xã: soạn thảo lại thủ tục sau sắp xếp năm 2025, theo các "
    "chuyển giao ghi trong danh mục cơ quan.",
    "tthc report": "Báo cáo tổng hợp: số thủ tục theo lĩnh vực và cấp, thủ tục cấp huyện và nơi "
    "tiếp nhận thay thế.",
    "tthc rules": "Liệt kê mọi mã kiểm tra: tên, mức độ, nhóm và tiêu đề.",
    "tthc schema": "Lược đồ JSON (JSON Schema) của dạng YAML, cho trình soạn thảo: gợi ý, "
    "chú giải tiếng Việt khi rê chuột và kiểm tra khi gõ.",
    "tthc serve": "Chạy bộ máy giải quyết hồ sơ dưới dạng API JSON qua HTTP (OpenAPI tại "
    "/openapi.json).",
}

OPTIONS: dict[tuple[str, str], str] = {
    ("*", "help"): "Hiện trợ giúp này và thoát.",
    ("*", "version"): "Hiện phiên bản và thoát.",
    ("*", "lang"): "Ngôn ngữ của thông báo (vi: tiếng Việt, en: tiếng Anh).",
    ("*", "code"): "Mã thủ tục, khi tệp có nhiều thủ tục.",
    ("tthc check", "output"): "Ghi báo cáo vào tệp này thay vì đầu ra chuẩn.",
    ("tthc report", "output"): "Ghi báo cáo vào tệp này thay vì đầu ra chuẩn.",
    ("tthc compile", "output"): "Gói triển khai cần ghi.",
    ("tthc convert", "output"): "Ghi vào đây thay vì đầu ra chuẩn.",
    ("tthc migrate", "output"): "Ghi bản thảo vào đây thay vì đầu ra chuẩn.",
    ("tthc migrate", "code"): "Thủ tục cần chuyển khi FILE có nhiều thủ tục.",
    ("tthc diff", "code"): "Thủ tục cần so sánh khi tệp có nhiều thủ tục.",
    ("tthc graph", "form"): "json (dữ liệu của sơ đồ), dot (Graphviz), mermaid (cho Markdown), "
    "svg (tthc tự vẽ).",
    ("tthc check", "form"): "Định dạng báo cáo (mặc định: text; github khi GITHUB_ACTIONS=true).",
    ("tthc check", "lang"): "Ngôn ngữ của thông báo (mặc định: vi cho text và concise, en cho "
    "các định dạng khác).",
    ("tthc check", "config_file"): "Tệp cấu hình (tthc.toml hoặc pyproject.toml); nếu không nêu, "
    "tìm từ các đường dẫn đi lên.",
    ("tthc check", "select"): "Các mã hoặc nhóm cần kiểm tra (TT2,TT301); thay cho cấu hình.",
    ("tthc check", "ignore"): "Các mã hoặc nhóm không kiểm tra (TT306,TT7).",
    ("tthc check", "fail_on"): "Mức độ thấp nhất làm mã kết thúc thành 1 (mặc định: error).",
    ("tthc check", "exit_zero"): "Kết thúc với mã 0 ngay cả khi có phát hiện.",
    ("tthc check", "changed_since"): "Chỉ báo cáo các tệp thay đổi kể từ phiên bản git này (và "
    "tệp chưa theo dõi); vẫn đọc toàn bộ dự án.",
    ("tthc check", "on"): "Kiểm tra theo pháp luật có hiệu lực vào ngày này (YYYY-MM-DD): trong "
    "các phiên bản của một thủ tục, chỉ phiên bản có hiệu lực ngày đó; thủ tục chưa hoặc hết "
    "hiệu lực ngày đó không được kiểm tra.",
    ("tthc check", "no_cache"): "Không đọc và không ghi .tthc_cache/.",
    ("tthc check", "jobs"): "Số tiến trình xử lý (mặc định: mọi lõi).",
    ("tthc check", "quiet"): "Chỉ in phát hiện: không dòng tổng kết, không thanh tiến độ.",
    ("tthc check", "statistics"): "Đếm số phát hiện của từng mã thay vì liệt kê (text, concise).",
    ("tthc check", "colour"): "Màu trong báo cáo text và concise (mặc định auto: bật trên màn "
    "hình dòng lệnh, trừ khi đặt NO_COLOR; FORCE_COLOR buộc bật).",
    ("tthc explain", "lang"): "Ngôn ngữ của các đề mục.",
    ("tthc rules", "lang"): "Ngôn ngữ của tiêu đề.",
    ("tthc fmt", "check"): "Không ghi gì; liệt kê các tệp sẽ thay đổi.",
    ("tthc fmt", "diff"): "Không ghi gì; in các thay đổi dạng unified diff.",
    ("tthc schema", "output"): "Ghi vào đây thay vì đầu ra chuẩn.",
    ("tthc schema", "write"): "Ghi tthc.schema.json vào thư mục của dự án (thư mục có tthc.toml "
    "gần nhất), nơi dòng $schema của các tệp YAML do `tthc convert` ghi trỏ tới.",
    ("tthc schema", "form"): "json: JSON Schema (draft-07, như tiện ích YAML của VS Code đọc); "
    "markdown: bảng tra các khóa lập từ cùng các mô tả (docs/keys.md).",
    ("tthc docs", "audience"): "official: phiếu thủ tục cho cán bộ; citizen: hướng dẫn dễ hiểu "
    "cho người nộp hồ sơ.",
    ("tthc docs", "output"): "Tệp cần ghi (với trang tổng hợp: một thư mục).",
    ("tthc docs", "registry"): "Tệp hoặc thư mục danh mục cơ quan (mặc định: theo tthc.toml, "
    "nếu không thì danh mục gần nhất ở thư mục trên).",
}

# Click's own fixed words in a help page.
HEADINGS: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện trợ giúp này và thoát.",
    "Show the version and exit.": "Hiện phiên bản và thoát.",
}
