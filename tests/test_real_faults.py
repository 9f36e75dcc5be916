"""`examples/real-faults/`: published procedure records that are themselves wrong, reproduced as
published. Each file names its source and says what tthc reports on it; every line where a
finding starts is marked `# expect: TTxxx`. Checked alone with the corpus registry, each file
gets exactly those codes, on those lines, and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tthc.rules import check_paths

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "examples" / "real-faults"
REGISTRY = ROOT / "procedures" / "registry"
FILES = sorted(p for p in FOLDER.iterdir() if p.suffix in {".tthc", ".yaml", ".yml"})
MARKER = re.compile(r"#\s*expect:\s*(TT\d{3}(?:\s*,\s*TT\d{3})*)")
SOURCE = re.compile(r"Quyết định|Nghị định|Thông tư|github\.com|https?://|\.vn/")


def expected_codes(path: Path) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            expected |= {(number, code.strip()) for code in match.group(1).split(",")}
    return expected


def test_there_are_real_faults_to_check() -> None:
    assert FILES
    assert all(expected_codes(path) for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_published_record_gets_exactly_the_codes_it_documents(path: Path) -> None:
    _, diagnostics = check_paths([path], registry=[REGISTRY])
    found = {(d.span.line, d.code) for d in diagnostics}
    assert found == expected_codes(path), [f"{d.span} {d.code} {d.message.en}" for d in diagnostics]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_record_names_its_source_and_every_code_it_expects(path: Path) -> None:
    head = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    )
    assert SOURCE.search(head), "the header names no source"
    for _, code in expected_codes(path):
        assert code in head, f"{code} is expected but the header does not say why"


def test_the_folder_checked_at_once_gets_exactly_the_codes_its_files_document() -> None:
    """`tthc check examples/real-faults/`: the records' own registry (registry/) is read once, and
    no file's findings change when its neighbours are checked with it."""
    _, diagnostics = check_paths([FOLDER])
    found = {(Path(d.span.path).name, d.span.line, d.code) for d in diagnostics}
    expected = {(p.name, line, code) for p in FILES for line, code in expected_codes(p)}
    assert found == expected, [f"{d.span} {d.code} {d.message.en}" for d in diagnostics]
