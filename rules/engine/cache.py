"""The content-hash cache of `tthc check`: `.tthc_cache/` at the project root.

Input: keys (hex digests of everything a value depends on) and values. Output: the values
stored under those keys, or None. Two kinds of entries, in one SQLite file:

    files   one file's result (its diagnostics and procedure summaries,
            `tthc.rules.engine.file_check`), keyed by the tool, the configuration, the registry,
            the rules run, the path and the file's content
    runs    a whole run's diagnostics, keyed by the tool, the configuration and the path and
            content of every file of the project

Why SQLite: a cold run on 10,000 files writes 10,000 entries; as files, each cost half a
millisecond of system calls, an eighth of the time it takes to check the file. Here they are
written by this process (workers send theirs back with their results), in a transaction per
thousand entries as they arrive and one when the run ends, and read back by key.

The folder is in the checked repository, which a pull request controls, and its keys are
content hashes anyone can compute: so every entry is sealed with a MAC under this user's secret
key, kept outside any repository (`tthc.rules.engine.cache_key`), bound to its kind and key (an
entry moved under another key does not open). An entry is believed only when its MAC is right,
it decodes, and the caller's validation accepts it; any other entry (committed by someone else,
copied from another machine, truncated, written by another version) is a miss and is deleted.
A cache that cannot be written (read-only checkout) or whose key cannot be had is not used; a
damaged database file is deleted and made again. Nothing here raises. The folder holds a
CACHEDIR.TAG (backup tools skip it) and a .gitignore of `*` (git never offers it for commit).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tthc.rules.engine.cache_key import opened, seal, secret_key
from tthc.rules.engine.fingerprints import digest
from tthc.rules.engine.pickling import dumps, loads

if TYPE_CHECKING:
    import sqlite3

T = TypeVar("T")

CACHE_DIR = ".tthc_cache"
LAYOUT = "v6"  # raised when the layout or the encoding of entries changes
DATABASE = "entries.sqlite3"
KEPT_RUNS = 8
FILES, RUNS = "files", "runs"


def damaged() -> tuple[type[Exception], ...]:
    """What a damaged database raises: SQLite's errors, and a text column that is no longer
    UTF-8 (a flipped byte in the schema or a key), which Python's sqlite3 raises as
    UnicodeDecodeError. Named when an error is caught, so sqlite3 is imported only by a run
    that opens the database."""
    import sqlite3

    return (sqlite3.Error, ValueError)


_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tthc.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
# A rowid table, not WITHOUT ROWID: an entry is ~1.7 kB, far past the size at which SQLite
# advises against it (a twentieth of a page): 10,000 entries took 47 MB and 0.17 s of CPU to
# write, against 21 MB and 0.06 s.
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, stamp INTEGER,"
    " PRIMARY KEY (kind, key))"
)
# No fsync (the default FULL waits for the disk at every commit, ~0.3 s of a cold 10,000-file
# run, in this process that also checks files): the cache is disposable and every entry is
# sealed, so what a power cut can leave (a torn page, a lost commit) is an entry that does not
# open, a missing one, or a database SQLite calls damaged: each is a miss, and a damaged file
# is deleted and made again (`_open`). A crash of tthc itself loses nothing: the rollback
# journal is still written, only not forced to the disk.
_SYNCHRONOUS = "PRAGMA synchronous = OFF"
# Pages of 16 kB, not the default 4 kB (set before the table is made; no effect on a database
# made before): an entry is ~1.3 kB, and 10,000 of them took 61 ms of CPU to insert against
# 42 (reading them back by key: 98 against 89 ms).
_PAGE_SIZE = "PRAGMA page_size = 16384"


@cache
def tool_fingerprint() -> str:
    """The interpreter's version and the content of every source file of the layers that
    decide what a check finds: an edited checkout never replays stale results, and a fresh
    install of the same release (a CI run restoring its cache) still hits. Not tthc's version
    number: the sources it names are hashed here anyway, and looking it up
    (`importlib.metadata`) cost ~45 ms of every run's serial part."""
    import tthc.compiler
    import tthc.dsl
    import tthc.rules

    parts: list[str | bytes] = [sys.version]
    for package in (tthc.dsl, tthc.compiler, tthc.rules):
        for folder in map(Path, package.__path__):
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".py", ".lark") and "__pycache__" not in path.parts:
                    parts.append(f"{package.__name__}/{path.relative_to(folder).as_posix()}")
                    parts.append(path.read_bytes())
    return digest(*parts)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base = folder / LAYOUT
        self._database: sqlite3.Connection | None = None
        self._usable: bool | None = None
        self._key: bytes | None = None
        self._pending: dict[tuple[str, str], bytes] = {}
        self.used: set[str] = set()  # the file keys read or written by this run

    @classmethod
    def at(cls, root: Path) -> Cache:
        return cls(root / CACHE_DIR)

    def usable(self) -> bool:
        """Creates the folder with its tag and the database on first use; False when it
        cannot be written."""
        if self._usable is None:
            self._key = secret_key()
            if self._key is None:
                self._usable = False
                return False
            try:
                self.base.mkdir(parents=True, exist_ok=True)
                for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "*\n")):
                    if not (self.folder / name).exists():
                        (self.folder / name).write_text(text, encoding="utf-8")
                self._database = self._open()
            except OSError:
                self._database = None
            self._usable = self._database is not None
        return self._usable

    def _open(self) -> sqlite3.Connection | None:
        """The database, made again once if it is damaged."""
        import sqlite3  # a run without a cache (`--no-cache`, one named file) never loads it

        path = self.base / DATABASE
        for _ in range(2):
            try:
                database = sqlite3.connect(path, timeout=5.0, isolation_level=None)
                database.execute(_SYNCHRONOUS)
                database.execute(_PAGE_SIZE)
                database.execute(_SCHEMA)
                database.execute("SELECT count(*) FROM entries").fetchone()
                return database
            except damaged():
                path.unlink(missing_ok=True)
        return None

    # ---- entries -----------------------------------------------------------------------------

    def get(self, kind: str, key: str, validate: Callable[[Any], T | None]) -> T | None:
        """The entry under the key, if sealed by this user, decodable and accepted by
        `validate` (which returns None, or raises, for a value it refuses): else None, and
        the entry is deleted."""
        if not self.usable() or self._database is None or self._key is None:
            return None
        try:
            row = self._database.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        except damaged():
            return None
        if row is None:
            return None
        if kind == FILES:
            self.used.add(key)
        data = opened(self._key, row[0], kind.encode(), key.encode())
        try:
            value = None if data is None else validate(loads(data))
        except Exception:  # any damage to an entry is a miss, never a crash
            value = None
        if value is None:
            self._forget(kind, key)
        return value

    def stored_keys(self, kind: str) -> set[str]:
        """The keys of the entries of a kind, in one query: a cold run of 10,000 files asks
        once rather than once a file (~0.2 s of the serial part of the run)."""
        if not self.usable() or self._database is None:
            return set()
        try:
            rows = self._database.execute("SELECT key FROM entries WHERE kind = ?", (kind,))
            return {key for (key,) in rows}
        except damaged():
            return set()

    def put(self, kind: str, key: str, value: object) -> bytes:
        """Stores a value (when the run is saved); returns its encoding."""
        data = dumps(value)
        self.put_encoded(kind, key, data)
        return data

    def put_encoded(self, kind: str, key: str, data: bytes) -> None:
        if kind == FILES:
            self.used.add(key)
        self._pending[kind, key] = data

    def _forget(self, kind: str, key: str) -> None:
        try:
            assert self._database is not None
            self._database.execute("DELETE FROM entries WHERE kind = ? AND key = ?", (kind, key))
        except damaged():
            return

    # ---- saving and housekeeping -------------------------------------------------------------

    def write(self) -> None:
        """Writes the entries stored so far in one transaction, while the run goes on: a cold
        run of 10,000 files then writes them as they arrive (in the parallel part of the run,
        whose work the processes share), not all at its end (~0.4 s of its serial part). An
        entry written is a valid one, whatever happens to the rest of the run."""
        if self._pending and self.usable() and self._database is not None:
            self._store(keep=None)

    def pending(self) -> int:
        """How many entries wait to be written."""
        return len(self._pending)

    def save(self, keep: Iterable[str] = ()) -> None:
        """Writes the entries of this run not yet written in one transaction, keeps the newest
        runs, and the file entries of this run when old ones pile up (more than twice as many
        as this run used, plus a margin for other checked subsets). Another tthc writing at the
        same time makes this run's entries wait for the next run, never an error."""
        if self.usable() and self._database is not None and self._key is not None:
            self._store(keep={*keep, *self.used})

    def _store(self, keep: set[str] | None) -> None:
        """The pending entries written in one transaction; then, given what to `keep`, the
        old entries pruned in the same one."""
        assert self._database is not None
        rows = self._rows()
        try:
            with self._database:
                self._database.execute("BEGIN IMMEDIATE")
                self._database.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows
                )
                if keep is not None:
                    self._prune(keep)
        except damaged():
            return

    def _rows(self) -> list[tuple[str, str, bytes, int]]:
        """The pending entries as rows, sealed, and no longer pending."""
        assert self._key is not None
        stamp, secret = time.time_ns(), self._key
        rows = [
            (kind, key, seal(secret, kind.encode(), key.encode(), data) + data, stamp)
            for (kind, key), data in self._pending.items()
        ]
        self._pending.clear()
        return rows

    def _prune(self, keep: set[str]) -> None:
        assert self._database is not None
        self._database.execute(
            "DELETE FROM entries WHERE kind = ? AND key NOT IN (SELECT key FROM entries"
            " WHERE kind = ? ORDER BY stamp DESC LIMIT ?)",
            (RUNS, RUNS, KEPT_RUNS),
        )
        (count,) = self._database.execute(
            "SELECT count(*) FROM entries WHERE kind = ?", (FILES,)
        ).fetchone()
        if count > 2 * len(keep) + 1000:
            stale = [
                (FILES, key)
                for (key,) in self._database.execute(
                    "SELECT key FROM entries WHERE kind = ?", (FILES,)
                )
                if key not in keep
            ]
            self._database.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", stale)
