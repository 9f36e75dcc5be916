"""The registry's vocabulary: powers, links and how they rank, date aside.

Input: the resolved `Registry` and its grants and transfers. Output: whether a grant of one power
covers another (`covers`, `overlaps`), every link of the registry (`all_links`), whether a link
starts a chain (`is_root`, `is_own`), the rank of the instrument a link cites (`rank`), whether
an authority belongs to a body (`belongs`), and the tables they rest on: the order of levels,
the hierarchy of instruments and which instruments can carry each mode.
"""

from __future__ import annotations

from tthc.compiler import Registry
from tthc.dsl import ast

Link = ast.Grant | ast.Transfer
Level, Mode, Kind = ast.Level, ast.GrantMode, ast.InstrumentKind

LEVEL_RANK = {Level.COMMUNE: 0, Level.DISTRICT: 1, Level.PROVINCE: 2, Level.CENTRAL: 3}
# The hierarchy of legal documents, strongest first (Law on Promulgation of Legal Documents); an
# HĐND resolution ranks above a UBND decision.
INSTRUMENT_RANK = {
    Kind.LAW: 6,
    Kind.RESOLUTION: 6,
    Kind.DECREE: 5,
    Kind.CIRCULAR: 4,
    Kind.LOCAL_RESOLUTION: 3,
    Kind.DECISION: 2,
    Kind.DISPATCH: 1,
    Kind.ACT: 1,
}
# What can carry each mode (Law 72/2025 Art. 12: a law or NA resolution; Art. 13: a normative
# document; Art. 14(2)(a): a written act of the authorizing body).
CARRIERS: dict[ast.GrantMode, frozenset[ast.InstrumentKind]] = {
    Mode.DEVOLUTION: frozenset({Kind.LAW, Kind.RESOLUTION}),
    Mode.DECENTRALIZATION: frozenset(Kind) - {Kind.DISPATCH, Kind.ACT},
    Mode.AUTHORIZATION: frozenset(Kind),
    # Phân định: a law or resolution, or a Government decree (Decrees 120-151/2025).
    Mode.DELINEATION: frozenset({Kind.LAW, Kind.RESOLUTION, Kind.DECREE}),
}
OWN_MODES = frozenset({Mode.DEVOLUTION, Mode.DELINEATION})  # held as the receiver's own power


def covers(granted: str, wanted: str) -> bool:
    """A grant of `granted` covers `wanted`: equal, or a prefix of it by whole dotted segments."""
    whole, part = granted.split("."), wanted.split(".")
    return part[: len(whole)] == whole


def overlaps(first: str, second: str) -> bool:
    return covers(first, second) or covers(second, first)


def all_links(model: Registry) -> list[Link]:
    """Every grant and transfer of the registry, in declaration order."""
    return [*model.grants.values(), *model.transfers.values()]


def is_root(model: Registry, link: Link) -> bool:
    """Whether a link starts a chain: its giver need not hold the power itself."""
    if isinstance(link, ast.Transfer) or link.mode in OWN_MODES or link.giver is None:
        return True
    giver = model.authority(link.giver)
    # An unknown giver was reported as TT005; a central body holds its powers by law.
    return giver is None or giver.level is Level.CENTRAL


def is_own(link: Link) -> bool:
    return isinstance(link, ast.Transfer) or link.mode in OWN_MODES


def rank(model: Registry, link: Link) -> int:
    """The rank of the strongest instrument a link cites (0 when it cites none)."""
    kinds = [i.kind for c in link.basis if (i := model.instrument(c)) is not None]
    return max((INSTRUMENT_RANK[k] for k in kinds), default=0)


def belongs(model: Registry, authority: ast.Authority, body: str) -> bool:
    """Whether `body` is above `authority` through its chain of `of`."""
    seen: set[str] = set()
    current: ast.Authority | None = authority
    while current is not None and current.of is not None and current.id.value not in seen:
        seen.add(current.id.value)
        if current.of.value == body:
            return True
        current = model.authority(current.of)
    return False
