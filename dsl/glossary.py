"""The Vietnamese legal term of every keyword of the language: the one source of the glossary.

Input: nothing. Output: `KEYWORDS` (keyword or YAML key → its Vietnamese term, then the other
words an official may type for it), `term()` (the gloss a message prints beside a keyword,
`field` (lĩnh vực)), `keywords_for()` (the keywords a Vietnamese word stands for) and
`glossary_markdown()` (docs/thuat-ngu.md, with the values of `tthc.dsl.reading.aliases`).

Keywords have no Vietnamese form (docs/thuat-ngu.md says why); a Vietnamese word typed in a
keyword's place is answered with the keyword, glossed with the term below, in both front ends
(`tthc.dsl.reading.syntax_errors`, `tthc.dsl.yaml.vietnamese_keys`). A keyword written with
its value (`ký số` is `signs digital`) is listed whole.
"""

from __future__ import annotations

from tthc.dsl.reading.aliases import ALIASES, CITATION_WORDS, plain

# keyword → (the term, other words typed for it). Grouped as docs/thuat-ngu.md shows them.
KEYWORDS: dict[str, tuple[str, ...]] = {
    # the procedure (fields of a record in the national database of procedures)
    "procedure": ("thủ tục hành chính", "thủ tục"),
    "procedures": ("các thủ tục hành chính", "các thủ tục"),
    "code": ("mã thủ tục", "mã", "mã số"),
    "name": ("tên thủ tục", "tên"),
    "field": ("lĩnh vực",),
    "level": ("cấp thực hiện", "cấp"),
    "effective": ("ngày áp dụng", "hiệu lực", "ngày hiệu lực"),
    "until": ("ngày cuối áp dụng", "hết hiệu lực", "đến ngày"),
    "power": ("thẩm quyền",),
    "moved": ("chuyển cấp thực hiện", "chuyển cấp", "chuyển từ"),
    "from": ("từ", "bên giao", "cấp cũ"),
    "deadline": ("thời hạn giải quyết", "thời hạn"),
    "immediately": ("giải quyết ngay", "ngay"),
    "through": ("áp dụng cho đường xử lý qua các bước", "qua các bước", "đi qua"),
    "via": ("áp dụng cho nhánh theo kết quả", "theo nhánh", "theo kết quả"),
    "avoiding": ("áp dụng cho đường xử lý không qua các bước", "không qua bước", "không qua"),
    "basis": ("căn cứ pháp lý", "căn cứ"),
    "art": CITATION_WORDS["art"],
    "clause": CITATION_WORDS["clause"],
    "applicants": ("đối tượng thực hiện", "đối tượng"),
    "channels": ("cách thức thực hiện", "cách thức", "kênh", "hình thức nộp"),
    "anywhere": ("không phụ thuộc địa giới hành chính", "phi địa giới"),
    "day_rule": ("cách tính ngày", "quy đổi ngày"),
    "result": ("kết quả thực hiện", "kết quả"),
    "fee": ("phí, lệ phí", "phí", "lệ phí", "phí lệ phí"),
    "amount": ("mức thu", "số tiền"),
    "description": ("nội dung thu", "mô tả"),
    "links": ("thủ tục liên thông", "liên thông"),
    "two_persons": ("người thẩm định khác người phê duyệt", "hai người"),
    # the dossier
    "dossier": ("thành phần hồ sơ", "hồ sơ"),
    "id": ("định danh", "mã định danh"),
    "title": ("tên gọi", "tiêu đề", "tên bước"),
    "form": ("mẫu đơn, tờ khai", "mẫu", "mẫu đơn", "tờ khai"),
    "copies": ("số lượng bản", "số bản", "bản"),
    "required": ("bắt buộc",),
    "optional": ("không bắt buộc", "nếu có"),
    "personal": ("chứa dữ liệu cá nhân", "dữ liệu cá nhân"),
    # the steps and their order
    "steps": ("các bước thực hiện", "các bước", "bước"),
    "kind": ("loại", "loại bước"),
    "by": ("người thực hiện", "chủ thể", "cơ quan thực hiện"),
    "takes": ("thời gian thực hiện", "thời gian"),
    "reads": ("giấy tờ sử dụng", "đọc", "giấy tờ"),
    "signs": ("cách ký", "hình thức ký"),
    "signs digital": ("ký số", "ký điện tử"),
    "notifies": ("thông báo cho người nộp", "thông báo"),
    "notifies applicant": ("thông báo cho người nộp", "thông báo"),
    "with": ("bên được lấy ý kiến", "lấy ý kiến của"),
    "coordinates": ("cơ quan phối hợp", "phối hợp", "phối hợp với"),
    "for": ("trong thời gian", "trong"),
    "phases": ("các giai đoạn", "giai đoạn"),
    "budget": ("thời hạn của giai đoạn", "thời hạn giai đoạn"),
    "head of": ("lãnh đạo (người đứng đầu hoặc cấp phó được giao)", "lãnh đạo"),
    "head": ("lãnh đạo (người đứng đầu hoặc cấp phó được giao)", "lãnh đạo"),
    "or": ("hoặc (nơi thực hiện khác)", "hoặc"),
    "not counted": ("không tính vào thời gian giải quyết", "không tính"),
    "counted": ("tính vào thời gian giải quyết",),
    "unstated": ("nguồn không nêu", "không nêu", "không nêu rõ"),
    "flow": ("trình tự thực hiện", "luồng", "luồng xử lý", "trình tự"),
    "when": ("khi (nhánh theo kết quả)", "nếu"),
    "otherwise": ("trường hợp còn lại", "ngược lại"),
    "clock paused": ("tạm dừng tính thời hạn", "tạm dừng"),
    "all": ("đồng thời (các bước song song)", "đồng thời", "song song"),
    # the registry (sổ đăng ký)
    "authority": ("cơ quan, chức danh có thẩm quyền", "cơ quan"),
    "authorities": ("các cơ quan, chức danh", "các cơ quan"),
    "of": ("thuộc",),
    "one_stop": ("Bộ phận Một cửa", "một cửa"),
    "staff": ("số người làm việc", "biên chế"),
    "aliases": ("tên gọi khác", "cách viết khác"),
    "starts": ("ngày bắt đầu", "bắt đầu"),
    "instrument": ("văn bản", "văn bản pháp luật"),
    "instruments": ("các văn bản",),
    "number": ("số, ký hiệu văn bản", "số hiệu", "ký hiệu"),
    "issuer": ("cơ quan ban hành",),
    "signed": ("ngày ký", "ngày ban hành"),
    "in_force": ("ngày có hiệu lực", "có hiệu lực"),
    "replaces": ("thay thế",),
    "confidence": ("mức tin cậy",),
    "source": ("nguồn",),
    "grant": ("giao thẩm quyền", "giao quyền"),
    "grants": ("các giao thẩm quyền",),
    "to": ("bên nhận", "cho"),
    "mode": ("hình thức giao thẩm quyền", "hình thức"),
    "conditions": ("điều kiện",),
    "resources": ("nguồn lực",),
    "transfer": ("chuyển giao thẩm quyền", "chuyển giao"),
    "transfers": ("các chuyển giao thẩm quyền",),
}


