"""The registry's meaning: who may exercise which power, on which date, by which chain of grants.

Input: the resolved `Model` (authorities, instruments, grants, transfers), an authority, a power,
a date and the `Settings`. Output: `competence(...) -> Answer`: competent or not, the chain of
grants from the original holder to the authority, the flaws of that chain (`Flaw`: the unlawful
links that the TT2xx rules report) and an explanation in Vietnamese and English.

The semantics, in one place:
- Powers are dotted strings; a grant of `ho-tich` covers `ho-tich.dang-ky-khai-sinh` (prefix by
  whole segments).
- A chain starts at an original holder: a devolution (phân quyền, by law), a transfer (what
  moved when the district level ended, in force with its instrument), or a grant given by a
  central-level body or by no one named. Any other grant (phân cấp, ủy quyền) holds only while
  its giver itself holds the power on that date.
- Dates are inclusive. An authority exists from `starts` to `until`, and a district-level one
  never after `Settings.district_level_ends`. A grant is in force from `starts` to `until` and
  while at least one instrument it cites is in force. An instrument is in force from `in_force`
  to `until`, and no longer once an instrument that `replaces` it is in force. No date (`on` is
  `None`): no date test.
- An individual heading a collective body (`of`) does not hold the collective's power, nor the
  collective its head's: that confusion is TT107, not competence.
- `grant_flaws` is the lawfulness of one grant, date aside (TT201–TT205); an ủy quyền whose
  term has ended on the date is a dated flaw (TT202). A chain with a flaw makes no one competent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from tthc.compiler import Model
from tthc.dsl import CODES, Message, Span, ast
from tthc.rules.settings import Settings

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
}


def covers(granted: str, wanted: str) -> bool:
    """A grant of `granted` covers `wanted`: equal, or a prefix of it by whole dotted segments."""
    whole, part = granted.split("."), wanted.split(".")
    return part[: len(whole)] == whole


def overlaps(first: str, second: str) -> bool:
    return covers(first, second) or covers(second, first)


def all_links(model: Model) -> list[Link]:
    """Every grant and transfer of the registry, in declaration order."""
    return [*model.grants.values(), *model.transfers.values()]


# --- names and dates in both languages ----------------------------------------------------

MODE_VI = {Mode.DEVOLUTION: "phân quyền", Mode.DECENTRALIZATION: "phân cấp"}
MODE_VI[Mode.AUTHORIZATION] = "ủy quyền"
MODE_EN = {Mode.DEVOLUTION: "devolves", Mode.DECENTRALIZATION: "decentralizes"}
MODE_EN[Mode.AUTHORIZATION] = "authorizes"
KIND_VI = {Kind.LAW: "Luật", Kind.RESOLUTION: "Nghị quyết", Kind.DECREE: "Nghị định"}
KIND_VI |= {Kind.CIRCULAR: "Thông tư", Kind.DECISION: "Quyết định", Kind.DISPATCH: "Công văn"}
KIND_VI |= {Kind.LOCAL_RESOLUTION: "Nghị quyết HĐND", Kind.ACT: "Văn bản"}


def day(on: dt.date) -> Message:
    return Message(vi=on.strftime("%d/%m/%Y"), en=on.isoformat())


def who(model: Model, name: str) -> Message:
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


# --- validity on a date -------------------------------------------------------------------


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
    name = Message(vi=authority.title, en=authority.id.value)
    if authority.starts is not None and on < authority.starts:
        return _not_yet(name, authority.starts, body=True)
    if authority.until is not None and on > authority.until:
        return _ended(name, authority.until, body=True)
    if authority.level is Level.DISTRICT and on > settings.district_level_ends:
        d = day(settings.district_level_ends)
        return Gap(
            Message(
                vi=f"{name.vi} thuộc cấp huyện, đã kết thúc hoạt động sau ngày {d.vi}",
                en=f"{name.en} is at district level, which ended on {d.en}",
            ),
            ended=True,
        )
    return None


def instrument_gap(model: Model, instrument: ast.Instrument, on: dt.date | None) -> Gap | None:
    """Why the instrument is not in force on the date (not yet, expired, replaced), or `None`."""
    if on is None:
        return None
    name = instrument_name(instrument)
    if instrument.in_force is not None and on < instrument.in_force:
        return _not_yet(name, instrument.in_force)
    if instrument.until is not None and on > instrument.until:
        return _ended(name, instrument.until)
    for newer in model.replaced_by(instrument.id.value):
        if newer.in_force is None or newer.in_force <= on:
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


def link_gap(model: Model, link: Link, on: dt.date | None) -> Gap | None:
    """Why a grant or transfer is not in force on the date, or `None` when it is."""
    if on is None:
        return None
    name = link_name(link)
    if isinstance(link, ast.Grant):
        if link.starts is not None and on < link.starts:
            return _not_yet(name, link.starts)
        if link.until is not None and on > link.until:
            return _ended(name, link.until)
    elif not link.basis:
        return Gap(
            Message(
                vi=f"{name.vi} không nêu văn bản chuyển giao nên không có ngày hiệu lực",
                en=f"{name.en} cites no instrument, so it has no date of effect",
            ),
            ended=False,
        )
    gaps = [instrument_gap(model, i, on) for c in link.basis if (i := model.instrument(c))]
    found = [g for g in gaps if g is not None]
    if gaps and len(found) == len(gaps):
        return Gap(found[0].message, ended=all(g.ended for g in found))
    return None


# --- the lawfulness of one grant, date aside ---------------------------------------------


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


def is_root(model: Model, link: Link) -> bool:
    """Whether a link starts a chain: its giver need not hold the power itself."""
    if isinstance(link, ast.Transfer) or link.mode is Mode.DEVOLUTION or link.giver is None:
        return True
    giver = model.authority(link.giver)
    # An unknown giver was reported as TT005; a central body holds its powers by law.
    return giver is None or giver.level is Level.CENTRAL


def holding(model: Model, grant: ast.Grant) -> tuple[str, Link | None]:
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


def is_own(link: Link) -> bool:
    return isinstance(link, ast.Transfer) or link.mode is Mode.DEVOLUTION


def rank(model: Model, link: Link) -> int:
    """The rank of the strongest instrument a link cites (0 when it cites none)."""
    kinds = [i.kind for c in link.basis if (i := model.instrument(c)) is not None]
    return max((INSTRUMENT_RANK[k] for k in kinds), default=0)


def belongs(model: Model, authority: ast.Authority, body: str) -> bool:
    """Whether `body` is above `authority` through its chain of `of`."""
    seen: set[str] = set()
    current: ast.Authority | None = authority
    while current is not None and current.of is not None and current.id.value not in seen:
        seen.add(current.id.value)
        if current.of.value == body:
            return True
        current = model.authority(current.of)
    return False


def grant_flaws(model: Model, grant: ast.Grant, settings: Settings) -> list[Flaw]:
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
    if grant.mode is not Mode.DEVOLUTION and grant.giver is not None and received is not None:
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


def _direction(model: Model, grant: ast.Grant, settings: Settings) -> list[Flaw]:
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


def _stronger(model: Model, grant: ast.Grant) -> Link | None:
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


# --- the answer -----------------------------------------------------------------------------


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
    """Whether an authority holds a power on a date, by which chain, and why (or why not)."""

    competent: bool
    chain: tuple[Link, ...]
    explanation: Message
    reason: Reason
    flaws: tuple[Flaw, ...] = ()
    holders: tuple[str, ...] = ()  # who holds it instead: other holders, the body, the head


def competence(
    model: Model,
    authority: str,
    power: str,
    on: dt.date | None = None,
    settings: Settings | None = None,
) -> Answer:
    """Is `authority` competent for `power` on `on`? The rules are in the module docstring."""
    return _Search(model, power, on, settings or Settings()).answer(authority)


class _Search:
    """One question (a power on a date), answered for each authority at most once."""

    def __init__(self, model: Model, power: str, on: dt.date | None, settings: Settings) -> None:
        self.model, self.power, self.on, self.settings = model, power, on, settings
        self.answers: dict[str, Answer] = {}
        self.visiting: set[str] = set()
        self.flaws: dict[str, list[Flaw]] = {}

    def answer(self, name: str) -> Answer:
        if name in self.answers:
            return self.answers[name]
        if name in self.visiting:  # a cycle (TT207): this path gives nothing
            return Answer(False, (), self._say(name).circular(), Reason.GIVER_NOT_COMPETENT)
        self.visiting.add(name)
        found = self._answer(name)
        self.visiting.discard(name)
        self.answers[name] = found
        return found

    def _say(self, name: str) -> _Words:
        return _Words(self.model, name, self.power, self.on)

    def _answer(self, name: str) -> Answer:
        authority = self.model.authorities.get(name)
        if authority is None:
            return Answer(False, (), self._say(name).unknown(), Reason.UNKNOWN_AUTHORITY)
        gap = authority_gap(authority, self.on, self.settings)
        if gap is not None:
            return Answer(False, (), self._say(name).absent(gap), Reason.AUTHORITY_NOT_VALID)
        links = [k for k in self.model.links_to(name) if covers(k.power.value, self.power)]
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
            if link.id.value not in self.flaws:
                self.flaws[link.id.value] = grant_flaws(self.model, link, self.settings)
            flaws.extend(self.flaws[link.id.value])
        gap = link_gap(self.model, link, self.on)
        if gap and gap.ended and isinstance(link, ast.Grant) and link.mode is Mode.AUTHORIZATION:
            flaws.append(Flaw("TT202", link, link.id.span, "expired", gap=gap))
        upstream: Answer | None = None
        if not is_root(self.model, link) and link.giver is not None:
            upstream = self.answer(link.giver.value)
            flaws.extend(upstream.flaws)
        chain = (*(upstream.chain if upstream else ()), link)
        say = self._say(name)
        if flaws:
            return Answer(False, chain, say.illegal(flaws[0]), Reason.ILLEGAL_LINK, tuple(flaws))
        if gap is not None:
            return Answer(False, chain, say.not_in_force(link, gap), Reason.NOT_IN_FORCE)
        if upstream is not None and not upstream.competent:
            message = say.giver_not_competent(link, upstream.explanation)
            return Answer(False, chain, message, Reason.GIVER_NOT_COMPETENT)
        return Answer(True, chain, say.competent(chain), Reason.COMPETENT)

    def _without_link(self, authority: ast.Authority) -> Answer:
        say, name = self._say(authority.id.value), authority.id.value
        body = authority.of.value if authority.of is not None else None
        if authority.kind is ast.AuthorityKind.PERSON and body and self.answer(body).competent:
            return Answer(False, (), say.head(body), Reason.HEAD_OF_HOLDER, (), (body,))
        if authority.kind is ast.AuthorityKind.COLLECTIVE:
            for member in self.model.members(name):
                person = member.id.value
                if member.kind is ast.AuthorityKind.PERSON and self.answer(person).competent:
                    return Answer(False, (), say.member(person), Reason.MEMBER_HOLDS, (), (person,))
        links = all_links(self.model)
        holders = tuple(
            dict.fromkeys(k.receiver.value for k in links if covers(k.power.value, self.power))
        )
        if holders:
            return Answer(False, (), say.others(holders), Reason.OTHER_HOLDER, (), holders)
        return Answer(False, (), say.nobody(), Reason.NO_GRANT)


class _Words:
    """The explanations of one answer, in both languages."""

    def __init__(self, model: Model, name: str, power: str, on: dt.date | None) -> None:
        self.model, self.power = model, power
        self.name = who(model, name)
        self.date = (
            Message(vi=f" vào ngày {day(on).vi}", en=f" on {day(on).en}")
            if on
            else Message(vi="", en="")
        )

    def _join(self, parts: list[Message], vi: str = "; ", en: str = "; ") -> Message:
        return Message(vi=vi.join(p.vi for p in parts), en=en.join(p.en for p in parts))

    def step(self, link: Link) -> Message:
        """One link in words: `A phân cấp cho B (giao quyền “x”, căn cứ …)`."""
        giver = (
            who(self.model, link.giver.value) if link.giver else Message(vi="Luật", en="the law")
        )
        to = who(self.model, link.receiver.value)
        cited = self._join([citation(c) for c in link.basis], vi=", ", en=", ")
        if isinstance(link, ast.Transfer):
            verb = Message(vi="chuyển giao cho", en="transfers it to")
        else:
            verb = Message(vi=f"{MODE_VI[link.mode]} cho", en=f"{MODE_EN[link.mode]} it to")
        name = link_name(link)
        return Message(
            vi=f"{giver.vi} {verb.vi} {to.vi} ({name.vi}, căn cứ {cited.vi or '—'})",
            en=f"{giver.en} {verb.en} {to.en} ({name.en}, basis {cited.en or '—'})",
        )

    def competent(self, chain: tuple[Link, ...]) -> Message:
        steps = self._join([self.step(link) for link in chain])
        return Message(
            vi=f"{self.name.vi} có thẩm quyền “{self.power}”{self.date.vi}: {steps.vi}",
            en=f"{self.name.en} is competent for '{self.power}'{self.date.en}: {steps.en}",
        )

    def absent(self, gap: Gap) -> Message:
        when = Message(vi=self.date.vi.strip() or "trong thời gian này", en=self.date.en.strip())
        return Message(
            vi=f"{when.vi[0].upper()}{when.vi[1:]}, {self.name.vi} không tồn tại: {gap.message.vi}",
            en=f"{self.name.en} does not exist{self.date.en}: {gap.message.en}",
        )

    def unknown(self) -> Message:
        return Message(
            vi=f"Không có “{self.name.vi}” trong sổ đăng ký",
            en=f"'{self.name.en}' is not in the registry",
        )

    def nobody(self) -> Message:
        return Message(
            vi=f"Sổ đăng ký không giao thẩm quyền “{self.power}” cho chủ thể nào",
            en=f"No grant in the registry gives the power '{self.power}' to anyone",
        )

    def others(self, holders: tuple[str, ...]) -> Message:
        names = self._join([who(self.model, h) for h in holders], vi=", ", en=", ")
        return Message(
            vi=f"{self.name.vi} không được giao thẩm quyền “{self.power}”; "
            f"thẩm quyền này được giao cho {names.vi}",
            en=f"{self.name.en} holds no grant of '{self.power}'; it is granted to {names.en}",
        )

    def head(self, body: str) -> Message:
        of = who(self.model, body)
        return Message(
            vi=f"Thẩm quyền “{self.power}” được giao cho tập thể {of.vi}, "
            f"không phải cho cá nhân {self.name.vi}",
            en=f"The power '{self.power}' is granted to the collective body {of.en}, "
            f"not to the individual {self.name.en}",
        )

    def member(self, person: str) -> Message:
        holder = who(self.model, person)
        return Message(
            vi=f"Thẩm quyền “{self.power}” được giao cho cá nhân {holder.vi}, "
            f"không phải cho tập thể {self.name.vi}",
            en=f"The power '{self.power}' is granted to the individual {holder.en}, "
            f"not to the collective body {self.name.en}",
        )

    def not_in_force(self, link: Link, gap: Gap) -> Message:
        name = link_name(link)
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” theo {name.vi}, "
            f"nhưng{self.date.vi} {gap.message.vi}",
            en=f"{self.name.en} holds '{self.power}' by {name.en}, "
            f"but{self.date.en} {gap.message.en}",
        )

    def giver_not_competent(self, link: Link, why: Message) -> Message:
        giver = who(self.model, link.giver.value if link.giver else "")
        name = link_name(link)
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” từ {giver.vi} ({name.vi}), "
            f"nhưng bên giao không có thẩm quyền đó: {why.vi}",
            en=f"{self.name.en} receives '{self.power}' from {giver.en} ({name.en}), "
            f"but the giver does not hold it: {why.en}",
        )

    def illegal(self, flaw: Flaw) -> Message:
        name, title = link_name(flaw.grant), CODES[flaw.code].title
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” qua {name.vi}, là mắt xích "
            f"không hợp pháp: {title.vi} ({flaw.code})",
            en=f"{self.name.en} holds '{self.power}' through {name.en}, an unlawful link: "
            f"{title.en} ({flaw.code})",
        )

    def circular(self) -> Message:
        return Message(
            vi=f"chuỗi giao quyền “{self.power}” quay lại {self.name.vi}",
            en=f"the chain of '{self.power}' comes back to {self.name.en}",
        )


def citation(cited: ast.Citation) -> Message:
    """A citation as written (`nd-120-2025 art 4`) and as a Vietnamese reader says it."""
    vi = en = cited.instrument.value
    if cited.article:
        vi, en = f"{vi} Điều {cited.article}", f"{en} art {cited.article}"
    if cited.clause:
        vi, en = f"{vi} khoản {cited.clause}", f"{en} clause {cited.clause}"
    return Message(vi=vi, en=en)
