"""TT201 re-decentralization and TT203 re-authorization: a receiver passes the power on again.

Input: a `ProjectContext`. Output: a `Finding` at the giver (`from`) of each grant whose giver
holds the power only by a phân cấp (TT201, unless an instrument in
`Settings.onward_delegation_allowed_by` allows it) or an ủy quyền (TT203) it received.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import Model
from tthc.compiler.analysis.competence import Flaw
from tthc.compiler.analysis.competence.names import link_name, who
from tthc.dsl import Message
from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import grant_names, registry_flaws, with_steps, witness


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
        yield with_steps(_onward(context.model, flaw, "phân cấp", "decentralization"), steps)


def _onward(model: Model, flaw: Flaw, how_vi: str, how_en: str) -> Finding:
    grant, received = flaw.grant, flaw.witness
    giver, receiver, mode = grant_names(model, grant)
    origin = who(model, received.giver.value) if received and received.giver else giver
    given = link_name(received) if received else Message(vi="", en="")
    return Finding(
        flaw.span,
        Message(
            vi=f"{giver.vi} nhận thẩm quyền “{grant.power.value}” do {how_vi} ({given.vi}), nên "
            f"không được {mode.vi} tiếp cho {receiver.vi}",
            en=f"{giver.en} holds '{grant.power.value}' by {how_en} ({given.en}), so it may not "
            f"{mode.en} it again to {receiver.en}",
        ),
        Message(
            vi=f"Bỏ giao quyền “{grant.id.value}”, hoặc để {origin.vi} giao trực tiếp cho "
            f"{receiver.vi}",
            en=f"Remove the grant '{grant.id.value}', or let {origin.en} give the power to "
            f"{receiver.en} directly",
        ),
        witness(received, f"{how_vi.capitalize()} được nhận ở đây", f"The {how_en} received")
        if received
        else (),
    )


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
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        grant uq_cong_chuc {
          power "ho-tich"  from commune.vice_chairman  to commune.civil_status_officer
          mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    Use instead:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        grant uq_cong_chuc {
          power "ho-tich"  from commune.people_committee  to commune.civil_status_officer
          mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    """
    for flaw, steps in registry_flaws(context, "TT203"):
        yield with_steps(_onward(context.model, flaw, "ủy quyền", "authorization"), steps)
