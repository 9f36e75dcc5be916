"""The Vietnamese words an official types for a value, and the value they stand for.

Input: nothing. Output: `ALIASES` (value terminal → canonical value → Vietnamese words; the
first word is also the value's gloss in messages and in docs/thuat-ngu.md), `canonical()`
(what the parser and the YAML loader make of a Vietnamese word), `grammar_terminals()` (the
`…_VI` terminals of grammar.lark, which `tests/dsl/test_vietnamese_slips.py` holds equal to
this table) and `gloss()`.

The decision (docs/thuat-ngu.md): values get Vietnamese aliases, keywords do not. A value is
a word of the law (`cấp xã`, `trực tuyến toàn trình`, `ngày làm việc`, `Điều`, `khoản`), read
the same in both front ends and written back by `tthc fmt` in one canonical spelling
(`commune`, `online full`, `working_days`, `art`, `clause`). A keyword is the shape of the file:
a Vietnamese word in its place is answered with the keyword to write, glossed in Vietnamese.

Each word is accepted with its marks or without them (`cấp xã`, `cap xa`), in any case, with
any spaces between its parts. Only words with marks count for `Điều` and `khoản`: without
them they would be read as an identifier where one may stand (`basis a dieu` in a step).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from tthc.dsl.span import Where

# terminal → canonical value → Vietnamese words (the first is the gloss).
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "LEVEL": {
        "central": ("trung ương", "cấp trung ương"),
        "province": ("cấp tỉnh", "tỉnh"),
        "district": ("cấp huyện", "huyện"),
        "commune": ("cấp xã", "xã", "phường", "đặc khu"),
    },
    "CHANNEL": {
        "direct": ("trực tiếp", "nộp trực tiếp"),
        "postal": ("bưu chính", "qua bưu chính", "dịch vụ bưu chính công ích"),
        "online": ("trực tuyến", "nộp trực tuyến"),
    },
    "ONLINE_LEVEL": {"full": ("toàn trình",), "partial": ("một phần",)},
    "BOOL": {"yes": ("có",), "no": ("không",)},
    "DURATION_UNIT": {
        "working_days": ("ngày làm việc",),
        "days": ("ngày",),
        "working_hours": ("giờ làm việc",),
        "hours": ("giờ",),
    },
    "STEP_KIND": {
        "reception": ("tiếp nhận", "tiếp nhận hồ sơ"),
        "supplement": ("bổ sung", "yêu cầu bổ sung", "bổ sung hồ sơ"),
        "transfer": ("chuyển hồ sơ",),
        "review": ("thẩm định", "xem xét", "xử lý"),
        "verification": ("xác minh",),
        "consultation": ("lấy ý kiến",),
        "decision": ("quyết định", "phê duyệt"),
        "signature": ("ký", "ký duyệt"),
        "fee": ("thu phí", "thu lệ phí", "nộp phí"),
        "refusal": ("từ chối",),
        "apology": ("xin lỗi", "phiếu xin lỗi"),
        "result": ("trả kết quả",),
        "posting": ("niêm yết", "niêm yết công khai"),
        "waiting": ("thời gian chờ", "chờ theo quy định"),
        "payment": ("nộp tiền", "thực hiện nghĩa vụ tài chính"),
    },
    "SIGNATURE": {"digital": ("ký số", "số", "chữ ký số"), "handwritten": ("ký tay", "tay")},
    "GRANT_MODE": {
        "devolution": ("phân quyền",),
        "decentralization": ("phân cấp",),
        "authorization": ("ủy quyền", "uỷ quyền"),
        "delineation": ("phân định thẩm quyền", "phân định"),
    },
    "INSTRUMENT_KIND": {
        "law": ("luật", "bộ luật"),
        "resolution": ("nghị quyết",),
        "decree": ("nghị định",),
        "circular": ("thông tư",),
        "decision": ("quyết định",),
        "local_resolution": ("nghị quyết hđnd", "nghị quyết hội đồng nhân dân"),
        "dispatch": ("công văn", "công điện"),
        "act": ("văn bản cá biệt",),
    },
    "AUTHORITY_KIND": {
        "person": ("cá nhân", "chức danh"),
        "collective": ("tập thể",),
        "unit": ("đơn vị", "cơ quan"),
    },
}

# The words of a citation: `Điều 18 khoản 1` is `art 18 clause 1`.
CITATION_WORDS: dict[str, tuple[str, ...]] = {"art": ("điều",), "clause": ("khoản",)}
_MARKED_ONLY = {"ARTICLE_VI": "art", "CLAUSE_VI": "clause"}


def plain(text: str) -> str:
    """Lower case, no marks (đ as d), one space between words."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.lower().split()).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_BY_PLAIN: dict[str, dict[str, str]] = {
    terminal: {plain(word): value for value, words in table.items() for word in words}
    for terminal, table in ALIASES.items()
}


def canonical(terminal: str, typed: str) -> str | None:
    """The value a Vietnamese word stands for where `terminal` is expected, or None."""
    return _BY_PLAIN.get(terminal, {}).get(plain(typed))


def gloss(terminal: str, value: str) -> str | None:
    """The Vietnamese term of a value (`commune` → `cấp xã`), or None."""
    words = ALIASES.get(terminal, {}).get(value)
    return words[0] if words else None


def converter(terminal: str) -> Callable[[str, Where], str]:
    """What the transformer makes of a `…_VI` token: the canonical value's text."""
    table = _BY_PLAIN[terminal]

    def convert(text: str, where: Where) -> str:
        return table[plain(text)]

    return convert


def _pattern(words: list[str]) -> str:
    parts = sorted(set(words), key=lambda w: (-len(w), w))  # the longest alternative first
    body = "|".join(r"[ \t]+".join(word.split(" ")) for word in parts)
    return f"/(?:{body})(?!\\w)/i"


def grammar_terminals() -> str:
    """The alias terminals of grammar.lark, one a line, as this table makes them."""
    lines = []
    for terminal, table in ALIASES.items():
        words = [w for ws in table.values() for word in ws for w in (word, plain(word))]
        lines.append(f"{terminal}_VI.2: {_pattern(words)}")
    for terminal, value in _MARKED_ONLY.items():
        lines.append(f"{terminal}.2: {_pattern(list(CITATION_WORDS[value]))}")
    return "\n".join(lines)
