"""The Vietnamese explanation of every code, for `tthc explain CODE --lang vi`.

Input: nothing. Output: `VI`, mapping each code to five texts: the one-line summary, then the
prose of "What it checks", "Why it matters", "Example" and "Use instead". The English text is
the rule's docstring; the fenced examples are code and are taken from it, never copied here, so
the two languages share one example. `tests/rules/test_explain_vi.py` fails naming any code of
`CODES` without an entry here, or an entry with too few Vietnamese words.

Longer than 400 lines on purpose: it is a table of text, one entry per code, read by people
who edit the wording; split by family it would only scatter the glossary it must keep to.
"""

from __future__ import annotations

N63 = "Nghị định 63/2010/NĐ-CP"
N118 = "Nghị định 118/2025/NĐ-CP"
L72 = "Luật Tổ chức chính quyền địa phương 2025 (Luật số 72/2025/QH15)"
SAI = "Đoạn viết sau đây bị báo lỗi:"
DUNG = "Viết lại như sau:"

VI: dict[str, tuple[str, str, str, str, str]] = {
    "TT001": (
        "Không đọc được tệp theo ngôn ngữ của công cụ: sai cú pháp, hoặc YAML viết sai.",
        "Văn bản phải đúng ngữ pháp của tệp `.tthc`, hoặc là YAML viết đúng. Thông báo cho biết"
        " công cụ gặp gì, cần gì ở dòng và cột đó, và với các lỗi hay gặp (thiếu dấu }, chữ"
        " tiếng Việt không đặt trong ngoặc kép, viết `=>` thay cho `->`) thì nói người soạn có"
        " lẽ định viết gì.",
        "Tệp không đọc được thì không kiểm tra được: mọi kiểm tra khác đều cần nó. Thủ tục mô"
        f" tả trong tệp phải khớp với quyết định công bố (Điều 8 {N63}).",
        SAI,
        DUNG,
    ),
    "TT002": (
        "Khóa hoặc từ khóa không có trong ngôn ngữ; công cụ gợi ý từ đúng gần nhất.",
        "Mọi từ khóa trong tệp `.tthc` và mọi khóa trong tệp YAML phải là từ mà ngôn ngữ biết."
        " Khi người soạn gõ từ tiếng Việt (ví dụ `lĩnh_vực`, `cấp`), thông báo nêu đúng từ khóa"
        " cần viết.",
        "Một khóa viết sai sẽ làm mất một thông tin mà pháp luật yêu cầu: mọi bộ phận của thủ"
        f" tục hành chính phải được nêu (Điều 8 {N63}).",
        SAI,
        DUNG,
    ),
    "TT003": (
        "Giá trị sai kiểu hoặc nằm ngoài các giá trị được phép.",
        "Ngày tháng phải là ngày có thật, thời gian phải dương và có đơn vị; cấp thực hiện,"
        " loại bước và cách thức phải là một trong các từ được phép; số phải là số nguyên khi"
        " cần số nguyên.",
        "Thời hạn không phải là một khoảng thời gian, hoặc một ngày không có thật, thì không"
        " tính được theo ngày làm việc (Điều 147, 148 Bộ luật Dân sự 2015 tính thời hạn theo"
        " ngày, kể từ một ngày có thật).",
        SAI,
        DUNG,
    ),
    "TT004": (
        "Một tên được khai báo hai lần trong cùng một phạm vi.",
        "Các bước và các thành phần hồ sơ không trùng tên trong một thủ tục; cơ quan, văn bản,"
        " giao quyền và chuyển giao không trùng tên trong dự án; mỗi dòng đầu thủ tục chỉ ghi"
        " một lần.",
        "Hai bước cùng tên làm quy trình không rõ ràng: cổng dịch vụ công có thể chuyển hồ sơ"
        f" tới nhầm nơi, trong khi {N118} về cơ chế một cửa đòi hỏi quy trình xác định.",
        SAI,
        DUNG,
    ),
    "TT005": (
        "Tham chiếu tới một bước, thành phần hồ sơ, cơ quan hoặc văn bản không tồn tại.",
        "Mọi tên được dùng (chủ thể sau `by`, thành phần hồ sơ sau `reads`, bước trong luồng xử"
        " lý, văn bản trong `basis`) phải được khai báo, trong tệp hoặc trong sổ đăng ký của dự"
        " án. Phần cách sửa gợi ý tên đã khai báo gần nhất.",
        "Một quyết định do cơ quan mà sổ đăng ký không biết thì không kiểm tra được thẩm quyền"
        f" (Điều 11 đến Điều 14 {L72}); một văn bản không rõ thì không kiểm tra được hiệu lực.",
        SAI,
        DUNG,
    ),
    "TT006": (
        "Dữ liệu vượt giới hạn an toàn: cỡ tệp, độ lồng nhau, số nút YAML sinh ra, số bước.",
        "Một tệp không quá 1 MiB, lồng nhau không quá 64 tầng, sinh ra không quá 200.000 nút"
        " YAML, và một thủ tục không quá 2.000 bước (đều chỉnh được trong `[tool.tthc.limits]`).",
        "Một tệp hỏng hoặc cố ý gây hại (ví dụ YAML nhân bản danh sách hàng tỷ lần) phải bị từ"
        " chối nhanh, không làm treo việc kiểm tra tự động hay cổng dịch vụ công; không thủ tục"
        " thật nào đến gần các giới hạn này.",
        "Một tệp YAML dùng bí danh để nhân một danh sách lên hàng tỷ lần.",
        "Viết đầy đủ nội dung; chia tệp quá lớn thành nhiều tệp.",
    ),
    "TT007": (
        "Văn bản không ở dạng Unicode dựng sẵn (NFC), hoặc một tên viết theo cả hai dạng.",
        "Chữ tiếng Việt phải ở dạng dựng sẵn (NFC). Chữ chép từ Word hoặc PDF thường ở dạng tổ"
        " hợp (NFD): nhìn giống hệt nhưng máy so sánh thấy khác.",
        "Với máy tính, \u201cHộ tịch\u201d dạng tổ hợp và dạng dựng sẵn là hai chuỗi khác nhau:"
        " tìm kiếm, đồng bộ với Cơ sở dữ liệu quốc gia và phát hiện trùng lặp đều hỏng mà"
        " không báo. Cơ quan nhà nước dùng bộ mã Unicode theo TCVN 6909:2001 (Quyết định"
        " 72/2002/QĐ-TTg); việc tiêu chuẩn đòi dạng dựng sẵn là thực tiễn, chưa được kiểm chứng"
        " trong văn bản.",
        "Tiêu đề gõ bằng dấu tổ hợp, như \u201cHộ tịch\u201d chép từ một tệp PDF.",
        "Chạy `tthc fmt`: lệnh này ghi lại văn bản ở dạng dựng sẵn (NFC).",
    ),
    "TT008": (
        "Tệp không phải UTF-8 hợp lệ, hoặc tự khai báo một bảng mã khác.",
        "Các byte của tệp giải mã được theo UTF-8 (chấp nhận dấu BOM đầu tệp); không có dòng"
        " `coding:` khai báo bảng mã khác; tệp không phải UTF-16/32 hay tệp nhị phân. Tệp"
        " không đọc được cũng là TT008: liên kết hỏng hoặc vòng, thư mục không liệt kê được, và"
        " liên kết trỏ ra ngoài kho mã git (không bao giờ được đọc, để một yêu cầu hợp nhất"
        " không thể khiến CI in ra tệp nằm ngoài kho).",
        "Các bảng mã tiếng Việt cũ (TCVN3, VNI, Windows-1258) biến dấu thành ký tự rác. Cơ quan"
        " nhà nước dùng bộ mã Unicode theo TCVN 6909:2001 (Quyết định 72/2002/QĐ-TTg); dùng"
        " UTF-8 làm bảng mã của tệp là thực tiễn của các cổng quốc gia (chưa kiểm chứng).",
        "Một tệp lưu từ trình soạn thảo cũ theo bảng mã VNI.",
        "Lưu tệp theo UTF-8 (Unicode dựng sẵn).",
    ),
    "TT101": (
        "Sổ đăng ký không ghi nhận thẩm quyền của thủ tục cho chủ thể của bước quyết định.",
        "Với mọi bước `decision` và `signature`: chủ thể của bước phải có thẩm quyền (`power`)"
        " của thủ tục vào ngày áp dụng (`effective`), qua một chuỗi giao quyền ghi trong sổ"
        " đăng ký (giao quyền `ho-tich` bao gồm `ho-tich.dang-ky-khai-sinh`; phân cấp hoặc ủy"
        " quyền chỉ còn khi bên giao còn thẩm quyền). Công cụ báo khi sổ đăng ký không ghi"
        " giao quyền nào cho chủ thể, ghi cho chủ thể khác, ghi một giao quyền hoặc văn bản"
        " hết hiệu lực vào ngày đó, hoặc bên giao không có gì để giao. Công cụ chỉ biết những"
        " gì sổ đăng ký ghi: thiếu một dòng trong sổ cũng bị báo như thiếu thẩm quyền. Thủ tục"
        " không ghi `power` không bị xét (TT603 yêu cầu ghi).",
        "Văn bản do chủ thể không có thẩm quyền ban hành là trái pháp luật và có thể bị hủy."
        f" Thẩm quyền được trao bằng luật (phân quyền, Điều 12 {L72}), bằng văn bản quy phạm"
        " pháp luật (phân cấp, Điều 13) hoặc bằng văn bản ủy quyền có thời hạn (Điều 14).",
        SAI,
        DUNG,
    ),
    "TT102": (
        "Một bước giao cho cơ quan cấp huyện trong thủ tục áp dụng sau ngày 30/6/2025.",
        "Với chủ thể (`by`) và bên phối hợp (`with`) của mọi bước: nếu là cơ quan cấp huyện"
        " (`level district`) và thủ tục áp dụng sau ngày cuối cùng của cấp huyện (30/6/2025)"
        " thì bước không thể thực hiện. Phần cách sửa nêu cơ quan nhận thẩm quyền mới khi sổ"
        " đăng ký ghi việc chuyển giao (`transfer`).",
        "Từ ngày 01/7/2025, chính quyền địa phương có hai cấp là tỉnh và xã; cấp huyện kết"
        " thúc hoạt động (Điều 110 Hiến pháp sửa đổi ngày 16/6/2025; Điều 1 Luật số"
        " 72/2025/QH15). Thủ tục còn chuyển hồ sơ cho cơ quan cấp huyện là chuyển tới nơi"
        " không còn tồn tại.",
        SAI,
        DUNG,
    ),
    "TT103": (
        "Quyết định được đưa ra ở cấp khác với cấp thực hiện của thủ tục.",
        "Mọi bước `decision` có chủ thể thuộc cấp khác với cấp thực hiện (`level`), trừ khi"
        " thủ tục ghi rõ hồ sơ được chuyển tới cấp đó: một bước `transfer` hoặc `consultation`"
        " có bên phối hợp (`with`) là chủ thể quyết định hoặc cơ quan cùng cấp. Không xét khi"
        " không biết một trong hai cấp (TT603) và với chủ thể cấp huyện sau cải cách (TT102).",
        "Cấp thực hiện là một bộ phận của thủ tục công bố trên Cơ sở dữ liệu quốc gia (Điều 8"
        f" {N63}); Bộ phận Một cửa của cấp đó tiếp nhận hồ sơ và phải chuyển đi rõ ràng khi cấp"
        f" khác quyết định (liên thông, Điều 14 và Điều 20 {N118}, theo các nguồn dẫn lại).",
        SAI,
        DUNG,
    ),
    "TT104": (
        "Văn bản được viện dẫn không có hiệu lực vào ngày áp dụng thủ tục.",
        "Mọi căn cứ của thủ tục (`basis` của thủ tục, của `moved`, của phí, của bước): vào"
        " ngày áp dụng (`effective`), văn bản phải có hiệu lực: từ ngày `in_force`, chưa quá"
        " ngày `until`, và chưa bị một văn bản đã có hiệu lực thay thế (`replaces`). Thủ tục"
        " không có ngày áp dụng không bị xét.",
        f"Thủ tục phải dựa trên văn bản đang có hiệu lực (khoản 1 Điều 8 {N63}). Cải cách năm"
        " 2025 thay thế nhiều văn bản: Nghị định 61/2018/NĐ-CP về cơ chế một cửa được thay bằng"
        f" {N118} từ ngày 01/7/2025, và các nghị định phân cấp, phân định thẩm quyền theo lĩnh"
        " vực ban hành tháng 6/2025 hết hiệu lực từ ngày 01/3/2027.",
        SAI,
        DUNG,
    ),
    "TT105": (
        "Một bước quyết định, hoặc chính thủ tục, không nêu căn cứ pháp lý.",
        "Thủ tục phải có `basis`, và mọi bước `decision` cũng vậy (điều khoản trao thẩm quyền"
        " quyết định, ví dụ Điều 18 Luật Hộ tịch 2014 cho đăng ký kết hôn:"
        " `basis luat-ho-tich-2014 art 18`). Bước ký và các bước khác không cần.",
        "Mọi thủ tục hành chính và mọi quyết định trong đó phải dựa trên văn bản quy phạm pháp"
        f" luật (khoản 1 Điều 8 {N63}); căn cứ pháp lý là một bộ phận của thủ tục công bố trên"
        " Cơ sở dữ liệu quốc gia, và quyết định phải viện dẫn căn cứ đó.",
        SAI,
        DUNG,
    ),
    "TT106": (
        "Hồ sơ được tiếp nhận ngoài Bộ phận Một cửa.",
        "Mọi bước `reception`: chủ thể phải được ghi `one_stop yes` trong sổ đăng ký (Trung tâm"
        " Phục vụ hành chính công cấp tỉnh, cấp xã, hoặc Bộ phận Tiếp nhận và Trả kết quả của"
        " bộ, ngành).",
        f"Khoản 1 Điều 1 và Điều 14 {N118} tổ chức việc tiếp nhận hồ sơ và trả kết quả tại Bộ"
        " phận Một cửa; tiếp nhận ở phòng chuyên môn là bỏ qua giấy tiếp nhận, phiếu hẹn trả"
        " kết quả (Mẫu 01) và việc theo dõi mà cơ chế một cửa bảo đảm cho người dân.",
        SAI,
        DUNG,
    ),
    "TT107": (
        "Bước giao cho tập thể (Ủy ban nhân dân) trong khi sổ đăng ký ghi thẩm quyền cho cá"
        " nhân (Chủ tịch), hoặc ngược lại.",
        "Mọi bước `decision` và `signature` mà chủ thể không có thẩm quyền theo sổ đăng ký"
        " trong khi cơ quan dễ nhầm với nó lại có: người đứng đầu hoặc thành viên của một tập"
        " thể khi thẩm quyền được ghi cho tập thể, hoặc tập thể khi thẩm quyền được ghi cho một"
        " cá nhân của nó. Người đứng đầu không tự có thẩm quyền của tập thể: sổ cần ghi một"
        " giao quyền riêng cho người đó, hoặc từ chính điều luật giao việc cho người đó (ví dụ"
        " khoản 2 Điều 34 Luật Hộ tịch 2014: Chủ tịch Ủy ban nhân dân cấp xã cấp trích lục khai"
        " tử), hoặc từ văn bản phân cấp, ủy quyền đã có. Công cụ chỉ so với sổ đăng ký: thông"
        " báo nói sổ ghi gì, không nói luật giao cho ai; nếu luật trao quyền cho chủ thể mà sổ"
        " chưa ghi, hãy bổ sung sổ đăng ký.",
        f"Điều 11 {L72} đòi phân định thẩm quyền của Ủy ban nhân dân (tập thể, quyết định theo"
        " đa số) với thẩm quyền của Chủ tịch; luật chuyên ngành nêu rõ từng chủ thể, ví dụ"
        " Luật Hộ tịch 2014 giao việc đăng ký cho Ủy ban nhân dân cấp xã, còn Chủ tịch Ủy ban"
        " nhân dân ký giấy tờ hộ tịch (Điều 16, Điều 18).",
        SAI,
        DUNG,
    ),
    "TT201": (
        "Bên nhận phân cấp lại phân cấp tiếp chính thẩm quyền đó.",
        "Mọi giao quyền phân cấp hoặc ủy quyền mà bên giao chỉ có thẩm quyền nhờ một phân cấp"
        " nhận được, không phải tự có (do phân quyền, do chuyển giao, hoặc là cơ quan trung"
        " ương). Mặc định là không được phân cấp tiếp. Khi một văn bản cho phép (nghị định"
        " chuyên ngành), ghi số hiệu văn bản vào thiết lập `onward_delegation_allowed_by`. Báo"
        " một lần, tại bên giao (`from`).",
        "Theo Điều 13 Luật Tổ chức chính quyền địa phương 2015, cấp nhận phân cấp không được"
        " phân cấp, ủy quyền tiếp; khoản 5 Điều 8 Luật Tổ chức Chính phủ 2025 (Luật số"
        " 63/2025/QH15) ghi bên nhận \u201ckhông được phân cấp tiếp\u201d. Luật số 72/2025/QH15"
        " có thể cho phép phân cấp tiếp với điều kiện: điểm này chưa được kiểm chứng, vì vậy có"
        " thiết lập trên.",
        SAI,
        DUNG,
    ),
    "TT202": (
        "Ủy quyền không có văn bản, không có thời hạn, hoặc đã hết thời hạn.",
        "Mọi giao quyền `authorization` trong sổ đăng ký phải viện dẫn văn bản ủy quyền"
        " (`basis`) và có thời hạn (`until` của chính nó hoặc của văn bản). Và mọi bước"
        " `decision`, `signature` mà chủ thể chỉ có thẩm quyền nhờ một ủy quyền đã hết hạn vào"
        " ngày áp dụng thủ tục.",
        f"Điểm a khoản 2 Điều 14 {L72}: \u201cViệc ủy quyền phải thực hiện bằng văn bản\u201d;"
        " khoản 1 Điều 14: ủy quyền \u201ctrong khoảng thời gian xác định kèm theo các điều kiện"
        " cụ thể\u201d; khoản 3 Điều 13 Nghị định 30/2020/NĐ-CP giới hạn việc ký thừa ủy quyền"
        " về thời hạn và nội dung. Quá thời hạn, bên được ủy quyền hành động không có thẩm"
        " quyền.",
        SAI,
        DUNG,
    ),
    "TT203": (
        "Bên nhận ủy quyền lại ủy quyền (hoặc phân cấp) thẩm quyền đó cho người khác.",
        "Mọi giao quyền phân cấp hoặc ủy quyền mà bên giao chỉ có thẩm quyền nhờ một ủy quyền"
        " nhận được. Báo một lần, tại bên giao (`from`).",
        "Người được ủy quyền \u201ckhông được ủy quyền lại cho người khác\u201d (khoản 3 Điều 13"
        " Nghị định 30/2020/NĐ-CP); khoản 6 Điều 9 Luật số 63/2025/QH15 và các văn bản ủy"
        " quyền cấp tỉnh theo Luật số 72/2025/QH15 nhắc lại \u201ckhông được ủy quyền"
        " tiếp\u201d.",
        SAI,
        DUNG,
    ),
    "TT204": (
        "Giao quyền cho cấp ngang hoặc cấp trên, hoặc cho cấp huyện đã kết thúc hoạt động.",
        "Mọi giao quyền có bên giao: bên nhận phải ở cấp thấp hơn (trung ương, tỉnh, huyện,"
        " xã), hoặc cùng cấp và thuộc bộ máy của bên giao (Ủy ban nhân dân giao cho Chủ tịch"
        " hoặc cơ quan chuyên môn, Chủ tịch giao cho công chức, nhưng không giao ngược cho Ủy"
        " ban). Giao quyền cho cấp huyện phải chấm dứt chậm nhất ngày 30/6/2025. Báo tại bên"
        " nhận (`to`).",
        "Phân cấp và ủy quyền đi từ cấp trên xuống cấp dưới hoặc cơ quan trực thuộc bên giao"
        f" (khoản 1 Điều 13, khoản 1 Điều 14 {L72}); cấp huyện kết thúc hoạt động từ ngày"
        " 01/7/2025.",
        SAI,
        DUNG,
    ),
    "TT205": (
        "Loại văn bản không đủ để thực hiện việc phân quyền, phân cấp hoặc ủy quyền này.",
        "Căn cứ (`basis`) của mọi giao quyền: phân quyền (`devolution`) cần luật hoặc nghị"
        " quyết của Quốc hội, kể cả nghị quyết của Quốc hội cho phép nghị định phân quyền trong"
        " giai đoạn chuyển tiếp (Nghị quyết 190/2025/QH15); phân cấp (`decentralization`) cần"
        " văn bản quy phạm pháp luật, không phải công văn hay văn bản cá biệt; ủy quyền cần một"
        " văn bản (TT202 báo khi không có). Bên giao không có thẩm quyền thì không thể dùng văn"
        " bản cấp thấp để giao lại thẩm quyền mà văn bản cấp cao trao cho người khác.",
        f"Điều 12 {L72}: phân quyền \u201cphải được quy định trong luật, nghị quyết của Quốc"
        " hội\u201d; Nghị quyết 190/2025/QH15 của Quốc hội cho phép Chính phủ quy định việc"
        " phân quyền bằng nghị định trong giai đoạn chuyển tiếp; Điều 13: phân cấp bằng văn"
        " bản quy phạm pháp luật; điểm a khoản 2 Điều 14: ủy quyền bằng văn bản. Văn bản cấp"
        " dưới không được trái văn bản cấp trên (Luật Ban hành văn bản quy phạm pháp luật).",
        SAI,
        DUNG,
    ),
    "TT206": (
        "Thủ tục ghi là chuyển từ cấp khác nhưng không viện dẫn văn bản chuyển giao.",
        "Thủ tục có khối `moved { from ... }` phải viện dẫn trong khối đó văn bản đã chuyển nó"
        " (`basis`, ví dụ nghị định lĩnh vực tháng 6/2025 và điều khoản). Phần cách sửa nêu văn"
        " bản của việc chuyển giao (`transfer`) trong sổ đăng ký nếu có.",
        "Cải cách năm 2025 chuyển 278 thủ tục cấp huyện về cấp xã và 18 thủ tục lên cấp tỉnh"
        " bằng các nghị định lĩnh vực tháng 6/2025 (Công điện 90/CĐ-TTg; ví dụ Điều 4 Nghị định"
        " 120/2025/NĐ-CP về hộ tịch). Thẩm quyền của cấp mới dựa trên văn bản đó; thiếu nó thì"
        " không kiểm tra được việc chuyển giao và thời điểm chuyển.",
        SAI,
        DUNG,
    ),
    "TT207": (
        "Một chuỗi giao quyền quay về chỗ bắt đầu.",
        "Mỗi giao quyền là một mũi tên từ bên giao tới bên nhận; chuỗi đi theo các mũi tên có"
        " thẩm quyền trùng nhau. Chuỗi quay lại bên giao đầu tiên là một vòng tròn, báo một lần"
        " tại giao quyền khai báo trước nhất, kèm các giao quyền còn lại.",
        "Phân cấp và ủy quyền đi từ chủ thể có thẩm quyền xuống dưới (Điều 13, Điều 14 Luật số"
        " 72/2025/QH15); trong một vòng tròn không ai là chủ thể gốc, và bên nhận tự chịu trách"
        " nhiệm trước chính mình, điều mà trách nhiệm của bên giao và bên nhận loại trừ.",
        SAI,
        DUNG,
    ),
    "TT208": (
        "Bên nhận phân cấp, ủy quyền không có nhân lực hay nguồn lực được ghi.",
        "Mọi giao quyền phân cấp và ủy quyền: hoặc bên nhận ghi số người (`staff` lớn hơn 0),"
        " hoặc giao quyền ghi các điều kiện đi kèm (`resources`: kinh phí, nhân lực, trang"
        " thiết bị). Là cảnh báo. Giao quyền đã chấm dứt cùng cấp huyện không bị xét.",
        "Bên phân cấp phải bảo đảm tài chính, nguồn nhân lực và các điều kiện cần thiết khác"
        " (Điều 13 Luật Tổ chức chính quyền địa phương 2015), và cơ quan được giao nhiệm vụ của"
        f" cấp trên phải được bảo đảm điều kiện cần thiết (khoản 2 Điều 11 {L72}). Nhiều xã"
        " mới sáp nhập năm 2025 chỉ có vài người tiếp nhận hồ sơ.",
        SAI,
        DUNG,
    ),
    "TT301": (
        "Không có bước tiếp nhận: hồ sơ có thể được xử lý mà không qua tiếp nhận.",
        "Thủ tục có bước loại `reception`, và không hồ sơ nào tới được điểm kết thúc mà không"
        " qua bước đó. Thủ tục hoàn toàn không có bước tiếp nhận được báo một lần, tại mã thủ"
        " tục.",
        "Mọi hồ sơ được tiếp nhận tại Bộ phận Một cửa, kiểm tra tính đầy đủ, cập nhật vào hệ"
        " thống thông tin và cấp Giấy tiếp nhận hồ sơ và hẹn ngày trả kết quả (Điều 17"
        f" {N118}, theo các quyết định cấp tỉnh dẫn lại). Thời hạn giải quyết tính từ giấy"
        " tiếp nhận này.",
        SAI,
        DUNG,
    ),
    "TT302": (
        "Kết quả được trả trên một nhánh mà chưa ai quyết định.",
        "Với mỗi bước `result`: hồ sơ có thể tới bước đó mà chưa qua bước `decision` (hoặc"
        " bước `refusal`, vì thông báo từ chối tự nó là một quyết định) hay không. Bước trả kết"
        " quả chạy song song với bước quyết định cũng bị tính: kết quả có thể được trao trước"
        " khi quyết định được ký.",
        "Kết quả (giấy phép, giấy chứng nhận, quyết định) chỉ có giá trị khi do người có thẩm"
        " quyền quyết định; Bộ phận Một cửa trả kết quả chứ không tạo ra kết quả (Điều 22"
        f" {N118}, theo các nguồn dẫn lại; điểm g khoản 2 Điều 8 {N63} yêu cầu nêu cơ quan"
        " quyết định của mọi thủ tục).",
        SAI,
        DUNG,
    ),
    "TT303": (
        "Hồ sơ đã tiếp nhận có thể kết thúc mà người nộp không nhận được kết quả nào.",
        "Hồ sơ đã qua bước `reception` có thể tới điểm kết thúc mà không qua bước `result` hay"
        " bước `refusal` (thông báo từ chối là kết quả bằng văn bản) hay không. Hồ sơ rút lại"
        " hoặc dừng giải quyết cũng kết thúc bằng một thông báo bằng văn bản cho người nộp.",
        f"Bộ phận Một cửa trả kết quả cho mọi hồ sơ đã tiếp nhận, đúng ngày hẹn (Điều 22 {N118},"
        " theo các nguồn dẫn lại); hồ sơ dừng giải quyết theo yêu cầu của người nộp có Thông"
        " báo dừng giải quyết hồ sơ (Mẫu 05 Thông tư 03/2025/TT-VPCP).",
        SAI,
        DUNG,
    ),
    "TT304": (
        "Bước từ chối không thông báo bằng văn bản và nêu lý do cho người nộp.",
        "Mọi bước loại `refusal` phải ghi `notifies applicant`: việc từ chối được gửi cho"
        " người nộp hồ sơ, kèm lý do.",
        "Cơ quan từ chối hồ sơ, hoặc yêu cầu bổ sung giấy tờ, phải \u201cnêu rõ lý do bằng văn"
        f" bản\u201d (Điều 16, Điều 17 {N63}); Bộ phận Một cửa ban hành Phiếu từ chối tiếp nhận"
        f" giải quyết hồ sơ có nêu lý do ({N118}; Mẫu 03 Thông tư 03/2025/TT-VPCP).",
        SAI,
        DUNG,
    ),
    "TT305": (
        "Yêu cầu bổ sung hồ sơ có thể được đưa ra nhiều lần cho một hồ sơ.",
        "Đếm số bước `supplement` mà một hồ sơ có thể đi qua. Bước bổ sung nằm trên một vòng"
        " lặp (thường là `bo_sung -> tiep_nhan`, quay lại tiếp nhận) có thể lặp mãi; ngoài ra"
        " một hồ sơ chỉ được qua tối đa `max_supplement_requests` bước bổ sung (mặc định 1)."
        " Các bước ở nhánh song song không cộng dồn.",
        "Người nộp phải được hướng dẫn một lần, đầy đủ mọi điều còn thiếu (\u201ccụ thể, đầy đủ"
        f" một lần\u201d, quy định của Nghị định 61/2018/NĐ-CP, nay được thay bằng {N118}, theo"
        " đó yêu cầu bổ sung lập theo Mẫu 02 Thông tư 03/2025/TT-VPCP); khoản 4 Điều 20"
        f" {N63} không để người dân phải đi lại bổ sung hồ sơ quá hai lần cho một việc, nên"
        " thủ tục có yêu cầu bổ sung khi tiếp nhận và sau thẩm định có thể đặt thiết lập là 2.",
        SAI,
        DUNG,
    ),
    "TT306": (
        "Thành phần hồ sơ không được bước nào sử dụng.",
        "Mọi thành phần khai báo trong `dossier` phải được ghi trong `reads` của ít nhất một bước.",
        f"Thành phần hồ sơ là một bộ phận của thủ tục công bố (điểm d khoản 2 Điều 8 {N63}):"
        " người dân phải mang đủ mọi giấy tờ trong danh sách, nên giấy tờ không bước nào xem"
        " là đòi hỏi vô ích. Thường là quên ghi `reads`; TT702 kiểm tra chiều ngược lại.",
        SAI,
        DUNG,
    ),
    "TT307": (
        "Thủ tục trực tuyến toàn trình mà quyết định hoặc kết quả không được ký số.",
        "Khi `channels` có `online full` (trực tuyến toàn trình), mọi bước `decision` và"
        " `result` phải ghi `signs digital`: người dân nhận kết quả trực tuyến nên kết quả phải"
        " là văn bản điện tử có chữ ký số. Thông báo từ chối không được xét ở đây.",
        "Dịch vụ công trực tuyến toàn trình giải quyết trọn thủ tục trên mạng và trả kết quả"
        " trực tuyến hoặc qua bưu chính công ích (Nghị định 42/2022/NĐ-CP); kết quả điện tử có"
        f" giá trị pháp lý khi được ký số (Điều 14 Nghị định 45/2020/NĐ-CP, cùng Điều 22 {N118})."
        " Chữ ký số chuyên dùng công vụ theo Nghị định 68/2024/NĐ-CP.",
        SAI,
        DUNG,
    ),
    "TT308": (
        "Thủ tục có phí, lệ phí mà không có bước thu.",
        "Khi thủ tục khai báo `fee` với số tiền lớn hơn 0 thì phải có một bước loại `fee` (thu"
        " phí, lệ phí). Báo một lần, tại khoản phí đầu tiên.",
        f"Phí, lệ phí là một bộ phận của thủ tục công bố (điểm h khoản 2 Điều 8 {N63}) và do"
        f" Bộ phận Một cửa thu (Điều 24 {N118}, theo các nguồn dẫn lại): quy trình thiếu bước"
        " thu thì hồ sơ chờ một khoản nộp không ai đòi, hoặc phí không được thu.",
        SAI,
        DUNG,
    ),
    "TT309": (
        "Bước lấy ý kiến liên thông không nêu cơ quan được hỏi hoặc thời hạn trả lời.",
        "Mọi bước loại `consultation` (lấy ý kiến, liên thông) phải nêu cơ quan được hỏi"
        " (`with`) và thời gian trả lời (`takes`).",
        "Văn bản lấy ý kiến nêu nội dung và thời hạn trả lời, việc trả lời chậm phải được báo"
        f" cáo (Điều 20 {N118}, theo các nguồn dẫn lại); trong liên thông, Bộ phận Một cửa giao"
        " nhiệm vụ và thời gian cho từng cơ quan (Phiếu chuyển xử lý). Không có cơ quan thì"
        " không ai được hỏi; không có thời hạn thì không ai chậm.",
        SAI,
        DUNG,
    ),
    "TT310": (
        "Thủ tục có thời hạn mà không có nhánh cho hồ sơ trễ hạn: xin lỗi và hẹn lại.",
        "Thủ tục có thời hạn giải quyết (trừ `immediately`: trả kết quả ngay) cần một bước"
        " `apology` (phiếu xin lỗi và hẹn lại ngày trả kết quả) có `notifies applicant`. Việc"
        " hẹn lại chỉ được tối đa `max_reappointments` lần (mặc định 1).",
        "Với hồ sơ sẽ trễ hạn, chậm nhất 01 ngày trước ngày hết hạn, cơ quan giải quyết gửi"
        " người nộp văn bản xin lỗi nêu lý do và ngày hẹn mới (Mẫu 04 Thông tư 03/2025/TT-VPCP"
        f" hướng dẫn {N118}); quy định trước đây của Nghị định 61/2018/NĐ-CP cho hẹn lại"
        f" không quá một lần, việc {N118} giữ giới hạn này chưa được kiểm chứng.",
        SAI,
        DUNG,
    ),
    "TT311": (
        "Bước niêm yết hoặc bước chờ không ghi thời gian.",
        "Bước `posting` (niêm yết công khai) và bước `waiting` (thời gian chờ theo luật định)"
        " tồn tại vì thời hạn của chúng: \u201cniêm yết 15 ngày\u201d. Mỗi bước như vậy phải"
        " ghi thời gian (`takes`), dù thời gian đó có tính vào thời hạn giải quyết hay không"
        " (`not counted`) và dù thời hạn của thủ tục là gì: khi chạy, hệ thống kết thúc việc"
        " niêm yết vào ngày đó, và các kiểm tra thời hạn tính đến nó.",
        "Thời hạn niêm yết hoặc thời gian chờ do luật quy định, ví dụ 15 ngày đối với giấy phép"
        " xây dựng nhà ở riêng lẻ (khoản 1 Điều 102 Luật Xây dựng 2014, sửa đổi năm 2020), và"
        f" là một phần của thời hạn giải quyết mà thủ tục công bố (điểm đ khoản 2 Điều 8 {N63})."
        " Thiếu thời gian thì không đóng được việc niêm yết đúng hạn và các kiểm tra thời hạn"
        " bỏ sót những ngày đó.",
        SAI,
        DUNG,
    ),
    "TT312": (
        "Một bước được giao cho lãnh đạo của một chức danh, tức của một người.",
        "`by head of x` (\u201cLãnh đạo X\u201d) giao bước cho người đứng đầu đơn vị hoặc cơ"
        " quan `x`, hoặc cấp phó được giao thay mặt: việc gì `x` có thẩm quyền thì lãnh đạo của"
        " nó thực hiện. `x` phải là đơn vị hoặc cơ quan tập thể; một chức danh (như"
        " `commune.chairman`) là một người, không có lãnh đạo riêng, và bản ghi nói"
        " \u201cLãnh đạo\u201d của một người là đã ghi nhầm cơ quan.",
        "Người đứng đầu cơ quan chịu trách nhiệm về việc giải quyết hồ sơ giao cho cơ quan và"
        f" có thể phân công cấp phó thay mặt ({L72}, Điều 13, 14, đọc qua nguồn thứ cấp); một"
        " chức danh đã là một người, chỉ thay mặt cơ quan khi có giao quyền (TT101).",
        SAI,
        DUNG,
    ),
    "TT401": (
        "Một bước không có mũi tên nào dẫn tới từ điểm bắt đầu.",
        "Đi theo các mũi tên của `flow` từ `start`. Một nhóm bước không tới được được báo một"
        " lần, tại bước đứng đầu nhóm, kèm tên các bước phía sau.",
        f"Trình tự thực hiện là một bộ phận của mọi thủ tục công bố (điểm b khoản 2 Điều 8 {N63})."
        " Bước mà không hồ sơ nào tới được là việc ghi ra nhưng không bao giờ làm, và hệ thống"
        f" một cửa không chuyển hồ sơ tới đó được ({N118}). Thường là quên một mũi tên.",
        SAI,
        DUNG,
    ),
    "TT402": (
        "Một bước không có mũi tên đi tiếp: hồ sơ dừng ở đó và không bao giờ kết thúc.",
        "Bước tới được từ `start` nhưng không có mũi tên nào đi ra. Chỉ bước cuối của nhánh"
        " cụt được báo, kèm đường từ điểm bắt đầu, nên thiếu một mũi tên cho một thông báo.",
        f"Mọi hồ sơ đã tiếp nhận phải được giải quyết và trả kết quả ({N118}): bước không có"
        " lối ra để hồ sơ treo mãi và lỡ thời hạn. Trình tự thực hiện công bố (điểm b khoản 2"
        f" Điều 8 {N63}) phải dẫn tới kết thúc.",
        SAI,
        DUNG,
    ),
    "TT403": (
        "Một bước chờ các nhánh song song có thể chờ mãi, thường vì chờ cả hai nhánh của một"
        " lựa chọn.",
        "Xét mọi thứ tự thực hiện của một hồ sơ (`all(a, b) -> c` chỉ bắt đầu `c` khi cả `a` và"
        " `b` đã xong). Báo khi bước chờ đợi một nhánh không bao giờ tới: nhánh đó không được"
        " chọn (hai nhánh `when`/`otherwise` không bao giờ cùng chạy), không tới được, hoặc đã"
        " đi nơi khác.",
        "Hồ sơ chờ ở đó không bao giờ được quyết định: việc xử lý dừng mà không ai hay và thời"
        f" hạn giải quyết trôi qua ({N118}). Liên thông gửi hồ sơ song song tới các cơ quan rồi"
        f" chờ tất cả trả lời (Điều 14 và Điều 20 {N118}, theo các nguồn dẫn lại).",
        SAI,
        DUNG,
    ),
    "TT404": (
        "Một vòng lặp không có lối ra: hồ sơ vào đó sẽ quay vòng mãi.",
        "Một nhóm bước dẫn tới nhau theo vòng tròn, không mũi tên nào đi ra ngoài nhóm, nên"
        " không tới được điểm kết thúc. Báo một lần cho mỗi vòng, tại bước hồ sơ đi vào. Vòng"
        " lặp có lối ra thì không sao (số lần bổ sung hồ sơ là việc của TT305).",
        "Hồ sơ mắc trong vòng lặp đó không bao giờ được giải quyết và trả kết quả, trái nghĩa"
        f" vụ giải quyết đúng hạn và trả kết quả của cơ chế một cửa ({N118}).",
        SAI,
        DUNG,
    ),
    "TT405": (
        "Hồ sơ có thể kết thúc khi việc song song vẫn còn dở.",
        "Xét mọi thứ tự thực hiện của một hồ sơ. Báo (1) khi hồ sơ tới điểm kết thúc trong lúc"
        " một nhánh khác còn việc chưa xong: hồ sơ bị đóng và trả kết quả trước khi việc đó"
        " xong; (2) bước có thể bắt đầu lần thứ hai khi lần đầu chưa xong, xảy ra khi các"
        " nhánh song song gặp nhau ở một bước mà không chờ nhau.",
        f"Kết quả được trả một lần, khi hồ sơ đã giải quyết xong (Điều 22 {N118}, theo các"
        " nguồn dẫn lại): việc còn chạy sau khi kết thúc (ý kiến chưa nhận, phí chưa thu)"
        " không được dùng, và bước chạy hai lần ra hai quyết định cho một hồ sơ. Liên thông"
        f" song song phải chờ mọi cơ quan tham gia (Điều 20 {N118}).",
        SAI,
        DUNG,
    ),
    "TT406": (
        "Một lựa chọn mà các nhánh trùng nhau, hoặc có hồ sơ không có nhánh nào để đi.",
        "Các nhánh rời một bước: hồ sơ đi đúng một nhánh, nên mỗi nhánh phải nói khi nào: `when"
        " <kết quả>`, hoặc `otherwise` cho trường hợp còn lại. Báo: hai nhánh cùng `when`; hai"
        " `otherwise`; một nhánh không có cả hai khi bước còn nhánh khác (muốn chạy cả hai thì"
        " viết `a -> all(b, c)`); và các nhánh có `when` mà thiếu `otherwise`. Tên sau `when`"
        " có thể viết tiếng Việt không dấu (`when du_ho_so`).",
        "Hồ sơ khớp hai nhánh bị xử lý hai cách hoặc ngẫu nhiên; hồ sơ không khớp nhánh nào"
        " dừng mà không có quyết định; pháp luật đòi mọi hồ sơ được giải quyết hoặc từ chối"
        f" bằng văn bản nêu rõ lý do (Điều 16, Điều 17 {N63}; {N118}).",
        SAI,
        DUNG,
    ),
    "TT407": (
        "Một phần luồng xử lý có quá nhiều trạng thái để xét hết: chỉ kiểm tra được một phần.",
        "Các kiểm tra song song (TT403, TT405) xét mọi thứ tự thực hiện. Phần luồng xử lý dựng"
        " từ các khối (nối tiếp, lựa chọn, vòng lặp, `all(a, b) -> c`) được quyết định trọn"
        " vẹn; phần còn lại, nơi các nhánh song song chờ nhau chéo khối, được xét từng trạng"
        " thái và dừng ở giới hạn (`max-flow-states`, mặc định 20.000; `max-flow-megabytes`,"
        " 64; `max-flow-seconds`, 0,5 giây). Cảnh báo này nói giới hạn nào đã dừng việc xét.",
        "Thủ tục chưa được xét hết vẫn có thể có hồ sơ chờ mãi hoặc trả kết quả trước khi đủ ý"
        f" kiến; Bộ phận Một cửa phải giải quyết đúng hạn và chờ mọi cơ quan ({N118}). Gộp mỗi"
        " nhóm nhánh song song trước bước tiếp theo (`all(a, b) -> c`) thì luồng luôn được xét"
        " trọn vẹn.",
        SAI,
        DUNG,
    ),
    "TT501": (
        "Đường xử lý dài nhất vượt thời hạn giải quyết theo luật.",
        "So tổng thời gian của đường xử lý dài nhất (từ tiếp nhận tới trả kết quả; đồng hồ tính"
        " lại sau khi bổ sung hồ sơ; các nhánh song song tính theo nhánh chậm nhất) với thời"
        ' hạn giải quyết. Thời hạn có điều kiện (`deadline 6 working_days when "cần xác'
        ' minh"`) chỉ kéo dài cho hồ sơ cần xác minh. Phương án gắn với luồng (`through` các'
        " bước, `via` kết quả rẽ nhánh, `avoiding` các bước) được so với đường dài nhất trong"
        " các đường nó áp dụng, kể cả phương án ngắn hơn; phát hiện nêu phương án, các đường và"
        " các bước của đường. `deadline immediately` được tính là 1"
        " ngày làm việc (thiết lập `immediate_deadline_days`). Ngày làm việc và ngày theo lịch"
        " được so theo `day_rule` của thủ tục, nếu không thì theo thiết lập `day-rule` của dự"
        " án (mặc định `calendar_as_working`); chỉ với `strict` thì thủ tục trộn hai loại mới"
        " không được kiểm tra (TT504 báo việc đó).",
        f"Thời hạn giải quyết là một bộ phận của mọi thủ tục (điểm đ khoản 2 Điều 8 {N63}),"
        " tính từ khi nhận đủ hồ sơ hợp lệ và tính lại khi hồ sơ bổ sung đã đầy đủ"
        f" ({N118}). Quy trình nội bộ mà thời gian các bước cộng lại vượt thời hạn thì chắc"
        " chắn sinh ra hồ sơ trễ hạn. Thời hạn công bố cho một trường hợp là lời hứa với người"
        " nộp hồ sơ thuộc trường hợp đó: bộ phận một cửa trao giấy tiếp nhận hẹn ngày trả kết"
        " quả, và hồ sơ sắp trễ phải có văn bản xin lỗi, hẹn lại không quá một lần (Điều 17 và"
        " khoản 9 Điều 19 Nghị định 61/2018/NĐ-CP; Nghị định 107/2021/NĐ-CP sửa đổi và Nghị"
        " định 118/2025 thay thế chưa được đối chiếu).",
        SAI,
        DUNG,
    ),
    "TT502": (
        "Một bước trên đường xử lý không ghi thời gian.",
        "Khi thời hạn là một khoảng thời gian, mọi bước mà đồng hồ chạy qua trên đường tới kết"
        " quả phải ghi thời gian thực hiện (`takes`). Các bước chỉ ở nhánh bổ sung, hoặc sau"
        " bước xin lỗi, không tính.",
        f"Thời hạn giải quyết là một bộ phận của mọi thủ tục (điểm đ khoản 2 Điều 8 {N63}), và"
        " các tỉnh công bố quy trình nội bộ ghi thời gian từng bước, cộng lại phải vừa thời"
        " hạn; bước không ghi thời gian bị TT501 tính là 0 và che mất việc vượt hạn.",
        SAI,
        DUNG,
    ),
    "TT503": (
        "Thủ tục được chuyển cấp nay có thời hạn dài hơn trước.",
        "Với thủ tục có `moved { from ... deadline N ... }`: so thời hạn mới với thời hạn cũ."
        " Ngày làm việc và ngày theo lịch chỉ được so khi thủ tục ghi `day_rule"
        " calendar_as_working`, hoặc khi thời hạn mới tính bằng ngày làm việc và thời hạn cũ"
        " bằng ngày.",
        "Cải cách năm 2025 chuyển thủ tục về cấp xã để phục vụ gần hơn, nhanh hơn: cấp giấy"
        " chứng nhận quyền sử dụng đất lần đầu từ 23 ngày qua hai cấp còn 20 ngày ở một cấp"
        " (Phụ lục I Nghị định 151/2025/NĐ-CP). Không luật nào cấm thời hạn dài hơn, nên đây là"
        " cảnh báo: hãy đối chiếu văn bản mới, và bỏ qua kèm lý do nếu đúng là dài hơn.",
        SAI,
        DUNG,
    ),
    "TT504": (
        "Ngày làm việc và ngày theo lịch bị trộn lẫn mà thủ tục không nói cách so sánh.",
        "Thời hạn và thời gian các bước của một thủ tục tính theo thời gian làm việc"
        " (`working_days`, `working_hours`) hoặc theo lịch (`days`, `hours`). Khi thủ tục trộn"
        " hai loại mà không ghi `day_rule calendar_as_working`, thời gian đầu tiên thuộc loại"
        " kia bị cảnh báo, kèm quy tắc đang áp dụng: thiết lập `day-rule` của dự án, mặc định"
        " `calendar_as_working` (một ngày theo lịch tính là một ngày làm việc, và TT501 kiểm"
        " tra thời hạn theo quy tắc đó); với `day_rule strict` thì không so sánh và TT501"
        " không chạy. Một ngày làm việc bằng 8 giờ làm việc.",
        "Văn bản ghi một số thời hạn bằng \u201cngày làm việc\u201d và một số bằng \u201cngày\u201d"
        " (\u201c15 ngày\u201d, Điều 38 Luật Hộ tịch 2014): ngày làm việc không tính ngày nghỉ"
        " hằng tuần và ngày nghỉ lễ, tết (Điều 112 Bộ luật Lao động 2019), thời hạn tính theo"
        " Điều 147, 148 Bộ luật Dân sự 2015, nên 15 ngày và 15 ngày làm việc kết thúc ở hai"
        " ngày khác nhau, không cộng hay so sánh trực tiếp được.",
        SAI,
        DUNG,
    ),
    "TT505": (
        "Các bước của một giai đoạn mất nhiều thời gian hơn thời hạn riêng của giai đoạn đó.",
        'Mỗi giai đoạn (`phases { tham_dinh "Thẩm định" budget 10 working_days steps a, b }`)'
        " gom một số bước và có thời hạn riêng. Đường xử lý dài nhất chỉ đi qua các bước của"
        " giai đoạn, tính như TT501 (các nhánh song song theo nhánh chậm nhất, đồng hồ tính lại"
        " sau khi bổ sung hồ sơ), phải vừa thời hạn đó. Ngày làm việc và ngày theo lịch được so"
        " theo `day_rule` của thủ tục hoặc của từng bước.",
        "Quy trình nội bộ công bố chia thời hạn giải quyết thành các giai đoạn, mỗi đơn vị một"
        " giai đoạn: khi giải quyết liên thông, mỗi cơ quan nhận hồ sơ kèm nhiệm vụ và thời gian"
        f" của mình (Điều 20 {N118}, đọc qua nguồn thứ cấp), còn thời hạn chung là một bộ phận"
        f" của thủ tục (điểm đ khoản 2 Điều 8 {N63}). Giai đoạn mà các bước vượt thời hạn"
        " của nó làm đơn vị đó trễ hạn, dù tổng thời gian vẫn vừa.",
        SAI,
        DUNG,
    ),
    "TT506": (
        "Cơ quan phối hợp được dành nhiều thời gian hơn chính bước mà nó phối hợp.",
        "Một bước có thể ghi các cơ quan cùng thực hiện với người thực hiện bước (\u201cX phối"
        " hợp Y\u201d), mỗi cơ quan kèm thời gian riêng: `coordinates province.tax_office for 3"
        " working_days`. Thời gian đó nằm trong thời gian của bước (`takes`): bước không thể"
        " xong trước khi việc phối hợp xong. Thời gian phối hợp dài hơn thời gian của bước bị"
        " báo; bước không ghi `takes` thì tính theo thời gian phối hợp dài nhất (TT501, TT505).",
        "Khi giải quyết liên thông, Bộ phận Một cửa chuyển cho mỗi cơ quan nhiệm vụ kèm thời"
        f" gian riêng (Điều 20 {N118}, đọc qua nguồn thứ cấp), và thời gian của mọi cơ quan đều"
        f" nằm trong thời hạn giải quyết của thủ tục (điểm đ khoản 2 Điều 8 {N63}). Thời gian"
        " phối hợp dài hơn bước nghĩa là thời gian bước đã công bố không giữ được, và kiểm tra"
        " thời hạn đang tính một thời gian mà quy trình không có.",
        SAI,
        DUNG,
    ),
    "TT507": (
        "Thời hạn kéo dài không gắn với thời hạn giải quyết nào, hoặc không nêu trường hợp áp"
        " dụng.",
        'Phần kéo dài (`deadline +10 days when "vùng sâu, vùng xa"`, \u201c+10 ngày\u201d)'
        " cộng thời gian của nó vào thời hạn giải quyết thông thường cho trường hợp mà `when`"
        " nêu; TT501 kiểm tra mọi đường theo thời hạn đã kéo dài và các đường không qua bước"
        " xác minh theo thời hạn thông thường. Phần kéo dài cần cả hai: một thời hạn không phải"
        " là phần kéo dài, và một điều kiện.",
        "Pháp luật tính thời gian kéo dài từ khi hết thời hạn được kéo dài, và chỉ cho phép"
        " trong trường hợp đã nêu: với giấy phép xây dựng, khi cần xem xét thêm, \u201ckhông"
        " được quá 10 ngày kể từ ngày hết hạn\u201d (khoản 1 Điều 102 Luật Xây dựng 2014, sửa"
        " đổi năm 2020). Kéo dài mà không có thời hạn thì không có mốc để tính, và kéo dài không"
        " nêu trường hợp thì âm thầm kéo dài thời hạn của mọi hồ sơ.",
        SAI,
        DUNG,
    ),
    "TT508": (
        "Một phương án thời hạn gắn với những đường xử lý mà luồng không bao giờ đi qua.",
        "Thời hạn có thể nêu các đường xử lý nó áp dụng: `through` các bước mà đường đi qua,"
        " `via` các kết quả rẽ nhánh (`when x` trong luồng), `avoiding` các bước đường không"
        " qua; TT501 so phương án với đường dài nhất trong các đường đó. Khi không đường xử lý"
        " có tính thời gian nào thỏa (hai bước `through` ở hai nhánh loại trừ nhau, một `via`"
        " trên mũi tên của bước bổ sung, nơi đồng hồ tính lại), phương án bị báo vì sẽ không"
        " bao giờ được kiểm tra. Tên không có trong luồng do TT005 báo.",
        "Mỗi thời hạn thủ tục công bố là lời hứa với người nộp hồ sơ thuộc trường hợp đó: bộ"
        " phận một cửa trao giấy tiếp nhận hẹn ngày trả kết quả, và hồ sơ sắp trễ phải có văn"
        " bản xin lỗi, hẹn lại (Điều 17 và khoản 9 Điều 19 Nghị định 61/2018/NĐ-CP, nay được"
        f" thay bằng {N118}, chưa đối chiếu điều khoản). Lời hứa không gắn với đường nào của"
        " quy trình nội bộ là lời hứa mà không bước nào được lên kế hoạch để giữ.",
        SAI,
        DUNG,
    ),
    "TT601": (
        "Mã thủ tục không theo định dạng quốc gia `d.dddddd`.",
        "Mã thủ tục gồm một chữ số, dấu chấm và sáu chữ số, như `1.001193`.",
        "Cơ sở dữ liệu quốc gia về thủ tục hành chính (Điều 3, Điều 24 đến 26 Nghị định"
        " 63/2010/NĐ-CP) tìm mọi thủ tục theo mã này; Cổng Dịch vụ công quốc gia cũng vậy. Mã"
        " viết khác không dẫn tới đâu và không đồng bộ được (định dạng theo dữ liệu trên cổng;"
        " chưa thấy văn bản quy định định dạng).",
        SAI,
        DUNG,
    ),
    "TT602": (
        "Hai thủ tục trong kho cùng một mã và cùng có hiệu lực một lúc.",
        "Mọi cặp thủ tục cùng mã có thời gian áp dụng (`effective` .. `until`) trùng nhau. Các"
        " phiên bản nối tiếp nhau theo thời gian không bị coi là trùng, tệp `.tthc` và tệp YAML"
        " nói đúng cùng một nội dung cũng vậy.",
        f"Mã xác định một thủ tục trên Cơ sở dữ liệu quốc gia (Điều 24 đến 26 {N63}): hai bản"
        " ghi cùng mã cùng lúc thì cổng dịch vụ công, hệ thống một cửa và công cụ này không"
        " biết quy định nào áp dụng cho hồ sơ.",
        SAI,
        DUNG,
    ),
    "TT603": (
        "Thủ tục thiếu thông tin bắt buộc.",
        "Phần đầu thủ tục có lĩnh vực (`field`), cấp thực hiện (`level`), kết quả (`result`),"
        " thời hạn (`deadline`) và cách thức thực hiện (`channels`). Một thông báo liệt kê mọi"
        " thứ còn thiếu. Thiếu căn cứ pháp lý (`basis`) là việc của TT105.",
        f"Khoản 1, khoản 2 Điều 8 {N63} chỉ coi thủ tục là đầy đủ khi có căn cứ pháp lý, cách"
        " thức thực hiện, thời hạn giải quyết, cơ quan giải quyết và kết quả; Cơ sở dữ liệu"
        " quốc gia ghi lĩnh vực và cấp thực hiện của từng thủ tục. Bản ghi thiếu chúng không"
        " công bố hay kiểm tra được.",
        SAI,
        DUNG,
    ),
    "TT604": (
        "Thủ tục liên thông tới một thủ tục không có trong kho.",
        "Mọi mã trong `links` phải là một thủ tục của dự án.",
        f"Liên thông chuyển hồ sơ tới cơ quan của thủ tục liên quan ({N118}, thay thế Nghị định"
        " 61/2018/NĐ-CP từ ngày 01/7/2025; Điều 20 theo các nguồn dẫn lại); khi thủ tục đó"
        " không có, không kiểm tra được các bước, thời hạn, thẩm quyền của nó, và cổng dịch vụ"
        " công cấu hình từ kho không có nơi gửi hồ sơ.",
        SAI,
        DUNG,
    ),
    "TT605": (
        "Thủ tục cấp huyện không có thủ tục kế tiếp ở cấp xã hoặc cấp tỉnh trong kho.",
        "Với thủ tục `level district`, kho phải có một thủ tục cấp xã hoặc cấp tỉnh cùng mã"
        " (phiên bản sau), hoặc ghi `moved { from district }` và cùng thẩm quyền (`power`).",
        "Cấp huyện kết thúc hoạt động ngày 30/6/2025 (Nghị quyết 202/2025/QH15): thủ tục của"
        " cấp huyện được chuyển về xã hoặc lên tỉnh bằng các nghị định lĩnh vực năm 2025 (ví dụ"
        " Điều 4 Nghị định 120/2025/NĐ-CP, Điều 5 Nghị định 151/2025/NĐ-CP). Thủ tục cấp huyện"
        " không có thủ tục kế tiếp là một dịch vụ không còn cơ quan nào cung cấp.",
        SAI,
        DUNG,
    ),
    "TT606": (
        "Cùng một quy trình nội bộ được chép cho các thủ tục có thời hạn khác nhau.",
        "Các thủ tục khác mã mà quy trình nội bộ có cùng các bước theo cùng thứ tự (cùng loại"
        " bước, cùng đơn vị thực hiện, cùng thời gian từng bước, ít nhất ba bước có thời gian)"
        " thì phải có cùng thời hạn. Một thông báo nêu mọi thủ tục dùng chung quy trình ấy và"
        " thời hạn của từng thủ tục. Các phiên bản của cùng một thủ tục (cùng mã) không bị so"
        " với nhau.",
        f"Thời hạn giải quyết là một bộ phận của mỗi thủ tục (điểm đ khoản 2 Điều 8 {N63}), và"
        " quy trình nội bộ công bố cho một thủ tục chia thời hạn đó cho các bước: một quy trình"
        " không thể vừa với hai thời hạn khác nhau. Các tỉnh thường chép quy trình của thủ tục"
        " này sang thủ tục khác; khi đó hoặc thời hạn dài hơn được hứa mà không có kế hoạch"
        " thời gian, hoặc các bước không kịp thời hạn ngắn hơn.",
        SAI,
        DUNG,
    ),
    "TT607": (
        "Nguồn công bố không nêu một số phần của thủ tục: dữ liệu chưa đầy đủ.",
        "Thủ tục chép từ một bản ghi đã công bố mà bản ghi thiếu một phần (không có mã thủ tục"
        " quốc gia, không nêu kết quả, không nêu cách thức thực hiện…) thì ghi rõ điều đó bằng"
        " dòng `unstated code, result, channels` thay vì tự đặt ra giá trị. Một thông báo duy"
        " nhất liệt kê các phần ấy; các kiểm tra vốn báo thiếu từng phần (TT601 với mã ghi tạm,"
        " TT603, TT105; với nguồn không có quy trình nội bộ, `unstated steps`, thì TT301, TT306,"
        " TT310, TT402) không báo nữa. Phần nào ghi `unstated` mà thủ tục vẫn nêu giá trị cũng"
        " được chỉ ra để bỏ khỏi dòng. Thủ tục viết tay chỉ đơn giản bỏ trống, không có"
        " `unstated`, vẫn bị TT601, TT603, TT105 báo lỗi.",
        f"Khoản 2 Điều 8 {N63} chỉ coi thủ tục là đầy đủ khi có tên, trình tự, cách thức thực"
        " hiện, thành phần hồ sơ, thời hạn giải quyết, đối tượng, cơ quan giải quyết và, khi"
        " có, kết quả và phí, lệ phí; quyết định công bố nêu các bộ phận đó (Điều 15) và thông"
        " tin trên Cơ sở dữ liệu quốc gia có giá trị thi hành (Điều 25). Vì vậy mỗi phần phải"
        " lấy từ văn bản công bố, không được đoán. Bản ghi thiếu một phần là dữ liệu chưa đầy"
        " đủ cần bổ sung từ quyết định công bố, không phải một thủ tục có bao nhiêu lỗi bằng"
        " bấy nhiêu trường còn thiếu.",
        SAI,
        DUNG,
    ),
    "TT701": (
        "Một chức danh vừa thẩm định vừa phê duyệt hồ sơ khi cần hai người khác nhau.",
        "Trong thủ tục ghi `two_persons yes`, bước quyết định không được có cùng chủ thể với"
        " bước xem xét hoặc xác minh đứng trước nó: như vậy một người thẩm định hồ sơ rồi tự"
        " phê duyệt kết quả thẩm định của mình. So theo tên chức danh.",
        "Quy trình một cửa tách hai việc: người đứng đầu phân công công chức thẩm định hồ sơ và"
        f" quyết định dựa trên báo cáo của người đó ({N118}; điều khoản chưa kiểm chứng)."
        " `two_persons yes` ghi lại rằng văn bản của chính thủ tục đòi hai người khác nhau.",
        SAI,
        DUNG,
    ),
    "TT702": (
        "Một bước đọc giấy tờ cá nhân mà công việc của bước không cần.",
        "Bước thu phí, chuyển hồ sơ, trả kết quả hoặc xin lỗi không được ghi trong `reads` một"
        " thành phần hồ sơ đánh dấu `personal`: các việc đó không phụ thuộc nội dung giấy tờ"
        " cá nhân của người nộp.",
        "Dữ liệu cá nhân chỉ được thu thập, xử lý trong phạm vi và mục đích cần thiết (khoản 4"
        " Điều 3 Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân; Luật Bảo vệ dữ liệu cá"
        " nhân số 91/2025/QH15, có hiệu lực từ ngày 01/01/2026). Mỗi bước đọc thêm giấy khai"
        " sinh hay căn cước là thêm một người, một hệ thống giữ dữ liệu đó.",
        SAI,
        DUNG,
    ),
    "TT901": (
        "Lời chú thích bỏ qua mà không bỏ qua lỗi nào.",
        "Mọi mã ghi trong chú thích `# tthc: allow` hoặc `# tthc: allow-file` có lý do phải"
        " ứng với một lỗi của mã đó trên dòng (hoặc trong tệp). Mã không có gì để bỏ qua, mã"
        " không tồn tại, mã không được phép bỏ qua (TT001, TT008, TT901, TT902) và chú thích"
        " `tthc:` không hiểu được đều bị báo.",
        "Chú thích bỏ qua ghi lại rằng một yêu cầu pháp lý được đánh giá là không áp dụng ở"
        " một chỗ. Khi lỗi ban đầu đã hết, chú thích cũ sẽ che lỗi thật tiếp theo mà không ai"
        f" quyết định. Điều 24 {N63} buộc bộ trưởng, chủ tịch tỉnh chịu trách nhiệm về tính"
        " chính xác của thủ tục công bố.",
        SAI,
        DUNG,
    ),
    "TT902": (
        "Lời chú thích bỏ qua không ghi lý do.",
        "Mọi chú thích `# tthc: allow` phải ghi lý do sau `--`: `# tthc: allow TT306 -- <lý"
        " do>`. Chú thích không có lý do không bỏ qua gì: lỗi vẫn được báo.",
        "Người xem lại thủ tục sau này (cơ quan kiểm soát thủ tục hành chính, thanh tra, người"
        " soạn tiếp theo) phải thấy được đánh giá đó. Điều 16, Điều 17 Nghị định 63/2010/NĐ-CP"
        " đòi \u201cnêu rõ lý do bằng văn bản\u201d khi cơ quan không làm theo yêu cầu của người"
        " dân; bỏ một kiểm tra đại diện cho yêu cầu pháp lý cũng cần như vậy.",
        SAI,
        DUNG,
    ),
    "TT999": (
        "Một kiểm tra bị lỗi trên thủ tục này; các kiểm tra khác vẫn chạy.",
        "Không kiểm tra gì: mã này báo một lỗi của chính công cụ tthc, nêu tên kiểm tra và chỗ"
        " hỏng.",
        "Lỗi của công cụ không được che các lỗi khác, cũng không được trôi qua im lặng: thủ tục"
        f" chưa được kiểm tra hết không được đưa vào sử dụng như đã kiểm tra ({N118}).",
        "Bất kỳ dữ liệu nào làm một kiểm tra bị lỗi.",
        "Gửi thông báo cho nhóm phát triển tthc; bản thân tệp có thể đúng.",
    ),
}
