"""The exit codes of `tthc check`, as CI reads them: 0 no finding at or above the fail level,
1 findings, 2 usage, configuration or I/O error (README "Exit codes")."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "rules" / "cases"
REGISTRY = ROOT / "tests" / "rules" / "registry" / "base.tthc"


def project_with(tmp: Path, *cases: str) -> Path:
    """A scratch project: the test registry and the named case files."""
    folder = tmp / "procedures"
    folder.mkdir()
    shutil.copy(REGISTRY, folder / "registry.tthc")
    for case in cases:
        shutil.copy(CASES / case, folder / case)
    return folder


def clean(tmp: Path) -> list[str]:
    return [str(project_with(tmp, "clean_birth_registration.tthc"))]


def warnings_only(tmp: Path) -> list[str]:
    return [str(project_with(tmp, "TT306_fail.tthc"))]  # an unused dossier component: warning


def errors(tmp: Path) -> list[str]:
    return [str(project_with(tmp, "TT401_fail.tthc"))]


def bad_config(tmp: Path) -> list[str]:
    folder = project_with(tmp, "clean_birth_registration.tthc")
    (tmp / "tthc.toml").write_text('fail_on = "warning"\n', encoding="utf-8")  # fail-on
    return [str(folder)]


def missing_path(tmp: Path) -> list[str]:
    return [*clean(tmp), str(tmp / "no-such-folder")]


def broken_link(tmp: Path) -> list[str]:
    (tmp / "gone.tthc").symlink_to(tmp / "deleted.tthc")
    return [*clean(tmp), str(tmp / "gone.tthc")]


def unreadable_file(tmp: Path) -> list[str]:
    # Tests run as root, who can read a chmod 000 file. Reading /proc/self/mem from its start
    # fails with EIO for everyone: a regular file that truly cannot be read.
    (tmp / "memory.tthc").symlink_to("/proc/self/mem")
    return [*clean(tmp), str(tmp / "memory.tthc")]


def a_pipe(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.tthc")  # reading it would wait forever: refused, not opened
    return [*clean(tmp), str(tmp / "pipe.tthc")]


MATRIX: list[tuple[str, Callable[[Path], list[str]], list[str], int]] = [
    ("clean", clean, [], 0),
    ("warnings only", warnings_only, [], 0),
    ("warnings only, --fail-on warning", warnings_only, ["--fail-on", "warning"], 1),
    ("errors", errors, [], 1),
    ("errors, --exit-zero", errors, ["--exit-zero"], 0),
    (
        "warnings, --fail-on warning --exit-zero",
        warnings_only,
        ["--fail-on", "warning", "--exit-zero"],
        0,
    ),
    ("errors, machine format", errors, ["--format", "sarif"], 1),
    ("bad option", clean, ["--format", "xml"], 2),
    ("unknown option", clean, ["--colour"], 2),
    ("bad --jobs", clean, ["--jobs", "0"], 2),
    ("bad --select", clean, ["--select", "TT2O1"], 2),
    ("--statistics with a machine format", clean, ["--statistics", "--format", "json"], 2),
    ("bad config", bad_config, [], 2),
    ("missing config file", clean, ["--config", "nowhere.toml"], 2),
    ("missing path", missing_path, [], 2),
    ("broken symbolic link named", broken_link, [], 2),
    ("unreadable file named", unreadable_file, [], 2),
    ("a pipe named", a_pipe, [], 2),
    ("errors, --exit-zero, missing path", missing_path, ["--exit-zero"], 2),
]


@pytest.mark.parametrize(
    ("setup", "options", "expected"),
    [pytest.param(setup, options, expected, id=name) for name, setup, options, expected in MATRIX],
)
def test_exit_code(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    setup: Callable[[Path], list[str]],
    options: list[str],
    expected: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    paths = setup(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", *paths, *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == expected, result.output
    if expected == 2:
        assert result.stderr.strip(), "a usage error says what is wrong"


def test_a_file_that_cannot_be_read_inside_a_folder_is_a_finding_not_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = project_with(tmp_path, "clean_birth_registration.tthc")
    (folder / "memory.tthc").symlink_to("/proc/self/mem")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "concise", str(folder)])
    assert result.exit_code == 1
    assert "memory.tthc:1:1: TT008 [Lỗi]" in result.stdout


def test_an_output_file_that_cannot_be_written_is_an_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = clean(tmp_path)
    target = tmp_path / "no-such-folder" / "report.sarif"
    result = CliRunner().invoke(
        main, ["check", "--no-cache", *paths, "--format", "sarif", "--output", str(target)]
    )
    assert result.exit_code == 2
    assert "report.sarif" in result.stderr


def test_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["check", "--help"], env={"TTHC_LANG": "en"})
    assert result.exit_code == 0
    for line in ("0  no finding", "1  findings", "2  usage, configuration or I/O error"):
        assert line in result.output
