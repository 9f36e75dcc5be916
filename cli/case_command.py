"""The bodies of `tthc case ...` (`tthc.cli.case_group`): read options, call `tthc.runtime`,
print JSON, choose the exit code."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from tthc.runtime import Engine, Result, Signature, SignaturePolicy, Store


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _now(text: object) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(str(text))


def _store(where: str) -> Store:
    """A store URL (`sqlite:///…`, `postgresql://…`), or a plain path: a SQLite file."""
    from tthc.runtime import SQLiteStore
    from tthc.runtime.store import open_store

    return open_store(where) if "://" in where or where == "memory:" else SQLiteStore(where)


def _engine(options: dict[str, Any]) -> Engine | int:
    from tthc.compiler import load_bundle
    from tthc.runtime import Engine

    path = str(options["bundle_path"])
    loaded = load_bundle(Path(path).read_text("utf-8"), path)
    if loaded.value is None:
        for problem in loaded.diagnostics:
            click.echo(f"{path}: {problem.message.text(str(options['lang']))}", err=True)
        return 2
    policy = _policy(options.get("policy_path"), str(options["lang"]))
    if isinstance(policy, int):
        return policy
    now = _now(options.get("now"))
    store = _store(str(options["store_path"]))
    if now is None:
        return Engine(loaded.value, store, signatures=policy)
    return Engine(loaded.value, store, clock=lambda: now, signatures=policy)


def _policy(path: object, lang: str) -> SignaturePolicy | int | None:
    """The `--signatures` policy, none when not given, 2 (printed) when unreadable."""
    from tthc.dsl import Message
    from tthc.runtime import load_policy

    if path is None:
        return None
    policy = load_policy(Path(str(path)))
    if isinstance(policy, Message):
        click.echo(f"tthc: {policy.text(lang)}", err=True)
        return 2
    return policy


def _signature(options: dict[str, Any]) -> Signature | int | None:
    """The signature of `--document`, `--signature` and `--certificate` (all three or none);
    2 (printed) when they are incomplete or unreadable."""
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from tthc.runtime import Signature

    paths = [options.get(f"{name}_path") for name in ("document", "signature", "certificate")]
    if not any(paths):
        return None
    if not all(paths):
        click.echo("tthc: --document, --signature and --certificate go together", err=True)
        return 2
    document, value, certificates = (Path(str(p)).read_bytes() for p in paths)
    try:
        chain = x509.load_pem_x509_certificates(certificates)
    except ValueError as error:
        click.echo(f"tthc: --certificate: {error}", err=True)
        return 2
    pems = [c.public_bytes(Encoding.PEM).decode() for c in chain]
    return Signature(hashlib.sha256(document).hexdigest(), value, pems[0], tuple(pems[1:]))


def _result(result: Result, lang: str) -> int:
    from tthc.runtime import Refused

    if isinstance(result, Refused):
        click.echo(f"{result.reason.value}: {result.message.text(lang)}", err=True)
        return 1
    click.echo(_json(result.case.to_json()))
    return 0


def run_submit(options: dict[str, Any]) -> int:
    from tthc.runtime import Dossier

    engine = _engine(options)
    if isinstance(engine, int):
        return engine
    applicant = dict(item.partition("=")[::2] for item in options["applicant"])
    dossier = Dossier(
        procedure=options["procedure"],
        applicant=applicant,
        channel=options["channel"],
        province=options["province"],
        received_commune=options["commune"],
        competent_commune=options["competent"] or options["commune"],
        documents=tuple(options["documents"]),
    )
    return _result(engine.submit(dossier, options["key"], options["case_id"]), options["lang"])


def run_act(options: dict[str, Any]) -> int:
    from tthc.runtime import Officer

    engine = _engine(options)
    if isinstance(engine, int):
        return engine
    officer = Officer(
        options["officer_id"], options["role"], options["province"], options["commune"]
    )
    try:
        new_due = dt.date.fromisoformat(options["new_due"]) if options["new_due"] else None
    except ValueError as error:
        click.echo(f"tthc: --new-due: {error}", err=True)
        return 2
    signature = _signature(options)
    if isinstance(signature, int):
        return signature
    result = engine.act(
        options["case_id"],
        options["step"],
        officer,
        options["outcome"],
        reasons=tuple(options["reasons"]),
        new_due=new_due,
        signature=signature,
        key=options["key"],
        expected_version=options["expected_version"],
    )
    return _result(result, options["lang"])


def run_transfer(options: dict[str, Any]) -> int:
    from tthc.runtime import Officer

    engine = _engine(options)
    if isinstance(engine, int):
        return engine
    officer = Officer(
        options["officer_id"], options["role"], options["province"], options["commune"]
    )
    result = engine.transfer(
        options["case_id"],
        officer,
        key=options["key"],
        expected_version=options["expected_version"],
    )
    return _result(result, options["lang"])


def run_show(store_path: str, case_id: str) -> int:
    case = _store(store_path).case(case_id)
    if case is None:
        click.echo(f"tthc: no case {case_id}", err=True)
        return 1
    click.echo(_json(case.to_json()))
    return 0


def run_history(store_path: str, case_id: str) -> int:
    events = _store(store_path).events(case_id)
    if not events:
        click.echo(f"tthc: no case {case_id}", err=True)
        return 1
    for e in events:
        click.echo(
            _json(
                {
                    "seq": e.seq,
                    "kind": e.kind,
                    "at": e.at,
                    "actor": e.actor,
                    "data": e.data,
                    "hash": e.hash,
                }
            )
        )
    return 0


def run_overdue(store_path: str, now: str | None, limit: int | None) -> int:
    from tthc.runtime import overdue

    today = (_now(now) or dt.datetime.now()).date()
    for late in overdue(_store(store_path), today, limit):
        click.echo(_json(late.__dict__))
    return 0


def run_stats(options: dict[str, Any]) -> int:
    try:
        first = dt.date.fromisoformat(options["first"])
        last = dt.date.fromisoformat(options["last"])
    except ValueError as error:
        click.echo(f"tthc: {error}", err=True)
        return 2
    today = (_now(options["now"]) or dt.datetime.now()).date()
    from tthc.runtime.store import Period

    period = Period(first, last, today, options["procedure"], options["commune"])
    for row in _store(options["store_path"]).indicators(period):
        click.echo(_json(row.__dict__))
    return 0


def run_verify(store_path: str, lang: str, case_ids: tuple[str, ...]) -> int:
    from tthc.runtime import verify_all, verify_case

    store = _store(store_path)
    if case_ids:
        broken = {c: p for c in case_ids if (p := verify_case(store, c))}
    else:
        broken = verify_all(store)
    for case_id, problems in broken.items():
        for problem in problems:
            click.echo(f"{case_id}: {problem.text(lang)}", err=True)
    checked = len(case_ids) if case_ids else len(store.case_ids())
    words = {"vi": "hồ sơ, chuỗi hỏng", "en": "case(s), broken chains"}
    click.echo(f"{checked} {words[lang].split(',')[0]}, {len(broken)} {words[lang].split(', ')[1]}")
    return 1 if broken else 0
