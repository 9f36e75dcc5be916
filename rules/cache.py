"""The content-hash cache of `tthc check`: `.tthc_cache/` at the project root.

Input: keys (hex digests of everything a value depends on) and values. Output: the values
stored under those keys, or None. Two kinds of entries:

    files/ab/<key>   one file's result (its diagnostics and procedure summaries,
                     `tthc.rules.file_check`), keyed by the tool, the configuration, the
                     registry, the rules run, the path and the file's content
    runs/<key>       a whole run's diagnostics, keyed by the tool, the configuration and the
                     path and content of every file of the project (a registry change touches
                     every procedure, so any change to any file is a new key)

A cache that cannot be written (read-only checkout) is simply not used; an entry that cannot be
read back (truncated, corrupted, written by another version, crafted) is a miss and is deleted.
Nothing here raises. The folder holds a CACHEDIR.TAG (backup tools skip it) and a .gitignore
of `*` (git never offers it for commit).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from tthc.rules.pickling import dumps, loads

CACHE_DIR = ".tthc_cache"
LAYOUT = "v2"  # raised when the layout or the encoding of entries changes
KEPT_RUNS = 8
FILES = "files"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tthc.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def digest(*parts: str | bytes) -> str:
    """A key: the SHA-256 of the parts, each one length-prefixed so that they cannot run
    into one another."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@cache
def tool_fingerprint() -> str:
    """The version of tthc, the interpreter's, and the content of every source file of the
    layers that decide what a check finds: an edited checkout never replays stale results,
    and a fresh install of the same release (a CI run restoring its cache) still hits."""
    from importlib.metadata import PackageNotFoundError, version

    import tthc.compiler
    import tthc.dsl
    import tthc.rules

    try:
        parts: list[str | bytes] = [version("tthc"), sys.version]
    except PackageNotFoundError:
        parts = ["unknown", sys.version]
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
        self._usable: bool | None = None
        self.used: set[str] = set()  # the file keys read or written by this run

    @classmethod
    def at(cls, root: Path) -> Cache:
        return cls(root / CACHE_DIR)

    def usable(self) -> bool:
        """Creates the folder with its tag on first use; False when it cannot be written."""
        if self._usable is None:
            try:
                (self.base / "runs").mkdir(parents=True, exist_ok=True)
                (self.base / FILES).mkdir(exist_ok=True)
                for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "*\n")):
                    if not (self.folder / name).exists():
                        (self.folder / name).write_text(text, encoding="utf-8")
                self._usable = os.access(self.base, os.W_OK)
            except OSError:
                self._usable = False
        return self._usable

    # ---- entries -----------------------------------------------------------------------------

    def _path(self, kind: str, key: str) -> Path:
        return self.base / kind / key[:2] / key if kind == FILES else self.base / kind / key

    def get(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if kind == FILES:
            self.used.add(key)
        return self.decode(path, data)

    def decode(self, path: Path, data: bytes) -> Any | None:
        try:
            return loads(data)
        except Exception:  # any damage to a cache file is a miss, never a crash
            self._remove(path)
            return None

    def put(self, kind: str, key: str, value: object) -> bytes:
        """Stores a value; returns its encoding (workers send it on to the parent)."""
        data = dumps(value)
        self.put_encoded(kind, key, data)
        return data

    def put_encoded(self, kind: str, key: str, data: bytes) -> None:
        if kind == FILES:
            self.used.add(key)
        if not self.usable():
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(exist_ok=True)
            # Written aside and renamed: a reader never sees half a file, whoever writes.
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            return

    # ---- housekeeping ------------------------------------------------------------------------

    def prune(self, keep: Iterable[str] = ()) -> None:
        """Keeps the newest runs, and the file entries of this run when old ones pile up
        (more than twice as many as this run used, plus a margin for other checked subsets)."""
        if not self.usable():
            return
        try:
            runs = sorted(
                os.scandir(self.base / "runs"), key=lambda e: e.stat().st_mtime_ns, reverse=True
            )
            for entry in runs[KEPT_RUNS:]:
                self._remove(Path(entry.path))
            keep = {*keep, *self.used}
            entries = [
                entry
                for folder in os.scandir(self.base / FILES)
                if folder.is_dir()
                for entry in os.scandir(folder.path)
            ]
            if len(entries) > 2 * len(keep) + 1000:
                for entry in entries:
                    if entry.name not in keep:
                        self._remove(Path(entry.path))
        except OSError:
            return

    @staticmethod
    def _remove(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            return
