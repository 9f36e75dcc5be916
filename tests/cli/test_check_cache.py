"""The cache of `tthc check` (.tthc_cache/ at the project root): a warm run replays exactly
what a cold run found; any change to a file, the registry, the configuration or the tool
makes a fresh check; one changed file re-parses only that file; a damaged or crafted cache is
ignored, never a crash and never code run."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.rules import load_config
from tthc.rules.engine import cache as cache_module
from tthc.rules.engine import file_check
from tthc.rules.engine import repository as repo
from tthc.rules.engine.cache import CACHE_DIR, DATABASE, LAYOUT
from tthc.rules.engine.repository import CheckRequest, CheckResult, check, check_paths

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "project"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    # The tool's fingerprint includes its source files' times; others may edit them while the
    # suite runs, so it is pinned here and changed on purpose below.
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "tool-under-test")
    return tmp_path / "project"


def run(project: Path, **options: object) -> CheckResult:
    found = load_config(project / "tthc.toml")
    assert found.value is not None
    request = CheckRequest(paths=("project",), config=found.value, jobs=1, **options)  # type: ignore[arg-type]
    return check(request)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from now on: registry files (read by the run itself) and procedure
    files (read by the file checker, `tthc.rules.engine.file_check`)."""
    parsed: list[str] = []
    real = file_check.parse_data

    def counting(path: str, data: bytes | None, limits: object) -> object:
        parsed.append(path)
        return real(path, data, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(repo, "parse_data", counting)
    monkeypatch.setattr(file_check, "parse_data", counting)
    return parsed


def test_a_warm_run_replays_exactly_the_cold_run(project: Path) -> None:
    cold = run(project)
    warm = run(project)
    assert not cold.replayed and warm.replayed
    assert warm.diagnostics == cold.diagnostics and warm.diagnostics
    assert warm.files == cold.files and warm.rule_codes == cold.rule_codes
    _, fresh = check_paths(["project"])
    assert list(cold.diagnostics) == fresh


def test_the_cli_prints_the_same_report_cold_and_warm(project: Path) -> None:
    outputs = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["check", "project", "--format", "json"])
        outputs.append((result.exit_code, result.stdout))
    assert outputs[0] == outputs[1] and outputs[0][0] == 1


def test_the_cache_folder_is_tagged_and_ignored_by_git(project: Path) -> None:
    run(project)
    cache = project / CACHE_DIR  # the configuration's folder is the project root
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (cache / ".gitignore").read_text() == "*\n"


def test_without_a_configuration_the_cache_is_in_the_working_folder(
    tmp_path: Path, project: Path
) -> None:
    (project / "tthc.toml").unlink()
    result = CliRunner().invoke(main, ["check", "project/ho-tich"])
    assert result.exit_code == 1
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").exists()


def test_no_cache_neither_reads_nor_writes(project: Path) -> None:
    run(project, use_cache=False)
    assert not (project / CACHE_DIR).exists()
    run(project)
    assert not run(project, use_cache=False).replayed


