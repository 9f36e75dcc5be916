"""Who is calling: a bearer token → the officer (role and jurisdiction) it stands for.

Input: the `Authorization: Bearer …` header. Output: an `Officer`, or `Unauthenticated` with a
reason that says what was wrong without echoing the token. Two verifiers, one interface:

- `TokenFile`: for a small portal. A JSON file lists, per token, the SHA-256 of the token (the
  token itself is never stored) and the officer it stands for.
- `JWTVerifier`: signed JSON Web Tokens, the shape government single sign-on issues, verified
  with PyJWT against a configured key set (JWKS): signature, `exp` (required), `nbf`, and the
  issuer and audience when configured. Claims: `sub` (officer id), `role`, `province`, and
  `commune` for a commune-level officer.

Any other verifier (a portal's own session store) is a class with the same `verify` method.
"""

from __future__ import annotations

import hashlib
import hmac
import json
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

    def __init__(self, jwks: Path, issuer: str | None = None, audience: str | None = None) -> None:
        import jwt

        self._jwt = jwt
        self._keys = jwt.PyJWKSet.from_json(jwks.read_text(encoding="utf-8"))
        self.issuer, self.audience = issuer, audience

    def verify(self, token: str) -> Officer | Unauthenticated:
        jwt = self._jwt
        try:
            header = jwt.get_unverified_header(token)
            kid = header.get("kid")
            keys = [k for k in self._keys.keys if kid is None or k.key_id == kid]
            if not keys:
                return Unauthenticated(
                    "Mã truy cập ký bằng khóa không được tin cậy",
                    "The token is signed with a key that is not trusted",
                )
            claims = jwt.decode(
                token,
                keys[0].key,
                algorithms=list(self.ALGORITHMS),
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["exp", "sub"], "verify_aud": self.audience is not None},
            )
        except jwt.ExpiredSignatureError:
            return Unauthenticated("Mã truy cập đã hết hạn", "The token has expired")
        except jwt.InvalidTokenError as error:
            return Unauthenticated(
                "Mã truy cập không hợp lệ", f"The token is not valid: {type(error).__name__}"
            )
        return _officer(claims, str(claims.get("sub", "")))


def verifier_for(
    tokens: Path | None, jwks: Path | None, issuer: str | None, audience: str | None
) -> Verifier:
    if jwks is not None:
        return JWTVerifier(jwks, issuer, audience)
    assert tokens is not None  # Settings refuses neither
    return TokenFile(tokens)
