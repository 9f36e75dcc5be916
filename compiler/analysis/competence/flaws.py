"""The lawfulness of one grant, date aside (TT201–TT205).

Input: the `Registry`, a grant and the `Settings`. Output: `grant_flaws(...) -> list[Flaw]`, every
reason the grant is unlawful in itself: the giver holds the power only by phân cấp or ủy quyền
(TT201, TT203), an ủy quyền with no written act or no term (TT202), a grant upward, sideways or
to the abolished district level (TT204), an instrument that cannot carry the grant (TT205). A
`Flaw` says which code reports it, where, and the link that witnesses it; `remembered_flaws`
works them out once per grant for a `Memo`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import Registry
from tthc.compiler.analysis.competence.powers import (
    CARRIERS,
    LEVEL_RANK,
    OWN_MODES,
    Level,
    Link,
    all_links,
    belongs,
    covers,
    is_own,
    overlaps,
    rank,
)
from tthc.compiler.analysis.competence.validity import Gap
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Span, ast

Mode = ast.GrantMode


@dataclass(frozen=True)
class Flaw:
    """An unlawful link: the code that reports it, where, and the facts the message needs.

    `detail` says which case of the code it is (e.g. `upward`, `no-term`); `witness` is the link
    that makes it unlawful (the phân cấp the giver received, the stronger allocation). A `dated`
    flaw depends on the date (an ủy quyền whose term has ended): it is reported where a
    procedure relies on the link; the others are reported once, at the grant.
    """

    code: str
    grant: ast.Grant
    span: Span
    detail: str
    witness: Link | None = None
    gap: Gap | None = None

    @property
    def dated(self) -> bool:
        return self.gap is not None


def holding(model: Registry, grant: ast.Grant) -> tuple[str, Link | None]:
    """How the giver of a grant holds what it gives, date aside: `own` (devolution, transfer,
    a central body), `decentralization` or `authorization` (with the link it received), `none`."""
    if grant.giver is None:
        return "own", None
    power = grant.power.value
    received = [
        link
        for link in model.links_to(grant.giver.value)
        if link is not grant and overlaps(link.power.value, power)
    ]
    giver = model.authority(grant.giver)
    if not received:
        return ("own", None) if giver is None or giver.level is Level.CENTRAL else ("none", None)
    if any(is_own(link) and covers(link.power.value, power) for link in received):
        return "own", None
    for mode in (Mode.DECENTRALIZATION, Mode.AUTHORIZATION):
        for link in received:
            if isinstance(link, ast.Grant) and link.mode is mode:
                return mode.value, link
    return "own", None


def grant_flaws(model: Registry, grant: ast.Grant, settings: Settings) -> list[Flaw]:
    """Every reason a grant is unlawful in itself, whatever the date (TT201–TT205).

    TT201/TT203: its giver holds the power by phân cấp (unless an instrument cited by either
    grant is in `Settings.onward_delegation_allowed_by`) or by ủy quyền. TT202: an ủy quyền with
    no written act or no term (its own `until` or its act's). TT204: to a district-level
    receiver beyond the end of that level; to a higher level; at the same level, to a collective
    body or to a body the giver belongs to. TT205: no instrument, or none of a kind that can
    carry the mode, or (when the giver holds nothing of the power) an instrument ranked below
    one that gives the power to someone else.
    """
    flaws: list[Flaw] = []
    how, received = holding(model, grant)
    if grant.mode not in OWN_MODES and grant.giver is not None and received is not None:
        cited = {c.instrument.value for c in (*grant.basis, *received.basis)}
        if how == Mode.AUTHORIZATION.value:
            flaws.append(Flaw("TT203", grant, grant.giver.span, "onward", received))
        elif not cited & settings.onward_delegation_allowed_by:
            flaws.append(Flaw("TT201", grant, grant.giver.span, "onward", received))
    instruments = [(c, i) for c in grant.basis if (i := model.instrument(c)) is not None]
    if grant.mode is Mode.AUTHORIZATION:
        termed = grant.until is not None or any(i.until is not None for _, i in instruments)
        missing = [m for m, ok in (("act", bool(grant.basis)), ("term", termed)) if not ok]
        if missing:
            flaws.append(Flaw("TT202", grant, grant.id.span, "no-" + "-no-".join(missing)))
    flaws.extend(_direction(model, grant, settings))
    if not grant.basis and grant.mode is not Mode.AUTHORIZATION:
        flaws.append(Flaw("TT205", grant, grant.id.span, "no-carrier"))
    elif instruments and not any(i.kind in CARRIERS[grant.mode] for _, i in instruments):
        flaws.append(Flaw("TT205", grant, instruments[0][0].span, "wrong-kind"))
    elif instruments and how == "none":
        stronger = _stronger(model, grant)
        if stronger is not None:
            flaws.append(Flaw("TT205", grant, instruments[0][0].span, "outranked", stronger))
    return flaws


def remembered_flaws(
    model: Registry, grant: ast.Grant, settings: Settings, memo: Memo
) -> list[Flaw]:
    """`grant_flaws`, worked out once per grant for a memo (one per model and settings)."""
    return memo.get((grant_flaws, grant.id.value), lambda: grant_flaws(model, grant, settings))


def _direction(model: Registry, grant: ast.Grant, settings: Settings) -> list[Flaw]:
    giver, receiver = model.authority(grant.giver), model.authority(grant.receiver)
    if receiver is None:
        return []
    ends = settings.district_level_ends
    if receiver.level is Level.DISTRICT and (grant.until is None or grant.until > ends):
        return [Flaw("TT204", grant, grant.receiver.span, "abolished")]
    if giver is None or giver is receiver or giver.level is None or receiver.level is None:
        return []
    if LEVEL_RANK[receiver.level] > LEVEL_RANK[giver.level]:
        return [Flaw("TT204", grant, grant.receiver.span, "upward")]
    if LEVEL_RANK[receiver.level] == LEVEL_RANK[giver.level] and (
        receiver.kind is ast.AuthorityKind.COLLECTIVE or belongs(model, giver, receiver.id.value)
    ):
        return [Flaw("TT204", grant, grant.receiver.span, "sideways")]
    return []


def _stronger(model: Registry, grant: ast.Grant) -> Link | None:
    """Another holder's allocation of this power by a stronger instrument than the grant's."""
    mine = rank(model, grant)
    giver = grant.giver.value if grant.giver else ""
    return next(
        (
            link
            for link in all_links(model)
            if link is not grant
            and link.receiver.value != giver
            and overlaps(link.power.value, grant.power.value)
            and rank(model, link) > mine
        ),
        None,
    )
