"""Project and file discovery, as users of ruff and pre-commit expect: the nearest configuration
upward decides the project and its registry, so a file checked alone is checked against its
registry; a run with no registry says so once; `check` and `fmt` choose the same files,
honouring `.gitignore` and the configuration's `exclude` (globs read by pathspec, in linear
time, a bad one a configuration diagnostic)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.rules import check_paths, load_config
from tthc.rules.engine.config import Config, PathOverride
from tthc.rules.engine.discovery import discover_files, procedure_files

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "dsl" / "golden" / "birth.tthc"
SHIPPED = sorted(
    [
        *(p for p in (ROOT / "examples").iterdir() if p.suffix in {".tthc", ".yaml"}),
        *(p for p in (ROOT / "procedures").rglob("*.tthc") if "registry" not in p.parts),
    ]
)
BROKEN = 'procedure "1.0" "Hỏng" {\n  steps {\n'


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- the nearest configuration decides the project -----------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_shipped_procedure_checked_alone_finds_its_registry(path: Path) -> None:
    _, diagnostics = check_paths([path])
    assert [d for d in diagnostics if d.code == "TT005"] == []


def test_a_run_with_no_registry_says_so_once_with_the_fix(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "dang-ky-khai-sinh.tthc", tmp_path / "birth.tthc")
    _, diagnostics = check_paths([tmp_path / "birth.tthc"])
    missing = [d for d in diagnostics if d.code == "TT005"]
    assert len(missing) == 1
    assert missing[0].message.en.startswith("No registry was loaded: ")
    assert missing[0].help is not None and 'registry = ["registry"]' in missing[0].help.en


def test_a_misspelt_name_beside_a_registry_is_still_reported_one_by_one(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "dang-ky-khai-sinh.tthc").read_text(encoding="utf-8")
    (tmp_path / "birth.tthc").write_text(text.replace("commune.one_stop", "commune.onestop"))
    shutil.copy(ROOT / "examples" / "registry.tthc", tmp_path / "registry.tthc")
    (tmp_path / "tthc.toml").write_text('registry = ["registry.tthc"]\n')
    _, diagnostics = check_paths([tmp_path / "birth.tthc"])
    missing = [d for d in diagnostics if d.code == "TT005"]
    assert len(missing) == text.count("commune.one_stop") >= 2
    assert all("commune.onestop" in d.message.en for d in missing)


# ---- one discovery for check and fmt -------------------------------------------------------


def test_fmt_check_at_the_repository_root_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run("fmt", "--check", "--lang", "en", ".")
    assert code == 0, err
    found = discover_files(["."]).value
    assert found is not None
    assert not any(f.startswith(("tests/", "examples/ci/", "examples/faulty/")) for f in found)
    assert {"examples/dang-ky-khai-sinh.yaml", "procedures/registry/grants.tthc"} <= set(found)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with one good procedure, a broken one under an ignored build/ folder,
    a broken draft its configuration excludes and a CI file."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.bak.tthc\n")
    (tmp_path / "tthc.toml").write_text('exclude = ["drafts/"]\n')
    for folder in ("build", "drafts", "ci", "kept"):
        (tmp_path / folder).mkdir()
    shutil.copy(GOLDEN, tmp_path / "birth.tthc")
    (tmp_path / "build" / "broken.tthc").write_text(BROKEN)
    (tmp_path / "drafts" / "broken.tthc").write_text(BROKEN)
    (tmp_path / "old.bak.tthc").write_text(BROKEN)
    (tmp_path / "ci" / "pipeline.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / "kept" / ".gitignore").write_text("!*.bak.tthc\n")
    shutil.copy(GOLDEN, tmp_path / "kept" / "birth.bak.tthc")
    return tmp_path


def test_gitignored_excluded_and_ci_files_are_skipped_by_check_and_fmt(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    assert discover_files(["."]).value == ["birth.tthc", "kept/birth.bak.tthc"]
    code, _, err = run("fmt", "--check", "--lang", "en", ".")
    assert code == 0, err
    assert "2 files already formatted" in err
    code, out, _ = run("check", "--no-cache", "--format", "concise", "--select", "TT001", ".")
    assert code == 0 and "broken" not in out


def test_a_gitignore_above_the_checked_folder_counts(repository: Path) -> None:
    (repository / "sub" / "build").mkdir(parents=True)
    (repository / "sub" / "build" / "broken.tthc").write_text(BROKEN)
    shutil.copy(GOLDEN, repository / "sub" / "birth.tthc")
    assert procedure_files([repository / "sub"]) == [str(repository / "sub" / "birth.tthc")]


def test_a_named_file_or_folder_is_read_even_when_ignored(repository: Path) -> None:
    named = repository / "build" / "broken.tthc"
    assert procedure_files([named]) == [str(named)]
    assert procedure_files([repository / "drafts"], ["drafts/"], repository) == [
        str(repository / "drafts" / "broken.tthc")
    ]


def test_the_exclude_of_a_configuration_further_down_applies_below_it(tmp_path: Path) -> None:
    (tmp_path / "examples" / "faulty").mkdir(parents=True)
    (tmp_path / "examples" / "tthc.toml").write_text('exclude = ["faulty/"]\n')
    (tmp_path / "examples" / "faulty" / "broken.tthc").write_text(BROKEN)
    shutil.copy(GOLDEN, tmp_path / "examples" / "birth.tthc")
    assert procedure_files([tmp_path]) == [str(tmp_path / "examples" / "birth.tthc")]


# ---- globs: pathspec, linear time, a bad glob is a configuration diagnostic ---------------


def test_a_glob_of_many_double_stars_matches_in_linear_time(tmp_path: Path) -> None:
    glob = "**/" * 12 + "x.tthc"
    deep = "/".join(["d"] * 40)
    override = PathOverride(glob, ignore=("TT102",))
    assert override.matches(f"{deep}/x.tthc")
    assert not override.matches(f"{deep}/y.tthc")  # the case that backtracked exponentially
    folder = tmp_path.joinpath(*["d"] * 20)
    folder.mkdir(parents=True)
    shutil.copy(GOLDEN, folder / "y.tthc")
    assert procedure_files([tmp_path], [glob], tmp_path) == [str(folder / "y.tthc")]


@pytest.mark.parametrize(
    "toml",
    ['exclude = ["[z-a]"]\n', '[per-path."[z-a]"]\nignore = ["TT102"]\n'],
    ids=["exclude", "per-path"],
)
def test_a_glob_that_cannot_be_compiled_is_a_configuration_diagnostic(
    tmp_path: Path, toml: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tthc.toml").write_text(toml)
    found = load_config(tmp_path / "tthc.toml")
    assert found.value is None
    assert [(d.code, d.span.line) for d in found.diagnostics] == [
        ("TT003", found.diagnostics[0].span.line)
    ]
    assert "The glob '[z-a]' is not valid" in found.diagnostics[0].message.en
    shutil.copy(GOLDEN, tmp_path / "birth.tthc")
    monkeypatch.chdir(tmp_path)
    for command in (["check", "--no-cache", "."], ["fmt", "--check", "."]):
        code, _, err = run(*command, "--lang", "en")
        assert code == 2 and "The glob '[z-a]' is not valid" in err and "Traceback" not in err


def test_per_path_globs_keep_their_meaning() -> None:
    config = Config(per_path=(PathOverride("legacy/*.tthc", ignore=("TT102",)),), root=ROOT)
    assert not config.policy(str(ROOT / "legacy" / "a.tthc")).enabled("TT102")
    assert config.policy(str(ROOT / "legacy" / "sub" / "a.tthc")).enabled("TT102")
    assert config.policy(str(ROOT / "x" / "legacy" / "a.tthc")).enabled("TT102")
    anywhere = Config(per_path=(PathOverride("*.draft.tthc", ignore=("TT102",)),), root=ROOT)
    assert not anywhere.policy(str(ROOT / "a" / "b" / "c.draft.tthc")).enabled("TT102")


# ---- one run, several projects ---------------------------------------------------------------


def test_one_run_checks_each_folder_against_its_own_project(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    for paths in (["examples", "procedures"], ["."]):
        code, out, err = run("check", "--no-cache", "--format", "json", *paths)
        assert code == 0, (paths, err)
        assert json.loads(out)["diagnostics"] == []
        _, junit, _ = run("check", "--no-cache", "--format", "junit", *paths)
        files = {suite.get("name") for suite in ElementTree.fromstring(junit)}
        assert "examples/registry.tthc" in files and "procedures/registry/grants.tthc" in files
        assert not any(f.startswith(("tests/", "examples/faulty/")) for f in files)


def test_files_of_two_projects_are_checked_each_with_its_settings(tmp_path: Path) -> None:
    for name, level in (("strict", "error"), ("lenient", "off")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "tthc.toml").write_text(f'[severity]\nTT005 = "{level}"\n')
        shutil.copy(ROOT / "examples" / "dang-ky-khai-sinh.tthc", tmp_path / name / "birth.tthc")
    code, out, _ = run("check", "--no-cache", "--format", "concise", str(tmp_path))
    assert code == 1
    assert "strict/birth.tthc" in out and "lenient/birth.tthc" not in out


def test_a_registry_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "tthc.toml").write_text('registry = ["tthc:national"]\n')
    shutil.copy(ROOT / "procedures" / "ho-tich" / "dang-ky-khai-sinh.tthc", tmp_path / "b.tthc")
    national = ROOT / "procedures" / "registry"
    project, diagnostics = check_paths([tmp_path / "b.tthc"], registry=[national])
    assert diagnostics == []
    assert len(project.files) == 1 + len(list(national.glob("*.tthc")))


def test_files_are_listed_by_folder_then_name_not_by_the_text_of_their_paths(
    tmp_path: Path,
) -> None:
    """A folder's files come before a sibling folder whose name extends its own (`a` before
    `a-b`), as path parts order them (as text, `a-b/` sorts before `a/`)."""
    for name in ("a/z.tthc", "a-b/x.tthc", "a.tthc", "a/b/y.tthc"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = procedure_files([tmp_path])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in found] == [
        "a/b/y.tthc",
        "a/z.tthc",
        "a-b/x.tthc",
        "a.tthc",
    ]


def test_a_folder_lists_its_files_and_links_not_its_pipes_and_keeps_the_paths_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file and a link to one are listed; a dangling link is listed too (reading it reports
    it, TT008); a named pipe is not (reading it would wait forever). Paths are written as
    `pathlib` writes them from the folder given: `.` and `./sub` name no prefix."""
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "plain.tthc").write_text("", encoding="utf-8")
    (sub / "link.tthc").symlink_to(sub / "plain.tthc")
    (sub / "gone.tthc").symlink_to(sub / "deleted.tthc")
    os.mkfifo(sub / "pipe.tthc")
    monkeypatch.chdir(tmp_path)
    expected = ["sub/gone.tthc", "sub/link.tthc", "sub/plain.tthc"]
    assert procedure_files(["."]) == expected
    assert procedure_files(["./sub"]) == expected
    assert procedure_files([tmp_path / "sub"]) == [str(sub / p[4:]) for p in expected]
    monkeypatch.chdir(sub)
    assert procedure_files(["."]) == ["gone.tthc", "link.tthc", "plain.tthc"]
