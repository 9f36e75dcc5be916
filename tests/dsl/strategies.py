"""Hypothesis strategies for valid `ast.Document`s: every node kind, Vietnamese text with
diacritics, quotes, backslashes and `#` in strings, text YAML would retype (`yes`, `1.001193`,
dates), decimals, dates, parallel endpoints and flow qualifiers.

"Valid" means what a front end can produce: identifiers that are not keywords, non-negative
whole numbers, decimals in their shortest form, text in NFC without line breaks. Tests load
this module with `load_strategies()` (tests are not a package):

    strategies = load_strategies()
    @given(strategies.documents())
"""

from __future__ import annotations

import re
import string
import unicodedata
from decimal import Decimal

from hypothesis import strategies as st

from tthc.dsl import Span, ast
from tthc.dsl.printer.values import decimal
from tthc.dsl.reading.grammar import grammar_text

SPAN = Span.point("<generated>")

# Every word of the grammar: an identifier equal to one would be read as the keyword where
# both may follow (a step named `by` after a step's attributes).
KEYWORDS = frozenset(
    [*re.findall(r'"([a-z_]+)"', grammar_text()), "notifies", "applicant", "clock", "paused"]
)

LOWER = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
ALPHABET = (
    LOWER + LOWER.upper() + string.ascii_letters + string.digits + " \"\\#:,-[]{}'&*!|>%@`?.~/()"
)
# Strings YAML would read as something else, or that need quoting for another reason.
TRICKY = [
    "yes", "no", "No", "on", "off", "true", "null", "~", "", " ", "1.001193", "2025-07-01",
    "0o17", "0x1F", "1e3", ".inf", "- a", "a: b", "a #b", "#a", "key:", "=", "<<", "\\", '"',
    "'", 'a "b" c', "a\\b", "Hộ tịch", "Chủ tịch Ủy ban nhân dân cấp xã", "Từ chối, nêu rõ lý do",
]  # fmt: skip


def texts(max_size: int = 24) -> st.SearchStrategy[str]:
    generated = st.text(alphabet=ALPHABET, max_size=max_size)
    return st.one_of(generated, st.sampled_from(TRICKY)).map(
        lambda text: unicodedata.normalize("NFC", text)
    )


# A segment of an identifier: [a-z][a-z0-9_]*(-[a-z0-9_]+)*, built from parts (faster than
# `from_regex`, which makes the suite slow).
_TAIL = string.ascii_lowercase + string.digits + "_"
_SEGMENT = st.builds(
    lambda head, body, parts: head + body + "".join("-" + part for part in parts),
    st.sampled_from(string.ascii_lowercase),
    st.text(_TAIL, max_size=6),
    st.lists(st.text(_TAIL, min_size=1, max_size=3), max_size=2),
)
identifiers = (
    st.lists(_SEGMENT, min_size=1, max_size=3)
    .map(".".join)
    .filter(lambda name: name not in KEYWORDS)
)


def names() -> st.SearchStrategy[ast.Name]:
    return identifiers.map(lambda value: ast.Name(span=SPAN, value=value))


def text_nodes() -> st.SearchStrategy[ast.Text]:
    return texts().map(lambda value: ast.Text(span=SPAN, value=value))


def small(strategy: st.SearchStrategy[object], max_size: int = 3) -> st.SearchStrategy[tuple]:  # type: ignore[type-arg]
    return st.lists(strategy, max_size=max_size).map(tuple)


def optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


amounts = st.one_of(
    st.integers(0, 400).map(Decimal),
    st.decimals(min_value=0, max_value=400, places=2, allow_nan=False, allow_infinity=False),
).map(lambda value: Decimal(decimal(value)))
articles = st.from_regex(r"[1-9][0-9]{0,2}[a-zđ]?", fullmatch=True)
counts = st.integers(0, 10_000)


@st.composite
def citations(draw: st.DrawFn) -> ast.Citation:
    article = draw(optional(articles))
    clause = draw(optional(articles)) if article is not None else None
    return ast.Citation(span=SPAN, instrument=draw(names()), article=article, clause=clause)


def durations() -> st.SearchStrategy[ast.Duration]:
    return st.builds(
        ast.Duration, span=st.just(SPAN), amount=amounts, unit=st.sampled_from(ast.DurationUnit)
    )


def deadlines() -> st.SearchStrategy[ast.Deadline]:
    immediate = st.just(ast.Deadline(span=SPAN, immediate=True))
    timed = st.builds(
        ast.Deadline,
        span=st.just(SPAN),
        duration=durations(),
        condition=optional(texts()),
        extension=st.booleans(),
        through=small(names(), 2),
        via=small(names(), 2),
        avoiding=small(names(), 2),
    )
    return immediate | timed


def channels() -> st.SearchStrategy[ast.Channel]:
    return st.builds(
        ast.Channel,
        span=st.just(SPAN),
        kind=st.sampled_from(ast.ChannelKind),
        online=optional(st.sampled_from(ast.OnlineLevel)),
    )


def fees() -> st.SearchStrategy[ast.Fee]:
    return st.builds(
        ast.Fee, span=st.just(SPAN), amount=counts, description=texts(), basis=small(citations(), 2)
    )


