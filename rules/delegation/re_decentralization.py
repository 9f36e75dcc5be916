"""TT201 re-decentralization: a receiver of phân cấp passes the power on again.

Input: a `ProjectContext`. Output: a `Finding` at the giver (`from`) of each grant whose giver
holds the power only by a phân cấp it received, unless an instrument in
`Settings.onward_delegation_allowed_by` allows it (the finding: `registry_flaws.onward`).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import onward, registry_flaws, with_steps


def re_decentralization(context: ProjectContext) -> Iterator[Finding]:
    """A receiver of phân cấp passes the same power on again.

    What it checks:
        Every phân cấp or ủy quyền grant whose giver holds the power (or part of it) by a phân
        cấp it received, and not in its own right (by phân quyền, by a transfer, or as a central
        body). The default is the 2015 rule: no onward delegation. When an instrument allows it
        (a specialised decree, or Law 72/2025 if read so), list its id in the setting
        `onward_delegation_allowed_by`; a grant that cites it, or whose received phân cấp cites
        it, is then accepted. Reported once, at the grant's giver (`from`).
    Why it matters:
        Under the Law on Organisation of Local Government 2015 Art. 13 the decentralised level
        could not delegate or authorise again (verified in a secondary source);
        the parallel Law 63/2025 Art. 8(5) says the receiver "không được phân cấp tiếp" (partly
        verified). Law 72/2025 may allow onward delegation under conditions not read
        (unverified), hence the setting.
    Example:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.chairman  to commune.vice_chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode decentralization  basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    """
    for flaw, steps in registry_flaws(context, "TT201"):
        yield with_steps(onward(context.model, flaw, "phân cấp", "decentralization"), steps)
