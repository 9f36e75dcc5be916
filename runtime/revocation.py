"""Revocation of a signer's certificates, read from the certificate revocation lists (CRLs) the
deployment configures (`SignaturePolicy.crls`, PEM or DER files' contents).

Input: the certificate path of a signature (the signer's certificate, then its intermediates),
the trust anchors, the CRLs, and the moment the step is performed. Output: `None` when no
certificate of the path is revoked, else a `Refused` (`certificate-revoked`, or
`signature-invalid` when a CRL that speaks for an issuer is out of date).

- A CRL counts only when its signature verifies with the public key of a certificate of the
  path or an anchor whose subject is the CRL's issuer: a CRL anyone could have written revokes
  nothing.
- A certificate is revoked when a counted CRL of its issuer lists its serial number with a
  revocation date at or before the moment the step is performed (the date the signer claims
  is not trusted here: the engine has no time-stamping authority).
- A counted CRL of the issuer past its next update leaves the status unknown: refused, so that
  an operator who stops refreshing the lists does not silently accept revoked certificates.
- An issuer without a configured CRL is not checked (not every CA's list is configured).

OCSP is not asked: `cryptography` builds OCSP requests and reads responses, but an answer needs
the responder on the network, which a portal's signing step cannot rely on offline; a
deployment that can reach it refreshes its CRLs instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tthc.runtime.values import Reason, Refused, refuse

if TYPE_CHECKING:
    from cryptography.x509 import Certificate, CertificateRevocationList


def load_crl(data: bytes) -> CertificateRevocationList:
    """A CRL from PEM or DER bytes; raises `ValueError` when it is neither."""
    from cryptography import x509

    if data.lstrip().startswith(b"-----BEGIN"):
        return x509.load_pem_x509_crl(data)
    return x509.load_der_x509_crl(data)


def _counted(
    crls: Sequence[CertificateRevocationList], signers: Sequence[Certificate]
) -> list[CertificateRevocationList]:
    """The CRLs signed by the certificate named as their issuer."""
    counted = []
    for crl in crls:
        for signer in signers:
            if signer.subject == crl.issuer and crl.is_signature_valid(signer.public_key()):  # type: ignore[arg-type]
                counted.append(crl)
                break
    return counted


def revoked(
    path: Sequence[Certificate],
    anchors: Sequence[Certificate],
    crls: Sequence[CertificateRevocationList],
    when: dt.datetime,
    case_id: str,
) -> Refused | None:
    """Why a certificate of `path` may not sign at `when` (UTC), or `None`."""
    counted = _counted(crls, [*path, *anchors])
    for certificate in path:
        for crl in counted:
            if crl.issuer != certificate.issuer:
                continue
            entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            name = certificate.subject.rfc4514_string()
            if entry is not None and entry.revocation_date_utc <= when:
                day = entry.revocation_date_utc.date().isoformat()
                return refuse(
                    Reason.CERTIFICATE_REVOKED,
                    f"Chứng thư '{name}' đã bị thu hồi ngày {day}",
                    f"Certificate '{name}' was revoked on {day}",
                    case_id,
                )
            if crl.next_update_utc is not None and crl.next_update_utc < when:
                return refuse(
                    Reason.SIGNATURE_INVALID,
                    f"Danh sách thu hồi của '{crl.issuer.rfc4514_string()}' đã quá hạn; "
                    "không xác định được trạng thái chứng thư",
                    f"The revocation list of '{crl.issuer.rfc4514_string()}' is out of date; "
                    "the certificate's status is unknown",
                    case_id,
                )
    return None
