"""Submission: a dossier at the door becomes a case, or an error value saying why not.

Input: the `Engine`, a `Dossier`, an idempotency key and an optional case id (the portal's
mã hồ sơ). Output: `Done` with the new case (its reception step open, or, when a required
component is missing, already waiting for the one supplement that lists what is missing), or
`Refused`: a malformed dossier, an unknown procedure, no version in force on the filing date,
a channel the procedure does not offer, a document that is not one of its components. Nothing
is written for a refused dossier but the refusal log.
"""

from __future__ import annotations

from tthc.compiler import START, Branch
from tthc.runtime import steps
from tthc.runtime.case import Case
from tthc.runtime.moves import Moves, into_supplement
from tthc.runtime.pipeline import Pipeline
from tthc.runtime.values import Dossier, Reason, Refused, Result, digest, malformed, refuse


def _malformed(dossier: object) -> Refused | None:
    if not isinstance(dossier, Dossier):
        return refuse(Reason.MALFORMED, "Hồ sơ không hợp lệ", "Malformed dossier")
    texts = {
        "procedure": dossier.procedure,
        "province": dossier.province,
        "received_commune": dossier.received_commune,
        "competent_commune": dossier.competent_commune,
    }
    bad = [name for name, value in texts.items() if not isinstance(value, str) or not value]
    if not isinstance(dossier.applicant, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in dossier.applicant.items()
    ):
        bad.append("applicant")
    if isinstance(dossier.documents, str) or not all(isinstance(d, str) for d in dossier.documents):
        bad.append("documents")
    if bad:
        return refuse(
            Reason.MALFORMED,
            f"Hồ sơ thiếu hoặc sai trường: {', '.join(bad)}",
            f"Malformed dossier fields: {', '.join(bad)}",
        )
    if dossier.channel not in ("direct", "postal", "online"):
        return refuse(
            Reason.BAD_CHANNEL,
            f"Kênh nộp '{dossier.channel}' không hợp lệ (direct, postal, online)",
            f"Unknown channel '{dossier.channel}' (direct, postal, online)",
        )
    return None


def submit(engine: Pipeline, dossier: Dossier, key: str | None, case_id: str | None) -> Result:
    refused = _malformed(dossier) or malformed(key=key)
    if case_id is not None and not isinstance(case_id, str):
        refused = refused or malformed(case_id=case_id)
    if refused is not None:
        return engine._refused("submit", refused, None)
    request = "" if key is None else digest("submit", {"dossier": dossier, "case": case_id})
    # No look-up of the key before the work: a new case's write carries the receipt, so a key
    # already used meets the receipts' primary key in the same transaction and the pipeline
    # answers with the first command's result (`Pipeline._commit`) — one round trip to the
    # database a submit instead of two. A dossier refused today (a version no longer in
    # force) may have been accepted under its key before: then the key's answer wins.
    made = _made(engine, dossier, case_id)
    if isinstance(made, Refused):
        replayed = engine._replay("submit", key, request, None)
        if replayed is not None:
            return replayed
    return engine._finish("submit", made, None, None, key, request)


def _made(engine: Pipeline, dossier: Dossier, case_id: str | None) -> Moves | Refused:
    now = engine.clock()
    bundle = engine.bundle
    versions = bundle.versions(dossier.procedure)
    if not versions:
        return refuse(
            Reason.UNKNOWN_PROCEDURE,
            f"Không có thủ tục mã {dossier.procedure} trong gói triển khai",
            f"No procedure {dossier.procedure} in the deployed bundle",
        )
    bundled = bundle.in_force(dossier.procedure, now.date())
    if bundled is None:
        return refuse(
            Reason.NOT_IN_FORCE,
            f"Thủ tục {dossier.procedure} không có phiên bản có hiệu lực ngày {now.date():%d/%m/%Y}",
            f"Procedure {dossier.procedure} has no version in force on {now.date().isoformat()}",
        )
    procedure, workflow = engine._procedure(bundled)
    channels = {c.kind.value for c in procedure.node.channels}
    if channels and dossier.channel not in channels:
        return refuse(
            Reason.BAD_CHANNEL,
            f"Thủ tục không nhận hồ sơ qua kênh '{dossier.channel}'",
            f"The procedure does not accept the channel '{dossier.channel}'",
        )
    unknown = [d for d in dossier.documents if d not in procedure.components]
    if unknown:
        return steps.unknown_documents(unknown, None)
    if dossier.received_commune != dossier.competent_commune and not procedure.node.anywhere:
        return refuse(
            Reason.WRONG_JURISDICTION,
            "Thủ tục không cho nộp hồ sơ ngoài địa giới xã có thẩm quyền",
            "The procedure does not allow filing outside the competent commune",
        )
    case = Case(
        id=case_id or engine.new_id(),
        procedure=bundled.code,
        procedure_digest=bundled.digest,
        procedure_effective=bundled.effective,
        bundle=bundle.version,
        applicant=dict(dossier.applicant),
        channel=dossier.channel,
        province=dossier.province,
        received_commune=dossier.received_commune,
        competent_commune=dossier.competent_commune,
        documents=list(dict.fromkeys(dossier.documents)),
        filed_at=now,
    )
    refusals = engine._refusals[bundled.digest]
    calendar, settings = engine.calendar, engine.settings
    moves = Moves(bundle.registry, procedure, workflow, calendar, settings, now, case, refusals)
    moves.record(
        "submitted",
        None,
        {
            "procedure": case.procedure,
            "version": str(bundled.effective),
            "bundle": case.bundle,
            "channel": case.channel,
            "received_commune": case.received_commune,
            "competent_commune": case.competent_commune,
            "documents": list(case.documents),
        },
    )
    moves.notify("received")
    for branch in workflow.branches(START)[:1]:
        moves.take(START, branch)
    case.missing = steps.missing_components(moves, case.documents)
    if case.missing:
        return _at_the_door(moves)
    return moves


def _at_the_door(moves: Moves) -> Moves | Refused:
    """An incomplete dossier: the reception step is taken towards the supplement step, whose
    request lists what is missing (guidance in one go, Decree 61/2018 Art. 15). Where the
    branch into the supplement leaves a later step (a completeness check after the
    reception), the steps before it that have one way on are taken first, without the clock."""
    case = moves.case
    for _ in range(len(moves.procedure.steps)):
        for step_id in list(case.open_steps):
            for branch in moves.workflow.branches(step_id):
                if into_supplement(moves.procedure, branch):
                    return _into_supplement(moves, step_id, branch)
        plain = [s for s in case.open_steps if len(moves.workflow.branches(s)) == 1]
        if not plain:
            break
        branch = moves.workflow.branches(plain[0])[0]
        outcome = "otherwise" if branch.default else branch.outcome
        moves.record("step_done", None, {"step": plain[0], "outcome": outcome})
        moves.finish(plain[0], branch)
    return refuse(
        Reason.MISSING_COMPONENTS,
        f"Hồ sơ còn thiếu: {', '.join(case.missing)}",
        f"The dossier lacks: {', '.join(case.missing)}",
    )


def _into_supplement(moves: Moves, step_id: str, branch: Branch) -> Moves | Refused:
    case = moves.case
    outcome = "otherwise" if branch.default else branch.outcome
    moves.record("step_done", None, {"step": step_id, "outcome": outcome})
    moves.finish(step_id, branch)
    target = next(t for t in branch.targets if t in case.open_steps)
    refused = steps.request(moves, target, None, list(case.missing))
    return refused or moves
