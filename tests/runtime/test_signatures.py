"""Digitally signed steps: the signature over the result document's digest must come from a
certificate registered to the acting officer, chained to the trust anchor, valid on the
signing date, allowed to sign; it is stored with the event. The CA is made in the test."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tthc.runtime import Done, Dossier, Engine, Reason, Refused, Signature

BUSINESS = "1.001612"


def at_the_decision(engine: Engine, desk: Any) -> str:
    bundled = engine.bundle.in_force(BUSINESS, engine.clock().date())
    assert bundled is not None
    documents = tuple(bundled.model().components)
    case_id = engine.submit(
        Dossier(BUSINESS, {"name": "Lê C"}, "online", "01", "00004", "00004", documents)
    ).case.id  # type: ignore[union-attr]
    for step, outcome in (
        ("tiep_nhan", "complete"),
        ("thu_phi", None),
        ("tham_dinh", "eligible"),
        ("ma_so_thue", "otherwise"),
    ):
        assert isinstance(desk.perform(case_id, step, outcome), Done)
    return case_id


def test_a_valid_signature_is_stored_with_the_event(engine: Engine, desk: Any, pki: Any) -> None:
    case_id = at_the_decision(engine, desk)
    officer = desk.officer_for(case_id, "cap")
    document = "Giấy chứng nhận đăng ký hộ kinh doanh số 01A8000001".encode()
    signature = pki.sign(officer.id, document)
    done = engine.act(case_id, "cap", officer, signature=signature)
    assert isinstance(done, Done), done
    stored = next(e for e in engine.history(case_id) if e.data.get("step") == "cap")
    assert stored.data["signature"]["digest"] == hashlib.sha256(document).hexdigest()
    assert stored.data["signature"]["certificate"] == signature.certificate
    assert engine.verify(case_id) == []


def _expired(pki: Any, officer_id: str) -> Signature:
    key = ec.generate_private_key(ec.SECP256R1())
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, officer_id)])
    certificate = pki.issue(name, key.public_key(), until=dt.datetime(2025, 12, 31, tzinfo=dt.UTC))
    return pki.sign(officer_id, b"doc", key=key, certificate=certificate)


def _foreign(pki: Any, officer_id: str) -> Signature:
    other = type(pki)()  # another CA, not the trust anchor
    key, certificate = other.officer(officer_id)
    return other.sign(officer_id, b"doc", key=key, certificate=certificate)


def _encipher_only(pki: Any, officer_id: str) -> Signature:
    key = ec.generate_private_key(ec.SECP256R1())
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, officer_id)])
    certificate = pki.issue(name, key.public_key(), signing=False)
    return pki.sign(officer_id, b"doc", key=key, certificate=certificate)


def _wrong_key(pki: Any, officer_id: str) -> Signature:
    return pki.sign(officer_id, b"doc", key=ec.generate_private_key(ec.SECP256R1()))


def _another_officer(pki: Any, officer_id: str) -> Signature:
    return pki.sign("commune.one_stop@00004", b"doc")


def _other_digest(pki: Any, officer_id: str) -> Signature:
    good = pki.sign(officer_id, b"doc")
    return Signature(hashlib.sha256(b"another document").hexdigest(), good.value, good.certificate)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_another_officer, "not registered to officer"),
        (_wrong_key, "does not match"),
        (_other_digest, "does not match"),
        (_foreign, "not registered"),
        (_expired, "not registered"),
        (_encipher_only, "not registered"),
    ],
)
def test_bad_signatures_are_refused(
    engine: Engine, desk: Any, pki: Any, make: Any, words: str
) -> None:
    case_id = at_the_decision(engine, desk)
    officer = desk.officer_for(case_id, "cap")
    result = engine.act(case_id, "cap", officer, signature=make(pki, officer.id))
    assert isinstance(result, Refused) and result.reason is Reason.SIGNATURE_INVALID
    assert words in result.message.en
    assert engine.case(case_id).open_steps == ["cap"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_foreign, "trusted anchor"),
        (_expired, "not valid on the signing date"),
        (_encipher_only, "key usage"),
    ],
)
def test_registered_but_unusable_certificates_are_refused(
    corpus: Any, make_store: Any, clock: Any, pki: Any, desk: Any, make: Any, words: str
) -> None:
    officer_id = "commune.business_registry@00004"
    signature = make(pki, officer_id)
    from tthc.runtime import SignaturePolicy, fingerprint

    policy = pki.policy()
    registered = dict(policy.registered)
    registered[officer_id] = registered[officer_id] | {fingerprint(signature.certificate)}
    engine = Engine(
        corpus, make_store(), clock=clock, signatures=SignaturePolicy(policy.anchors, registered)
    )
    desk.engine = engine
    case_id = at_the_decision(engine, desk)
    officer = desk.officer_for(case_id, "cap")
    result = engine.act(case_id, "cap", officer, signature=signature)
    assert isinstance(result, Refused) and result.reason is Reason.SIGNATURE_INVALID
    assert words in result.message.en


def test_a_signed_step_without_a_signature_is_refused(engine: Engine, desk: Any) -> None:
    case_id = at_the_decision(engine, desk)
    result = engine.act(case_id, "cap", desk.officer_for(case_id, "cap"))
    assert isinstance(result, Refused) and result.reason is Reason.SIGNATURE_REQUIRED
