"""`examples/faulty/`: one small realistic file per reading problem (TT001-TT008). Each opens
with a comment saying what is wrong, in Vietnamese then in English, and marks the line where
the diagnostic starts with `# expect: TT00x`; checked on its own, it gets exactly those codes.

Files are read as bytes: the TT008 example is deliberately not UTF-8.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tthc.rules import check_paths

FAULTY = Path(__file__).resolve().parent.parent / "examples" / "faulty"
FILES = sorted(p for p in FAULTY.iterdir() if p.suffix in {".tthc", ".yaml", ".yml"})
MARKER = re.compile(r"#\s*expect:\s*(TT\d{3}(?:\s*,\s*TT\d{3})*)")


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", errors="replace").splitlines()


def expected_codes(path: Path) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(_lines(path), start=1):
        match = MARKER.search(line)
        if match:
            expected |= {(number, code.strip()) for code in match.group(1).split(",")}
    return expected


def test_one_file_per_reading_code() -> None:
    codes = sorted(code for path in FILES for _, code in expected_codes(path))
    assert codes == [f"TT00{n}" for n in range(1, 9)]
    assert sorted(p.name[:5] for p in FILES) == codes


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_faulty_example_gets_exactly_its_codes(path: Path) -> None:
    _, diagnostics = check_paths([path])
    found = {(d.span.line, d.code) for d in diagnostics}
    assert all(d.span.path == str(path) for d in diagnostics)
    assert found == expected_codes(path), [f"{d.span} {d.code} {d.message.en}" for d in diagnostics]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_faulty_example_says_what_is_wrong_in_both_languages(path: Path) -> None:
    vietnamese, english = _lines(path)[:2]
    code = path.name[:5]
    assert vietnamese.startswith(("# Lỗi " + code, "# Cảnh báo " + code)), vietnamese
    assert english.startswith(f"# {code} ("), english