def term(keyword: str) -> str | None:
    """The Vietnamese term of a keyword (`field` → `lĩnh vực`), or None."""
    words = KEYWORDS.get(keyword)
    return words[0] if words else None


_BY_PLAIN: dict[str, list[tuple[str, str]]] = {}
for _keyword, _words in KEYWORDS.items():
    for _word in _words:
        for _typed in {plain(_word), plain(_word).replace(" ", "_"), plain(_word).replace(" ", "")}:
            _BY_PLAIN.setdefault(_typed, []).append((_keyword, _words[0]))


def keywords_for(typed: str) -> list[tuple[str, str]]:
    """The keywords a typed Vietnamese word stands for, each with its term (`lĩnh_vực`,
    `linh vuc`, `LĨNH VỰC` → [(`field`, `lĩnh vực`)]); marks, case and `_` do not count."""
    key = plain(typed.replace("_", " ").replace("-", " "))
    return list(_BY_PLAIN.get(key, []))


_SECTIONS = (
    ("Thủ tục", "procedure", "dossier"),
    ("Thành phần hồ sơ", "dossier", "steps"),
    ("Các bước và trình tự", "steps", "authority"),
    ("Sổ đăng ký", "authority", None),
)
_VALUE_TITLES = {
    "LEVEL": "Cấp thực hiện (`level`, `from`)",
    "CHANNEL": "Cách thức thực hiện (`channels`)",
    "ONLINE_LEVEL": "Mức trực tuyến (sau `online`)",
    "BOOL": "Có / không",
    "DURATION_UNIT": "Đơn vị thời gian (`deadline`, `takes`)",
    "STEP_KIND": "Loại bước",
    "SIGNATURE": "Cách ký (`signs`)",
    "GRANT_MODE": "Hình thức giao thẩm quyền (`mode`)",
    "INSTRUMENT_KIND": "Loại văn bản (`instrument`)",
    "AUTHORITY_KIND": "Loại cơ quan, chức danh (`kind`)",
}


def glossary_markdown() -> str:
    """The tables of docs/thuat-ngu.md: keywords with their terms, values with their words."""
    names = list(KEYWORDS)
    lines: list[str] = []
    for title, first, after in _SECTIONS:
        lines += [
            f"### Từ khóa: {title}",
            "",
            "| từ khóa | thuật ngữ | cũng hiểu khi gõ |",
            "|---|---|---|",
        ]
        stop = names.index(after) if after else len(names)
        for keyword in names[names.index(first) : stop]:
            words = KEYWORDS[keyword]
            typed = ", ".join(words[1:]) or "—"
            lines.append(f"| `{keyword}` | {words[0]} | {typed} |")
        lines.append("")
    for terminal, table in ALIASES.items():
        lines += [f"### Giá trị: {_VALUE_TITLES[terminal]}", ""]
        lines += ["| giá trị chuẩn | thuật ngữ | cũng nhận (viết lại thành giá trị chuẩn) |"]
        lines.append("|---|---|---|")
        for value, words in table.items():
            lines.append(f"| `{value}` | {words[0]} | {', '.join(words)} |")
        lines.append("")
    return "\n".join(lines)
