"""`tthc rules`, `tthc explain` and the configuration options of `tthc check`: what they print
and the exit codes (0 clean, 1 findings at or above fail-on, 2 usage or configuration)."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl import CODES

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
CLEAN = RULES_DIR / "cases" / "clean_birth_registration.tthc"


def tthc(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


# ---- tthc rules -----------------------------------------------------------------------------


def test_rules_lists_every_code_as_json() -> None:
    code, out, _ = tthc("rules", "--format", "json", "--lang", "en")
    assert code == 0
    rows = json.loads(out)
    assert [row["code"] for row in rows] == list(CODES)
    tt201 = next(row for row in rows if row["code"] == "TT201")
    assert tt201 | {"checked_by": None} == {
        "code": "TT201",
        "name": "re-decentralization",
        "severity": "error",
        "family": "TT2xx",
        "family_name": "delegation",
        "title": "Re-delegation of a phân cấp power",
        "checked_by": None,
    }
    tt901 = next(row for row in rows if row["code"] == "TT901")
    assert tt901["checked_by"] == "rule"


def test_rules_prints_titles_in_the_chosen_language() -> None:
    _, vietnamese, _ = tthc("rules", "--lang", "vi")
    _, english, _ = tthc("rules", "--lang", "en")
    assert "TT902  suppression-without-reason" in english
    assert "Dòng bỏ qua không ghi lý do" in vietnamese
    assert "Suppression without reason" in english
    assert len(vietnamese.splitlines()) >= len(CODES)


# ---- tthc explain ---------------------------------------------------------------------------


def test_explain_prints_the_four_sections_in_english() -> None:
    code, out, _ = tthc("explain", "TT902", "--lang", "en")
    assert code == 0
    assert out.startswith("TT902 suppression-without-reason (error, TT9xx tool")
    for heading in ("What it checks", "Why it matters", "Example", "Use instead"):
        assert f"\n{heading}\n" in out
    assert "  vi: Dòng bỏ qua không ghi lý do" in out
    assert "```tthc" in out


def test_explain_in_vietnamese_is_vietnamese_with_the_same_example() -> None:
    code, out, _ = tthc("explain", "tt902", "--lang", "vi")
    assert code == 0
    assert out.startswith("TT902 suppression-without-reason (Lỗi, TT9xx: Bản thân công cụ)")
    for heading in ("Kiểm tra gì", "Vì sao quan trọng", "Nên viết"):
        assert f"\n{heading}\n" in out
    assert "Nghị định 63/2010/NĐ-CP" in out and "Decree" not in out
    _, english, _ = tthc("explain", "tt902", "--lang", "en")
    fence = re.compile(r"```.*?```", re.S)
    assert fence.findall(out) == fence.findall(english)


def test_explain_accepts_a_name() -> None:
    code, out, _ = tthc("explain", "unused-suppression", "--lang", "en")
    assert code == 0 and out.startswith("TT901 unused-suppression")


def test_explain_a_reading_code_shows_its_documentation() -> None:
    code, out, _ = tthc("explain", "TT005", "--lang", "en")
    assert code == 0
    assert "What it checks" in out and "Use instead" in out and "commune.chairman" in out


@pytest.mark.parametrize(
    ("asked", "suggested"), [("TT2O1", "TT201"), ("unused-supression", "unused-suppression")]
)
def test_explain_an_unknown_code_exits_2_with_a_suggestion(asked: str, suggested: str) -> None:
    code, out, err = tthc("explain", asked, "--lang", "en")
    assert code == 2 and out == ""
    assert f"did you mean '{suggested}'" in err


# ---- tthc check with configuration --------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with the test registry and one procedure that has one TT007 warning."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(RULES_DIR / "registry", tmp_path / "registry")
    decomposed = unicodedata.normalize("NFD", "Trả kết quả")
    text = CLEAN.read_text(encoding="utf-8").replace('"Trả kết quả"', f'"{decomposed}"')
    (tmp_path / "procedures").mkdir()
    (tmp_path / "procedures" / "birth.tthc").write_text(text, encoding="utf-8")
    (tmp_path / "tthc.toml").write_text('registry = ["registry"]\n', encoding="utf-8")
    return tmp_path


def test_check_finds_the_configuration_and_warnings_do_not_fail(project: Path) -> None:
    code, out, _ = tthc("check", str(project / "procedures"), "--lang", "en")
    assert code == 0
    assert "warning[TT007]" in out


def test_fail_on_warning_fails(project: Path) -> None:
    code, _, _ = tthc("check", str(project / "procedures"), "--fail-on", "warning")
    assert code == 1


def test_fail_on_from_the_configuration(project: Path) -> None:
    (project / "tthc.toml").write_text('registry = ["registry"]\nfail-on = "warning"\n')
    code, _, _ = tthc("check", str(project / "procedures"))
    assert code == 1


def test_ignore_and_select_on_the_command_line(project: Path) -> None:
    procedures = str(project / "procedures")
    code, out, _ = tthc("check", procedures, "--ignore", "TT007", "--fail-on", "warning")
    assert code == 0 and "TT007" not in out
    code, out, _ = tthc("check", procedures, "--select", "TT1,TT2", "--fail-on", "warning")
    assert code == 0 and "TT007" not in out


def test_an_unknown_code_on_the_command_line_exits_2(project: Path) -> None:
    code, _, err = tthc("check", str(project / "procedures"), "--select", "TT2O1", "--lang", "en")
    assert code == 2 and "did you mean 'TT201'" in err


def test_an_invalid_configuration_exits_2_naming_file_line_and_key(project: Path) -> None:
    (project / "tthc.toml").write_text('registry = ["registry"]\nfail_on = "warning"\n')
    code, out, err = tthc("check", str(project / "procedures"), "--lang", "en")
    assert code == 2 and out == ""
    assert f"{project / 'tthc.toml'}:2:1: error[TT002]" in err
    assert "did you mean 'fail-on'" in err


def test_an_explicit_configuration_file(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("ci") / "strict.toml"
    registry = (project / "registry").as_posix()
    elsewhere.write_text(f'registry = ["{registry}"]\nseverity = {{ TT007 = "error" }}\n')
    code, out, _ = tthc("check", str(project / "procedures"), "--config", str(elsewhere))
    assert code == 1 and "Lỗi [TT007]" in out


def test_a_missing_configuration_file_is_a_usage_error(project: Path) -> None:
    code, _, _ = tthc("check", str(project / "procedures"), "--config", str(project / "no.toml"))
    assert code == 2
