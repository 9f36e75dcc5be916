"""What the runtime tests share: the corpus bundle, a clock the test moves, a throw-away PKI
(a root CA made here, one signing certificate per officer), and a `Desk` that plays the
officers of a case: for an open step it makes the officer whose role is the step's authority,
in the commune where the step happens, and signs what must be signed."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.x509.oid import NameOID

from tthc.compiler import Bundle, bundle
from tthc.rules import load_and_check
from tthc.runtime import (
    Engine,
    Officer,
    Result,
    Signature,
    SignaturePolicy,
    SQLiteStore,
    Store,
)
from tthc.runtime.authorise import place_of
from tthc.runtime.moves import outcome_names
from tthc.runtime.store import MemoryData, MemoryStore
from tthc.runtime.store.postgres import PostgresStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus() -> Bundle:
    project, diagnostics = load_and_check([ROOT / "procedures"])
    made = bundle(project.model, diagnostics)
    assert made.value is not None, made.diagnostics
    return made.value


@dataclass
class Clock:
    """Vietnam's local time, moved by the test."""

    now: dt.datetime = dt.datetime(2026, 3, 4, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


@dataclass
class PKI:
    """A root CA valid 2020-2035 and, per officer, a key and a certificate it issued."""

    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    officers: dict[str, tuple[ec.EllipticCurvePrivateKey, x509.Certificate]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        self.root = self.issue(_name("Test Root CA"), self.key.public_key(), ca=True)

    def issue(
        self,
        subject: x509.Name,
        public: ec.EllipticCurvePublicKey,
        ca: bool = False,
        until: dt.datetime = dt.datetime(2035, 1, 1, tzinfo=dt.UTC),
        signing: bool = True,
    ) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(_name("Test Root CA"))
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
            .not_valid_after(until)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=signing and not ca,
                    content_commitment=False,
                    key_encipherment=not signing,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=ca,
                    crl_sign=ca,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
        )
        return builder.sign(self.key, hashes.SHA256())

    def officer(self, officer_id: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        if officer_id not in self.officers:
            key = ec.generate_private_key(ec.SECP256R1())
            self.officers[officer_id] = (key, self.issue(_name(officer_id), key.public_key()))
        return self.officers[officer_id]

    def policy(self) -> SignaturePolicy:
        registered = {
            officer: frozenset({cert.fingerprint(hashes.SHA256()).hex()})
            for officer, (_, cert) in self.officers.items()
        }
        return SignaturePolicy((pem(self.root),), registered)

    def sign(
        self,
        officer_id: str,
        document: bytes,
        key: ec.EllipticCurvePrivateKey | None = None,
        certificate: x509.Certificate | None = None,
    ) -> Signature:
        own_key, own_certificate = self.officer(officer_id)
        digest = hashlib.sha256(document).digest()
        value = (key or own_key).sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
        return Signature(digest.hex(), value, pem(certificate or own_certificate))


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


@pytest.fixture(scope="session")
def pki(corpus: Bundle) -> PKI:
    """The CA, and a registered certificate for every officer the scenarios make for a signed
    step (role@commune, in the two communes the tests use)."""
    pki = PKI()
    for procedure in corpus.procedures:
        for step in procedure.model().steps.values():
            if step.signs is not None and step.actor is not None:
                for commune in ("00004", "00007"):
                    pki.officer(f"{step.actor.value}@{commune}")
    return pki


PROVINCE = "01"


@dataclass
class Desk:
    """Plays the officers of one engine: the right officer for each open step."""

    engine: Engine
    pki: PKI

    def officer_for(self, case_id: str, step_id: str) -> Officer:
        engine = self.engine
        case = engine.case(case_id)
        assert case is not None
        procedure, _ = engine._procedure(
            next(
                p
                for p in engine.bundles[case.bundle].procedures
                if p.digest == case.procedure_digest
            )
        )
        step = procedure.steps[step_id]
        assert step.actor is not None
        registry = engine.bundles[case.bundle].registry
        place = place_of(registry, procedure, step, case)
        return Officer(f"{step.actor.value}@{place}", step.actor.value, case.province, place)

    def perform(
        self, case_id: str, step_id: str, outcome: str | None = None, **extra: object
    ) -> Result:
        engine = self.engine
        officer = self.officer_for(case_id, step_id)
        case = engine.case(case_id)
        assert case is not None
        procedure, _ = engine._procedure(
            next(
                p
                for p in engine.bundles[case.bundle].procedures
                if p.digest == case.procedure_digest
            )
        )
        step = procedure.steps[step_id]
        if step.signs is not None and step.signs.value == "digital" and "signature" not in extra:
            extra["signature"] = self.pki.sign(officer.id, f"{case_id}/{step_id}".encode())
        if step.kind.value == "apology" and "new_due" not in extra:
            due = case.effective_due or engine.clock().date()
            extra["new_due"] = engine.calendar.next_working_day(due, 2)
        if step.kind.value == "refusal" and "reasons" not in extra:
            extra["reasons"] = ["Không đủ điều kiện theo quy định"]
        return engine.act(case_id, step_id, officer, outcome, **extra)  # type: ignore[arg-type]

    def drive(
        self, case_id: str, choose: Callable[[str, list[str | None]], str | None], limit: int = 40
    ) -> list[str]:
        """Performs open steps with `choose`'s outcome until the case ends; the steps done."""
        done = []
        for _ in range(limit):
            case = self.engine.case(case_id)
            assert case is not None
            if case.closed or not case.open_steps:
                break
            step_id = case.open_steps[0]
            moves = self.engine._moves(case, self.engine.clock())
            assert not isinstance(moves, type(None))
            outcomes = outcome_names(moves.workflow, step_id)  # type: ignore[union-attr]
            result = self.perform(case_id, step_id, choose(step_id, outcomes))
            assert result.ok, result
            done.append(step_id)
        return done


def happy_outcome(step: str, outcomes: list[str | None]) -> str | None:
    """Everything goes well: complete, eligible, never late."""
    for wanted in ("complete", "eligible"):
        if wanted in outcomes:
            return wanted
    if "otherwise" in outcomes:
        return "otherwise"
    return outcomes[0] if outcomes else None


@pytest.fixture
def happy() -> Callable[[str, list[str | None]], str | None]:
    return happy_outcome


@pytest.fixture(params=["sqlite", "memory", "postgresql"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Makes stores of one kind (one parameter per kind of store: the contract suite and the
    engine tests run on each). Each call opens the same database again."""
    opened: list[Store] = []
    shared = MemoryData()
    url = request.getfixturevalue("postgres_schema") if request.param == "postgresql" else ""

    def make() -> Store:
        store: Store
        if request.param == "sqlite":
            store = SQLiteStore(tmp_path / "cases.db")
        elif request.param == "memory":
            store = MemoryStore(shared)
        else:
            store = PostgresStore(url, pool_size=2)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def engine(corpus: Bundle, make_store: Callable[[], Store], clock: Clock, pki: PKI) -> Engine:
    return Engine(corpus, make_store(), clock=clock, signatures=pki.policy())


@pytest.fixture(scope="session")
def desk_type() -> type[Desk]:
    """The class, for tests that make desks over engines of their own (other processes)."""
    return Desk


@pytest.fixture
def desk(engine: Engine, pki: PKI) -> Desk:
    return Desk(engine, pki)
