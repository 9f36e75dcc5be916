"""TT208 delegation-without-resources: a delegation's receiver has no staff or resources.

Input: a `ProjectContext`. Output: a `Finding` at the receiver (`to`) of each phân cấp or ủy
quyền in force after the district level ended whose receiver declares no staff and whose grant
states no resources.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import MODE_VI
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProjectContext

Mode = ast.GrantMode


def delegation_without_resources(context: ProjectContext) -> Iterator[Finding]:
    """A delegation's receiver has no staff or resources declared for it.

    What it checks:
        Every phân cấp and ủy quyền grant: either its receiver declares its staff (`staff`, more
        than zero) or the grant states the conditions given with it (`resources`: funding,
        staff, equipment). Reported at the receiver (`to`). A warning. Grants that ended with
        the district level (`until` on or before `Settings.district_level_ends`) are history and
        are not judged.
    Why it matters:
        The giver "must ensure finance, human resources and other conditions" for the task it
        decentralises (Law on Organisation of Local Government 2015 Art. 13, verified), and bodies given a superior's tasks "must be guaranteed the necessary
        conditions" (2025 law Art. 11(2), verified). Communes merged from several
        had only a few receiving staff in 2025 (as the Ministry of Science and Technology
        reported in August 2025).
    Example:
        ```tthc
        grant chung_thuc_pho_chu_tich {
          power "chung-thuc"  from commune.people_committee
          to commune.vice_chairman  mode decentralization  basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant chung_thuc_pho_chu_tich {
          power "chung-thuc"  from commune.people_committee
          to commune.vice_chairman  mode decentralization  basis nd-120-2025 art 4
          resources "Công chức tư pháp - hộ tịch"
        }
        ```
    """
    model = context.model
    for grant in model.grants.values():
        receiver = model.authority(grant.receiver)
        if grant.mode in (Mode.DEVOLUTION, Mode.DELINEATION) or receiver is None or grant.resources:
            continue
        if grant.until is not None and grant.until <= context.settings.district_level_ends:
            continue
        if receiver.staff is not None and receiver.staff > 0:
            continue
        mode = MODE_VI[grant.mode]
        yield Finding(
            grant.receiver.span,
            Message(
                vi=f"{receiver.title} nhận {mode} “{grant.id.value}” nhưng không khai báo biên chế "
                "(`staff`), và giao quyền không nêu điều kiện thực hiện (`resources`)",
                en=f"{grant.receiver.value} receives the {grant.mode.value} '{grant.id.value}' "
                "but declares no staff (`staff`), and the grant states no resources (`resources`)",
            ),
            Message(
                vi="Khai báo `staff` của bên nhận, hoặc `resources` của giao quyền (kinh phí, nhân "
                "lực, điều kiện bảo đảm)",
                en="Declare the receiver's `staff`, or the grant's `resources` (funding, staff, "
                "conditions provided)",
            ),
        )
