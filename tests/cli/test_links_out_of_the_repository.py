"""A pull request cannot make CI print a file from outside the repository.

A committed link (`quy-trinh.tthc -> /proc/self/environ`) or a configuration naming a registry
outside the work tree (`registry = ["/home/runner/.ssh"]`) used to be read, fail to parse, and
have its first line quoted in the diagnostic, in every format, straight into the public CI log.
Each test plants a secret beside the repository and asserts it appears in no output at all.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tthc.cli.main import main

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"
SECRET = "SECRET_TOKEN=ghp_do_not_print_me"
FORMATS = ("text", "concise", "json", "sarif", "junit", "github")


@pytest.fixture(autouse=True)
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree (`repo/.git`) holding a clean procedure and its registry, and a secret
    file beside it, outside the work tree."""
    (tmp_path / "secret.env").write_text(SECRET + "\nsecond line\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "stolen.tthc").write_text(SECRET + "\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copy(CASES / "clean_birth_registration.tthc", repo / "ok.tthc")
    shutil.copy(CASES.parent / "registry" / "base.tthc", repo / "registry.tthc")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return repo


def tthc(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def leaked(result: Result) -> bool:
    return "ghp_do_not_print_me" in result.stdout + result.stderr


@pytest.mark.parametrize("form", FORMATS)
def test_a_link_to_a_file_outside_the_repository_is_tt008_and_never_quoted(form: str) -> None:
    os.symlink("../secret.env", "stolen.tthc")
    result = tthc("check", "--no-cache", "--format", form, ".")
    assert result.exit_code == 1, result.output
    assert "TT008" in result.stdout
    assert not leaked(result)


def test_a_link_named_on_the_command_line_is_refused_too() -> None:
    """pre-commit names the changed files, links included."""
    os.symlink("../secret.env", "stolen.yaml")
    result = tthc("check", "--no-cache", "stolen.yaml", "ok.tthc", "registry.tthc")
    assert result.exit_code == 1
    assert "TT008" in result.stdout and not leaked(result)


def test_the_cache_does_not_replay_what_the_target_held() -> None:
    os.symlink("../secret.env", "stolen.tthc")
    first = tthc("check", "--format", "concise", ".")
    second = tthc("check", "--format", "concise", ".")
    assert first.stdout == second.stdout
    assert not leaked(first) and not leaked(second)


@pytest.mark.parametrize("command", [("fmt", "--check"), ("convert",), ("graph",), ("compile",)])
def test_no_other_command_quotes_the_target(command: tuple[str, ...]) -> None:
    os.symlink("../secret.env", "stolen.tthc")
    result = tthc(*command, "stolen.tthc")
    assert result.exit_code != 0
    assert not leaked(result)


def test_a_link_inside_the_repository_is_read_as_its_target() -> None:
    os.makedirs("shared")
    shutil.move("ok.tthc", "shared/ok.tthc")
    os.symlink("shared/ok.tthc", "ok.tthc")
    result = tthc("check", "--no-cache", "--format", "concise", "ok.tthc", "registry.tthc")
    assert result.exit_code == 0, result.output


def test_a_registry_outside_the_repository_named_by_the_configuration_is_refused() -> None:
    Path("tthc.toml").write_text('registry = ["../outside"]\n', encoding="utf-8")
    result = tthc("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert "TT003" in result.stderr and "tthc check . THƯ_MỤC" in result.stderr
    assert not leaked(result)


def test_a_registry_file_outside_the_repository_is_refused_as_well() -> None:
    Path("tthc.toml").write_text('registry = ["../secret.env"]\n', encoding="utf-8")
    result = tthc("check", "--no-cache", "--format", "json", ".")
    assert result.exit_code == 2
    assert not leaked(result)


def test_the_operator_may_still_name_a_registry_elsewhere_on_the_command_line() -> None:
    """Who runs CI chooses the command line; only the repository's own files are the pull
    request's. A folder named there is read (and here quoted, as it is the operator's)."""
    result = tthc("check", "--no-cache", "--format", "concise", ".", "../outside")
    assert result.exit_code == 1
    assert "TT001" in result.stdout


def test_outside_any_work_tree_a_configuration_may_name_any_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A portal's own folder is no pull request: the restriction is the work tree's."""
    portal = tmp_path / "portal"
    portal.mkdir()
    shutil.copy(CASES / "clean_birth_registration.tthc", portal / "ok.tthc")
    registry = tmp_path / "registry"
    registry.mkdir()
    shutil.copy(CASES.parent / "registry" / "base.tthc", registry / "base.tthc")
    (portal / "tthc.toml").write_text('registry = ["../registry"]\n', encoding="utf-8")
    monkeypatch.chdir(portal)
    result = tthc("check", "--no-cache", ".")
    assert result.exit_code == 0, result.output
