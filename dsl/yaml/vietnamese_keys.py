"""The YAML keys an official types in Vietnamese, and the key to write instead.

Input: a key the loader does not know (`lĩnh_vực`, `Thời hạn`, `can cu`). Output: the English
key it most likely stands for (`field`, `deadline`, `basis`), with its Vietnamese term, or
None. The words and terms are the glossary's (`tthc.dsl.glossary`, docs/thuat-ngu.md), which
answers the same slips in `.tthc` files; marks, case, spaces and underscores do not count, so
`lĩnh vực`, `linh_vuc` and `LĨNH VỰC` are one word. Only a key valid where it was typed is
offered.
"""

from __future__ import annotations

from tthc.dsl.glossary import keywords_for


def english_key(typed: str, allowed: list[str]) -> tuple[str, str] | None:
    """The valid key a Vietnamese key stands for, with its Vietnamese term, or None."""
    return next(((key, term) for key, term in keywords_for(typed) if key in allowed), None)
