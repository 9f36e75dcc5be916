"""TT204 delegation-not-downward: a grant goes up, sideways, or to the abolished district level.

Input: a `ProjectContext`. Output: a `Finding` at the receiver (`to`) of each grant to a higher
level, to the same level outside the giver's apparatus, or to a district-level receiver beyond
the end of that level.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import LEVEL_EN, LEVEL_VI, day
from tthc.dsl import Message
from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import grant_names, registry_flaws, with_steps


def delegation_not_downward(context: ProjectContext) -> Iterator[Finding]:
    """A delegation goes to the same or a higher level, or to the abolished district level.

    What it checks:
        Every grant with a giver: the receiver must be at a lower level than the giver (central,
        province, district, commune), or at the same level and inside the giver's apparatus (not
        a collective body, and not a body the giver itself belongs to through `of`: a People's
        Committee may give to its Chairman or its divisions, a Chairman to an official, but not
        to the Committee). A grant to a district-level receiver must end by the last day of that
        level (`until`, at the latest `Settings.district_level_ends`). Reported at the receiver
        (`to`).
    Why it matters:
        Phân cấp and ủy quyền go from a superior to a lower body or to bodies under the giver
        (Law 72/2025/QH15 Arts. 13(1), 14(1), partly verified); the district
        level was dissolved on 1 July 2025 (Resolution 202/2025/QH15, verified).
    Example:
        ```tthc
        grant ho_tich_so {
          power "ho-tich"  from commune.people_committee  to province.department.justice
          mode decentralization  basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_phong {
          power "ho-tich"  from commune.people_committee  to commune.economic_division
          mode decentralization  basis nd-120-2025 art 4
        }
        ```
    """
    model, ends = context.model, day(context.settings.district_level_ends)
    for flaw, steps in registry_flaws(context, "TT204"):
        grant = flaw.grant
        giver, receiver, _ = grant_names(model, grant)
        if flaw.detail == "abolished":
            message = Message(
                vi=f"Giao quyền “{grant.id.value}” cho {receiver.vi}, thuộc cấp huyện đã kết thúc "
                f"hoạt động sau ngày {ends.vi}, mà không kết thúc cùng cấp huyện",
                en=f"The grant '{grant.id.value}' gives to {receiver.en}, at the district level "
                f"that ended on {ends.en}, and does not end with it",
            )
            help = Message(
                vi=f"Giao cho chủ thể cấp xã hoặc cấp tỉnh (và khai báo `transfer`), hoặc ghi "
                f"`until {context.settings.district_level_ends}` cho giao quyền trước cải cách",
                en="Give the power to a commune- or province-level authority (and declare the "
                f"`transfer`), or write `until {context.settings.district_level_ends}` for a "
                "grant from before the reform",
            )
        else:
            levels = [model.authority(n) for n in (grant.giver, grant.receiver)]
            at = [
                Message(vi=LEVEL_VI[a.level.value], en=LEVEL_EN[a.level.value])
                if a is not None and a.level is not None
                else Message(vi="?", en="?")
                for a in levels
            ]
            where = (
                Message(vi="cấp cao hơn", en="a higher level")
                if flaw.detail == "upward"
                else Message(
                    vi="cùng cấp, không trực thuộc bên giao", en="the same level, outside the giver"
                )
            )
            message = Message(
                vi=f"Giao quyền “{grant.id.value}” đi từ {giver.vi} ({at[0].vi}) đến {receiver.vi} "
                f"({at[1].vi}): {where.vi}",
                en=f"The grant '{grant.id.value}' goes from {giver.en} ({at[0].en}) to "
                f"{receiver.en} ({at[1].en}): {where.en}",
            )
            help = Message(
                vi="Phân cấp, ủy quyền chỉ giao cho cấp dưới hoặc cho cơ quan, người thuộc bên "
                "giao; nếu cấp trên phải giải quyết, khai báo căn cứ giao thẩm quyền cho cấp trên",
                en="Phân cấp and ủy quyền go to a lower level or to a body or person under the "
                "giver; if the higher level must decide, declare the grant that gives it the power",
            )
        yield with_steps(Finding(flaw.span, message, help), steps)
