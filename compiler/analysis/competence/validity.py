"""Validity on a date: whether an authority exists, an instrument or a link is in force.

Input: the `Registry`, an authority, instrument or link, the date (`None`: no date test) and the
`Settings`. Output: `None` when it holds on that date, else a `Gap`: why not, in both
languages, and whether it held before (`ended`) or not yet. Dates are inclusive; the rules are
in the package docstring (`tthc.compiler.analysis.competence`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tthc.compiler import Registry
from tthc.compiler.analysis.competence.names import day, instrument_name, link_name
from tthc.compiler.analysis.competence.powers import Level, Link
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, ast


@dataclass(frozen=True)
class Gap:
    """Why something is not in force on a date; `ended` when it was in force and is no longer."""

    message: Message
    ended: bool


def _not_yet(name: Message, since: dt.date, body: bool = False) -> Gap:
    d = day(since)
    if body:
        return Gap(
            Message(vi=f"{name.vi} chỉ có từ ngày {d.vi}", en=f"{name.en} exists only from {d.en}"),
            False,
        )
    return Gap(
        Message(
            vi=f"{name.vi} chỉ có hiệu lực từ ngày {d.vi}",
            en=f"{name.en} is in force only from {d.en}",
        ),
        False,
    )


def _ended(name: Message, last: dt.date, body: bool = False) -> Gap:
    d = day(last)
    if body:
        return Gap(
            Message(
                vi=f"{name.vi} đã chấm dứt hoạt động sau ngày {d.vi}",
                en=f"{name.en} ceased to exist after {d.en}",
            ),
            True,
        )
    return Gap(
        Message(
            vi=f"{name.vi} đã hết hiệu lực sau ngày {d.vi}",
            en=f"{name.en} ceased to be in force after {d.en}",
        ),
        True,
    )


def authority_gap(authority: ast.Authority, on: dt.date | None, settings: Settings) -> Gap | None:
    """Why the authority does not exist on the date, or `None` when it does."""
    if on is None:
        return None
    if authority.starts is not None and on < authority.starts:
        return _not_yet(_authority_name(authority), authority.starts, body=True)
    if authority.until is not None and on > authority.until:
        return _ended(_authority_name(authority), authority.until, body=True)
    if authority.level is Level.DISTRICT and on > settings.district_level_ends:
        name, d = _authority_name(authority), day(settings.district_level_ends)
        return Gap(
            Message(
                vi=f"{name.vi} thuộc cấp huyện, đã kết thúc hoạt động sau ngày {d.vi}",
                en=f"{name.en} is at district level, which ended on {d.en}",
            ),
            ended=True,
        )
    return None


def replacements(model: Registry, memo: Memo | None = None) -> dict[str, list[ast.Instrument]]:
    """The instruments that declare `replaces` each instrument (what `Registry.replaced_by` says),
    for every instrument at once; kept in the memo when one is given."""
    if memo is not None:
        return memo.get((replacements,), lambda: replacements(model))
    found: dict[str, list[ast.Instrument]] = {}
    for newer in model.instruments.values():
        for name in newer.replaces:
            replaced = found.setdefault(name.value, [])
            if not replaced or replaced[-1] is not newer:
                replaced.append(newer)
    return found


def _authority_name(authority: ast.Authority) -> Message:
    return Message(vi=authority.title, en=authority.id.value)


def instrument_gap(
    model: Registry, instrument: ast.Instrument, on: dt.date | None, memo: Memo | None = None
) -> Gap | None:
    """Why the instrument is not in force on the date (not yet, expired, replaced), or `None`.
    With a `memo`, what replaces what is looked up once for the model."""
    if on is None:
        return None
    if instrument.in_force is not None and on < instrument.in_force:
        return _not_yet(instrument_name(instrument), instrument.in_force)
    if instrument.until is not None and on > instrument.until:
        return _ended(instrument_name(instrument), instrument.until)
    newers = (
        model.replaced_by(instrument.id.value)
        if memo is None
        else replacements(model, memo).get(instrument.id.value, ())
    )
    for newer in newers:
        if newer.in_force is None or newer.in_force <= on:
            name = instrument_name(instrument)
            by, since = instrument_name(newer), day(newer.in_force) if newer.in_force else None
            return Gap(
                Message(
                    vi=f"{name.vi} đã được thay thế bởi {by.vi}"
                    + (f" từ ngày {since.vi}" if since else ""),
                    en=f"{name.en} is replaced by {by.en}"
                    + (f" since {since.en}" if since else ""),
                ),
                ended=True,
            )
    return None


def link_gap(
    model: Registry, link: Link, on: dt.date | None, memo: Memo | None = None
) -> Gap | None:
    """Why a grant or transfer is not in force on the date, or `None` when it is."""
    if on is None:
        return None
    if isinstance(link, ast.Grant):
        if link.starts is not None and on < link.starts:
            return _not_yet(link_name(link), link.starts)
        if link.until is not None and on > link.until:
            return _ended(link_name(link), link.until)
    elif not link.basis:
        name = link_name(link)
        return Gap(
            Message(
                vi=f"{name.vi} không nêu văn bản chuyển giao nên không có ngày hiệu lực",
                en=f"{name.en} cites no instrument, so it has no date of effect",
            ),
            ended=False,
        )
    gaps = [instrument_gap(model, i, on, memo) for c in link.basis if (i := model.instrument(c))]
    found = [g for g in gaps if g is not None]
    if gaps and len(found) == len(gaps):
        return Gap(found[0].message, ended=all(g.ended for g in found))
    return None
