"""Versions by date: the construction permit for an individual house has three versions in the
corpus (district level under the Construction Law 2014 until 2025-06-30; commune level under
Decree 140/2025 from 2025-07-01 to 2026-06-30; commune level under Construction Law 135/2025 and
Decree 217/2026 from 2026-07-01). `version_in_force` picks the one of the dossier's filing day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tthc.compiler import load_project
from tthc.compiler.model import ProcedureModel
from tthc.compiler.versions import VersionProblem, version_in_force, versions

ROOT = Path(__file__).resolve().parents[2]
MODEL = load_project([ROOT / "procedures"]).model
CODE = "1.013225"
DISTRICT = "cap-giay-phep-xay-dung-nha-o-rieng-le-truoc-2025-07-01.tthc"
DECREE_140 = "cap-giay-phep-xay-dung-nha-o-rieng-le.tthc"
DECREE_217 = "cap-giay-phep-xay-dung-nha-o-rieng-le-tu-2026-07-01.tthc"


def test_the_chain_holds_three_versions_in_date_order() -> None:
    assert [Path(p.path).name for p in versions(MODEL, CODE)] == [DISTRICT, DECREE_140, DECREE_217]


@pytest.mark.parametrize(
    ("filed", "expected"),
    [
        (dt.date(2024, 3, 1), DISTRICT),
        (dt.date(2025, 6, 30), DISTRICT),
        (dt.date(2025, 7, 1), DECREE_140),
        (dt.date(2026, 6, 30), DECREE_140),  # filed the day before the change: the old version
        (dt.date(2026, 7, 1), DECREE_217),
        (dt.date(2027, 6, 1), DECREE_217),
    ],
)
def test_the_version_in_force_on_the_filing_day_is_picked(filed: dt.date, expected: str) -> None:
    picked = version_in_force(MODEL, CODE, filed)
    assert isinstance(picked, ProcedureModel)
    assert Path(picked.path).name == expected


def test_each_version_is_checked_against_the_law_of_its_own_period() -> None:
    deadlines = {
        Path(p.path).name: (p.node.deadlines[0].duration.amount, p.node.deadlines[0].duration.unit)
        for p in versions(MODEL, CODE)
        if p.node.deadlines and p.node.deadlines[0].duration is not None
    }
    assert deadlines[DECREE_140][0] == 15
    assert deadlines[DECREE_217][0] == 7
    assert str(deadlines[DECREE_217][1]) == "working_days"


def test_an_unknown_code_is_a_problem_not_a_crash() -> None:
    picked = version_in_force(MODEL, "9.999999", dt.date(2026, 1, 1))
    assert isinstance(picked, VersionProblem)
    assert "no procedure has the code" in picked.message


def test_a_date_with_no_version_says_so() -> None:
    picked = version_in_force(MODEL, "1.013228", dt.date(2026, 1, 1))
    assert isinstance(picked, VersionProblem)
    assert "no version" in picked.message