def test_changing_one_procedure_reparses_only_that_file_and_the_registry(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = run(project)
    parsed = count_parses(monkeypatch)
    birth = project / "ho-tich" / "khai-sinh.tthc"
    birth.write_text(birth.read_text().replace("takes 2 working_days", "takes 1 working_days"))
    after = run(project)
    assert not after.replayed
    registry = ["project/registry/authorities.tthc", "project/registry/grants.yaml"]
    assert parsed == [*registry, "project/ho-tich/khai-sinh.tthc"]
    assert {d.code for d in cold.diagnostics} - {d.code for d in after.diagnostics} == {"TT501"}


def test_file_entries_are_written_as_the_files_are_checked_not_all_at_the_end(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold run writes its file entries while it goes on (out of its serial end); they are
    the entries a later run hits, file by file."""
    monkeypatch.setattr(repo, "WRITE_EVERY", 1)
    written_before_the_end: list[int] = []
    real_save = cache_module.Cache.save

    def save(cache: cache_module.Cache, keep: tuple[str, ...] = ()) -> None:
        with closing(sqlite3.connect(cache.base / DATABASE)) as database:
            (count,) = database.execute(
                "SELECT count(*) FROM entries WHERE kind = 'files'"
            ).fetchone()
        written_before_the_end.append(count)
        real_save(cache, keep)

    monkeypatch.setattr(cache_module.Cache, "save", save)
    cold = run(project)
    procedures = [f for f in cold.files if "/registry/" not in f]
    assert written_before_the_end == [len(procedures)] and len(procedures) > 1
    parsed = count_parses(monkeypatch)
    birth = project / "ho-tich" / "khai-sinh.tthc"
    birth.write_text(birth.read_text() + "\n")
    assert run(project).diagnostics == cold.diagnostics
    registry = ["project/registry/authorities.tthc", "project/registry/grants.yaml"]
    assert parsed == [*registry, "project/ho-tich/khai-sinh.tthc"]


def test_changing_the_registry_rechecks_every_procedure(project: Path) -> None:
    cold = run(project)
    assert "TT201" in {d.code for d in cold.diagnostics}
    grants = project / "registry" / "grants.yaml"
    text = grants.read_text()
    grants.write_text(text[: text.index("  # The Chairman received")])  # the re-delegation goes
    after = run(project)
    assert not after.replayed
    assert "TT201" not in {d.code for d in after.diagnostics}


def test_changing_the_configuration_rechecks(project: Path) -> None:
    run(project)
    config = project / "tthc.toml"
    config.write_text(config.read_text() + 'TT306 = "off"\n')
    after = run(project)
    assert not after.replayed
    assert "TT306" not in {d.code for d in after.diagnostics}


def test_options_that_do_not_change_findings_keep_the_cache(project: Path) -> None:
    CliRunner().invoke(main, ["check", "project"])
    fail_on = load_config(project / "tthc.toml").value
    assert fail_on is not None
    request = CheckRequest(("project",), fail_on.with_options(fail_on="warning"), jobs=1)
    assert check(request).replayed


def test_a_new_tool_version_rechecks(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(project)
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "the-next-version")
    parsed = count_parses(monkeypatch)
    after = run(project)
    assert not after.replayed
    assert len(parsed) == len(after.files)  # parse results of another version are not reused


def entries(project: Path) -> sqlite3.Connection:
    return sqlite3.connect(project / CACHE_DIR / LAYOUT / DATABASE, isolation_level=None)


def test_damaged_cache_entries_are_misses_and_are_replaced(project: Path) -> None:
    cold = run(project)
    with closing(entries(project)) as database:
        rows = database.execute("SELECT kind, key, value FROM entries").fetchall()
        assert len(rows) > 5
        for number, (kind, key, value) in enumerate(rows):
            damaged = value[: len(value) // 2] if number % 2 else b"\x80\x05garbage"
            database.execute(
                "UPDATE entries SET value = ? WHERE kind = ? AND key = ?", (damaged, kind, key)
            )
    again = run(project)
    assert not again.replayed
    assert again.diagnostics == cold.diagnostics
    assert run(project).replayed  # the damaged entries were replaced


def test_a_damaged_cache_database_is_made_again(project: Path) -> None:
    cold = run(project)
    (project / CACHE_DIR / LAYOUT / DATABASE).write_bytes(b"SQLite format 3\x00" + b"\xff" * 500)
    again = run(project)
    assert not again.replayed and again.diagnostics == cold.diagnostics
    assert run(project).replayed


def test_a_crafted_cache_entry_runs_no_code(project: Path) -> None:
    import pickle

    cold = run(project)
    marker = project.parent / "owned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (eval, (f"open({str(marker)!r}, 'w')",))

    with closing(entries(project)) as database:
        database.execute("UPDATE entries SET value = ?", (pickle.dumps(Exploit()),))
    again = run(project)
    assert not marker.exists()
    assert again.diagnostics == cold.diagnostics


def test_a_cache_that_cannot_be_written_is_not_used(project: Path) -> None:
    (project / CACHE_DIR).write_text("a file where the cache folder would be")
    first, second = run(project), run(project)
    assert not first.replayed and not second.replayed
    assert first.diagnostics == second.diagnostics


def test_cached_documents_and_diagnostics_come_back_equal_and_small() -> None:
    from tthc.dsl import parse_path
    from tthc.rules.engine.pickling import dumps, loads

    birth = GOLDEN / "ho-tich" / "khai-sinh.tthc"
    document = parse_path(birth).value
    assert document is not None
    again = loads(dumps(document))
    assert again == document and again.model_dump() == document.model_dump()
    steps = again.procedures[0].steps
    # A node comes back holding its fields alone (slots): no dictionary, no set of names.
    assert not hasattr(steps[0].span, "__dict__") and not hasattr(steps[1], "__dict__")
    _, diagnostics = check_paths([str(birth)])
    first, second = loads(dumps(diagnostics))[:2]
    assert first == diagnostics[0] and second == diagnostics[1]
    from tthc.dsl import Severity

    changed = first.model_copy(update={"severity": Severity.INFO})  # as the configuration does
    assert changed.severity is Severity.INFO and first.severity is not Severity.INFO


def test_the_cache_loader_refuses_everything_but_tthc_values() -> None:
    import pickle

    from tthc.rules.engine.pickling import loads

    for value in (print, open, Path("x"), object()):
        with pytest.raises(pickle.UnpicklingError):
            loads(pickle.dumps(value))
