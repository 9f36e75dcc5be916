"""The command pipeline every command of the engine runs through, and the engine's set-up.

Input: the `Bundle`s, the `Store`, the calendar, the clock, the settings and the signature
policy an `Engine` is made with; for each command its name, case id, actor, idempotency key,
expected version, its arguments (checked by `values.malformed` before anything reads them) and
its body (what the command does to a working copy of the case, `Moves`). Output: a `Result`: a
refused command changed nothing but the refusal log; a done one changed the case, its events,
its notifications and its idempotency receipt in one store `Write`.

The order (`run`): the arguments' kinds (`malformed`); the idempotency key (a key seen with
the same command gives the earlier result, `replayed`; with another command, `key-reused`);
the case (unknown, closed, or at another version than `expected_version`: `stale-version`);
the bundle and procedure the case is pinned to; the body on the copy; one `Write`, where the
store checks the version again in its transaction (two engines writing at once cannot both
win). `tthc.runtime.submission` runs the same steps for a new case.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Sequence
from typing import Any, TypedDict

from tthc.compiler import Bundle, BundledProcedure, ProcedureModel, Workflow, build_procedure
from tthc.compiler.analysis.calendar import Calendar
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.deploy import verify_procedure
from tthc.runtime.authorise import authorise
from tthc.runtime.case import Case
from tthc.runtime.moves import Moves, refusal_steps
from tthc.runtime.signatures import SignaturePolicy
from tthc.runtime.store.base import Conflict, Receipt, RefusalRecord, Store, Write
from tthc.runtime.values import (
    Done,
    Officer,
    Reason,
    Refused,
    Result,
    Signature,
    digest,
    malformed,
    malformed_fields,
    refuse,
)

Body = Callable[[Moves], Refused | None]


class Guard(TypedDict, total=False):
    """The keyword arguments every command takes: `key` (idempotency) and `expected_version`
    (optimistic concurrency)."""

    key: str | None
    expected_version: int | None


_GUARD = frozenset(Guard.__annotations__)

# The names of a command's fields in the digest kept with its idempotency key (as they were
# when each command built its own dictionary: a receipt written before still matches).
_ARGUMENT = {"by": "officer", "required_new_due": "new_due"}
_NOT_ARGUMENTS = ("case_id", "key", "expected_version")


def _local_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)


def _new_id() -> str:
    """A new case id: 32 hex digits, the milliseconds since 1970 (12) then 80 random bits
    (20), as in a version 7 UUID. Ids made later sort later, so the recent cases' rows and
    keys (the case, its events, its notifications) sit together at the end of each store
    index: a transaction of several commands writes a few shared pages, not one page per
    command in each index (a third fewer pages per command in the group-commit benchmark).
    80 random bits keep ids unguessable and distinct within a millisecond."""
    return f"{time.time_ns() // 1_000_000:012x}{os.urandom(10).hex()}"


def arguments(fields: dict[str, object]) -> dict[str, object]:
    """What an idempotency key is kept with besides the command and the case: its fields, a
    signature by its digest, sequences as lists."""
    found: dict[str, object] = {}
    for name, value in fields.items():
        if name in _NOT_ARGUMENTS:
            continue
        if isinstance(value, Signature):
            value = value.digest
        elif isinstance(value, list | tuple):
            value = list(value)
        found[_ARGUMENT.get(name, name)] = value
    return found


class Pipeline:
    """The engine's state and the one path of its commands (`tthc.runtime.Engine` adds the
    commands themselves)."""

    def __init__(
        self,
        bundle: Bundle | Sequence[Bundle],
        store: Store,
        calendar: Calendar | None = None,
        clock: Callable[[], dt.datetime] = _local_now,
        settings: Settings | None = None,
        signatures: SignaturePolicy | None = None,
        new_id: Callable[[], str] = _new_id,
    ) -> None:
        bundles = [bundle] if isinstance(bundle, Bundle) else list(bundle)
        self.bundles = {b.version: b for b in bundles}
        self.bundle = bundles[-1]  # new cases start under the last one given
        self.store = store
        self.calendar = calendar or Calendar(self.bundle.calendar)
        self.clock = clock
        self.settings = settings or Settings()
        self.signatures = signatures or SignaturePolicy()
        self.new_id = new_id
        self._memos = {version: Memo() for version in self.bundles}
        self._procedures: dict[str, tuple[ProcedureModel, Workflow]] = {}
        self._refusals: dict[str, frozenset[str]] = {}  # by procedure digest

    # -- set-up -----------------------------------------------------------------------------

    def _procedure(self, bundled: BundledProcedure) -> tuple[ProcedureModel, Workflow]:
        found = self._procedures.get(bundled.digest)
        if found is None:
            if not verify_procedure(bundled):
                raise ValueError(f"procedure {bundled.code} does not match its digest")
            model = bundled.model()
            found = self._procedures[bundled.digest] = (model, build_procedure(model))
            self._refusals[bundled.digest] = refusal_steps(model)
        return found

    def _moves(self, case: Case, now: dt.datetime) -> Moves | Refused:
        bundle = self.bundles.get(case.bundle)
        pinned = None if bundle is None else bundle.by_digest(case.procedure_digest)
        if bundle is None or pinned is None:
            return refuse(
                Reason.NOT_IN_FORCE,
                f"Hồ sơ chạy theo gói {case.bundle}, gói này chưa được nạp",
                f"The case runs under bundle {case.bundle}, which is not loaded",
                case.id,
            )
        procedure, workflow = self._procedure(pinned)
        return Moves(
            bundle.registry,
            procedure,
            workflow,
            self.calendar,
            self.settings,
            now,
            case,
            self._refusals[pinned.digest],
            case.last_hash,
            case.seq + 1,
        )

    # -- the pipeline -----------------------------------------------------------------------

    def _refused(self, command: str, refused: Refused, actor: Officer | None) -> Refused:
        message = json.dumps(
            {"vi": refused.message.vi, "en": refused.message.en}, ensure_ascii=False
        )
        record = RefusalRecord(
            refused.case_id,
            self.clock(),
            actor.id if actor else None,
            command,
            refused.reason,
            message,
        )
        self.store.record_refusal(record)
        return refused

    def _replay(
        self, command: str, key: str | None, request: str, actor: Officer | None
    ) -> Result | None:
        """The answer an idempotency key already has (the refusal of a reused key logged)."""
        found = self._receipt_answer(key, request)
        if isinstance(found, Refused):
            return self._refused(command, found, actor)
        return found

    def _receipt_answer(self, key: str | None, request: str) -> Result | None:
        if key is None:
            return None
        receipt = self.store.receipt(key)
        if receipt is None:
            return None
        if receipt.request != request:
            return refuse(
                Reason.KEY_REUSED,
                "Khóa chống lặp đã dùng cho một lệnh khác",
                "This idempotency key was used for another command",
                receipt.case_id,
            )
        case = self.store.case(receipt.case_id)
        assert case is not None  # a receipt is written with its case
        return Done(case, (), replayed=True)

    def _commit(self, moves: Moves, expected: int | None, key: str | None, request: str) -> Result:
        case = moves.case
        case.holder = moves.holder()
        case.seq, case.last_hash = moves.next_seq - 1, moves.last_hash
        case.version = (expected or 0) + 1
        receipt = Receipt(key, request, case.id, case.version) if key else None
        write = Write(case, expected, tuple(moves.events), tuple(moves.notifications), receipt)
        conflict = self.store.commit(write)
        if conflict is None:
            return Done(case, write.events)
        if conflict in (Conflict.KEY_TAKEN, Conflict.EXISTS) and key is not None:
            # A command with this key was committed before this write: by another process
            # between our look-up and our write (a client retrying on two portal workers at
            # once), or before a submit, which looks its key up only here (`submission`).
            # Answer as its replay, or as a reused key (`_finish` logs that refusal).
            replayed = self._receipt_answer(key, request)
            if replayed is not None:
                return replayed
        vi, en = {
            Conflict.STALE: (
                "Hồ sơ vừa được người khác cập nhật; hãy tải lại",
                "The case was changed by someone else meanwhile; reload it",
            ),
            Conflict.KEY_TAKEN: (
                "Khóa chống lặp vừa được dùng cho một lệnh khác",
                "This idempotency key was just used for another command",
            ),
            Conflict.EXISTS: (f"Mã hồ sơ {case.id} đã tồn tại", f"Case id {case.id} is taken"),
        }[conflict]
        reason = {Conflict.STALE: Reason.STALE_VERSION, Conflict.KEY_TAKEN: Reason.KEY_REUSED}
        return refuse(reason.get(conflict, Reason.MALFORMED), vi, en, case.id)

    def _finish(
        self,
        command: str,
        made: Moves | Refused,
        actor: Officer | None,
        expected: int | None,
        key: str | None,
        request: str,
    ) -> Result:
        """The end of every command: its refusal logged, or its one `Write`."""
        done = made if isinstance(made, Refused) else self._commit(made, expected, key, request)
        return self._refused(command, done, actor) if isinstance(done, Refused) else done

    def _run(self, command: str, body: Body, guard: Guard, **fields: Any) -> Result:
        """Run `body` on the case `fields["case_id"]` through the whole pipeline; `fields` are
        the command's arguments by the names `malformed` knows (`officer`, or `by` for the
        applicant's commands, is the actor)."""
        # `**guard` takes any keyword at run time: one that is not the guard's is malformed.
        unknown = [name for name in guard if name not in _GUARD] if guard else []
        fields.update(guard)
        actor = fields.get("officer", fields.get("by"))
        bad = malformed_fields(unknown, fields["case_id"]) if unknown else malformed(**fields)
        if bad is not None:
            return self._refused(command, bad, None)
        case_id: str = fields["case_id"]
        key: str | None = fields.get("key")
        # The command's digest is kept only with an idempotency key.
        request = "" if key is None else digest(command, {"case": case_id, **arguments(fields)})
        replayed = self._replay(command, key, request, actor)
        if replayed is not None:
            return replayed
        case = _fit(self.store.case(case_id), case_id, fields.get("expected_version"))
        if isinstance(case, Refused):
            return self._refused(command, case, actor)
        moves = self._moves(case, self.clock())
        if not isinstance(moves, Refused):
            moves = body(moves) or moves
        return self._finish(command, moves, actor, case.version, key, request)

    def _authorised(self, moves: Moves, step_id: str, officer: Officer) -> Refused | None:
        case = moves.case
        if step_id not in case.open_steps or step_id not in moves.procedure.steps:
            names = ", ".join(case.open_steps) or "-"
            return refuse(
                Reason.STEP_NOT_OPEN,
                f"Bước '{step_id}' không đang mở; các bước đang mở: {names}",
                f"Step '{step_id}' is not open; the open steps: {names}",
                case.id,
            )
        step = moves.procedure.steps[step_id]
        memo = self._memos[case.bundle]
        return authorise(
            moves.registry, moves.procedure, step, officer, case, moves.today, self.settings, memo
        )


def _fit(case: Case | None, case_id: str, expected: int | None) -> Case | Refused:
    """The stored case a command may run on, or why not: none, another version, over."""
    if case is None:
        return refuse(
            Reason.UNKNOWN_CASE, f"Không có hồ sơ {case_id}", f"No case {case_id}", case_id
        )
    if expected is not None and expected != case.version:
        return refuse(
            Reason.STALE_VERSION,
            f"Hồ sơ đang ở phiên bản {case.version}, lệnh dựa trên phiên bản {expected}",
            f"The case is at version {case.version}; the command was based on {expected}",
            case_id,
        )
    if case.closed:
        return refuse(
            Reason.CASE_CLOSED,
            f"Hồ sơ đã kết thúc ({case.status})",
            f"The case is over ({case.status})",
            case_id,
        )
    return case
