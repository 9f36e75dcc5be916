"""What the results of a check depend on, as keys: the files' contents and the configuration.

Input: paths and the limits; a configuration. Output: each file's bytes (read once, kept for
checking) and content digest; the path and digest of each file as key parts (`pairs`); the
configuration as stable JSON (`config_fingerprint`: only what changes the findings); `digest`,
the key made of such parts (the cache's keys, and the registry's in every run).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import errno
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from tthc.dsl import Limits
from tthc.dsl.reading.links import link_outside_repository
from tthc.rules.engine.config import Config


def digest(*parts: str | bytes) -> str:
    """A key: the SHA-256 of the parts, each one length-prefixed so that they cannot run
    into one another."""
    hasher = hashlib.sha256()
    _feed(hasher, parts)
    return hasher.hexdigest()


def digests_after(*common: str | bytes) -> Callable[..., str]:
    """`digest(*common, *parts)` as a function of the parts, the common ones hashed once (the
    key of each of 10,000 files starts with the same four parts)."""
    start = hashlib.sha256()
    _feed(start, common)

    def keyed(*parts: str | bytes) -> str:
        hasher = start.copy()
        _feed(hasher, parts)
        return hasher.hexdigest()

    return keyed


def _feed(hasher: Any, parts: Sequence[str | bytes]) -> None:
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)


def read_files(
    paths: Sequence[str], limits: Limits, tick: Callable[[int], None] | None = None
) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """Every file's bytes (None when unreadable) and content digest. Past the size limit a
    file is refused (TT006) whatever it holds: only its start and its size are read. A link
    out of the repository is not read at all (TT008, `link_outside_repository`)."""
    contents: dict[str, bytes | None] = {}
    digests: dict[str, str] = {}
    for number, path in enumerate(paths, start=1):
        data = _read_plain(path, limits.max_bytes + 1, digests)
        if isinstance(data, _Link):  # read as before, unless it leaves the repository
            if link_outside_repository(path) is not None:
                contents[path], digests[path] = None, "link outside the repository"
                continue  # reading it (parse_data → read_source) reports TT008
            data = _read(path, limits.max_bytes + 1, digests)
        contents[path] = data
        if tick and number % 500 == 0:
            tick(number)
    return contents, digests


class _Link:
    """What `_read_plain` gives for a symbolic link."""


_LINK = _Link()
# Opening with O_NOFOLLOW refuses a link (ELOOP), which is then looked at on its own: one system
# call less per file than asking first whether it is a link (10,000 in a run's serial part).
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_plain(path: str, size: int, digests: dict[str, str]) -> bytes | _Link | None:
    """A file's bytes when it is not a symbolic link (`_LINK` when it is), its digest noted."""
    if not _NO_FOLLOW:
        return _LINK  # no such flag here: every file goes the way that looks first
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return _LINK
        digests[path] = f"unreadable:{error.errno}"
        return None
    try:
        length = os.fstat(handle).st_size
        # As far as the size says (one call), or up to `size` if it says 0 (a pseudo-file).
        wanted = min(size, length) if length else size
        return _noted(path, _read_up_to(handle, wanted), length, digests)
    except OSError as error:
        digests[path] = f"unreadable:{error.errno}"
        return None
    finally:
        os.close(handle)


def _read(path: str, size: int, digests: dict[str, str]) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(size)
            return _noted(path, data, os.fstat(handle.fileno()).st_size, digests)
    except OSError as error:
        digests[path] = f"unreadable:{error.errno}"
        return None


def _read_up_to(handle: int, size: int) -> bytes:
    """Up to `size` bytes, fewer at the end of the file (a short read is retried)."""
    chunks = [os.read(handle, size)]
    left = size - len(chunks[0])
    while left > 0 and chunks[-1]:
        chunks.append(os.read(handle, left))
        left -= len(chunks[-1])
    return b"".join(chunks) if len(chunks) > 1 else chunks[0]


def _noted(path: str, data: bytes, size: int, digests: dict[str, str]) -> bytes:
    digests[path] = digest(data, str(size))
    return data


def pairs(paths: Sequence[str], digests: dict[str, str]) -> Iterator[str]:
    for path in paths:
        yield f"{path}\0{digests[path]}"


def config_fingerprint(config: Config) -> str:
    """What of the configuration changes the diagnostics (not `fail-on`, not `lang`)."""
    import json  # here: only a run with a cache asks (cold start of `--no-cache`)

    data = {
        f.name: _plain(getattr(config, f.name))
        for f in dataclasses.fields(config)
        if f.name not in ("fail_on", "lang", "source")
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _plain(value: Any) -> Any:
    """A value as JSON data that is the same in every process (sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path | Decimal | dt.date):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)
