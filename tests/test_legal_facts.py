"""Facts that earn their marks: every `verified` entry of the registry has a reading record
(document, articles, date read, which copy), every citation of every procedure names an
instrument of the registry that is in force through the procedure's whole window (express
repeals and early ends of articles included, `procedures/registry/provisions.toml`), and the
plan for 2027-03-01 lists exactly the procedures that end on 2027-02-28.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tthc.compiler import load_project
from tthc.compiler.legal_records import (
    Provision,
    citation_gaps,
    load_records,
    timing_problems,
    unrecorded_verified,
)
from tthc.dsl import ast

ROOT = Path(__file__).resolve().parent.parent
PROCEDURES = ROOT / "procedures"
REGISTRY = PROCEDURES / "registry"
PLAN = PROCEDURES / "ke-hoach-2027-03-01.toml"
MODEL = load_project([PROCEDURES]).model
RECORDS = load_records(REGISTRY)


def test_the_records_files_read_without_a_problem() -> None:
    assert RECORDS.problems == ()
    assert RECORDS.readings and RECORDS.provisions


def test_no_verified_entry_lacks_its_reading_record() -> None:
    assert unrecorded_verified(MODEL, RECORDS) == []


def test_every_reading_record_supports_an_entry_of_the_registry() -> None:
    known = set(MODEL.instruments) | set(MODEL.grants) | set(MODEL.transfers)
    assert [r.entry for r in RECORDS.readings if r.entry not in known] == []


def test_a_verified_entry_without_a_record_is_found(tmp_path: Path) -> None:
    (tmp_path / "readings.toml").write_text("readings = []\n", encoding="utf-8")
    assert "nd-217-2026" in unrecorded_verified(MODEL, load_records(tmp_path))


def test_an_incomplete_reading_record_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "readings.toml").write_text(
        '[[readings]]\nentry = "nd-217-2026"\ndocument = "x"\n', encoding="utf-8"
    )
    records = load_records(tmp_path)
    assert records.readings == ()
    assert [p.message for p in records.problems] == ["readings[0] is incomplete"]


PROCEDURE_FILES = sorted({p.path for p in MODEL.procedures})


@pytest.mark.parametrize("path", PROCEDURE_FILES, ids=lambda p: str(Path(p).name))
def test_each_cited_instrument_exists_and_is_in_force_through_the_procedure(path: str) -> None:
    gaps = [
        f"{p.code} {g.citation.instrument.value} art {g.citation.article}: {g.reason}"
        for p in MODEL.procedures
        if p.path == path
        for g in citation_gaps(MODEL, RECORDS, p.node)
    ]
    assert gaps == []


def _citation(text: str) -> ast.Citation:
    instrument, _, rest = text.partition(" art ")
    span = MODEL.procedures[0].node.span
    return ast.Citation(span=span, instrument=ast.Name(span=span, value=instrument), article=rest)


def test_an_article_repealed_early_ends_before_its_decree() -> None:
    article_4 = RECORDS.last_day(MODEL, _citation("nd-140-2025 art 4"))
    article_29 = RECORDS.last_day(MODEL, _citation("nd-140-2025 art 29"))
    assert article_4 == dt.date(2026, 6, 30)
    assert article_29 == dt.date(2027, 2, 28)


def test_a_superseded_provision_ends_the_day_before_the_newer_rule_takes_effect() -> None:
    assert not timing_problems(MODEL, RECORDS)
    superseded = [p for p in RECORDS.provisions if p.superseded_by]
    assert {p.kind for p in superseded} == {"repeal", "early-expiry"}


def test_early_expiry_is_modelled_as_data_and_a_wrong_day_is_found(tmp_path: Path) -> None:
    (tmp_path / "provisions.toml").write_text(
        "[[provisions]]\n"
        'instrument = "nd-120-2025"\narticles = ["4"]\nlast_day = 2027-03-01\n'
        'kind = "early-expiry"\nsuperseded_by = "luat-ho-tich-2026"\n'
        'by = "x"\nconfidence = "unverified"\n'
        "[[provisions]]\n"
        'instrument = "nd-120-2025"\narticles = ["5"]\nlast_day = 2027-02-28\n'
        'kind = "early-expiry"\nby = "no newer rule named"\nconfidence = "unverified"\n',
        encoding="utf-8",
    )
    records = load_records(tmp_path)
    # The day of the newer rule itself is one day too late (the convention is inclusive).
    assert timing_problems(MODEL, records) == [
        "nd-120-2025 4: last_day 2027-03-01, expected 2027-02-28"
    ]
    # Early expiry with no newer rule named is incomplete, reported, not raised.
    assert [p.message for p in records.problems] == ["provisions[1] is incomplete"]


def test_an_early_expiry_ends_the_cited_article_only() -> None:
    assert RECORDS.last_day(MODEL, _citation("nd-120-2025 art 4")) == dt.date(2027, 2, 28)
    early = [p for p in RECORDS.provisions if p.kind == "early-expiry"]
    assert early and all(p.superseded_by in MODEL.instruments for p in early)


def test_end_dates_are_the_last_day_in_force() -> None:
    """A decree that 'ceases to be in force from 1 March 2027' is in force on 28 February."""
    for name in ("nd-120-2025", "nd-125-2025", "nd-140-2025", "nd-151-2025"):
        assert MODEL.instruments[name].until == dt.date(2027, 2, 28), name


def test_a_provision_of_a_whole_instrument_covers_every_article() -> None:
    whole = Provision("nd-175-2024", (), None, dt.date(2026, 6, 30), "x", "verified")
    assert whole.covers(_citation("nd-175-2024 art 53"))
    assert not whole.covers(_citation("nd-217-2026 art 53"))


def test_the_2027_plan_lists_exactly_the_procedures_ending_on_2027_02_28() -> None:
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    planned = {(item["code"], item["file"]) for item in plan["procedures"]}
    ending = {
        (p.code, str(Path(p.path).relative_to(PROCEDURES)))
        for p in MODEL.procedures
        if p.node.until == dt.date(2027, 2, 28)
    }
    assert planned == ending
    assert all(item["actions"] and item["bases_ending"] for item in plan["procedures"])
