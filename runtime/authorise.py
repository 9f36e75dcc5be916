"""Authorisation of one officer for one step of one case on one date.

Input: the bundle's registry (`Model`), the procedure, the step, the `Officer`, the case and the
date. Output: `None` when the officer may act, else a `Refused` with the reason in both
languages. The answers come from the compiler's competence analysis
(`tthc.compiler.analysis.competence`), the same the checks use, so a case can never be moved
by someone the checks would call incompetent.

The rules:
- The officer's role must exist on the date (`authority_gap`): a role of the district level is
  refused after 2025-06-30 (Resolution 202/2025/QH15), whatever else it holds.
- The role must be the step's authority, or hold a delegation for it: a grant from the step's
  authority to the role, covering the procedure's power, through which the role is competent
  on the date (an ủy quyền whose term has ended is refused with the analysis' explanation).
- A case filed before the reform finishes under its version unless a transfer says otherwise:
  a registry `transfer` in force on the date that moves the procedure's power from the step's
  authority (or the body it belongs to) lets the new holder, or one of its units and office
  holders, do the step (Decree 140/2025 and its peers for district dossiers open on 1 July).
- The officer's jurisdiction must cover the case: a province-level role the case's province; a
  commune-level role the commune where the step happens, which is the commune that received
  the dossier for a step of the one-stop unit when the procedure allows filing anywhere (phi địa
  giới), and the competent commune otherwise.
"""

from __future__ import annotations

import datetime as dt

from tthc.compiler import Model, ProcedureModel
from tthc.compiler.analysis.competence import competence, covers
from tthc.compiler.analysis.competence.validity import authority_gap, link_gap
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast
from tthc.runtime.case import Case
from tthc.runtime.values import Officer, Reason, Refused, refuse


def place_of(registry: Model, procedure: ProcedureModel, step: ast.Step, case: Case) -> str:
    """The commune where a step happens (see the module docstring)."""
    actor = registry.actor(step)
    one_stop = actor is not None and actor.one_stop
    if one_stop and procedure.node.anywhere:
        return case.received_commune
    return case.competent_commune


def authorise(
    registry: Model,
    procedure: ProcedureModel,
    step: ast.Step,
    officer: Officer,
    case: Case,
    on: dt.date,
    settings: Settings,
    memo: Memo,
) -> Refused | None:
    role = registry.authorities.get(officer.role)
    if role is None:
        return refuse(
            Reason.WRONG_ROLE,
            f"Chức danh '{officer.role}' không có trong sổ đăng ký",
            f"The role '{officer.role}' is not in the registry",
            case.id,
        )
    gap = authority_gap(role, on, settings)
    if gap is not None:
        return Refused(Reason.ROLE_NOT_VALID, gap.message, case.id)
    wanted = step.actor.value if step.actor is not None else None
    if wanted != officer.role and not _transferred(registry, procedure, wanted, officer, on, memo):
        # Not the step's authority: a grant from it, through which the role is competent.
        power = procedure.node.power.value if procedure.node.power is not None else None
        grants = _grants(registry, power, wanted, officer.role)
        if not grants or power is None:
            return refuse(
                Reason.WRONG_ROLE,
                f"Bước này do '{wanted}' thực hiện; '{officer.role}' không được giao hay ủy quyền",
                f"This step is for '{wanted}'; '{officer.role}' holds no grant or delegation "
                "for it",
                case.id,
            )
        answer = competence(registry, officer.role, power, on, settings, memo)
        if not (answer.competent and any(link in grants for link in answer.chain)):
            return Refused(Reason.DELEGATION_INVALID, answer.explanation, case.id)
    return _jurisdiction(registry, procedure, step, officer, case, role)


def _transferred(
    registry: Model,
    procedure: ProcedureModel,
    wanted: str | None,
    officer: Officer,
    on: dt.date,
    memo: Memo,
) -> bool:
    """Whether a transfer in force gives the step's (abolished) authority's power to the
    officer's role: a case filed before the reform goes on under its version, its district
    steps done by the new holder or one of its units or office holders."""
    step_authority = registry.authorities.get(wanted or "")
    power = procedure.node.power.value if procedure.node.power is not None else None
    if step_authority is None or power is None:
        return False
    givers = {step_authority.id.value}
    if step_authority.of is not None:
        givers.add(step_authority.of.value)  # a division's power moved with its committee
    for transfer in registry.transfers.values():
        if transfer.giver.value not in givers or not covers(transfer.power.value, power):
            continue
        if link_gap(registry, transfer, on, memo) is not None:
            continue
        holder = transfer.receiver.value
        if officer.role == holder or officer.role in {a.id.value for a in registry.members(holder)}:
            return True
    return False


def _grants(registry: Model, power: str | None, wanted: str | None, role: str) -> list[ast.Grant]:
    """The grants from the step's authority to the role covering the procedure's power."""
    return [
        g
        for g in registry.grants_to(role)
        if g.giver is not None
        and g.giver.value == wanted
        and power is not None
        and covers(g.power.value, power)
    ]


def _jurisdiction(
    registry: Model,
    procedure: ProcedureModel,
    step: ast.Step,
    officer: Officer,
    case: Case,
    role: ast.Authority,
) -> Refused | None:
    if role.level is ast.Level.CENTRAL:
        return None
    if officer.province != case.province:
        return refuse(
            Reason.WRONG_JURISDICTION,
            f"Cán bộ thuộc tỉnh {officer.province}, hồ sơ thuộc tỉnh {case.province}",
            f"The officer serves province {officer.province}; the case is in {case.province}",
            case.id,
        )
    if role.level is ast.Level.PROVINCE:
        return None
    place = place_of(registry, procedure, step, case)
    if officer.commune != place:
        return refuse(
            Reason.WRONG_JURISDICTION,
            f"Bước '{step.id.value}' thực hiện tại xã {place}; cán bộ thuộc xã {officer.commune}",
            f"Step '{step.id.value}' happens in commune {place}; the officer serves "
            f"{officer.commune}",
            case.id,
        )
    return None
