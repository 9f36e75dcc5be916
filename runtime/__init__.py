"""tthc.runtime — the engine a portal embeds to run checked procedures.

    bundle = tthc.compiler.load_bundle(text).value        a bundle made by `tthc compile`
    engine = Engine(bundle, SQLiteStore("cases.db"))      clock, calendar, settings injectable
    engine.submit(Dossier(...))                -> Done | Refused   a case, or why not
    engine.act(case_id, step, officer, outcome)                    perform an open step
    engine.request_supplement / receive_supplement                 once; the clock stops
    engine.refuse(case_id, officer, reasons)                       refusal with reasons
    engine.apologise(case_id, officer, new_due)                    once; the one new date
    engine.withdraw(case_id, reason) / engine.return_result(...)
    engine.actions(case_id, officer)           -> [Action]         what the officer may do now
    engine.case / history / verify                                 state, audit trail, chain check
    engine.overdue(today) / indicators(first, last)                the late cases, the figures

Modules: `values` (what goes in and out), `case` (the state), `moves` (the token game and the
trail of one command), `steps` (what each kind of step means), `submission`, `authorise`
(through `tthc.compiler.analysis.competence`), `deadlines` (on the shared calendar),
`signatures`, `audit` (the hash chain), `store/` (interface, SQLite), `engine` (the API).
`docs/runtime.md` tells a portal developer how to embed it.
"""

from tthc.runtime.case import Case, Handoff
from tthc.runtime.engine import Action, Engine
from tthc.runtime.operations import Late, overdue, verify_all, verify_case
from tthc.runtime.signatures import SignaturePolicy, fingerprint, load_policy
from tthc.runtime.store import MemoryStore, SQLiteStore, Store
from tthc.runtime.values import (
    Done,
    Dossier,
    Event,
    Notification,
    Officer,
    Reason,
    Refused,
    Result,
    Signature,
)

__all__ = [
    "Action",
    "Case",
    "Done",
    "Dossier",
    "Engine",
    "Event",
    "Handoff",
    "Late",
    "MemoryStore",
    "Notification",
    "Officer",
    "Reason",
    "Refused",
    "Result",
    "SQLiteStore",
    "Signature",
    "SignaturePolicy",
    "Store",
    "fingerprint",
    "load_policy",
    "overdue",
    "verify_all",
    "verify_case",
]
