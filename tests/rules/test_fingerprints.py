"""The keys and seals of the cache: the shortcuts a run takes to make 10,000 of them (the
common parts of the file keys hashed once, one HMAC call per entry) give the very bytes of the
definitions, so a cache filled by one version opens in the next."""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
from pathlib import Path

import pytest

from tthc.dsl import Limits
from tthc.rules.engine.cache_key import seal
from tthc.rules.engine.fingerprints import digest, digests_after, read_files


def test_a_key_made_after_common_parts_is_the_digest_of_all_the_parts() -> None:
    key_of = digests_after("file", "tool", b"\x00config", "registry", "TT101,TT401")
    for path, content in (("a.tthc", "d1"), ("thủ tục/b.tthc", ""), ("", "d2")):
        assert key_of(path, content) == digest(
            "file", "tool", b"\x00config", "registry", "TT101,TT401", path, content
        )
    assert key_of("a.tthc", "d1") != key_of("a.tthc", "d2")
    assert key_of("ab", "c") != key_of("a", "bc")  # parts cannot run into one another


def test_a_seal_is_the_hmac_of_the_length_prefixed_parts() -> None:
    key = bytes(range(32))
    parts = (b"files", b"0" * 64, "dữ liệu".encode() * 500)
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(len(part).to_bytes(8, "little") + part)
    assert seal(key, *parts) == mac.digest()
    assert seal(key, b"ab", b"c") != seal(key, b"a", b"bc")


def test_every_kind_of_path_is_read_and_hashed_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file, an empty one, one past the size limit (only its start is read), a link inside
    the repository (read through), a link out of it and a dangling link (never read), a folder
    and a missing file (unreadable, with the reason)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    outside = tmp_path / "secret.tthc"
    outside.write_bytes(b"secret")
    repo = tmp_path / "repo"
    (repo / "a.tthc").write_bytes("thủ tục".encode())
    (repo / "empty.tthc").write_bytes(b"")
    (repo / "big.tthc").write_bytes(b"x" * 40)
    os.symlink(repo / "a.tthc", repo / "inside.tthc")
    os.symlink(outside, repo / "out.tthc")
    os.symlink(repo / "gone.tthc", repo / "dangling.tthc")
    (repo / "folder.tthc").mkdir()
    names = ["a", "empty", "big", "inside", "out", "dangling", "folder", "missing"]
    paths = [str(repo / f"{name}.tthc") for name in names]
    contents, digests = read_files(paths, Limits(max_bytes=10))
    got = dict(zip(names, (contents[p] for p in paths), strict=True))
    assert got == {
        "a": "thủ tục".encode(),
        "empty": b"",
        "big": b"x" * 11,
        "inside": "thủ tục".encode(),
        "out": None,
        "dangling": None,
        "folder": None,
        "missing": None,
    }
    keys = dict(zip(names, (digests[p] for p in paths), strict=True))
    assert keys["a"] == keys["inside"] == digest("thủ tục".encode(), "11")
    assert keys["empty"] == digest(b"", "0") and keys["big"] == digest(b"x" * 11, "40")
    assert keys["out"] == "link outside the repository"
    assert keys["dangling"] == f"unreadable:{errno.ENOENT}"
    assert keys["folder"] == f"unreadable:{errno.EISDIR}"
    assert keys["missing"] == f"unreadable:{errno.ENOENT}"
