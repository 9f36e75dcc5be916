"""Digital signatures of signed steps (`signs digital`), verified with `cryptography`.

Input: a `Signature` (the result document's SHA-256 digest, the signature value, the signer's
certificate and its intermediates, PEM), the acting officer, the signing date, and the
`SignaturePolicy` of the deployment: the trust anchors (the root certificates of the national
signing PKI a province accepts) and the certificates registered to each officer. Output:
`None` when the signature holds, else a `Refused` with the reason in both languages.

What is checked:
1. the certificate is one registered to the acting officer (by SHA-256 fingerprint);
2. each certificate of the chain is directly issued by the next (`verify_directly_issued_by`)
   and the last by a trust anchor; each issuer is a CA allowed to sign certificates;
3. every certificate is valid on the signing date;
4. no certificate of the chain is revoked by a configured CRL (`tthc.runtime.revocation`);
5. the signer's key usage allows signing documents (digitalSignature or contentCommitment);
6. the signature verifies over the digest with the signer's public key (ECDSA or RSA PKCS#1
   v1.5 with SHA-256; Ed25519 over the digest bytes).

`load_policy` reads a policy from a JSON file (the command line's `--signatures`).

The chain is walked here rather than with `cryptography.x509.verification`: that verifier
applies the web PKI's profile (server or client authentication, subject alternative names),
which document-signing certificates do not follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tthc.dsl import Message
from tthc.runtime.revocation import load_crl, revoked
from tthc.runtime.values import Officer, Reason, Refused, Signature, refuse_under

if TYPE_CHECKING:
    from cryptography.x509 import Certificate


VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class SignaturePolicy:
    """Trust anchors (PEM), per officer id the fingerprints (SHA-256, hex) of the certificates
    registered to them, and the certificate revocation lists (PEM or DER bytes)."""

    anchors: Sequence[str] = ()
    registered: Mapping[str, frozenset[str]] = field(default_factory=dict)
    crls: Sequence[bytes] = ()


def fingerprint(pem: str) -> str:
    """The SHA-256 fingerprint (hex) of a PEM certificate, as `registered` keeps them."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    return x509.load_pem_x509_certificate(pem.encode()).fingerprint(hashes.SHA256()).hex()


_INVALID = Message(vi="Chữ ký số không hợp lệ", en="Invalid signature")


def _invalid(vi: str, en: str, case_id: str) -> Refused:
    return refuse_under(Reason.SIGNATURE_INVALID, _INVALID, vi, en, case_id)


def verify_signature(
    signature: Signature,
    officer: Officer,
    on: dt.datetime,
    policy: SignaturePolicy,
    case_id: str,
) -> Refused | None:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes

    try:
        leaf = x509.load_pem_x509_certificate(signature.certificate.encode())
        chain = [x509.load_pem_x509_certificate(p.encode()) for p in signature.chain]
        anchors = [x509.load_pem_x509_certificate(p.encode()) for p in policy.anchors]
        digest = bytes.fromhex(signature.digest)
    except ValueError as error:
        return _invalid(f"chứng thư hoặc mã băm hỏng ({error})", f"unreadable ({error})", case_id)
    if leaf.fingerprint(hashes.SHA256()).hex() not in policy.registered.get(officer.id, ()):
        return _invalid(
            f"chứng thư không đăng ký cho cán bộ {officer.id}",
            f"the certificate is not registered to officer {officer.id}",
            case_id,
        )
    at = signature.signed_at or on
    # The engine's clock gives Vietnam's local time (UTC+7) when it gives no zone.
    when = (at if at.tzinfo else at.replace(tzinfo=VIETNAM)).astimezone(dt.UTC)
    path = [leaf, *chain]
    for certificate in path:
        if not certificate.not_valid_before_utc <= when <= certificate.not_valid_after_utc:
            return _invalid(
                f"chứng thư '{certificate.subject.rfc4514_string()}' hết hạn hoặc chưa có hiệu lực vào ngày ký",
                f"certificate '{certificate.subject.rfc4514_string()}' is not valid on the signing date",
                case_id,
            )
    refused = _chain_to_anchor(path, anchors, when, case_id)
    if refused is not None:
        return refused
    try:
        crls = [load_crl(data) for data in policy.crls]
    except ValueError as error:
        return _invalid(f"danh sách thu hồi hỏng ({error})", f"unreadable CRL ({error})", case_id)
    # Revoked by the moment the step is performed, whatever date the signer claims.
    now = (on if on.tzinfo else on.replace(tzinfo=VIETNAM)).astimezone(dt.UTC)
    refused = revoked(path, anchors, crls, now, case_id)
    if refused is not None:
        return refused
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            raise x509.ExtensionNotFound("no signing usage", x509.KeyUsage.oid)
    except x509.ExtensionNotFound:
        return _invalid(
            "chứng thư không được dùng để ký văn bản (key usage)",
            "the certificate's key usage does not allow signing",
            case_id,
        )
    try:
        _check(leaf.public_key(), signature.value, digest)
    except (InvalidSignature, TypeError, ValueError):
        return _invalid(
            "chữ ký không khớp với mã băm của văn bản kết quả",
            "the signature does not match the result document's digest",
            case_id,
        )
    return None


