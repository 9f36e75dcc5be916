"""Moving an open case onto the procedure version in force now, when a transfer of power says so.

Input: the working copy (`Moves`) of a case pinned to the version it was filed under, the
bundle holding the version in force today (the engine's newest), its `Memo`, the officer and
the settings. Output: `None` with the case re-pinned (its bundle, version and digest) and a
`transferred` event and notification, or a `Refused` checked before anything changes.

A case finishes under the version it was filed in unless a transfer says otherwise: the 2025
decrees moved the district level's powers, and the dossiers open on 1 July with them, to the
commune or the province. The engine reads that from the registry:
- the version in force today must be another one than the case's (`no-transfer`: nothing to
  move to);
- a registry `transfer` in force today must move the procedure's power (one that covers it)
  from a body acting in the case's version (a step's authority or the body it belongs to) to
  one acting in the new version (`no-transfer` otherwise: the case stays where it is);
- every step the case waits on (its open steps, the supplement awaited, the step the clock
  is stopped for, the hand-off's step) must exist in the new version under the same name,
  and no parallel join may be half reached (`no-transfer`, naming the steps);
- the officer must be authorised, by the competence analysis, for one of those steps in the
  new version (in practice: an officer of the receiving body, in the case's commune).
The dates stay (receipt, due date, a new date after an apology), and so do the supplement and
apology counts: the transfer moves the dossier, not the applicant's time limit.
"""

from __future__ import annotations

from tthc.compiler import Bundle, Model, ProcedureModel, Workflow
from tthc.compiler.analysis.competence import covers
from tthc.compiler.analysis.competence.validity import link_gap
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, ast
from tthc.runtime.authorise import authorise
from tthc.runtime.moves import Moves
from tthc.runtime.values import Officer, Reason, Refused, refuse_under


def bodies(registry: Model, procedure: ProcedureModel) -> set[str]:
    """The authorities acting in a procedure and the bodies they belong to."""
    found: set[str] = set()
    for step in procedure.steps.values():
        authority = registry.actor(step)
        if authority is not None:
            found.add(authority.id.value)
            if authority.of is not None:
                found.add(authority.of.value)
    return found


def allowing(moves: Moves, registry: Model, new: ProcedureModel, memo: Memo) -> ast.Transfer | None:
    """The registry transfer in force today that moves the case's power to the new version's
    bodies, if any."""
    power = moves.procedure.node.power
    if power is None:
        return None
    givers = bodies(moves.registry, moves.procedure)
    receivers = bodies(registry, new)
    for transfer in registry.transfers.values():
        if (
            transfer.giver.value in givers
            and transfer.receiver.value in receivers
            and covers(transfer.power.value, power.value)
            and link_gap(registry, transfer, moves.today, memo) is None
        ):
            return transfer
    return None


_NO_TRANSFER = Message(
    vi="Không chuyển được hồ sơ sang phiên bản mới", en="The case cannot move to the new version"
)


def _no_transfer(case_id: str, vi: str, en: str) -> Refused:
    return refuse_under(Reason.NO_TRANSFER, _NO_TRANSFER, vi, en, case_id)


def move_to_new_version(
    moves: Moves,
    bundle: Bundle,
    memo: Memo,
    officer: Officer,
    settings: Settings,
    build: tuple[ProcedureModel, Workflow] | None,
) -> Refused | None:
    """Re-pin the case of `moves` to `build`, the version of `bundle` in force today (`None`
    when there is none); see the module docstring for the rules."""
    case = moves.case
    target = bundle.in_force(case.procedure, moves.today)
    if target is None or build is None or target.digest == case.procedure_digest:
        return _no_transfer(
            case.id,
            f"không có phiên bản nào khác của thủ tục {case.procedure} có hiệu lực hôm nay",
            f"no other version of procedure {case.procedure} is in force today",
        )
    new, workflow = build
    found = allowing(moves, bundle.registry, new, memo)
    if found is None:
        return _no_transfer(
            case.id,
            "không có quy định chuyển giao thẩm quyền nào đang có hiệu lực cho phép",
            "no transfer of power in force allows it; the case finishes under its version",
        )
    waited = [*case.open_steps, *(s for s in (case.waiting, case.stopped) if s)]
    if case.handoff is not None:
        waited.append(case.handoff.step)
    lost = [s for s in waited if s not in new.steps]
    if lost or case.joins:
        names = ", ".join(lost) or "một nhánh song song đang chờ / a parallel join half reached"
        return _no_transfer(
            case.id, f"phiên bản mới không có bước {names}", f"the new version lacks {names}"
        )
    refusals = [
        authorise(bundle.registry, new, new.steps[s], officer, case, moves.today, settings, memo)
        for s in dict.fromkeys(waited)
    ]
    if not refusals or all(refusals):
        return next((r for r in refusals if r), None) or _no_transfer(
            case.id, "hồ sơ không có bước nào đang chờ", "the case waits on no step"
        )
    moves.record(
        "transferred",
        officer.to_json(),
        {
            "transfer": found.id.value,
            "from": {"bundle": case.bundle, "digest": case.procedure_digest},
            "to": {"bundle": bundle.version, "digest": target.digest},
            "version": str(target.effective),
        },
    )
    moves.notify("transferred", {"to": found.receiver.value})
    case.bundle, case.procedure_digest = bundle.version, target.digest
    case.procedure_effective = target.effective
    moves.registry, moves.procedure, moves.workflow = bundle.registry, new, workflow
    return None
