"""The conventions of the terminal tools its users know (ruff, actionlint): colour on a terminal
with `--color` and NO_COLOR / FORCE_COLOR, `python -m tthc`, a warning and exit code 4 when
nothing was checked, and JUnit test cases skipped (not passed) for the rules that never ran on
a file that could not be read."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from tthc.cli.colour import use_colour
from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
FAULTY = ROOT / "examples" / "faulty"
ESCAPE = "\x1b["


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM"):
        monkeypatch.delenv(variable, raising=False)


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


# ---- colour ---------------------------------------------------------------------------------


def test_auto_colours_a_terminal_only() -> None:
    assert use_colour(None, Terminal())
    assert use_colour("auto", Terminal())
    assert not use_colour("auto", io.StringIO())


def test_no_color_turns_auto_off_and_force_color_turns_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour("auto", Terminal())
    assert use_colour("always", io.StringIO())  # the option is stronger than the variable
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_colour("auto", io.StringIO())
    assert not use_colour("never", Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour("auto", io.StringIO())  # NO_COLOR wins over FORCE_COLOR


def test_a_dumb_terminal_gets_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not use_colour("auto", Terminal())


@pytest.mark.parametrize("form", ["text", "concise"])
def test_color_always_styles_the_findings_and_never_leaves_them_plain(form: str) -> None:
    faulty = str(FAULTY / "TT005_unresolved_reference.tthc")
    _, coloured, _ = check("--format", form, "--color", "always", faulty)
    _, plain, _ = check("--format", form, "--color", "never", faulty)
    assert ESCAPE in coloured and ESCAPE not in plain
    assert "\x1b[31m" in coloured  # red, for the error
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_no_color_is_respected_by_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = check(str(FAULTY / "TT005_unresolved_reference.tthc"))
    assert ESCAPE not in out
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = check(str(FAULTY / "TT005_unresolved_reference.tthc"))
    assert ESCAPE in out


def test_machine_formats_are_never_coloured() -> None:
    _, out, _ = check("--format", "json", "--color", "always", str(FAULTY))
    assert ESCAPE not in out


# ---- python -m tthc -------------------------------------------------------------------------


def test_python_dash_m_tthc_runs_the_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tthc", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.startswith("tthc, version ")
    usage = subprocess.run(
        [sys.executable, "-m", "tthc", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "TTHC_LANG": "en"},  # the usage error as click words it in English
    )
    assert usage.returncode == 2 and "Usage: tthc check" in usage.stderr


# ---- nothing checked ------------------------------------------------------------------------


def test_a_run_that_finds_nothing_to_check_warns_and_exits_4(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\njobs: {}\n")
    code, out, err = check(str(tmp_path))
    assert code == 4
    assert "warning: no procedure file found in" in err and "nothing was checked" in err
    assert "Checked 0 file(s)" in out
    assert check("--exit-zero", str(tmp_path))[0] == 0


def test_a_run_that_checks_files_does_not_warn() -> None:
    code, _, err = check(str(ROOT / "examples"))
    assert code == 0 and "nothing was checked" not in err


# ---- JUnit: rules that never ran ------------------------------------------------------------


def test_junit_skips_the_rules_that_never_ran_on_a_file_that_could_not_be_read(
    tmp_path: Path,
) -> None:
    shutil.copy(FAULTY / "TT001_syntax_error.tthc", tmp_path / "broken.tthc")
    shutil.copy(ROOT / "tests" / "dsl" / "golden" / "birth.tthc", tmp_path / "birth.tthc")
    _, out, _ = check("--format", "junit", str(tmp_path))
    suites = {suite.get("name"): suite for suite in ElementTree.fromstring(out)}
    broken = suites[str(tmp_path / "broken.tthc")]
    skipped = {c.get("name") for c in broken if c.find("skipped") is not None}
    assert skipped and all(not code.startswith("TT0") for code in skipped)
    assert {"TT201", "TT401"} <= skipped
    assert broken.get("skipped") == str(len(skipped))
    reading = {c.get("name") for c in broken if c.find("skipped") is None}
    assert reading == {c for c in reading if c.startswith("TT0")}
    assert suites[str(tmp_path / "birth.tthc")].get("skipped") == "0"
