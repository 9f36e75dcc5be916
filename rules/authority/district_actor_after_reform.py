"""TT102 district-actor-after-reform: a step is given to a district authority after 2025-06-30.

Input: a `ProcedureContext`. Output: a `Finding` at each step's actor or counterpart that is a
district-level authority in a procedure effective after the district level ended, with a help
naming the new holder when a `transfer` of the registry moved its power.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence import covers
from tthc.compiler.analysis.competence.names import day, link_name, who
from tthc.dsl import Message, ast
from tthc.rules.authority.decisions import after_reform, procedure_power
from tthc.rules.base import Finding, ProcedureContext


def district_actor_after_reform(context: ProcedureContext) -> Iterator[Finding]:
    """A step is given to a district-level authority in a procedure effective after 2025-06-30.

    What it checks:
        Every step's actor (`by`) and counterpart (`with`): if it is an authority of `level
        district` and the procedure's `effective` date is after the last day of the district
        level (`Settings.district_level_ends`, 2025-06-30), the step cannot be performed. The
        help names the new holder when a `transfer` in the registry moved that authority's power.
    Why it matters:
        From 1 July 2025 local government has two levels, province and commune; the district
        level was dissolved (Constitution as amended on 16 June 2025, Art. 110; Law
        72/2025/QH15 Art. 1; Resolution 202/2025/QH15, verified). A procedure that still routes a dossier to
        a district office sends it to a body that no longer exists.
    Example:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by district.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: a commune authority signs after the reform
        ```
    """
    on = context.on
    if on is None or on <= context.settings.district_level_ends:
        return  # before the reform every level exists: nothing to look up
    authorities, district = context.model.authorities, ast.Level.DISTRICT
    for step in context.procedure.node.steps:
        for name in (step.actor, step.counterpart):
            if name is None:
                continue
            authority = authorities.get(name.value)
            if (
                authority is None
                or authority.level is not district  # most are not: asked first
                or not after_reform(context, authority)
            ):
                continue
            ends = day(context.settings.district_level_ends)
            title = authority.title
            yield Finding(
                name.span,
                Message(
                    vi=f"Bước “{step.id.value}” giao cho {title}, thuộc cấp huyện; thủ tục áp "
                    f"dụng từ ngày {day(on).vi}, khi cấp huyện đã kết thúc hoạt động (sau ngày "
                    f"{ends.vi})",
                    en=f"Step '{step.id.value}' is given to {name.value}, a district-level "
                    f"authority; the procedure applies from {day(on).en}, after the district "
                    f"level ended ({ends.en})",
                ),
                _successor_help(context, name.value),
            )


def _successor_help(context: ProcedureContext, district: str) -> Message:
    """Names the new holder when a transfer moved the power of this district authority (or of
    the district body it belongs to, e.g. the People's Committee of a Chairman)."""
    power = procedure_power(context)
    authority = context.model.authorities.get(district)
    givers = {district, authority.of.value if authority and authority.of else district}
    moved = [
        t
        for t in context.model.transfers.values()
        if t.giver.value in givers
        and (not power or covers(t.power.value, power) or covers(power, t.power.value))
    ]
    if moved:
        new = who(context.model, moved[0].receiver.value)
        return Message(
            vi=f"Thẩm quyền này đã chuyển cho {new.vi} ({link_name(moved[0]).vi}): giao bước cho "
            f"{new.vi}",
            en=f"This power moved to {new.en} ({link_name(moved[0]).en}): give the step to {new.en}",
        )
    return Message(
        vi="Giao bước cho chủ thể cấp xã hoặc cấp tỉnh đã nhận thẩm quyền này, và khai báo "
        "`transfer` trong sổ đăng ký",
        en="Give the step to the commune- or province-level authority that received this power, "
        "and declare the `transfer` in the registry",
    )
