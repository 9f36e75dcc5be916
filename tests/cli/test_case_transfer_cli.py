"""`tthc case transfer`: a building permit filed with the district before 1 July 2025 moves
onto the commune version of its procedure from the command line (the registry's transfer of
the power, Decree 140/2025 Art. 4(1)); each refusal is exit 1 with its reason, and the case is
left as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.compiler import load_bundle

ROOT = Path(__file__).resolve().parents[2]
PERMIT = "1.013225"  # Cấp giấy phép xây dựng nhà ở riêng lẻ
JUNE_20, JULY_2 = "2025-06-20T09:00", "2025-07-02T09:00"
COMMUNE_DIVISION = ["--officer", "x1", "--role", "commune.economic_division", "--province", "01",
                    "--commune", "00004"]  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bundle_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("bundle") / "bundle.json"
    assert run("compile", str(ROOT / "procedures"), "-o", str(path))[0] == 0
    return str(path)


@pytest.fixture
def district_case(bundle_file: str, tmp_path: Path) -> str:
    """A permit received complete by the district desk on 20 June 2025 and sent on to the
    district's division: its review is open on 1 July. Returns the store's path."""
    store = str(tmp_path / "cases.db")
    loaded = load_bundle(Path(bundle_file).read_text("utf-8")).value
    assert loaded is not None
    version = loaded.in_force(PERMIT, dt.date(2025, 6, 20))
    assert version is not None
    documents = [a for c in version.model().components for a in ("--document", c)]
    common = ["--store", store, "--bundle", bundle_file, "--now", JUNE_20]
    desk = ["--officer", "h1", "--role", "district.one_stop", "--province", "01",
            "--commune", "00004"]  # fmt: skip
    code, _, err = run(
        "case", "submit", *common, "--procedure", PERMIT, "--applicant", "name=Đỗ E",
        "--province", "01", "--commune", "00004", *documents, "--id", "GP-1",
    )  # fmt: skip
    assert code == 0, err
    assert run("case", "act", *common, "GP-1", "tiep_nhan", *desk, "--outcome", "complete")[0] == 0
    assert run("case", "act", *common, "GP-1", "chuyen", *desk)[0] == 0
    return store


def test_a_district_case_moves_to_the_commune_version(bundle_file: str, district_case: str) -> None:
    common = ["--store", district_case, "--bundle", bundle_file, "--now", JULY_2]
    code, out, err = run("case", "transfer", *common, "GP-1", *COMMUNE_DIVISION, "--key", "t1")
    assert code == 0, err
    case = json.loads(out)
    assert case["procedure_effective"] == "2025-07-01"  # the commune version
    assert case["open_steps"] == ["tham_dinh"] and case["holder"] == "commune.economic_division"
    # The same key again is harmless: the same case, no second event.
    assert run("case", "transfer", *common, "GP-1", *COMMUNE_DIVISION, "--key", "t1")[0] == 0
    code, out, _ = run("case", "history", "--store", district_case, "GP-1")
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds.count("transferred") == 1 and kinds[-1] == "transferred"
    assert run("case", "verify", "--store", district_case, "GP-1")[0] == 0


@pytest.mark.parametrize(
    ("now", "officer", "reason"),
    [
        # Before 1 July the district version is still the one in force: nothing to move to.
        ("2025-06-25T09:00", COMMUNE_DIVISION, "no-transfer"),
        # The district's own division, after the district level ended.
        (JULY_2, ["--officer", "h2", "--role", "district.construction_division",
                  "--province", "01", "--commune", "00004"], "role-not-valid"),
        # An officer of another commune.
        (JULY_2, [*COMMUNE_DIVISION[:-1], "00007"], "wrong-jurisdiction"),
        # A body the power did not move to.
        (JULY_2, ["--officer", "x2", "--role", "province.department.construction",
                  "--province", "01"], "wrong-role"),
    ],
)  # fmt: skip
def test_a_refused_transfer_is_exit_1_with_its_reason_and_changes_nothing(
    bundle_file: str, district_case: str, now: str, officer: list[str], reason: str
) -> None:
    before = run("case", "show", "--store", district_case, "GP-1")[1]
    common = ["--store", district_case, "--bundle", bundle_file, "--now", now, "--lang", "en"]
    code, out, err = run("case", "transfer", *common, "GP-1", *officer)
    assert (code, out) == (1, "")
    assert err.startswith(f"{reason}: "), err
    assert run("case", "show", "--store", district_case, "GP-1")[1] == before


def test_a_stale_version_and_an_unknown_case_are_refused(
    bundle_file: str, district_case: str
) -> None:
    common = ["--store", district_case, "--bundle", bundle_file, "--now", JULY_2]
    code, _, err = run(
        "case", "transfer", *common, "GP-1", *COMMUNE_DIVISION, "--expected-version", "1"
    )
    assert code == 1 and err.startswith("stale-version: ")
    code, _, err = run("case", "transfer", *common, "GP-9", *COMMUNE_DIVISION)
    assert code == 1 and err.startswith("unknown-case: ")
