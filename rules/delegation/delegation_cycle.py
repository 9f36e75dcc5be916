"""TT207 delegation-cycle: a chain of grants comes back to where it started.

Input: a `ProjectContext`. Output: one `Finding` per cycle of grants whose powers overlap, at
the first of its grants in declaration order, with the others as witnesses.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import Registry
from tthc.compiler.analysis.competence import overlaps
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProjectContext


def delegation_cycle(context: ProjectContext) -> Iterator[Finding]:
    """A chain of grants comes back to where it started.

    What it checks:
        Grants are arrows from giver to receiver, for a power; a chain follows arrows whose
        powers overlap (the power passed on narrows to the more specific of the two). A chain
        that comes back to its first giver is a cycle. Each cycle is reported once, at the
        first of its grants in declaration order, with the others as witnesses.
    Why it matters:
        Phân cấp and ủy quyền go from the holder downward (Law 72/2025/QH15 Arts. 13, 14,
        partly verified); in a cycle no one is the original holder, and the receiver answers to
        itself, which the responsibility of giver and receiver (Law on Organisation of Local Government
        2015 Art. 13) excludes.
    Example:
        ```tthc
        grant chung_thuc_chu_tich {
          power "chung-thuc"  from national_assembly  to commune.chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant chung_thuc_pho {
          power "chung-thuc"  from national_assembly  to commune.vice_chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant uq_di {
          power "chung-thuc"  from commune.chairman  to commune.vice_chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        grant uq_ve {
          power "chung-thuc"  from commune.vice_chairman  to commune.chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        ```
    Use instead:
        ```tthc
        grant chung_thuc_chu_tich {
          power "chung-thuc"  from national_assembly  to commune.chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant uq_di {
          power "chung-thuc"  from commune.chairman  to commune.vice_chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        ```
    """
    model = context.model
    seen: set[frozenset[str]] = set()
    for first in model.grants.values():
        cycle = _back_to_giver(model, first)
        key = frozenset(g.id.value for g in cycle)
        if not cycle or key in seen:
            continue
        seen.add(key)
        names = " → ".join(
            [first.giver.value if first.giver else ""] + [g.receiver.value for g in cycle]
        )
        yield Finding(
            first.id.span,
            Message(
                vi=f"Chuỗi giao quyền “{first.power.value}” khép vòng: {names}",
                en=f"The chain of grants of '{first.power.value}' is a cycle: {names}",
            ),
            Message(
                vi="Bỏ một mắt xích để thẩm quyền đi một chiều, từ chủ thể được luật giao xuống "
                "bên nhận",
                en="Remove a link so that the power flows one way, from its holder by law down "
                "to the receivers",
            ),
            tuple(
                Related(
                    span=g.id.span,
                    message=Message(vi="Mắt xích của vòng", en="A link of the cycle"),
                )
                for g in cycle[1:]
            ),
        )


def _back_to_giver(model: Registry, first: ast.Grant) -> list[ast.Grant]:
    """The grants of a cycle starting with `first`, or `[]` when none comes back to its giver."""
    if first.giver is None:
        return []
    start = first.giver.value
    stack: list[tuple[str, str, list[ast.Grant]]] = [
        (first.receiver.value, first.power.value, [first])
    ]
    visited: set[tuple[str, str]] = set()
    while stack:
        holder, power, path = stack.pop()
        if holder == start:
            return path
        if (holder, power) in visited:
            continue
        visited.add((holder, power))
        for grant in reversed(model.grants_from(holder)):
            if overlaps(grant.power.value, power):
                narrower = max(grant.power.value, power, key=lambda p: p.count("."))
                stack.append((grant.receiver.value, narrower, [*path, grant]))
    return []
