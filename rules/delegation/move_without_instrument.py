"""TT206 move-without-instrument: a procedure moved from another level cites no instrument.

Input: a `ProcedureContext`. Output: a `Finding` at the `moved` block of a procedure that cites
no `basis` inside it, with the registry's transfer of the procedure's power as the example.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence import overlaps
from tthc.compiler.analysis.competence.names import LEVEL_EN, LEVEL_VI, citation
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.delegation.registry_flaws import witness


def move_without_instrument(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure marked as moved from another level cites no instrument that moved it.

    What it checks:
        A procedure with a `moved { from ... }` block must cite, inside it, the instrument that
        moved it (`basis`, e.g. the sector decree of June 2025 and its article). The help names
        the instrument of the registry's `transfer` for the procedure's power when there is one.
    Why it matters:
        The 2025 reform moved 278 district procedures to communes and 18 to provinces by the
        sectoral decrees of June 2025 (Official Dispatch 90/CĐ-TTg; e.g. Decree 120/2025 Art. 4
        for civil status, verified). The authority of the new level rests on
        that instrument; without it the move cannot be checked, nor dated.
    Example:
        ```tthc fragment
          moved { from district }
        ```
    Use instead:
        ```tthc fragment
          moved { from district  basis nd-120-2025 art 4 }
        ```
    """
    node = context.procedure.node
    if node.moved is None or node.moved.basis:
        return
    level = node.moved.level.value
    power = node.power.value if node.power else None
    transfers = [
        t
        for t in context.model.transfers.values()
        if power and t.basis and overlaps(t.power.value, power)
    ]
    cited = ", ".join(citation(c).en for c in transfers[0].basis) if transfers else ""
    example = cited or "nd-120-2025 art 4"
    yield Finding(
        node.moved.span,
        Message(
            vi=f"Thủ tục “{node.name}” được chuyển từ {LEVEL_VI[level]} nhưng không nêu văn bản "
            "chuyển giao",
            en=f"The procedure '{node.name}' moved from the {LEVEL_EN[level]} but cites no "
            "instrument that moved it",
        ),
        Message(
            vi=f"Thêm `basis` trong khối `moved`, ví dụ `moved {{ from {level} basis {example} }}`",
            en=f"Add a `basis` inside `moved`, e.g. `moved {{ from {level} basis {example} }}`",
        ),
        witness(transfers[0], "Chuyển giao trong sổ đăng ký", "The registry's transfer")
        if transfers
        else (),
    )
