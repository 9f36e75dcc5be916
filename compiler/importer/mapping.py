"""Field-by-field mapping of a record's texts onto the language, through the tables.

Input: texts of one `Record` (a unit name, a task, a citation, a level, channels, a fee), the
`Tables`, the `RegistryIndex`. Output: the identifier or keyword to write, or None when no rule
or table decides; what the importer could not decide is noted in the `RecordReport` by the
caller (`tthc.compiler.importer.draft`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from tthc.compiler.importer.tables import KindRow, RegistryIndex, Tables, UnitRow, number_key

_POSTAL = re.compile(r"[/;,]?\s*bưu chính[^;/]*", re.I)
_HEAD = re.compile(r"^\s*lãnh đạo\s+", re.I)
_WITH = re.compile(r"\s+phối hợp(?: với)?\s+", re.I)
_NUMBERED = re.compile(r"(\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)")
_DATE = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class UnitMatch:
    row: UnitRow | None  # the responsible unit (the first named), None when no row matches
    others: tuple[UnitRow, ...]  # other authorities the text names (one row each), in order
    head: bool  # "Lãnh đạo X": the head of X, or a deputy acting for it
    postal: bool  # the text names the postal service (a channel, never an actor)
    counterpart: UnitRow | None  # "X phối hợp Y": Y
    counterpart_text: str  # Y as written, when no row matches it


def match_unit(text: str, level: str, tables: Tables) -> UnitMatch:
    known: UnitMatch | None = tables.unit_memo.get((text, level))
    if known is None:
        known = tables.unit_memo[(text, level)] = _match_unit(text, level, tables)
    return known


def _match_unit(text: str, level: str, tables: Tables) -> UnitMatch:
    postal = bool(_POSTAL.search(text))
    cleaned = _POSTAL.sub("", text).strip(" ;,/")
    head = bool(_HEAD.match(cleaned))
    cleaned = _HEAD.sub("", cleaned)
    parts = _WITH.split(cleaned, maxsplit=1)
    found = _matches(parts[0], level, tables)
    counterpart = _matches(parts[1], level, tables) if len(parts) > 1 else []
    first = found[0] if found else None
    seen = {first.authority} if first else set()
    others = []
    for row in found[1:] if first else ():
        if row.authority not in seen:
            seen.add(row.authority)
            others.append(row)
    return UnitMatch(
        row=first,
        others=tuple(others),
        head=head,
        postal=postal,
        counterpart=counterpart[0] if counterpart else None,
        counterpart_text=parts[1].strip() if len(parts) > 1 else "",
    )


def _matches(text: str, level: str, tables: Tables) -> list[UnitRow]:
    """Rows found in the text, by where they start, the longest first at one place; a match
    inside an earlier, longer match does not count."""
    lowered = text.lower()
    hits: list[tuple[int, int, UnitRow]] = []
    for row in tables.units:
        if row.record_level and row.record_level != level:
            continue
        start = lowered.find(row.pattern.lower())
        while start >= 0:
            hits.append((start, -len(row.pattern), row))
            start = lowered.find(row.pattern.lower(), start + 1)
    hits.sort(key=lambda h: (h[0], h[1]))
    chosen: list[UnitRow] = []
    covered = -1
    for start, negative, row in hits:
        if start < covered:
            continue
        chosen.append(row)
        covered = start - negative
    return chosen


def match_kind(task: str, tables: Tables) -> KindRow | None:
    lowered = task.lower()
    return next((row for row in tables.kinds if row.keyword in lowered), None)


@dataclass(frozen=True)
class Citation:
    text: str
    instrument: str | None  # the identifier, known or generated
    number: str  # the official number found in the text, "" if none
    kind: str  # the instrument kind of a generated one ("" when known or unknown)
    signed: dt.date | None


def match_citation(text: str, tables: Tables, registry: RegistryIndex) -> Citation:
    lowered = text.lower()
    for pattern, instrument in tables.citations:
        if pattern.lower() in lowered:
            return Citation(text, instrument, "", "", None)
    found = _NUMBERED.search(text)
    if not found:
        return Citation(text, None, "", "", None)
    number = found.group(1)
    known = registry.instruments.get(number_key(number))
    signed = _signed(text)
    if known:
        return Citation(text, known, number, "", signed)
    kind = instrument_kind(number)
    return Citation(text, generated_id(number, kind) if kind else None, number, kind, signed)


def instrument_kind(number: str) -> str:
    """The kind the official number shows, "" when it shows none."""
    upper = number.upper()
    with_year = bool(re.match(r"^\d+/\d{4}/", upper))
    rules = [
        ("/QH", "law"),
        ("NĐ-CP", "decree"),
        ("/TT-", "circular"),
        ("NQ-HĐND", "local_resolution"),
        ("/NQ-", "resolution" if with_year else "act"),
        ("/QĐ-", "decision" if with_year else "act"),
        ("/CĐ-", "dispatch"),
    ]
    return next((kind for marker, kind in rules if marker in upper), "")


def generated_id(number: str, kind: str) -> str:
    """An identifier in the registry's style: `102/2024/NĐ-CP` → `nd-102-2024`,
    `43/2024/QH15` → `luat-43-2024`, `768/QĐ-TTPVHCC` → `qd-768-ttpvhcc`."""
    parts = number.split("/")
    year = parts[1] if len(parts) == 3 else ""
    words = [_ascii(w) for w in parts[-1].split("-") if _ascii(w)]
    prefix = {"law": "luat", "decree": "nd"}.get(kind, words[0] if words else "vb")
    issuer = [] if kind in ("law", "decree") else words[1:]
    return "-".join(p for p in (prefix, parts[0], year, *issuer) if p)


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in plain if c.isascii() and (c.isalnum() or c == "-"))


def _signed(text: str) -> dt.date | None:
    found = _DATE.search(text)
    if not found:
        return None
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def level_of(text: str) -> str | None:
    lowered = text.lower()
    found = {
        name
        for word, name in (
            ("tỉnh", "province"),
            ("xã", "commune"),
            ("huyện", "district"),
            ("trung ương", "central"),
        )
        if word in lowered
    }
    return found.pop() if len(found) == 1 else None


def channel_of(text: str) -> str | None:
    lowered = text.lower()
    if "bưu chính" in lowered:
        return "postal"
    if "trực tuyến" in lowered or "dịch vụ công" in lowered:
        if "toàn trình" in lowered:
            return "online full"
        return "online partial" if "một phần" in lowered else "online"
    if "trực tiếp" in lowered or "trung tâm phục vụ" in lowered or "một cửa" in lowered:
        return "direct"  # filing at the counter of the centre is the direct channel
    return None


def fee_of(text: str) -> int | None:
    """0 for an exemption, the amount when the text states exactly one, else None."""
    lowered = text.lower().strip(" .")
    if lowered in (
        "miễn phí",
        "không",
        "không thu",
        "không có",
        "miễn lệ phí",
    ) or lowered.startswith(("miễn phí", "thủ tục này không thu")):
        return 0
    amounts = re.findall(r"(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|vnđ|vnd)", lowered)
    if len(amounts) == 1:
        return int(amounts[0].replace(".", ""))
    return None
