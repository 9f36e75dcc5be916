"""`tthc check --on DATE` and its API (`Config.with_options(on=...)`, `Settings.on`): of the
versions of one procedure only the one in force on the day is checked, and against the law of
that day.

The chain is the corpus's construction permit for an individual house (1.013225): district
level until 2025-06-30, commune level under Decree 140/2025 from 2025-07-01 to 2026-06-30,
commune level under Decree 217/2026 from 2026-07-01. To see which version a check read, each
copy gets the same fault (its reception step takes 40 days, past any deadline: TT501); the
finding's file is the version that was checked.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.compiler import load_project
from tthc.rules import Config, check_paths, check_project

ROOT = Path(__file__).resolve().parents[2]
PROCEDURES = ROOT / "procedures"
REGISTRY = PROCEDURES / "registry"
CHAIN = PROCEDURES / "xay-dung"
DISTRICT = "cap-giay-phep-xay-dung-nha-o-rieng-le-truoc-2025-07-01.tthc"
DECREE_140 = "cap-giay-phep-xay-dung-nha-o-rieng-le.tthc"
DECREE_217 = "cap-giay-phep-xay-dung-nha-o-rieng-le-tu-2026-07-01.tthc"
SLOW_RECEPTION = {
    DISTRICT: ("by district.one_stop  takes 1 days", "by district.one_stop  takes 40 days"),
    DECREE_140: ("by commune.one_stop  takes 1 days", "by commune.one_stop  takes 40 days"),
    DECREE_217: (
        "by commune.one_stop  takes 0.5 working_days  reads",
        "by commune.one_stop  takes 40 working_days  reads",
    ),
}


@pytest.fixture
def faulty_chain(tmp_path: Path) -> Path:
    for name, (before, after) in SLOW_RECEPTION.items():
        text = (CHAIN / name).read_text(encoding="utf-8")
        assert text.count(before) == 1, name
        (tmp_path / name).write_text(text.replace(before, after), encoding="utf-8")
    return tmp_path


def checked_files(folder: Path, on: dt.date | None) -> set[str]:
    config = Config().with_options(on=on) if on else Config()
    _, diagnostics = check_paths([folder], config, registry=[REGISTRY])
    assert {d.code for d in diagnostics if Path(d.span.path).parent == folder} >= {"TT501"}
    return {Path(d.span.path).name for d in diagnostics if d.code == "TT501"}


def test_without_a_day_every_version_is_checked_on_its_own_date(faulty_chain: Path) -> None:
    assert checked_files(faulty_chain, None) == set(SLOW_RECEPTION)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2024, 3, 1), DISTRICT),
        (dt.date(2025, 6, 30), DISTRICT),  # the last day of the district level
        (dt.date(2025, 7, 1), DECREE_140),
        (dt.date(2026, 6, 30), DECREE_140),  # a dossier filed the day before the change
        (dt.date(2026, 7, 1), DECREE_217),
        (dt.date(2027, 6, 1), DECREE_217),
    ],
)
def test_on_a_day_only_the_version_in_force_is_checked(
    faulty_chain: Path, on: dt.date, expected: str
) -> None:
    assert checked_files(faulty_chain, on) == {expected}


def test_the_version_is_checked_against_the_law_of_the_day(tmp_path: Path) -> None:
    # The Decree-140 version without its end date: on its own period its citations hold; on
    # 2027-03-15 the Construction Law 2014 is replaced (Law 135/2025), Decree 175/2024 has ended
    # (2026-06-30) and Decree 140/2025 has ceased (from 2027-03-01): TT104 on each.
    text = (CHAIN / DECREE_140).read_text(encoding="utf-8")
    text = text.replace("  until        2026-06-30\n", "")
    (tmp_path / DECREE_140).write_text(text, "utf-8")
    in_window = Config().with_options(on=dt.date(2025, 9, 1))
    after = Config().with_options(on=dt.date(2027, 3, 15))
    assert not check_paths([tmp_path], in_window, registry=[REGISTRY])[1]
    found = check_paths([tmp_path], after, registry=[REGISTRY])[1]
    assert {d.code for d in found} == {"TT104"}
    cited = {text.splitlines()[d.span.line - 1][d.span.column - 1 :].split()[0] for d in found}
    assert cited == {"luat-xay-dung-2014", "nd-140-2025", "nd-175-2024,"}, cited


def test_the_cli_names_the_version_it_checked_and_what_is_not_in_force() -> None:
    result = CliRunner().invoke(
        main, ["check", str(PROCEDURES), "--on", "2026-06-30", "--no-cache"]
    )
    assert result.exit_code == 0, result.stdout
    assert f"1.013225: phiên bản áp dụng là {CHAIN / DECREE_140}" in result.stderr
    # The land certificate rested on Decree 151/2025 Art. 5, which ended on 2026-01-30.
    assert "1.013978: không kiểm tra" in result.stderr
    english = CliRunner().invoke(
        main, ["check", str(PROCEDURES), "--on", "2026-07-01", "--lang", "en", "--no-cache"]
    )
    assert f"1.013225: the version in force is {CHAIN / DECREE_217} (of 3 versions)" in (
        english.stderr
    )


def test_a_day_that_is_not_a_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", str(PROCEDURES), "--on", "2026-13-01"])
    assert result.exit_code == 2
    assert "2026-13-01" in result.stderr


def test_the_project_in_memory_gives_what_the_pipeline_gives(faulty_chain: Path) -> None:
    config = Config().with_options(on=dt.date(2025, 7, 1))
    project = load_project([faulty_chain], registry=[REGISTRY])
    in_memory = check_project(project, config)
    _, piped = check_paths([faulty_chain], config, registry=[REGISTRY])
    assert [(d.span, d.code) for d in in_memory] == [(d.span, d.code) for d in piped]
    assert {Path(d.span.path).name for d in in_memory if d.code == "TT501"} == {DECREE_140}


def test_a_cached_run_on_one_day_is_not_replayed_on_another(
    faulty_chain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(faulty_chain)
    shutil.copytree(REGISTRY, faulty_chain / "registry")

    def flagged(day: str) -> str:
        args = ["check", ".", "--on", day, "--format", "concise", "-q"]
        return CliRunner().invoke(main, args).stdout

    first, other, again = flagged("2025-06-30"), flagged("2026-07-01"), flagged("2025-06-30")
    assert DISTRICT in first and DECREE_217 not in first
    assert DECREE_217 in other and DISTRICT not in other
    assert again == first  # replayed from the cache of its own day
    assert (faulty_chain / ".tthc_cache").is_dir()


def test_the_day_may_be_configured(faulty_chain: Path) -> None:
    (faulty_chain / "tthc.toml").write_text(
        f'registry = ["{REGISTRY.as_posix()}"]\n[settings]\non = 2026-07-01\n', encoding="utf-8"
    )
    _, diagnostics = check_paths([faulty_chain])
    assert {Path(d.span.path).name for d in diagnostics if d.code == "TT501"} == {DECREE_217}
