"""A portal embedding the tthc runtime, end to end: a birth registration filed without the
birth certificate is received as a supplement request, the applicant supplements, the
civil-status officer checks it, the chairman decides, the one-stop centre returns the result,
and the portal delivers the notifications of its outbox.

Run from the repository root:  python examples/portal/portal.py [--store cases.db]
It compiles `procedures/` into a bundle first (what `tthc compile procedures -o bundle.json`
writes), as a deployment would once, then loads only the bundle.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from tthc.compiler import bundle, load_bundle
from tthc.rules import load_and_check
from tthc.runtime import Done, Dossier, Engine, Officer, Refused, Result, SQLiteStore

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """The portal's clock; here it starts on Wednesday 4 March 2026 and moves as we say."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 4, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.now


def show(what: str, result: Result) -> Done:
    if isinstance(result, Refused):
        raise SystemExit(f"refused: {what}: {result.reason}: {result.message.en}")
    case = result.case
    due = case.effective_due.isoformat() if case.effective_due else "-"
    print(
        f"{what:<42} status={case.status:<9} open={','.join(case.open_steps) or '-':<10} due={due}"
    )
    return result


def deliver(store: SQLiteStore) -> None:
    """What a portal's delivery worker does: send, then mark delivered (at least once)."""
    pending = store.outbox()
    for notification in pending:
        print(f"  -> SMS to applicant: {notification.kind} {notification.data or ''}")
    store.delivered([n.id for n in pending])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None, help="SQLite file (default: a temporary one)")
    arguments = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tthc-portal-"))
    project, diagnostics = load_and_check([ROOT / "procedures"])
    made = bundle(project.model, diagnostics)
    assert made.value is not None, "the corpus has errors: no bundle"
    (workdir / "bundle.json").write_text(made.value.to_json(), encoding="utf-8")

    deployed = load_bundle((workdir / "bundle.json").read_text("utf-8")).value
    assert deployed is not None
    store = SQLiteStore(arguments.store or workdir / "cases.db")
    clock = Clock()
    engine = Engine(deployed, store, clock=clock)
    print(f"bundle {deployed.version[:19]}…, {len(deployed.procedures)} procedure versions")

    dossier = Dossier(
        procedure="1.001193",
        applicant={"name": "Nguyễn Thị Lan", "phone": "0912345678"},
        channel="direct",
        province="01",
        received_commune="00007",  # filed in another commune: phi địa giới
        competent_commune="00004",
        documents=("to_khai",),  # the birth certificate is missing
    )
    case = show("submit (birth certificate missing)", engine.submit(dossier, key="portal-1")).case
    deliver(store)

    clock.now = dt.datetime(2026, 3, 9, 10, 30)
    desk = Officer("nv-07", "commune.one_stop", "01", "00007")
    case = show(
        "receive supplement", engine.receive_supplement(case.id, ["giay_chung_sinh"], desk)
    ).case
    deliver(store)

    civil = Officer("ht-04", "commune.civil_status_officer", "01", "00004")
    chairman = Officer("ct-04", "commune.chairman", "01", "00004")
    may = [f"{a.command} {a.step or ''}".strip() for a in engine.actions(case.id, civil)]
    print("  officer ht-04 may:", ", ".join(may))
    wrong = engine.act(
        case.id,
        "kiem_tra",
        Officer("ht-07", "commune.civil_status_officer", "01", "00007"),
        "eligible",
    )
    assert isinstance(wrong, Refused)
    print(f"  another commune's officer is refused: {wrong.message.en}")
    case = show(
        "review: eligible",
        engine.act(case.id, "kiem_tra", civil, "eligible", expected_version=case.version),
    ).case
    case = show(
        "decision: signed", engine.act(case.id, "ky", chairman, expected_version=case.version)
    ).case
    deliver(store)
    case = show(
        "result returned", engine.return_result(case.id, desk, expected_version=case.version)
    ).case
    deliver(store)

    print(
        f"on time: {case.on_time}; audit trail: {len(engine.history(case.id))} events, "
        f"chain {'intact' if not engine.verify(case.id) else 'BROKEN'}"
    )


if __name__ == "__main__":
    main()
