"""TT203 re-authorization: a receiver of ủy quyền passes the power on again.

Input: a `ProjectContext`. Output: a `Finding` at the giver (`from`) of each grant whose giver
holds the power only by an ủy quyền it received (the finding: `registry_flaws.onward`).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import onward, registry_flaws, with_steps


def re_authorization(context: ProjectContext) -> Iterator[Finding]:
    """A receiver of ủy quyền authorizes (or delegates) the same power to someone else.

    What it checks:
        Every phân cấp or ủy quyền grant whose giver holds the power (or part of it) only by an
        ủy quyền it received. Reported once, at the grant's giver (`from`).
    Why it matters:
        The authorized person "không được ủy quyền lại cho người khác" (Decree 30/2020/NĐ-CP
        Art. 13(3), partly verified); the parallel Law 63/2025 Art. 9(6) and provincial
        authorizations under Law 72/2025 repeat "không được ủy quyền tiếp" (partly
        verified; Law 72's own wording unverified).
    Example:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich.dang-ky-khai-sinh"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        grant uq_cong_chuc {
          power "ho-tich.dang-ky-khai-sinh"  from commune.vice_chairman
          to commune.civil_status_officer  mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    Use instead:
        ```tthc
        grant uq_cong_chuc {
          power "ho-tich.dang-ky-khai-sinh"  from commune.people_committee
          to commune.civil_status_officer  mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    """
    for flaw, steps in registry_flaws(context, "TT203"):
        yield with_steps(onward(context.model, flaw, "ủy quyền", "authorization"), steps)
