"""A cache that cannot lie (issue 18): `.tthc_cache/` is in the repository a pull request
controls, so an entry is believed only when sealed with this user's secret key (kept in the
user's cache folder, never in the repository), bound to its key, and valid. A committed,
crafted or malformed entry is a miss that is recomputed: never a result, never a crash."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl import Diagnostic
from tthc.rules.engine import cache as cache_module
from tthc.rules.engine import pickling
from tthc.rules.engine.cache import CACHE_DIR, DATABASE, FILES, LAYOUT, RUNS
from tthc.rules.engine.cache_key import MAC_BYTES, key_folder, opened, seal, secret_key
from tthc.rules.engine.pickling import dumps, loads

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "project"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "tool-under-test")
    return tmp_path / "project"


def check(*options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "project", "--format", "json", *options])
    return result.exit_code, result.stdout


def rows(project: Path) -> list[tuple[str, str, bytes]]:
    with closing(sqlite3.connect(project / CACHE_DIR / LAYOUT / DATABASE)) as database:
        return database.execute("SELECT kind, key, value FROM entries").fetchall()


def rewrite(project: Path, changed: dict[tuple[str, str], bytes]) -> None:
    path = project / CACHE_DIR / LAYOUT / DATABASE
    with closing(sqlite3.connect(path, isolation_level=None)) as database:
        for (kind, key), value in changed.items():
            database.execute(
                "UPDATE entries SET value = ? WHERE kind = ? AND key = ?", (value, kind, key)
            )


def forge_clean(project: Path, key: bytes) -> None:
    """What a contributor commits: every entry of their own run, emptied of its diagnostics
    and sealed again with the key they have (their own)."""
    forged = {}
    for kind, entry_key, value in rows(project):
        data = opened(key, value, kind.encode(), entry_key.encode())
        assert data is not None
        entry = loads(data)
        emptied = (entry[0], entry[1], []) if kind == RUNS else ((), entry[1], entry[2])
        data = dumps(emptied)
        forged[kind, entry_key] = seal(key, kind.encode(), entry_key.encode(), data) + data
    rewrite(project, forged)


def test_the_secret_key_lives_in_the_users_cache_folder_not_in_the_repository(
    project: Path,
) -> None:
    check()
    key = secret_key()
    assert key is not None and len(key) == 32
    assert (key_folder() / "cache-key").read_bytes() == key
    assert (key_folder() / "cache-key").stat().st_mode & 0o077 == 0
    assert not key_folder().is_relative_to(project)
    for path in filter(Path.is_file, (project / CACHE_DIR).rglob("*")):
        assert key not in path.read_bytes()


def test_a_committed_cache_that_claims_a_faulty_project_is_clean_is_not_believed(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    honest = check("--no-cache")
    assert honest[0] == 1 and '"code": "TT' in honest[1]
    # The contributor's machine: their run, emptied and sealed with their key; there the forged
    # cache does say "clean", which shows the forgery is a real one.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "contributor"))
    check()
    contributor_key = secret_key()
    assert contributor_key is not None
    forge_clean(project, contributor_key)
    assert check()[0] == 0
    # CI's machine, on the repository with that cache committed: the faulty project is faulty.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ci"))
    assert check() == honest
    assert check() == honest  # and the entries it made instead are its own
    assert check("--format", "sarif")[1].count('"ruleId"') > 0


def test_an_unsealed_entry_under_a_computed_key_is_a_miss(project: Path) -> None:
    """The attack of the issue as found: a plain encoded entry under a key anyone can compute."""
    honest = check("--no-cache")
    check()
    forged = {}
    for kind, entry_key, value in rows(project):
        entry = loads(value[MAC_BYTES:])
        forged[kind, entry_key] = dumps(
            (entry[0], entry[1], []) if kind == RUNS else ((), entry[1], entry[2])
        )
    rewrite(project, forged)
    assert check() == honest


def test_a_sealed_entry_moved_under_another_key_does_not_open(project: Path) -> None:
    honest = check("--no-cache")
    check()
    entries = [(k, key, v) for k, key, v in rows(project) if k == FILES]
    values = [v for _, _, v in entries]
    rewrite(project, {(k, key): values[-1 - n] for n, (k, key, _) in enumerate(entries)})
    rewrite(project, {(k, key): b"" for k, key, _ in rows(project) if k == RUNS})
    assert check() == honest


class Renamed:
    """A diagnostic as a version whose `Diagnostic` calls its `code` field `kode` writes it."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[Any, ...]:
        names = tuple("kode" if name == "code" else name for name in Diagnostic._fields)
        builder = pickling._Token(pickling._tagged("record", Diagnostic, names))
        return builder, (Diagnostic._values(self.diagnostic),)


def test_a_sealed_entry_with_a_renamed_field_is_recomputed_not_a_crash(project: Path) -> None:
    """A value that decodes but is not what this version writes (a renamed field): dropped."""
    honest = check("--no-cache")
    check()
    key = secret_key()
    assert key is not None
    changed = {}
    for kind, entry_key, value in rows(project):
        data = opened(key, value, kind.encode(), entry_key.encode())
        assert data is not None
        entry = loads(data)
        found = entry[2] if kind == RUNS else entry[0]
        renamed = [Renamed(diagnostic) for diagnostic in found]
        if not renamed:
            continue
        swapped = (entry[0], entry[1], renamed) if kind == RUNS else (tuple(renamed), *entry[1:])
        data = dumps(swapped)
        changed[kind, entry_key] = seal(key, kind.encode(), entry_key.encode(), data) + data
    assert changed
    rewrite(project, changed)
    assert check() == honest
    assert check() == honest


def test_a_cache_entry_of_the_wrong_shape_is_recomputed(project: Path) -> None:
    honest = check("--no-cache")
    check()
    key = secret_key()
    assert key is not None
    shapes = [(), ("x", "y", "z"), ((), (), "no"), (("not a diagnostic",), (), False), 7]
    changed = {}
    for number, (kind, entry_key, _) in enumerate(rows(project)):
        data = dumps(shapes[number % len(shapes)])
        changed[kind, entry_key] = seal(key, kind.encode(), entry_key.encode(), data) + data
    rewrite(project, changed)
    assert check() == honest


def test_without_a_usable_key_the_cache_is_not_used(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the user's cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert check() == check("--no-cache")
    assert not (project / CACHE_DIR).exists()


def test_a_database_whose_text_is_no_longer_utf8_is_made_again(project: Path) -> None:
    """Found by `make fuzz` (seed 18, input 50647): a flipped byte in the table's schema made
    SQLite hand back text that is not UTF-8, and every later run crashed."""
    honest = check("--no-cache")
    check()
    path = project / CACHE_DIR / LAYOUT / DATABASE
    data = path.read_bytes()
    at = data.index(b"CREATE TABLE")
    path.write_bytes(data[: at + 2] + b"\xaf" + data[at + 3 :])
    assert check() == honest
    assert check() == honest
