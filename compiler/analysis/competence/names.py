"""Names and dates of the registry in both languages, for the explanations and the messages.

Input: the `Registry` and its nodes (authorities, instruments, links, citations, levels). Output:
`Message`s: a date (`day`), an authority (`who`), an instrument, a link, a citation, a level, a
mode of delegation, as an official says them in Vietnamese and as the registry writes them.
"""

from __future__ import annotations

import datetime as dt

from tthc.compiler import Registry
from tthc.compiler.analysis.competence.powers import Link
from tthc.dsl import Message, ast

Mode, Kind = ast.GrantMode, ast.InstrumentKind


MODE_VI = {Mode.DEVOLUTION: "phân quyền", Mode.DECENTRALIZATION: "phân cấp"}
MODE_VI[Mode.AUTHORIZATION] = "ủy quyền"
MODE_VI[Mode.DELINEATION] = "phân định"
MODE_EN = {Mode.DEVOLUTION: "devolves", Mode.DECENTRALIZATION: "decentralizes"}
MODE_EN[Mode.AUTHORIZATION] = "authorizes"
MODE_EN[Mode.DELINEATION] = "delineates"
KIND_VI = {Kind.LAW: "Luật", Kind.RESOLUTION: "Nghị quyết", Kind.DECREE: "Nghị định"}
KIND_VI |= {Kind.CIRCULAR: "Thông tư", Kind.DECISION: "Quyết định", Kind.DISPATCH: "Công văn"}
KIND_VI |= {Kind.LOCAL_RESOLUTION: "Nghị quyết HĐND", Kind.ACT: "Văn bản"}


def day(on: dt.date) -> Message:
    return Message(vi=on.strftime("%d/%m/%Y"), en=on.isoformat())


def who(model: Registry, name: str) -> Message:
    """An authority as an official says it (its title) and as the registry names it (its id)."""
    authority = model.authorities.get(name)
    return Message(vi=authority.title if authority else name, en=name)


def instrument_name(instrument: ast.Instrument) -> Message:
    number = instrument.number
    return Message(vi=f"{KIND_VI[instrument.kind]} {number}", en=f"{instrument.kind} {number}")


def link_name(link: Link) -> Message:
    if isinstance(link, ast.Transfer):
        return Message(vi=f"chuyển giao “{link.id.value}”", en=f"transfer '{link.id.value}'")
    return Message(vi=f"giao quyền “{link.id.value}”", en=f"grant '{link.id.value}'")


def citation(cited: ast.Citation) -> Message:
    """A citation as written (`nd-120-2025 art 4`) and as a Vietnamese reader says it."""
    vi = en = cited.instrument.value
    if cited.article:
        vi, en = f"{vi} Điều {cited.article}", f"{en} art {cited.article}"
    if cited.clause:
        vi, en = f"{vi} khoản {cited.clause}", f"{en} clause {cited.clause}"
    return Message(vi=vi, en=en)


LEVEL_VI = {"central": "trung ương", "province": "cấp tỉnh", "district": "cấp huyện"}
LEVEL_VI["commune"] = "cấp xã"
LEVEL_EN = {"central": "central level", "province": "province level"}
LEVEL_EN |= {"district": "district level", "commune": "commune level"}


def level_name(level: ast.Level) -> Message:
    """A level of government: `cấp xã`, `commune level`."""
    return Message(vi=LEVEL_VI[level.value], en=LEVEL_EN[level.value])
