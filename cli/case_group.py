"""`tthc case ...`: the runtime against a store, for operators and for trying it by hand.

Only click is imported here (the group is registered at start-up); each command imports the
runtime when it runs. The work is `tthc.runtime`'s; `tthc.cli.case_command` renders.

Exit codes: 0 done; 1 the engine refused the command, or `verify` found a broken chain;
2 a bundle, store or argument could not be read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tthc.cli.options import existing_file, language

STORE = click.option(
    "--store",
    "--database",
    "store_path",
    envvar=["TTHC_DATABASE_URL", "TTHC_STORE"],
    default="cases.db",
    show_default=True,
    help="The store: a SQLite file, sqlite:///path or postgresql://user@host:port/db "
    "(env TTHC_DATABASE_URL or TTHC_STORE).",
)
BUNDLE = click.option(
    "--bundle",
    "bundle_path",
    envvar="TTHC_BUNDLE",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The bundle made by `tthc compile` (env TTHC_BUNDLE).",
)
NOW = click.option(
    "--now", default=None, help="Act as if it were this local time (ISO, e.g. 2026-03-04T09:00)."
)
LANG = language(default="vi")
OFFICER = [
    click.option("--officer", "officer_id", required=True, help="The officer's id."),
    click.option("--role", required=True, help="The officer's role: an authority of the registry."),
    click.option("--province", required=True, help="The officer's province code."),
    click.option("--commune", default=None, help="The officer's commune code (commune roles)."),
]


F = TypeVar("F", bound=Callable[..., Any])


def _officer(function: F) -> F:
    for option in reversed(OFFICER):
        function = option(function)
    return function


@click.group()
def case() -> None:
    """Run cases: submit, act, transfer, show, history, overdue, stats, verify."""


@case.command()
@STORE
@BUNDLE
@NOW
@LANG
@click.option("--procedure", required=True, help="The procedure code, e.g. 1.001193.")
@click.option("--applicant", multiple=True, help="name=value about the applicant (repeatable).")
@click.option("--channel", type=click.Choice(["direct", "postal", "online"]), default="direct")
@click.option("--province", required=True)
@click.option("--commune", required=True, help="The commune that receives the dossier.")
@click.option("--competent", default=None, help="The competent commune (default: --commune).")
@click.option("--document", "documents", multiple=True, help="A component id (repeatable).")
@click.option("--key", default=None, help="Idempotency key.")
@click.option("--id", "case_id", default=None, help="The case id (default: a new UUID).")
def submit(**options: object) -> None:
    """File a dossier; prints the new case as JSON."""
    from tthc.cli.case_command import run_submit

    sys.exit(run_submit(options))


@case.command()
@STORE
@BUNDLE
@NOW
@LANG
@click.argument("case_id")
@click.argument("step")
@_officer
@click.option("--outcome", default=None, help="The outcome (`otherwise` for the default branch).")
@click.option("--reason", "reasons", multiple=True, help="A reason (refusals, supplements).")
@click.option("--new-due", default=None, help="The new date of an apology step (YYYY-MM-DD).")
@click.option("--key", default=None, help="Idempotency key.")
@click.option("--expected-version", type=int, default=None, help="Refuse if the case moved on.")
@existing_file(
    "--document",
    "document_path",
    help="A signed step: the result document (its SHA-256 is what was signed).",
)
@existing_file(
    "--signature",
    "signature_path",
    help="A signed step: the signature value over the document's SHA-256 digest (binary).",
)
@existing_file(
    "--certificate",
    "certificate_path",
    help="A signed step: the signer's certificate then its intermediates (PEM).",
)
@existing_file(
    "--signatures",
    "policy_path",
    envvar="TTHC_SIGNATURES",
    help="The signature policy (JSON: trust anchors, registered certificates, CRLs; env "
    "TTHC_SIGNATURES).",
)
def act(**options: object) -> None:
    """Perform an open STEP of CASE_ID; prints the case as JSON."""
    from tthc.cli.case_command import run_act

    sys.exit(run_act(options))


@case.command()
@STORE
@BUNDLE
@NOW
@LANG
@click.argument("case_id")
@_officer
@click.option("--key", default=None, help="Idempotency key.")
@click.option("--expected-version", type=int, default=None, help="Refuse if the case moved on.")
def transfer(**options: object) -> None:
    """Move open case CASE_ID onto the procedure version in force now, when a transfer of
    power in the registry allows it, by an officer of the body receiving it; prints the case
    as JSON."""
    from tthc.cli.case_command import run_transfer

    sys.exit(run_transfer(options))


@case.command()
@STORE
@click.argument("case_id")
def show(store_path: str, case_id: str) -> None:
    """Print a case as JSON."""
    from tthc.cli.case_command import run_show

    sys.exit(run_show(store_path, case_id))


@case.command()
@STORE
@click.argument("case_id")
def history(store_path: str, case_id: str) -> None:
    """Print a case's audit trail as JSON lines."""
    from tthc.cli.case_command import run_history

    sys.exit(run_history(store_path, case_id))


@case.command()
@STORE
@NOW
@click.option("--limit", type=int, default=None)
def overdue(store_path: str, now: str | None, limit: int | None) -> None:
    """List the overdue cases and the body that is late, as JSON lines."""
    from tthc.cli.case_command import run_overdue

    sys.exit(run_overdue(store_path, now, limit))


@case.command()
@STORE
@NOW
@click.option("--from", "first", required=True, help="First day of the period (YYYY-MM-DD).")
@click.option("--to", "last", required=True, help="Last day of the period (YYYY-MM-DD).")
@click.option("--procedure", default=None)
@click.option("--commune", default=None)
def stats(**options: object) -> None:
    """Received, on time, late, pending and overdue per procedure and commune (JSON lines)."""
    from tthc.cli.case_command import run_stats

    sys.exit(run_stats(options))


@case.command(name="verify")
@STORE
@LANG
@click.argument("case_ids", nargs=-1)
def verify_(store_path: str, lang: str, case_ids: tuple[str, ...]) -> None:
    """Check the audit chain of the given cases (default: every case)."""
    from tthc.cli.case_command import run_verify

    sys.exit(run_verify(store_path, lang, case_ids))
