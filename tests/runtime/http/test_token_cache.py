"""A verified JWT is remembered until its `exp`, never past it, and only with its exact text."""

from __future__ import annotations

import json
import time
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from tthc.runtime import Officer
from tthc.server.auth import JWTVerifier, Unauthenticated

KEY = ec.generate_private_key(ec.SECP256R1())


def verifier(folder: Path) -> JWTVerifier:
    jwk = json.loads(ECAlgorithm.to_jwk(KEY.public_key()))
    jwk.update({"kid": "k", "alg": "ES256"})
    (folder / "jwks.json").write_text(json.dumps({"keys": [jwk]}), encoding="utf-8")
    return JWTVerifier(folder / "jwks.json")


def token(expires: float, key: ec.EllipticCurvePrivateKey = KEY, role: str = "desk") -> str:
    claims = {"sub": "an", "role": role, "province": "01", "commune": "00004", "exp": expires}
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": "k"})


def test_a_remembered_token_is_refused_once_it_expires(tmp_path: Path) -> None:
    check = verifier(tmp_path)
    expires = int(time.time()) + 2
    short = token(expires)
    assert check.verify(short) == Officer("an", "desk", "01", "00004")
    assert check.verify(short) == Officer("an", "desk", "01", "00004")  # remembered
    time.sleep(max(0.0, expires - time.time()) + 0.2)
    refused = check.verify(short)
    assert isinstance(refused, Unauthenticated) and refused.en == "The token has expired"


def test_only_the_exact_verified_text_is_remembered(tmp_path: Path) -> None:
    check = verifier(tmp_path)
    expires = int(time.time()) + 600
    assert isinstance(check.verify(token(expires)), Officer)
    forged = token(expires, key=ec.generate_private_key(ec.SECP256R1()))
    assert isinstance(check.verify(forged), Unauthenticated)
    tampered = token(expires, role="chairman")[:-4] + token(expires)[-4:]
    assert isinstance(check.verify(tampered), Unauthenticated)


def test_the_memory_is_bounded(tmp_path: Path) -> None:
    jwk = json.loads(ECAlgorithm.to_jwk(KEY.public_key()))
    jwk.update({"kid": "k", "alg": "ES256"})
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [jwk]}), encoding="utf-8")
    check = JWTVerifier(tmp_path / "jwks.json", cache=2)
    tokens = [token(int(time.time()) + 600 + n) for n in range(5)]
    assert all(isinstance(check.verify(t), Officer) for t in tokens)
    assert len(check._verified) == 2  # the two most recently used
