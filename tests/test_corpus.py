"""The corpus of real procedures (`procedures/`) and the teaching examples (`examples/`): every
file parses and resolves with no problem, and the corpus checks clean against every rule.

`examples/faulty/` holds deliberate mistakes and `examples/ci/` holds CI configuration files
(not procedures); both belong to other parts of the project and are left out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler import load_project
from tthc.compiler.project import source_files
from tthc.dsl import ast, parse_path
from tthc.rules import check_paths

ROOT = Path(__file__).resolve().parent.parent
PROCEDURES = ROOT / "procedures"
EXAMPLES = ROOT / "examples"
REGISTRY = PROCEDURES / "registry"
NOT_PROCEDURES = (EXAMPLES / "faulty", EXAMPLES / "ci")
FILES = [
    Path(p)
    for p in source_files([PROCEDURES, EXAMPLES])
    if not any(Path(p).is_relative_to(folder) for folder in NOT_PROCEDURES)
]


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", FILES, ids=[_relative(p) for p in FILES])
def test_every_file_parses_without_a_problem(path: Path) -> None:
    outcome = parse_path(path)
    assert outcome.value is not None
    assert [f"{d.span}: {d.code} {d.message.en}" for d in outcome.diagnostics] == []


def test_the_corpus_resolves_without_a_problem() -> None:
    project = load_project([PROCEDURES])
    assert [f"{d.span}: {d.code} {d.message.en}" for d in project.diagnostics] == []


def test_the_corpus_checks_clean_against_every_rule() -> None:
    _, diagnostics = check_paths([PROCEDURES])
    assert [f"{d.span}: {d.code} {d.message.en}" for d in diagnostics] == []


def test_the_corpus_holds_at_least_twelve_procedures_in_field_folders() -> None:
    procedures = load_project([PROCEDURES]).model.procedures
    assert len(procedures) >= 12
    for procedure in procedures:
        folder = Path(procedure.path).parent
        assert folder.parent == PROCEDURES and folder != REGISTRY, procedure.path


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        ("authorities.tthc", "authorities"),
        ("instruments.tthc", "instruments"),
        ("grants.tthc", "grants"),
        ("transfers.tthc", "transfers"),
    ],
)
def test_each_registry_file_holds_one_kind_of_declaration(file: str, kind: str) -> None:
    document = parse_path(REGISTRY / file).value
    assert document is not None
    held = {
        name
        for name in ("authorities", "instruments", "grants", "transfers", "procedures")
        if getattr(document, name)
    }
    assert held == {kind}


def test_every_instrument_names_its_source() -> None:
    model = load_project([REGISTRY]).model
    assert [i.id.value for i in model.instruments.values() if not i.source] == []


def test_district_authorities_end_with_the_district_level() -> None:
    model = load_project([REGISTRY]).model
    district = [a for a in model.authorities.values() if a.level is ast.Level.DISTRICT]
    assert district
    assert [
        a.id.value for a in district if a.until is None or a.until.isoformat() > "2025-06-30"
    ] == []


def _covers(power: str, held: str) -> bool:
    return power == held or power.startswith(held + ".")


def test_every_procedure_power_is_held_by_a_grant_or_a_transfer() -> None:
    model = load_project([PROCEDURES]).model
    held = [g.power.value for g in model.grants.values()]
    held += [t.power.value for t in model.transfers.values()]
    uncovered = [
        p.code
        for p in model.procedures
        if p.node.power is None or not any(_covers(p.node.power.value, h) for h in held)
    ]
    assert uncovered == []
