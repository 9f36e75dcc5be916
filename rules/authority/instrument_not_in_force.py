"""TT104 instrument-not-in-force: a cited instrument is not in force on the effective date.

Input: a `ProcedureContext`. Output: a `Finding` at each citation of the procedure (its basis,
the basis of `moved`, of a fee, of a step) whose instrument is not yet in force, has expired
or is replaced on the procedure's effective date, with the replacing instrument as the help.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import day, instrument_name
from tthc.compiler.analysis.competence.validity import Gap, instrument_gap
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext


def _citations(node: ast.Procedure) -> list[tuple[ast.Citation, bool]]:
    """Each citation, and whether it is history (the basis of `moved`). A list: most steps
    cite nothing, and a generator for each cost more than the few citations."""
    found = [(c, False) for c in node.basis]
    if node.moved is not None:
        found.extend((c, True) for c in node.moved.basis)
    for fee in node.fees:
        found.extend((c, False) for c in fee.basis)
    for step in node.steps:
        if step.basis:
            found.extend((c, False) for c in step.basis)
    return found


def instrument_not_in_force(context: ProcedureContext) -> Iterator[Finding]:
    """A cited legal instrument is not in force on the procedure's effective date.

    What it checks:
        Every citation of the procedure (`basis`, the `basis` of `moved`, of a fee, of a step):
        on the procedure's `effective` date the instrument must be in force: on or after its
        `in_force` date, not after its `until` date, and not replaced by an instrument already
        in force (`replaces`). The basis of `moved` is history (the instrument that moved the
        procedure in 2025): it may have ended or been replaced since, and is reported only when
        it is not yet in force on the effective date. A procedure with no `effective` date is
        not judged.
    Why it matters:
        A procedure must rest on law in force (Decree 63/2010/NĐ-CP Art. 8(1),
        verified). The 2025 reform replaced many texts: Decree 61/2018 on the one-stop
        mechanism was replaced by Decree 118/2025 from 1 July 2025 (Decree 118/2025/NĐ-CP,
        partly verified), and the 28 sectoral decrees of June 2025 run only until 1 March 2027
        (e.g. Decree 120/2025/NĐ-CP, Decree 151/2025/NĐ-CP, verified).
    Example:
        ```tthc fragment
          basis luat-ho-tich-2014 art 16, nd-61-2018
        ```
    Use instead:
        ```tthc fragment
          basis luat-ho-tich-2014 art 16, nd-118-2025
        ```
    """
    on = context.on
    if on is None:
        return
    # Each instrument looked up and judged once: a procedure cites a few instruments, most of
    # them at many steps, and the answer depends on the instrument and the date alone.
    judged: dict[str, tuple[ast.Instrument | None, Gap | None]] = {}
    for citation, history in _citations(context.procedure.node):
        name = citation.instrument.value
        known = judged.get(name)
        if known is None:
            instrument = context.model.instrument(citation)
            gap = (
                None
                if instrument is None
                else instrument_gap(context.model, instrument, on, context.memo)
            )
            judged[name] = (instrument, gap)
        else:
            instrument, gap = known
        if instrument is None or gap is None:
            continue
        if history and (instrument.in_force is None or instrument.in_force <= on):
            continue  # it moved the procedure when it was in force; that it ended since is history
        newer = [
            i
            for i in context.model.replaced_by(instrument.id.value)
            if not instrument_gap(context.model, i, on, context.memo)
        ]
        help = (
            Message(
                vi=f"Viện dẫn văn bản thay thế: {instrument_name(newer[0]).vi} ({newer[0].id.value})",
                en=f"Cite the instrument that replaces it: {newer[0].id.value}",
            )
            if newer
            else Message(
                vi="Viện dẫn văn bản còn hiệu lực vào ngày áp dụng thủ tục, hoặc sửa ngày "
                "`effective` của thủ tục",
                en="Cite an instrument in force on the procedure's date, or correct its "
                "`effective` date",
            )
        )
        yield Finding(
            citation.span,
            Message(
                vi=f"Căn cứ “{citation.instrument.value}” không có hiệu lực vào ngày "
                f"{day(on).vi}: {gap.message.vi}",
                en=f"The cited '{citation.instrument.value}' is not in force on {day(on).en}: "
                f"{gap.message.en}",
            ),
            help,
            (
                Related(
                    span=instrument.id.span,
                    message=Message(
                        vi="Văn bản được khai báo ở đây", en="The instrument is declared here"
                    ),
                ),
            ),
        )
