"""The keys and seals of the cache: the shortcuts a run takes to make 10,000 of them (the
common parts of the file keys hashed once, one HMAC call per entry) give the very bytes of the
definitions, so a cache filled by one version opens in the next."""

from __future__ import annotations

import hashlib
import hmac

from tthc.rules.engine.cache_key import seal
from tthc.rules.engine.fingerprints import digest, digests_after


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
