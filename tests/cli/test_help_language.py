"""`--help` in the user's language (issue 19): every command has a Vietnamese help text, shown
with Vietnamese headings under vi; under en the help is the English written with the command; and
the Vietnamese table is read only when help is asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from tthc.cli.help_language import commands
from tthc.cli.help_texts import COMMANDS
from tthc.cli.main import main

PATHS = [path for path, _ in commands(main)]
VI = {"TTHC_LANG": "vi", "LANG": ""}
EN = {"TTHC_LANG": "en", "LANG": ""}


def test_every_command_has_a_vietnamese_help_and_the_table_names_no_other() -> None:
    assert sorted(COMMANDS) == sorted(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_each_help_reads_in_vietnamese_under_vi(path: str) -> None:
    arguments = [*path.split()[1:], "--help"]
    run = CliRunner().invoke(main, arguments, env=VI, prog_name="tthc")
    assert run.exit_code == 0
    assert run.stdout.startswith(f"Cách dùng: {path}")
    assert " ".join(COMMANDS[path].split("\n")[0].split()[:4]) in " ".join(run.stdout.split())
    assert "Tùy chọn:" in run.stdout and "Hiện trợ giúp này và thoát." in run.stdout
    assert "Usage:" not in run.stdout and "Show this message and exit." not in run.stdout


@pytest.mark.parametrize("path", PATHS)
def test_each_help_reads_in_english_under_en_after_a_vietnamese_one(path: str) -> None:
    arguments = [*path.split()[1:], "--help"]
    CliRunner().invoke(main, arguments, env=VI, prog_name="tthc")
    run = CliRunner().invoke(main, arguments, env=EN, prog_name="tthc")
    assert run.exit_code == 0
    assert run.stdout.startswith(f"Usage: {path}") and "Options:" in run.stdout
    assert "Cách dùng" not in run.stdout and "Hiện trợ giúp" not in run.stdout


def test_the_shared_options_are_worded_in_vietnamese() -> None:
    run = CliRunner().invoke(main, ["graph", "-h", "--lang", "vi"], env=EN, prog_name="tthc")
    assert "Ngôn ngữ của thông báo" in run.stdout and "Mã thủ tục" in run.stdout
    assert "svg (tthc tự vẽ)" in run.stdout


def test_every_option_the_table_names_exists() -> None:
    from tthc.cli.help_texts import OPTIONS

    found = {(path, p.name) for path, command in commands(main) for p in command.params}
    for path, name in OPTIONS:
        assert path == "*" or (path, name) in found, (path, name)


def test_the_options_of_check_are_all_worded_in_vietnamese() -> None:
    from tthc.cli.help_texts import OPTIONS

    check = dict(commands(main))["tthc check"]
    for param in check.params:
        if param.name and getattr(param, "help", None):
            assert ("tthc check", param.name) in OPTIONS or ("*", param.name) in OPTIONS


def test_an_option_without_an_english_help_gets_no_vietnamese_one() -> None:
    run = CliRunner().invoke(main, ["explain", "--help"], env=VI, prog_name="tthc")
    assert "Mã thủ tục" not in run.stdout  # explain's --code is a diagnostic code


def test_the_vietnamese_help_is_not_imported_unless_help_is_asked_for() -> None:
    code = (
        "import sys\nfrom tthc.cli.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('tthc.cli.help_texts' in sys.modules, 'tthc.cli.usage_errors' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1].split() == ["False", "False"]
