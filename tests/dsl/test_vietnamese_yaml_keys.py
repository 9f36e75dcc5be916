"""A Vietnamese term typed where a YAML key is expected is answered with the key to write,
glossed with the term, in both languages (`lĩnh_vực` -> "write `field` (lĩnh vực)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.dsl.yaml.loader import parse_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dang-ky-khai-sinh.yaml"
SLIPS = [
    ("field", "lĩnh_vực"),
    ("field", "Lĩnh vực"),
    ("field", "linh_vuc"),
    ("level", "cấp"),
    ("level", "cấp_thực_hiện"),
    ("deadline", "thời_hạn"),
    ("deadline", "thời hạn giải quyết"),
    ("basis", "căn_cứ"),
    ("basis", "căn cứ pháp lý"),
    ("channels", "cách_thức"),
    ("result", "kết_quả"),
    ("effective", "hiệu_lực"),
    ("power", "thẩm_quyền"),
    ("applicants", "đối_tượng"),
    ("name", "tên"),
]


@pytest.mark.parametrize(("key", "typed"), SLIPS)
def test_a_vietnamese_key_is_answered_with_the_key_to_write(key: str, typed: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    line = next(li for li in text.splitlines() if li.startswith(f"  {key}:"))
    slipped = text.replace(line, line.replace(f"  {key}:", f"  {typed}:", 1), 1)
    diagnostics = parse_yaml("thu.yaml", slipped).diagnostics
    unknown = [d for d in diagnostics if d.code == "TT002"]
    assert unknown, [d.message.vi for d in diagnostics]
    assert unknown[0].help is not None
    assert f"viết `{key}` (" in unknown[0].help.vi
    assert f"write `{key}` (" in unknown[0].help.en


def test_an_english_misspelling_still_gets_the_closest_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("  field:", "  feild:", 1)
    unknown = [d for d in parse_yaml("thu.yaml", text).diagnostics if d.code == "TT002"]
    assert unknown[0].help is not None and "'field'" in unknown[0].help.en