def components() -> st.SearchStrategy[ast.Component]:
    return st.builds(
        ast.Component,
        span=st.just(SPAN),
        id=names(),
        title=texts(),
        form=optional(texts()),
        copies=st.integers(0, 20),
        required=st.booleans(),
        personal=st.booleans(),
    )


def steps() -> st.SearchStrategy[ast.Step]:
    return st.builds(
        ast.Step,
        span=st.just(SPAN),
        id=names(),
        kind=st.sampled_from(ast.StepKind),
        title=texts(),
        actor=optional(names()),
        duration=optional(durations()),
        reads=small(names()),
        signs=optional(st.sampled_from(ast.SignatureKind)),
        notifies=st.booleans(),
        counterpart=optional(names()),
        basis=small(citations(), 2),
    )


@st.composite
def endpoints(draw: st.DrawFn) -> ast.Endpoint:
    if draw(st.booleans()):
        return ast.Endpoint(span=SPAN, steps=(draw(names()),))
    return ast.Endpoint(
        span=SPAN, steps=draw(st.lists(names(), min_size=1, max_size=3).map(tuple)), parallel=True
    )


@st.composite
def flow_lines(draw: st.DrawFn) -> ast.FlowLine:
    path = tuple(draw(st.lists(endpoints(), min_size=2, max_size=4)))
    qualifier = draw(st.sampled_from(["", "when", "otherwise"]))
    when = draw(names()) if qualifier == "when" else None
    return ast.FlowLine(
        span=SPAN,
        path=path,
        when=when,
        otherwise=qualifier == "otherwise",
        paused=draw(st.booleans()),
    )


def moved() -> st.SearchStrategy[ast.Moved]:
    return st.builds(
        ast.Moved,
        span=st.just(SPAN),
        level=st.sampled_from(ast.Level),
        basis=small(citations(), 2),
        deadline=optional(durations()),
    )


def procedures() -> st.SearchStrategy[ast.Procedure]:
    return st.builds(
        ast.Procedure,
        span=st.just(SPAN),
        code=text_nodes(),
        name=texts(),
        field=optional(texts()),
        level=optional(st.sampled_from(ast.Level)),
        effective=optional(st.dates()),
        until=optional(st.dates()),
        power=optional(text_nodes()),
        moved=optional(moved()),
        basis=small(citations()),
        applicants=small(texts()),
        channels=small(channels()),
        anywhere=optional(st.booleans()),
        deadlines=small(deadlines()),
        day_rule=optional(st.sampled_from(ast.DayRule)),
        results=small(texts()),
        fees=small(fees(), 2),
        links=small(text_nodes(), 2),
        two_persons=st.booleans(),
        unstated=st.lists(st.sampled_from(ast.Unstated), max_size=3, unique=True).map(tuple),
        dossier=small(components()),
        steps=small(steps(), 4),
        flow=small(flow_lines(), 4),
    )


def authorities() -> st.SearchStrategy[ast.Authority]:
    return st.builds(
        ast.Authority,
        span=st.just(SPAN),
        id=names(),
        title=texts(),
        level=optional(st.sampled_from(ast.Level)),
        kind=optional(st.sampled_from(ast.AuthorityKind)),
        of=optional(names()),
        one_stop=st.booleans(),
        staff=optional(counts),
        starts=optional(st.dates()),
        until=optional(st.dates()),
    )


def instruments() -> st.SearchStrategy[ast.Instrument]:
    return st.builds(
        ast.Instrument,
        span=st.just(SPAN),
        id=names(),
        kind=st.sampled_from(ast.InstrumentKind),
        number=texts(),
        title=optional(texts()),
        issuer=optional(texts()),
        signed=optional(st.dates()),
        in_force=optional(st.dates()),
        until=optional(st.dates()),
        replaces=small(names(), 2),
        confidence=st.sampled_from(ast.Confidence),
        source=optional(texts()),
    )


def grants() -> st.SearchStrategy[ast.Grant]:
    return st.builds(
        ast.Grant,
        span=st.just(SPAN),
        id=names(),
        power=text_nodes(),
        giver=optional(names()),
        mode=st.sampled_from(ast.GrantMode),
        basis=small(citations(), 2),
        starts=optional(st.dates()),
        until=optional(st.dates()),
        conditions=optional(texts()),
        resources=optional(texts()),
        confidence=st.sampled_from(ast.Confidence),
        receiver=names(),
    )


def transfers() -> st.SearchStrategy[ast.Transfer]:
    return st.builds(
        ast.Transfer,
        span=st.just(SPAN),
        id=names(),
        power=text_nodes(),
        basis=small(citations(), 2),
        confidence=st.sampled_from(ast.Confidence),
        giver=names(),
        receiver=names(),
    )


def documents() -> st.SearchStrategy[ast.Document]:
    return st.builds(
        ast.Document,
        span=st.just(SPAN),
        authorities=small(authorities(), 2),
        instruments=small(instruments(), 2),
        grants=small(grants(), 2),
        transfers=small(transfers(), 2),
        procedures=small(procedures(), 2),
    )
