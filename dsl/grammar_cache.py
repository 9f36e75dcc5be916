"""The compiled grammar kept between runs: grammar text and Lark options → a `Lark` parser.

Input: the grammar and the options of one parser. Output: the parser, loaded from a file in the
user's cache folder when there is one (about 10 ms) rather than analysed again (about 90 ms,
most of what a cold `tthc check` of one file does besides importing).

The file name holds a hash of all the tables depend on (grammar, options, Lark and Python
versions), so a changed grammar never meets a stale file; Lark checks the same hash inside the
file. The folder is `TTHC_CACHE_DIR` when it is set (set but empty: no cache), else the user's
cache folder of the platform. Failing to read or to write the cache (a half-written file from a
process writing at the same moment, a read-only home) only means that the grammar is analysed:
Lark treats any error while loading as a missing file. The file is Lark's own pickle; it lives
in the user's cache folder, not in the shared temporary folder Lark would choose by itself.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import lark
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


def cache_file(grammar: str, options: dict[str, Any]) -> Path | None:
    """Where the parser for this grammar and these options is kept (`None`: no cache)."""
    folder = cache_dir()
    if folder is None:
        return None
    key = repr((grammar, sorted(options.items()), lark.__version__, sys.version_info[:2]))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return folder / f"grammar-{digest}.lark"


def cached_lark(grammar: str, transformer: Any = None, **options: Any) -> Lark:
    """A Lark parser with these options, from the cache when possible."""
    path = cache_file(grammar, options)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            path = None
    # Lark reads the file, checks its hash and loads it, or builds the tables and writes them.
    return Lark(grammar, transformer=transformer, cache=str(path) if path else False, **options)
