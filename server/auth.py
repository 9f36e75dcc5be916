"""Who is calling: a bearer token → the officer (role and jurisdiction) it stands for.

Input: the `Authorization: Bearer …` header. Output: an `Officer`, or `Unauthenticated` with a
reason that says what was wrong without echoing the token. Two verifiers, one interface:

- `TokenFile`: for a small portal. A JSON file lists, per token, the SHA-256 of the token (the
  token itself is never stored) and the officer it stands for.
- `JWTVerifier`: signed JSON Web Tokens, the shape government single sign-on issues, verified
  with PyJWT against a configured key set (JWKS): signature, `exp` (required), `nbf`, and the
  issuer and audience when configured. Claims: `sub` (officer id), `role`, `province`, and
  `commune` for a commune-level officer.

A verified JWT is remembered (by its exact text, at most `cache` of them) until its `exp`:
a portal sends one officer's token with every request of a session, and checking its signature
again each time was a fifth of the server's CPU per command in the load benchmark. Only tokens
that passed every check are remembered, and one past its `exp` is checked afresh (and refused).

Any other verifier (a portal's own session store) is a class with the same `verify` method.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tthc.runtime import Officer


@dataclass(frozen=True)
class Unauthenticated:
    """Why a request carries no usable identity (HTTP 401)."""

    vi: str
    en: str


class Verifier(Protocol):
    def verify(self, token: str) -> Officer | Unauthenticated: ...


def _officer(claims: dict[str, Any], subject: str) -> Officer | Unauthenticated:
    role, province, commune = claims.get("role"), claims.get("province"), claims.get("commune")
    fields = (subject, role, province)
    if not all(isinstance(value, str) and value for value in fields) or not (
        commune is None or isinstance(commune, str)
    ):
        return Unauthenticated(
            "Mã truy cập thiếu cán bộ, vai trò hoặc địa bàn",
            "The token names no officer, role or jurisdiction",
        )
    return Officer(str(subject), str(role), str(province), commune or None)


class TokenFile:
    """Tokens listed in a JSON file: `{"tokens": [{"sha256": "<hex>", "id": …, "role": …,
    "province": …, "commune": …}]}`."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self._by_digest: dict[str, dict[str, Any]] = {
            entry["sha256"].lower(): entry for entry in data["tokens"]
        }

    def verify(self, token: str) -> Officer | Unauthenticated:
        digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
        for known, entry in self._by_digest.items():
            if hmac.compare_digest(known, digest):
                return _officer(entry, str(entry.get("id", "")))
        return Unauthenticated("Mã truy cập không hợp lệ", "The token is not valid")


class JWTVerifier:
    """Signed JWTs verified against the keys of a JWKS file (RS256, ES256, EdDSA)."""

    ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "EdDSA")

    def __init__(
        self,
        jwks: Path,
        issuer: str | None = None,
        audience: str | None = None,
        cache: int = 4096,
    ) -> None:
        import jwt

        self._jwt = jwt
        self._keys = jwt.PyJWKSet.from_json(jwks.read_text(encoding="utf-8"))
        self.issuer, self.audience = issuer, audience
        self._cache = cache
        self._verified: OrderedDict[str, tuple[Officer, float]] = OrderedDict()
        self._lock = threading.Lock()

    def verify(self, token: str) -> Officer | Unauthenticated:
        with self._lock:
            known = self._verified.get(token)
            if known is not None:
                if time.time() < known[1]:
                    self._verified.move_to_end(token)
                    return known[0]
                del self._verified[token]
        found, expires = self._check(token)
        if isinstance(found, Officer) and self._cache > 0:
            with self._lock:
                self._verified[token] = (found, expires)
                while len(self._verified) > self._cache:
                    self._verified.popitem(last=False)
        return found

    def _check(self, token: str) -> tuple[Officer | Unauthenticated, float]:
        """Every check of the token (signature, times, issuer, audience, claims) and its `exp`."""
        jwt = self._jwt
        try:
            header = jwt.get_unverified_header(token)
            kid = header.get("kid")
            keys = [k for k in self._keys.keys if kid is None or k.key_id == kid]
            if not keys:
                return Unauthenticated(
                    "Mã truy cập ký bằng khóa không được tin cậy",
                    "The token is signed with a key that is not trusted",
                ), 0.0
            claims = jwt.decode(
                token,
                keys[0].key,
                algorithms=list(self.ALGORITHMS),
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["exp", "sub"], "verify_aud": self.audience is not None},
            )
        except jwt.ExpiredSignatureError:
            return Unauthenticated("Mã truy cập đã hết hạn", "The token has expired"), 0.0
        except jwt.InvalidTokenError as error:
            return Unauthenticated(
                "Mã truy cập không hợp lệ", f"The token is not valid: {type(error).__name__}"
            ), 0.0
        expires = claims["exp"]  # required above, and a number (PyJWT checks its type)
        return _officer(claims, str(claims.get("sub", ""))), float(expires)


def verifier_for(
    tokens: Path | None, jwks: Path | None, issuer: str | None, audience: str | None
) -> Verifier:
    if jwks is not None:
        return JWTVerifier(jwks, issuer, audience)
    assert tokens is not None  # Settings refuses neither
    return TokenFile(tokens)
