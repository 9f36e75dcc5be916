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


# -- revocation: CRLs issued by the test's CA ----------------------------------------------------


def crl(
    pki: Any,
    serials: tuple[int, ...],
    revoked_on: dt.datetime = dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    next_update: dt.datetime = dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    key: Any = None,
) -> bytes:
    """A CRL of the test's root CA (signed with `key` when given: a forgery) listing `serials`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.root.subject)
        .last_update(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        .next_update(next_update)
    )
    for serial in serials:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(revoked_on)
            .build()
        )
    return builder.sign(key or pki.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


OFFICER_ID = "commune.business_registry@00004"


@pytest.mark.parametrize(
    ("revoked_on", "next_update", "forged", "reason"),
    [
        # Revoked on 1 March, the step on 4 March: refused.
        (dt.datetime(2026, 3, 1, tzinfo=dt.UTC), None, False, Reason.CERTIFICATE_REVOKED),
        # Revoked only on 10 March: the certificate still signs on 4 March.
        (dt.datetime(2026, 3, 10, tzinfo=dt.UTC), None, False, None),
        # A list past its next update: the status is unknown.
        (dt.datetime(2026, 3, 10, tzinfo=dt.UTC), dt.datetime(2026, 2, 1, tzinfo=dt.UTC), False,
         Reason.SIGNATURE_INVALID),
        # A list not signed by the CA it names revokes nothing.
        (dt.datetime(2026, 3, 1, tzinfo=dt.UTC), None, True, None),
    ],
)  # fmt: skip
def test_a_certificate_revoked_by_a_configured_crl_cannot_sign(
    corpus: Any,
    make_store: Any,
    clock: Any,
    pki: Any,
    desk: Any,
    revoked_on: dt.datetime,
    next_update: dt.datetime | None,
    forged: bool,
    reason: Reason | None,
) -> None:
    from tthc.runtime import SignaturePolicy

    _, certificate = pki.officer(OFFICER_ID)
    forger = ec.generate_private_key(ec.SECP256R1()) if forged else None
    listed = crl(pki, (certificate.serial_number,), revoked_on, key=forger,
                 next_update=next_update or dt.datetime(2027, 1, 1, tzinfo=dt.UTC))  # fmt: skip
    policy = pki.policy()
    engine = Engine(
        corpus,
        make_store(),
        clock=clock,
        signatures=SignaturePolicy(policy.anchors, policy.registered, (listed,)),
    )
    desk.engine = engine
    case_id = at_the_decision(engine, desk)
    result = engine.act(case_id, "cap", desk.officer_for(case_id, "cap"),
                        signature=pki.sign(OFFICER_ID, b"doc"))  # fmt: skip
    if reason is None:
        assert isinstance(result, Done), result
    else:
        assert isinstance(result, Refused) and result.reason is reason, result
        assert engine.case(case_id).open_steps == ["cap"]  # type: ignore[union-attr]


# -- signing from the command line ----------------------------------------------------------


def test_a_signed_step_from_the_command_line(
    corpus: Any, clock: Any, pki: Any, desk_type: Any, tmp_path: Any
) -> None:
    """`tthc case act … --document --signature --certificate --signatures`: the document's
    digest signed by the officer's registered certificate completes the step; a signature
    over another document, none at all, or a certificate its CA revoked does not."""
    import json

    from click.testing import CliRunner
    from cryptography.hazmat.primitives import hashes

    from tthc.cli.main import main
    from tthc.runtime import SQLiteStore

    from .conftest import pem

    store = tmp_path / "cases.db"
    (tmp_path / "bundle.json").write_text(corpus.to_json(), "utf-8")
    engine = Engine(corpus, SQLiteStore(store), clock=clock, signatures=pki.policy())
    desk = desk_type(engine, pki)
    case_id = at_the_decision(engine, desk)
    officer = desk.officer_for(case_id, "cap")
    engine.store.close()
    key, certificate = pki.officer(OFFICER_ID)
    document = "Giấy chứng nhận đăng ký hộ kinh doanh".encode()
    signed = key.sign(document, ec.ECDSA(hashes.SHA256()))
    files = {
        "root.pem": pem(pki.root).encode(),
        "officer.pem": pem(certificate).encode(),
        "result.txt": document,
        "other.txt": b"another document",
        "signature.bin": signed,
        "revoked.crl": crl(pki, (certificate.serial_number,)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    policy = {"anchors": ["root.pem"], "registered": {OFFICER_ID: ["officer.pem"]}}
    (tmp_path / "policy.json").write_text(json.dumps(policy), "utf-8")
    (tmp_path / "revoking.json").write_text(json.dumps({**policy, "crls": ["revoked.crl"]}))

    def act(policy_file: str, *signing: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, [
            "case", "act", "--store", str(store), "--bundle", str(tmp_path / "bundle.json"),
            "--now", "2026-03-04T10:00", "--lang", "en", case_id, "cap",
            "--officer", officer.id, "--role", officer.role, "--province", officer.province,
            "--commune", str(officer.commune), "--signatures", str(tmp_path / policy_file),
            *[str(tmp_path / a) if a.endswith((".txt", ".bin", ".pem")) else a for a in signing],
        ])  # fmt: skip
        return result.exit_code, result.stdout, result.stderr

    signing = ("--signature", "signature.bin", "--certificate", "officer.pem")
    assert act("policy.json")[2].startswith("signature-required: ")
    code, _, err = act("policy.json", "--document", "other.txt", *signing)
    assert code == 1 and err.startswith("signature-invalid: "), err
    code, _, err = act("revoking.json", "--document", "result.txt", *signing)
    assert code == 1 and err.startswith("certificate-revoked: "), err
    code, _, err = act("policy.json", "--document", "result.txt", "--signature", "signature.bin")
    assert code == 2 and "go together" in err
    code, out, err = act("policy.json", "--document", "result.txt", *signing)
    assert code == 0, err
    assert "cap" in json.loads(out)["done_steps"]
    reopened = SQLiteStore(store)
    stored = next(e for e in reopened.events(case_id) if e.data.get("step") == "cap")
    assert stored.data["signature"]["digest"] == hashlib.sha256(document).hexdigest()
    reopened.close()
