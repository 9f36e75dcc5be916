"""The analysed grammar kept between runs: grammar text and Lark options → parse tables.

Input: the grammar and the options of one parser. Output: the fast parser's `Tables`
(`lalr_tables`), loaded from a file in the user's cache folder in about a millisecond and
without importing Lark; and, when a text does not parse, Lark's own parser, loaded from Lark's
cache file (about 10 ms) rather than analysed again (about 90 ms).

A file name holds a hash of all the tables depend on (grammar, options, the installed Lark and
the Python version), so a changed grammar or an upgraded Lark never meets a stale file. The
folder is `TTHC_CACHE_DIR` when it is set (set but empty: no cache), else the user's cache
folder of the platform. Failing to read or to write the cache (a file half written by another
process, a read-only home) only means that the grammar is analysed. The tables are plain lists,
dicts and strings, read back by an unpickler that builds nothing else; Lark's file is Lark's
own pickle, in the user's cache folder rather than the shared temporary folder Lark would pick.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.dsl.reading.lalr_tables import FORMAT, Tables

if TYPE_CHECKING:
    from lark import Lark


def cache_dir() -> Path | None:
    configured = os.environ.get("TTHC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "tthc"


@cache
def _lark_release() -> str:
    """The installed Lark, read from its `__init__.py` (its version) without importing it."""
    spec = importlib.util.find_spec("lark")
    origin = spec.origin if spec is not None else None
    return Path(origin).read_text(encoding="utf-8") if origin else ""


def cache_file(grammar: str, options: dict[str, Any]) -> Path | None:
    """Where the parser for this grammar and these options is kept (`None`: no cache)."""
    folder = cache_dir()
    if folder is None:
        return None
    key = repr((grammar, sorted(options.items()), _lark_release(), sys.version_info[:2]))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return folder / f"grammar-{digest}.lark"


def cached_tables(grammar: str, options: dict[str, Any], analyse: Callable[[], Tables]) -> Tables:
    """The fast parser's tables for a grammar and the Lark options they come from."""
    path = cache_file(grammar, {**options, "tables": FORMAT})
    stored = _read_tables(path) if path is not None else None
    if stored is not None:
        return stored
    tables = analyse()
    if path is not None:
        _write(path, pickle.dumps(tables.to_data(), protocol=pickle.HIGHEST_PROTOCOL))
    return tables


def cached_lark(grammar: str, transformer: Any = None, **options: Any) -> Lark:
    """A Lark parser with these options, from Lark's cache file when possible."""
    from lark import Lark

    path = cache_file(grammar, options)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            path = None
    # Lark reads the file, checks its hash and loads it, or builds the tables and writes them.
    return Lark(grammar, transformer=transformer, cache=str(path) if path else False, **options)


def _read_tables(path: Path) -> Tables | None:
    try:
        with open(path, "rb") as handle:
            return Tables.from_data(_PlainUnpickler(handle).load())
    except Exception:  # missing, half written or foreign: the grammar is analysed again
        return None


class _PlainUnpickler(pickle.Unpickler):
    """Reads lists, dicts, tuples, strings and numbers only: a cache file builds nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def _write(path: Path, data: bytes) -> None:
    """Writes under a temporary name, then renames: a reader never sees half a file."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