def _chain_to_anchor(
    path: list[Certificate], anchors: list[Certificate], when: dt.datetime, case_id: str
) -> Refused | None:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature

    for child, issuer in zip(path, [*path[1:], None], strict=True):
        candidates = [issuer] if issuer is not None else anchors
        for candidate in candidates:
            try:
                child.verify_directly_issued_by(candidate)
            except (ValueError, TypeError, InvalidSignature):
                continue
            constraints = candidate.extensions.get_extension_for_class(x509.BasicConstraints)
            if not constraints.value.ca:
                continue
            if issuer is None and not (
                candidate.not_valid_before_utc <= when <= candidate.not_valid_after_utc
            ):
                continue
            break
        else:
            return _invalid(
                "chuỗi chứng thư không dẫn tới tổ chức cung cấp dịch vụ chứng thực được tin cậy",
                "the certificate chain does not lead to a trusted anchor",
                case_id,
            )
    return None


def _check(key: object, value: bytes, digest: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, utils

    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(value, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    elif isinstance(key, rsa.RSAPublicKey):
        key.verify(value, digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
    elif isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(value, digest)
    else:
        raise TypeError("unsupported key type")


def load_policy(path: Path) -> SignaturePolicy | Message:
    """The policy of a JSON file, or what is wrong with it:

        {"anchors": ["root.pem"],
         "registered": {"officer-id": ["officer.pem", "<SHA-256 fingerprint, hex>"]},
         "crls": ["root.crl"]}

    File names are relative to the policy file; a CRL is PEM or DER."""
    import json

    base = path.parent
    try:
        data = json.loads(path.read_text("utf-8"))
        anchors = tuple((base / name).read_text("utf-8") for name in data.get("anchors", []))
        registered = {
            officer: frozenset(_fingerprint_of(base, entry) for entry in entries)
            for officer, entries in data.get("registered", {}).items()
        }
        crls = tuple((base / name).read_bytes() for name in data.get("crls", []))
        for crl in crls:
            load_crl(crl)
    except (OSError, ValueError, TypeError, AttributeError) as error:
        return Message(
            vi=f"{path}: không đọc được chính sách chữ ký số ({error})",
            en=f"{path}: unreadable signature policy ({error})",
        )
    return SignaturePolicy(anchors, registered, crls)


def _fingerprint_of(base: Path, entry: str) -> str:
    """A registered certificate: its SHA-256 fingerprint as given, or that of a PEM file."""
    text = entry.lower()
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return text
    return fingerprint((base / entry).read_text("utf-8"))
