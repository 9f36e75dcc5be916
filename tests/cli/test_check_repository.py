"""Checking a repository: on all cores the output is the one of a single process; only the
files changed since a git revision are reported while the whole project is read; discovery
reads procedure files and leaves CI configurations and excluded folders alone."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tthc.cli import progress
from tthc.cli.main import main
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Diagnostic
from tthc.rules import Config, load_config
from tthc.rules.engine import file_check, runner
from tthc.rules.engine import repository as repo
from tthc.rules.engine.check import load_and_check
from tthc.rules.engine.discovery import (
    is_procedure_yaml,
    procedure_files,
    project_groups,
    top_level_keys,
)
from tthc.rules.engine.parallel import fork_each, fork_map
from tthc.rules.engine.repository import CheckRequest, check

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden" / "project"
CASES = TESTS / "rules" / "cases"
REGISTRY = TESTS / "rules" / "registry" / "base.tthc"


# ---- all cores ------------------------------------------------------------------------------


def untimed(config: Config) -> Config:
    """The configuration with the exploration bounded in stored states only: its CPU-seconds
    bound would make a verdict depend on the machine's load (TT407 after 2 s of CPU on a loaded
    machine, not on a quiet one), the states bound is the same everywhere."""
    return dataclasses.replace(
        config, settings=dataclasses.replace(config.settings, max_flow_seconds=600.0)
    )


UNTIMED = untimed(Config())
assert UNTIMED.settings != Settings()  # the default bound is indeed lifted


def in_memory(paths: list[str | Path], config: Config) -> list[Diagnostic]:
    """The reference `check` is held to: the whole project loaded in this process and checked
    by `check_project` (`load_and_check`), with no per-file split, worker or cache."""
    return load_and_check(paths, config)[1]


def many_cases(tmp: Path) -> Path:
    """Every DSL rule case in one project: ~150 procedures, with findings of every family."""
    folder = tmp / "cases"
    folder.mkdir()
    shutil.copy(REGISTRY, folder / "registry.tthc")
    for case in sorted(CASES.glob("*.tthc")):
        shutil.copy(case, folder / case.name)
    return folder


def test_parallel_output_is_identical_to_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    many_cases(tmp_path)
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    pids = tmp_path / "pids"
    real = file_check.run_procedure_rules

    def recording(*args: object) -> object:
        with open(pids, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(file_check, "run_procedure_rules", recording)
    monkeypatch.setattr(repo, "PARALLEL_MIN", 1)  # fork even for these small projects
    golden_config = load_config(tmp_path / "project" / "tthc.toml").value
    assert golden_config is not None
    for folder, config in (("cases", UNTIMED), ("project", untimed(golden_config))):
        request = CheckRequest(paths=(folder,), config=config, use_cache=False)
        serial = check(dataclasses.replace(request, jobs=1))
        parallel = check(dataclasses.replace(request, jobs=3))
        assert parallel.diagnostics == serial.diagnostics, folder
        reference = in_memory([folder], config)
        assert list(serial.diagnostics) == reference, folder
    assert len(set(pids.read_text().split())) > 1, "the rules ran in worker processes"
    assert len({d.code[:3] for d in serial.diagnostics}) >= 8
    # A project-scope rule sees every procedure: the re-delegation names the step relying on it.
    [redelegation] = [d for d in parallel.diagnostics if d.code == "TT201"]
    assert any("'ky' relies on this grant" in r.message.en for r in redelegation.related)


def test_a_procedure_rule_sees_the_same_registry_whichever_executor_runs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process, in forked workers and in `check_project` alike, a procedure-scope rule
    is given the `Registry` (no list of procedures, empty or full) and one workflow."""
    many_cases(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(repo, "PARALLEL_MIN", 1)
    seen = tmp_path / "seen"

    @dataclasses.dataclass(frozen=True)
    class Recording(runner.ProcedureContext):
        def __post_init__(self) -> None:
            model = self.model
            with open(seen, "a", encoding="utf-8") as out:
                out.write(
                    f"{type(model).__name__} {len(model.authorities)} {self.procedure.code}\n"
                )

    monkeypatch.setattr(runner, "ProcedureContext", Recording)

    def recorded(run: Callable[[], object]) -> list[str]:
        seen.write_text("", encoding="utf-8")
        run()
        return sorted(seen.read_text(encoding="utf-8").splitlines())

    request = CheckRequest(paths=("cases",), use_cache=False)
    serial = recorded(lambda: check(dataclasses.replace(request, jobs=1)))
    parallel = recorded(lambda: check(dataclasses.replace(request, jobs=2)))
    whole = recorded(lambda: in_memory(["cases"], Config()))
    assert serial == parallel == whole
    assert len(serial) > 100
    assert {line.split()[0] for line in serial} == {"Registry"}
    assert len({line.split()[1] for line in serial}) == 1  # the one registry, in full


def test_twins_and_copies_across_files_are_told_apart_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TT602 compares two procedures of one code in full only when they clash; in a
    repository check the whole procedures are read again from their files. A DSL file and its
    YAML twin are one record; a copy that differs is a duplicate."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(repo, "PARALLEL_MIN", 1)
    for name, files in (
        ("twins", ("TT602_pass.tthc", "TT602_pass.yaml")),
        ("copies", ("TT602_fail.tthc", "TT602_fail.yaml")),
    ):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(REGISTRY, folder / "registry.tthc")
        for case in files:
            shutil.copy(CASES / case, folder / case)
        result = check(CheckRequest(paths=(name,), use_cache=False, jobs=2))
        reference = in_memory([name], Config())
        assert list(result.diagnostics) == reference, name
        assert any(d.code == "TT602" for d in reference) == (name == "copies")


def test_a_registry_the_quick_look_misses_is_still_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Registry files are picked out by a look at their lines; one written as a single JSON
    line escapes it, is found when parsed, and the project is checked again against it."""
    folder = many_cases(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(repo, "PARALLEL_MIN", 1)
    converted = CliRunner().invoke(main, ["convert", "cases/registry.tthc", "--to", "yaml"])
    assert converted.exit_code == 0, converted.output
    (folder / "registry.tthc").unlink()
    registry = json.dumps(yaml.safe_load(converted.output), ensure_ascii=False, default=str)
    (folder / "registry.yaml").write_text(registry, encoding="utf-8")
    assert not file_check.may_declare_registry(registry.encode())
    request = CheckRequest(paths=("cases",), config=UNTIMED, use_cache=False, jobs=2)
    result = check(request)
    reference = in_memory(["cases"], UNTIMED)
    assert list(result.diagnostics) == reference
    assert not [d for d in reference if d.code == "TT005" and "authority" in d.message.en]


def test_files_listed_by_discovery_are_checked_as_their_folder_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tthc check` hands the files `project_groups` listed over without walking them again:
    the project, its registry files (named by the configuration, inside the checked folder
    or not) and the report are those of the folder."""
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    [(config, files)] = project_groups(["."]).value or []
    assert len(files) > 3 and config.registry
    walked = check(CheckRequest(paths=(".",), config=config, use_cache=False, jobs=1))
    listed = CheckRequest(tuple(files), config, use_cache=False, jobs=1, discovered=True)
    given = check(listed)
    assert given.files == walked.files
    assert given.diagnostics == walked.diagnostics and len(walked.diagnostics) > 3
    # The registry folder left out of the listed files is still read, as the configuration's.
    others = tuple(f for f in files if not f.startswith("registry"))
    assert len(others) < len(files)
    alone = check(dataclasses.replace(listed, paths=others))
    assert sorted(alone.files) == sorted(walked.files)
    assert [d for d in alone.diagnostics if not d.span.path.startswith("registry")] == [
        d for d in walked.diagnostics if not d.span.path.startswith("registry")
    ]


def test_results_come_back_in_task_order_whoever_finishes_first() -> None:
    def slow_first(number: int) -> int:
        time.sleep(0.02 * (5 - number % 5))
        return number * number

    assert fork_map(slow_first, list(range(12)), 3) == [n * n for n in range(12)]
    seen: list[int] = []
    fork_each(slow_first, list(range(12)), 2, lambda number, _: seen.append(number), share=True)
    assert seen == list(range(12))


def test_results_taken_as_they_come_are_each_handed_once_with_their_number() -> None:
    def slow_first(number: int) -> int:
        time.sleep(0.02 * (5 - number % 5))
        return number * number

    seen: list[tuple[int, int]] = []
    fork_each(
        slow_first, list(range(40)), 2, lambda n, r: seen.append((n, r)), share=True, in_order=False
    )
    assert sorted(seen) == [(n, n * n) for n in range(40)]
    # this process's tasks (from the far end) are handed as they are made, before the first
    # tasks' results have all come back from the worker
    assert [n for n, _ in seen] != list(range(40))


@pytest.mark.parametrize("files", [1, 41, 1_000, 10_000])
@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_files_are_cut_into_chunks_that_shrink_where_the_processes_meet(
    files: int, jobs: int
) -> None:
    chunks = repo._chunks(list(range(files)), jobs)
    assert [item for chunk in chunks for item in chunk] == list(range(files))  # in order, once
    sizes = [len(chunk) for chunk in chunks]
    assert all(1 <= size <= 64 for size in sizes)
    # Largest at the ends, a file or two where the workers (from the front) meet this
    # process (from the back): waiting for the chunks a worker still holds costs little.
    smallest = sizes.index(min(sizes))
    assert sizes[: smallest + 1] == sorted(sizes[: smallest + 1], reverse=True)
    assert sizes[smallest:] == sorted(sizes[smallest:])
    assert min(sizes) == 1
    if files == 10_000:  # (one process takes every chunk from the back)
        assert sizes[-1] == 64 and (sizes[0] == 64 or jobs == 1)


def test_a_worker_that_dies_leaves_its_tasks_to_this_process() -> None:
    parent = os.getpid()

    def fragile(number: int) -> int:
        if os.getpid() != parent and number == 3:
            os._exit(1)  # a worker killed mid-task (out of memory, a signal)
        return number + 1

    assert fork_map(fragile, list(range(8)), 2) == list(range(1, 9))


# ---- --changed-since ------------------------------------------------------------------------


def git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_changed_since_reports_only_changed_and_untracked_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "procedures")
    marriage = tmp_path / "project" / "ho-tich" / "ket-hon.tthc"
    marriage.write_text(marriage.read_text().replace("Đăng ký kết hôn", "Đăng ký kết hôn (sửa)"))
    # A new, untracked procedure that reuses the birth registration's code (TT602).
    shutil.copy(
        CASES / "clean_birth_registration.tthc", tmp_path / "project" / "ho-tich" / "moi.tthc"
    )

    def reported(*args: str) -> set[str]:
        result = CliRunner().invoke(
            main, ["check", "project", "--format", "concise", "--lang", "en", *args]
        )
        assert result.exit_code == 1, result.output
        return {line.split(":")[0] for line in result.stdout.splitlines() if ": TT" in line}

    everything = reported()
    assert len(everything) == 7
    assert reported("--changed-since", "main") == {
        "project/ho-tich/ket-hon.tthc",
        "project/ho-tich/moi.tthc",
    }
    # The whole project is still read: the new file's duplicate code is found against the
    # birth registration, which did not change and whose own findings are not reported.
    result = CliRunner().invoke(
        main, ["check", "project", "--changed-since", "HEAD", "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert {(d["code"], d["span"]["path"]) for d in data["diagnostics"]} >= {
        ("TT602", "project/ho-tich/moi.tthc")
    }
    assert {d["span"]["path"] for d in data["diagnostics"]} == {
        "project/ho-tich/ket-hon.tthc",
        "project/ho-tich/moi.tthc",
    }
    assert data["summary"]["files"] == 2


def test_changed_since_an_unknown_revision_or_outside_git_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    outside = CliRunner().invoke(main, ["check", "project", "--changed-since", "main"])
    assert outside.exit_code == 2 and "git" in outside.stderr
    git(tmp_path, "init", "-q")
    for revision in ("no-such-branch", "--output=x"):
        result = CliRunner().invoke(main, ["check", "project", "--changed-since", revision])
        assert result.exit_code == 2, revision
        assert revision in result.stderr


# ---- discovery -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "procedure"),
    [
        ("procedure:\n  code: '1.001193'\n", True),
        ("# comment\n---\ngrants:\n  - id: g\n", True),
        ("x-common: &c\n  a: 1\nprocedures:\n  - *c\n", True),  # anchors first
        ("procedur:\n  code: x\n", True),  # a misspelt key is read, to be reported
        ("{procedure: {code: x}}\n", True),  # only a parser can tell
        ("name: tthc\non:\n  push:\njobs:\n  check:\n", False),  # GitHub Actions
        ("stages: [test]\ntthc:\n  script: [tthc check .]\n", False),  # GitLab CI
        ("- id: tthc-check\n  entry: tthc check\n", False),  # pre-commit hooks: a list
        ("apiVersion: v1\nkind: ConfigMap\n", False),
        ("", False),
    ],
)
def test_a_yaml_file_in_a_folder_is_read_when_it_is_meant_for_tthc(
    tmp_path: Path, text: str, procedure: bool
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    assert is_procedure_yaml(path) is procedure, top_level_keys(text)


def test_a_yaml_file_that_is_not_utf8_is_read_so_that_its_problem_is_reported(
    tmp_path: Path,
) -> None:
    path = tmp_path / "legacy.yaml"
    path.write_bytes("procedure:\n  name: Đăng ký\n".encode("utf-16"))
    assert is_procedure_yaml(path)


def test_discovery_skips_ci_files_hidden_and_excluded_folders_but_reads_named_files(
    tmp_path: Path,
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "project")
    project = tmp_path / "project"
    (project / ".github" / "workflows").mkdir(parents=True)
    (project / ".github" / "workflows" / "x.tthc").write_text("broken")
    config = load_config(project / "tthc.toml").value
    assert config is not None and config.exclude == ("drafts/old/",)
    found = procedure_files([project], config.exclude, project)
    names = {Path(f).relative_to(project).as_posix() for f in found}
    assert names == {
        "drafts/cai-chinh-ho-tich.tthc",
        "ho-tich/ket-hon.tthc",
        "ho-tich/khai-sinh.tthc",
        "ho-tich/khai-tu.yaml",
        "ho-tich/nhan-cha-me-con.tthc",
        "registry/authorities.tthc",
        "registry/grants.yaml",
    }
    assert found == sorted(found, key=lambda f: Path(f).parts)
    named = procedure_files([project / "ci" / "pipeline.yml"], config.exclude, project)
    assert named == [str(project / "ci" / "pipeline.yml")]
    anywhere = procedure_files([project], ["*.yaml", "drafts"], project)
    assert all(f.endswith(".tthc") and "drafts" not in f for f in anywhere)


def test_a_ci_file_named_on_the_command_line_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--format", "concise", "project/ci/pipeline.yml"]
    )
    assert result.exit_code == 1
    assert "project/ci/pipeline.yml:2:1: TT002" in result.stdout
    folder = CliRunner().invoke(main, ["check", "--no-cache", "--format", "concise", "project"])
    assert "pipeline.yml" not in folder.stdout


def test_a_bad_exclude_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "project" / "tthc.toml").write_text('exclude = "drafts"\n')
    result = CliRunner().invoke(main, ["check", "--no-cache", "project", "--lang", "en"])
    assert result.exit_code == 2
    assert "'exclude' must be a list of globs" in result.stderr


def test_checking_the_examples_folder_leaves_its_ci_configurations_alone() -> None:
    examples = TESTS.parent / "examples"
    found = procedure_files([examples])
    assert any(f.endswith(".yaml") for f in found)
    assert not any(Path(f).is_relative_to(examples / "ci") for f in found)


# ---- progress ---------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_erased_but_never_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    with progress.progress_bar(lang="en", stream=terminal) as show:
        assert show is not None
        show("check", 50, 100)
    assert "Checking" in terminal.getvalue() and "50/100" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")
    monkeypatch.setenv("CI", "true")
    with progress.progress_bar(stream=Terminal()) as show:
        assert show is None
    monkeypatch.delenv("CI")
    with progress.progress_bar(stream=io.StringIO()) as show:  # a pipe or a file
        assert show is None
    with progress.progress_bar(enabled=False, stream=Terminal()) as show:  # --quiet
        assert show is None
