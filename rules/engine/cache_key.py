"""The secret that authenticates cache entries: one per user, never inside a repository.

Input: the environment (`XDG_CACHE_HOME`, else `~/.cache`). Output: 32 random bytes kept in
`<that folder>/tthc/cache-key` (mode 0600, made on first use), or None when no such file can be
read or made (the cache is then not used).

Why: `.tthc_cache/` lives in the checked repository, which a pull request controls, and its keys
are content hashes anyone can compute. An entry is only believed when it carries a MAC under this
key (`tthc.rules.engine.cache`), so an entry committed by someone else, or copied from another
machine, is a miss: never a result. A CI job that restores `.tthc_cache/` between runs keeps its
hits by restoring this folder too.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

KEY_BYTES = 32
KEY_NAME = "cache-key"


def key_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    folder = Path(base) if Path(base).is_absolute() else Path.home() / ".cache"
    return folder / "tthc"


def secret_key() -> bytes | None:
    """This user's key, made on first use; None when it cannot be had."""
    return _key_at(key_folder() / KEY_NAME)


@cache
def _key_at(path: Path) -> bytes | None:
    for _ in range(2):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        except OSError:
            return None
        if len(data) == KEY_BYTES:
            return data
        if not _make(path, replace=bool(data)):
            return None
    return None


def _make(path: Path, replace: bool) -> bool:
    """Writes a new key beside the path and moves it in place: another process making its own
    at the same time keeps the one that landed first (a damaged key is replaced)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{KEY_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as file:
            file.write(secrets.token_bytes(KEY_BYTES))
        try:
            if replace:
                os.replace(temporary, path)
            else:
                os.link(temporary, path)  # fails when another process was first: keep theirs
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def seal(key: bytes, *parts: bytes) -> bytes:
    """The MAC of the parts, each length-prefixed so that they cannot run into one another."""
    # One call of the one-shot HMAC over the joined parts (the same bytes, so the same MAC as
    # updating part by part): a cold run seals an entry per file.
    framed = b"".join(piece for part in parts for piece in (len(part).to_bytes(8, "little"), part))
    return hmac.digest(key, framed, "sha256")


MAC_BYTES = hashlib.sha256().digest_size


def opened(key: bytes, stored: bytes, *parts: bytes) -> bytes | None:
    """The data of a sealed value when its MAC is right for these parts, else None."""
    if not isinstance(stored, bytes) or len(stored) < MAC_BYTES:
        return None
    mac, data = stored[:MAC_BYTES], stored[MAC_BYTES:]
    return data if hmac.compare_digest(mac, seal(key, *parts, data)) else None
