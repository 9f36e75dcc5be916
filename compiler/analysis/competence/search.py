"""The chain search: is an authority competent for a power on a date, and by which chain?

Input: the `Registry`, an authority, a power, a date and the `Settings`. Output: an `Answer`:
competent or not, the chain of links from the original holder, the flaws of that chain
(`tthc.compiler.analysis.competence.flaws`), who holds the power instead, and the explanation in both
languages (`tthc.compiler.analysis.competence.explanation`). One question (a power on a date) is answered
for each authority at most once, cycles included.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, partial

from tthc.compiler import Registry
from tthc.compiler.analysis.competence.explanation import Explanation
from tthc.compiler.analysis.competence.flaws import Flaw, remembered_flaws
from tthc.compiler.analysis.competence.powers import Link, all_links, covers, is_root
from tthc.compiler.analysis.competence.validity import authority_gap, link_gap
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, ast

Mode = ast.GrantMode


class Reason(StrEnum):
    COMPETENT = "competent"
    UNKNOWN_AUTHORITY = "unknown-authority"  # reported as TT005
    AUTHORITY_NOT_VALID = "authority-not-valid"  # does not exist on the date
    NO_GRANT = "no-grant"  # nobody is given this power
    OTHER_HOLDER = "other-holder"  # the power is given, to others
    HEAD_OF_HOLDER = "head-of-holder"  # the collective this person heads holds it (TT107)
    MEMBER_HOLDS = "member-holds"  # an individual of this collective holds it (TT107)
    NOT_IN_FORCE = "not-in-force"  # a grant or its instrument is not in force on the date
    GIVER_NOT_COMPETENT = "giver-not-competent"  # a link's giver holds nothing to give
    ILLEGAL_LINK = "illegal-link"  # a link of the chain is unlawful (see `flaws`)


# When no chain holds, the failing one explained is the closest to holding.
_CLOSEST = [Reason.ILLEGAL_LINK, Reason.NOT_IN_FORCE, Reason.GIVER_NOT_COMPETENT]


@dataclass(frozen=True)
class Answer:
    """Whether an authority holds a power on a date, by which chain, and why (or why not).

    The explanation is worded when first read: a project asks hundreds of questions and shows
    the answers to a few, and wording one takes longer than finding it."""

    competent: bool
    chain: tuple[Link, ...]
    words: Callable[[], Message] = field(compare=False, repr=False)
    reason: Reason = Reason.COMPETENT
    flaws: tuple[Flaw, ...] = ()
    holders: tuple[str, ...] = ()  # who holds it instead: other holders, the body, the head

    @cached_property
    def explanation(self) -> Message:
        return self.words()


def competence(
    model: Registry,
    authority: str,
    power: str,
    on: dt.date | None = None,
    settings: Settings | None = None,
    memo: Memo | None = None,
) -> Answer:
    """Is `authority` competent for `power` on `on`? The rules are in the package docstring.

    With a `memo` (one per model and settings, as `ProcedureContext.memo` is), each question
    and the flaws of each grant are worked out once, however many rules ask."""
    settings = settings or Settings()
    if memo is None:
        return _Search(model, power, on, settings, Memo()).answer(authority)
    shared = memo
    return memo.get(
        (competence, authority, power, on),
        lambda: _dated(model, authority, power, on, settings, shared),
    )


def _dated(
    model: Registry, authority: str, power: str, on: dt.date | None, settings: Settings, memo: Memo
) -> Answer:
    """The answer on `on`, reusing a competent answer found for another date of the same
    validity window (`_window`).

    Why the reuse gives the very answer a search on `on` gives: the search reads the date only
    in tests `on < d` or `on > d` against the registry's dates and the settings' end of the
    district level (`validity`); two dates of one window pass or fail every such test alike,
    so the search takes the same steps and finds the same chain. What else reads the date is
    the wording (`Explanation`), made here again for `on`. A competent answer has no flaws,
    holders or nested wording, so it is rebuilt whole; any other answer (rare, and with
    wording that nests) is searched for on its own date."""
    window = (competence, authority, power, _window(model, settings, memo, on))
    found = memo.get(
        window, lambda: (on, _Search(model, power, on, settings, memo).answer(authority))
    )
    first, answer = found
    if first == on:
        return answer
    if answer.competent:
        words = partial(Explanation(model, authority, power, on).competent, answer.chain)
        return Answer(True, answer.chain, words, Reason.COMPETENT)
    return _Search(model, power, on, settings, memo).answer(authority)


def _window(model: Registry, settings: Settings, memo: Memo, on: dt.date | None) -> int:
    """Which validity window `on` falls in: how many of the registry's cut dates are on or
    before it (-1 for no date). A cut is a date `d` tested as `on < d`, or the day after a
    date tested as `on > d` (`validity`): two dates with as many cuts before them pass the
    same tests."""
    if on is None:
        return -1
    return bisect_right(memo.get((_window,), lambda: _cuts(model, settings)), on)


def _cuts(model: Registry, settings: Settings) -> list[dt.date]:
    day = dt.timedelta(days=1)
    before: set[dt.date | None] = set()
    after: set[dt.date | None] = {settings.district_level_ends}
    for authority in model.authorities.values():
        before.add(authority.starts)
        after.add(authority.until)
    for grant in model.grants.values():
        before.add(grant.starts)
        after.add(grant.until)
    for instrument in model.instruments.values():
        before.add(instrument.in_force)
        after.add(instrument.until)
    cuts = {d for d in before if d is not None}
    cuts.update(d + day for d in after if d is not None and d < dt.date.max)
    return sorted(cuts)


class _Search:
    """One question (a power on a date), answered for each authority at most once."""

    def __init__(
        self, model: Registry, power: str, on: dt.date | None, settings: Settings, memo: Memo
    ) -> None:
        self.model, self.power, self.on, self.settings = model, power, on, settings
        self.memo = memo
        self.answers: dict[str, Answer] = {}
        self.visiting: set[str] = set()

    def answer(self, name: str) -> Answer:
        if name in self.answers:
            return self.answers[name]
        if name in self.visiting:  # a cycle (TT207): this path gives nothing
            return Answer(False, (), self._say(name).circular, Reason.GIVER_NOT_COMPETENT)
        self.visiting.add(name)
        found = self._answer(name)
        self.visiting.discard(name)
        self.answers[name] = found
        return found

    def _say(self, name: str) -> Explanation:
        return Explanation(self.model, name, self.power, self.on)

    def _answer(self, name: str) -> Answer:
        authority = self.model.authorities.get(name)
        if authority is None:
            return Answer(False, (), self._say(name).unknown, Reason.UNKNOWN_AUTHORITY)
        gap = authority_gap(authority, self.on, self.settings)
        if gap is not None:
            words = partial(self._say(name).absent, gap)
            return Answer(False, (), words, Reason.AUTHORITY_NOT_VALID)
        links = self.memo.get(
            (_covering, name, self.power), lambda: _covering(self.model, name, self.power)
        )
        if not links:
            return self._without_link(authority)
        tries = [self._through(name, link) for link in links]
        held = [t for t in tries if t.competent]
        if held:
            return min(held, key=lambda t: len(t.chain))
        return min(tries, key=lambda t: (_CLOSEST.index(t.reason), len(t.chain)))

    def _through(self, name: str, link: Link) -> Answer:
        flaws: list[Flaw] = []
        if isinstance(link, ast.Grant):
            flaws.extend(remembered_flaws(self.model, link, self.settings, self.memo))
        gap = link_gap(self.model, link, self.on, self.memo)
        if gap and gap.ended and isinstance(link, ast.Grant) and link.mode is Mode.AUTHORIZATION:
            flaws.append(Flaw("TT202", link, link.id.span, "expired", gap=gap))
        upstream: Answer | None = None
        if not is_root(self.model, link) and link.giver is not None:
            upstream = self.answer(link.giver.value)
            flaws.extend(upstream.flaws)
        chain = (*(upstream.chain if upstream else ()), link)
        say = self._say(name)
        if flaws:
            return Answer(
                False, chain, partial(say.illegal, flaws[0]), Reason.ILLEGAL_LINK, tuple(flaws)
            )
        if gap is not None:
            return Answer(False, chain, partial(say.not_in_force, link, gap), Reason.NOT_IN_FORCE)
        if upstream is not None and not upstream.competent:
            words = partial(say.giver_not_competent, link, upstream.words)
            return Answer(False, chain, words, Reason.GIVER_NOT_COMPETENT)
        return Answer(True, chain, partial(say.competent, chain), Reason.COMPETENT)

    def _without_link(self, authority: ast.Authority) -> Answer:
        say, name = self._say(authority.id.value), authority.id.value
        body = authority.of.value if authority.of is not None else None
        if authority.kind is ast.AuthorityKind.PERSON and body and self.answer(body).competent:
            return Answer(False, (), partial(say.head, body), Reason.HEAD_OF_HOLDER, (), (body,))
        if authority.kind is ast.AuthorityKind.COLLECTIVE:
            for member in self.model.members(name):
                person = member.id.value
                if member.kind is ast.AuthorityKind.PERSON and self.answer(person).competent:
                    words = partial(say.member, person)
                    return Answer(False, (), words, Reason.MEMBER_HOLDS, (), (person,))
        links = all_links(self.model)
        # Not the authorities whose own answer is being sought (the chain that asks): the
        # registry does not make them competent, and naming them would contradict the answer.
        holders = tuple(
            dict.fromkeys(
                k.receiver.value
                for k in links
                if covers(k.power.value, self.power)
                and k.receiver.value not in self.visiting
                and k.receiver.value != name
            )
        )
        if holders:
            return Answer(False, (), partial(say.others, holders), Reason.OTHER_HOLDER, (), holders)
        return Answer(False, (), say.nobody, Reason.NO_GRANT)


def _covering(model: Registry, authority: str, power: str) -> list[Link]:
    """The links that give `authority` a power covering `power`, whatever the date (asked
    once per project through the memo: the date-dependent part of the search is the rest)."""
    return [k for k in model.links_to(authority) if covers(k.power.value, power)]
