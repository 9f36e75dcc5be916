"""The YAML keys an official types in Vietnamese, and the key to write instead.

Input: a key the loader does not know (`lĩnh_vực`, `Thời hạn`, `can cu`). Output: the English
key it most likely stands for (`field`, `deadline`, `basis`), or None. Keys are compared without
diacritics, case, spaces or underscores, so `lĩnh vực`, `linh_vuc` and `LĨNH VỰC` are one
word. The loader offers the key only where it is valid, with the Vietnamese term beside it.
"""

from __future__ import annotations

import unicodedata

# Vietnamese legal term -> key of the language (docs/ngon-ngu.md names each key's term).
TERMS: dict[str, tuple[str, ...]] = {
    "field": ("lĩnh vực",),
    "level": ("cấp", "cấp thực hiện"),
    "deadline": ("thời hạn", "thời hạn giải quyết"),
    "deadlines": ("các thời hạn",),
    "channels": ("cách thức", "cách thức thực hiện", "kênh", "hình thức nộp"),
    "basis": ("căn cứ", "căn cứ pháp lý"),
    "steps": ("các bước", "bước"),
    "flow": ("luồng", "luồng xử lý", "trình tự", "trình tự thực hiện"),
    "dossier": ("hồ sơ", "thành phần hồ sơ"),
    "result": ("kết quả",),
    "results": ("các kết quả",),
    "fees": ("phí", "lệ phí", "phí lệ phí"),
    "power": ("thẩm quyền",),
    "effective": ("hiệu lực", "ngày hiệu lực", "ngày áp dụng"),
    "until": ("hết hiệu lực", "đến ngày"),
    "name": ("tên", "tên thủ tục"),
    "code": ("mã", "mã thủ tục"),
    "applicants": ("đối tượng", "đối tượng thực hiện"),
    "takes": ("thời gian", "thời gian thực hiện"),
    "by": ("người thực hiện", "chủ thể", "cơ quan thực hiện"),
    "kind": ("loại", "loại bước"),
    "title": ("tiêu đề", "tên bước"),
    "reads": ("đọc", "giấy tờ"),
    "copies": ("số bản", "bản"),
    "required": ("bắt buộc",),
    "links": ("liên thông",),
    "moved": ("chuyển cấp", "chuyển từ"),
}


def plain(text: str) -> str:
    """Lower case, no diacritics (đ as d), no spaces, underscores or hyphens."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in kept if c.isalnum())


_BY_PLAIN = {plain(term): (key, term) for key, terms in TERMS.items() for term in terms}


def english_key(typed: str, allowed: list[str]) -> tuple[str, str] | None:
    """The valid key a Vietnamese key stands for, with its Vietnamese term, or None."""
    found = _BY_PLAIN.get(plain(typed))
    if found is None or found[0] not in allowed:
        return None
    return found
