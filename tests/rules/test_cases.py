"""Rule case files: each file under `cases/` is checked together with the test registry; a
line marked `# expect: TT201` (or `# expect: TT201, TT005`) must get exactly those codes
starting on that line, and a file without markers must be clean.

File names say what they show: `TT201_fail.tthc`, `TT201_pass.yaml`, …
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tthc.rules import Config, check_paths

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if p.suffix in {".tthc", ".yaml", ".yml"})
REGISTRY = HERE / "registry"
MARKER = re.compile(r"#\s*expect:\s*(TT\d{3}(?:\s*,\s*TT\d{3})*)")


def expected_codes(path: Path) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            expected |= {(number, code.strip()) for code in match.group(1).split(",")}
    return expected


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_case_file(case: Path) -> None:
    _, diagnostics = check_paths([case], Config(), registry=[REGISTRY])
    found = {(d.span.line, d.code) for d in diagnostics if d.span.path == str(case)}
    elsewhere = [
        f"{d.span}: {d.code} {d.message.en}" for d in diagnostics if d.span.path != str(case)
    ]
    assert elsewhere == [], "diagnostics outside the case file"
    assert sorted(found) == sorted(expected_codes(case)), "\n".join(
        f"{d.span}: {d.code} {d.message.en}" for d in diagnostics
    )


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    from tthc.rules import RULES

    names = {p.stem for p in CASES}
    missing = [
        rule.code
        for rule in RULES
        if not any(n.startswith(f"{rule.code}_fail") for n in names)
        or not any(n.startswith(f"{rule.code}_pass") for n in names)
    ]
    assert missing == []
