"""What a deployment of the HTTP API configures, read from the environment.

Input: environment variables (uvicorn's worker processes inherit them from `tthc serve`).
Output: `Settings`. A setting that cannot be used is a `SettingsError` naming the variable,
raised when the app is created: a server never starts half-configured.

    TTHC_BUNDLE          the deployment bundle (`tthc compile … -o bundle.json`)     required
    TTHC_DATABASE_URL    sqlite:///path/cases.db (default sqlite:///cases.db) or postgresql://…
    TTHC_TOKENS          a token file (JSON: sha256 of each token → officer)      one of the two
    TTHC_JWKS            a JSON Web Key Set file: signed JWTs are verified against it
    TTHC_JWT_ISSUER / TTHC_JWT_AUDIENCE   required claims of a JWT (optional)
    TTHC_MAX_BODY        the largest request body in bytes (default 262144)
    TTHC_TRUST_ANCHORS   PEM file of the root certificates digital signatures chain to
    TTHC_CERTIFICATES    JSON file: officer id → SHA-256 fingerprints of their certificates
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from tthc.runtime import SignaturePolicy


class SettingsError(Exception):
    """A setting the server cannot start with; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    bundle: Path
    database: str = "sqlite:///cases.db"
    tokens: Path | None = None
    jwks: Path | None = None
    issuer: str | None = None
    audience: str | None = None
    max_body: int = 256 * 1024
    trust_anchors: Path | None = None
    certificates: Path | None = None

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)
        bundle = env.get("TTHC_BUNDLE")
        if not bundle:
            raise SettingsError("TTHC_BUNDLE: the deployment bundle is not set")
        tokens, jwks = env.get("TTHC_TOKENS"), env.get("TTHC_JWKS")
        if not tokens and not jwks:
            raise SettingsError("TTHC_TOKENS or TTHC_JWKS: no way to authenticate officers")
        try:
            max_body = int(env.get("TTHC_MAX_BODY", str(cls.max_body)))
        except ValueError as error:
            raise SettingsError(f"TTHC_MAX_BODY: not a number of bytes: {error}") from error
        return cls(
            bundle=Path(bundle),
            database=env.get("TTHC_DATABASE_URL", cls.database),
            tokens=Path(tokens) if tokens else None,
            jwks=Path(jwks) if jwks else None,
            issuer=env.get("TTHC_JWT_ISSUER") or None,
            audience=env.get("TTHC_JWT_AUDIENCE") or None,
            max_body=max_body,
            trust_anchors=Path(env["TTHC_TRUST_ANCHORS"])
            if env.get("TTHC_TRUST_ANCHORS")
            else None,
            certificates=Path(env["TTHC_CERTIFICATES"]) if env.get("TTHC_CERTIFICATES") else None,
        )

    def to_environment(self) -> dict[str, str]:
        """The variables that give these settings back (for the worker processes)."""
        env = {"TTHC_BUNDLE": str(self.bundle), "TTHC_DATABASE_URL": self.database}
        env["TTHC_MAX_BODY"] = str(self.max_body)
        for name, value in (
            ("TTHC_TOKENS", self.tokens),
            ("TTHC_JWKS", self.jwks),
            ("TTHC_JWT_ISSUER", self.issuer),
            ("TTHC_JWT_AUDIENCE", self.audience),
            ("TTHC_TRUST_ANCHORS", self.trust_anchors),
            ("TTHC_CERTIFICATES", self.certificates),
        ):
            if value:
                env[name] = str(value)
        return env


def signature_policy(anchors: Path | None, certificates: Path | None) -> SignaturePolicy:
    """The trust anchors and the officers' registered certificates, read from their files."""
    pems: list[str] = []
    if anchors is not None:
        text = anchors.read_text(encoding="ascii")
        marker = "-----END CERTIFICATE-----"
        pems = [part.strip() + "\n" + marker + "\n" for part in text.split(marker) if part.strip()]
    registered: dict[str, frozenset[str]] = {}
    if certificates is not None:
        data = json.loads(certificates.read_text(encoding="utf-8"))
        registered = {str(k): frozenset(str(f).lower() for f in v) for k, v in data.items()}
    return SignaturePolicy(tuple(pems), registered)
