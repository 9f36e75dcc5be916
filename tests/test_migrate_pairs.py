"""For each before/after pair of the corpus (`procedures/truoc-sau-2025.toml`), `migrate` on the
district file gives a draft whose differences from the hand-written commune file are either
decisions migrate left to the drafter or are explained in the table; and the draft itself is a
source file that parses back to the same procedure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler import load_project
from tthc.compiler.diff import diff_procedures
from tthc.compiler.legal_records import load_records
from tthc.compiler.pairs import check_pair, load_pairs
from tthc.dsl import SourceFile, parse

ROOT = Path(__file__).resolve().parent.parent
PROCEDURES = ROOT / "procedures"
TABLE = PROCEDURES / "truoc-sau-2025.toml"
PAIRS = load_pairs(TABLE)
MODEL = load_project([PROCEDURES]).model
RECORDS = load_records(PROCEDURES / "registry")


def test_the_table_holds_at_least_eight_pairs_of_existing_files() -> None:
    assert len(PAIRS) >= 8
    for pair in PAIRS:
        assert (PROCEDURES / pair.before).is_file(), pair.before
        assert (PROCEDURES / pair.after).is_file(), pair.after


@pytest.mark.parametrize("pair", PAIRS, ids=[Path(p.before).stem for p in PAIRS])
def test_migrate_then_diff_leaves_nothing_unexplained(pair: object) -> None:
    result = check_pair(pair, PROCEDURES, MODEL, RECORDS)  # type: ignore[arg-type]
    assert result.problem is None
    assert [f"{c.aspect} [{c.item}]: {c.before} -> {c.after}" for c in result.unexplained] == []


@pytest.mark.parametrize("pair", PAIRS, ids=[Path(p.before).stem for p in PAIRS])
def test_every_explanation_is_still_needed(pair: object) -> None:
    """An explanation that matches no change is stale: the files were brought together."""
    result = check_pair(pair, PROCEDURES, MODEL, RECORDS)  # type: ignore[arg-type]
    used = {(c.aspect, c.item) for c in result.changes}
    stale = [
        (e.aspect, e.item)
        for e in result.pair.explained
        if not any(a == e.aspect and (e.item in ("*", i)) for a, i in used)
    ]
    assert stale == []


@pytest.mark.parametrize("pair", PAIRS[:3], ids=[Path(p.before).stem for p in PAIRS[:3]])
def test_the_draft_text_parses_back_to_the_drafted_procedure(pair: object) -> None:
    result = check_pair(pair, PROCEDURES, MODEL, RECORDS)  # type: ignore[arg-type]
    assert result.migration is not None and result.migration.procedure is not None
    parsed = parse(SourceFile.from_text("draft.tthc", result.migration.text()))
    assert parsed.diagnostics == [] and parsed.value is not None
    assert diff_procedures(result.migration.procedure, parsed.value.procedures[0]) == []
