"""The registry's reading records and provision end dates, beside the `.tthc` registry.

Input: a registry folder holding `readings.toml` (what was read, where, when) and
`provisions.toml` (articles that end before their instrument: repealed, or expired early when
a newer rule on the same matter took effect), and a resolved `Model`.
Output: `LegalRecords`, and the answers built on them: whether each end follows from the rule
that superseded it (`timing_problems`); which citations of a procedure are not
in force through the procedure's own window (`citation_gaps`), and which registry entries claim
`verified` without a reading record (`unrecorded_verified`).

The language has no place for these records yet, so they live as TOML data next to the registry
(not YAML, which `tthc check` would read as procedures);
a malformed file is reported as a `RecordProblem`, never raised.

Convention (docs/nguon-va-muc-tin-cay.md): every end date is the last day in force, inclusive.
A text that says "ceases to be in force from D" gives D minus one day.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tthc.compiler.model import Model
from tthc.dsl import ast

COPIES = ("official", "codification", "crawled")


@dataclass(frozen=True)
class Reading:
    """One reading of a text: the registry entry it supports, and where and when it was read."""

    entry: str
    document: str
    articles: str
    read: dt.date
    copy: str
    address: str


KINDS = ("repeal", "early-expiry")


@dataclass(frozen=True)
class Provision:
    """Articles of an instrument (all of it when `articles` is empty) with their last day.

    `kind` says why they end: "repeal", a text that says so; "early-expiry", the clause of the
    2025 decrees by which a provision ends as soon as a newer rule on the same matter takes
    effect. `superseded_by` names that newer rule (required for early expiry); then, by the
    convention, `last_day` is the day before the newer rule's `in_force` (`timing_problems`)."""

    instrument: str
    articles: tuple[str, ...]
    clause: str | None
    last_day: dt.date
    by: str
    confidence: str
    kind: str = "repeal"
    superseded_by: str | None = None

    def covers(self, citation: ast.Citation) -> bool:
        if citation.instrument.value != self.instrument:
            return False
        if not self.articles:
            return True
        if citation.article is None or citation.article not in self.articles:
            return False
        return self.clause is None or citation.clause in (None, self.clause)


@dataclass(frozen=True)
class RecordProblem:
    """A record that could not be read: the file and what is wrong with it."""

    path: str
    message: str


@dataclass(frozen=True)
class LegalRecords:
    readings: tuple[Reading, ...] = ()
    provisions: tuple[Provision, ...] = ()
    problems: tuple[RecordProblem, ...] = ()

    def readings_of(self, entry: str) -> list[Reading]:
        return [r for r in self.readings if r.entry == entry]

    def last_day(self, model: Model, citation: ast.Citation) -> dt.date | None:
        """The last day the cited text is in force: the earliest of the instrument's `until`
        and the end of any provision that covers the citation."""
        days = [p.last_day for p in self.provisions if p.covers(citation)]
        instrument = model.instrument(citation)
        if instrument is not None and instrument.until is not None:
            days.append(instrument.until)
        return min(days, default=None)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def load_records(folder: str | Path) -> LegalRecords:
    """Read `readings.toml` and `provisions.toml` of a registry folder (either may be absent)."""
    folder = Path(folder)
    readings: list[Reading] = []
    provisions: list[Provision] = []
    problems: list[RecordProblem] = []
    for name, key in (("readings.toml", "readings"), ("provisions.toml", "provisions")):
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(RecordProblem(str(path), f"not readable TOML: {error}"))
            continue
        items = data.get(key)
        if not isinstance(items, list):
            problems.append(RecordProblem(str(path), f"expected a list under `{key}`"))
            continue
        for index, item in enumerate(items):
            made = _reading(item) if key == "readings" else _provision(item)
            if made is None:
                problems.append(RecordProblem(str(path), f"{key}[{index}] is incomplete"))
            elif isinstance(made, Reading):
                readings.append(made)
            else:
                provisions.append(made)
    return LegalRecords(tuple(readings), tuple(provisions), tuple(problems))


def _reading(item: object) -> Reading | None:
    if not isinstance(item, dict):
        return None
    read = _date(item.get("read"))
    texts = [item.get(k) for k in ("entry", "document", "articles", "copy", "address")]
    if read is None or not all(isinstance(t, str) and t.strip() for t in texts):
        return None
    entry, document, articles, copy, address = (str(t) for t in texts)
    if copy not in COPIES:
        return None
    return Reading(entry, document, articles, read, copy, address)


def _provision(item: object) -> Provision | None:
    if not isinstance(item, dict):
        return None
    last_day = _date(item.get("last_day"))
    articles = item.get("articles")
    instrument, by, confidence = item.get("instrument"), item.get("by"), item.get("confidence")
    clause = item.get("clause")
    kind, newer = item.get("kind", "repeal"), item.get("superseded_by")
    if kind not in KINDS or (newer is not None and not isinstance(newer, str)):
        return None
    if kind == "early-expiry" and newer is None:
        return None
    if (
        last_day is None
        or not isinstance(articles, list)
        or not all(isinstance(x, str) for x in (instrument, by, confidence))
        or (clause is not None and not isinstance(clause, str))
    ):
        return None
    return Provision(
        str(instrument),
        tuple(str(a) for a in articles),
        clause,
        last_day,
        str(by),
        str(confidence),
        str(kind),
        newer,
    )


def timing_problems(model: Model, records: LegalRecords) -> list[str]:
    """The provisions whose end does not follow from the newer rule that supersedes them:
    that rule is not in the registry, has no `in_force`, or `last_day` is not the day before
    it takes effect (the inclusive-last-day convention). English, for tests and reports."""
    found: list[str] = []
    for provision in records.provisions:
        if provision.superseded_by is None:
            continue
        where = f"{provision.instrument} {','.join(provision.articles) or '(whole)'}"
        newer = model.instruments.get(provision.superseded_by)
        if newer is None or newer.in_force is None:
            found.append(f"{where}: {provision.superseded_by} is not dated in the registry")
            continue
        expected = newer.in_force - dt.timedelta(days=1)
        if provision.last_day != expected:
            found.append(f"{where}: last_day {provision.last_day}, expected {expected}")
    return found


def citations(node: ast.Procedure) -> list[ast.Citation]:
    """Every citation of a procedure: its basis, `moved`, fees and steps."""
    found = list(node.basis)
    if node.moved is not None:
        found += node.moved.basis
    for fee in node.fees:
        found += fee.basis
    for step in node.steps:
        found += step.basis
    return found


@dataclass(frozen=True)
class CitationGap:
    """A citation that does not hold through the procedure's window, and why."""

    citation: ast.Citation
    reason: str


def citation_gaps(model: Model, records: LegalRecords, node: ast.Procedure) -> list[CitationGap]:
    """The citations of `node` that are unknown, not yet in force on its `effective` date, or
    end before its last day (its `until`, or open-ended when it has none)."""
    gaps: list[CitationGap] = []
    for citation in citations(node):
        instrument = model.instrument(citation)
        if instrument is None:
            gaps.append(CitationGap(citation, "not in the registry"))
            continue
        start = node.effective
        if start is not None and instrument.in_force is not None and instrument.in_force > start:
            gaps.append(CitationGap(citation, f"in force only from {instrument.in_force}"))
        last = records.last_day(model, citation)
        if last is None:
            continue
        if start is not None and last < start:
            gaps.append(CitationGap(citation, f"ended on {last}, before {start}"))
        elif node.until is None or node.until > last:
            end = "no end date" if node.until is None else f"runs until {node.until}"
            gaps.append(CitationGap(citation, f"ends on {last} but the procedure has {end}"))
    return gaps


def unrecorded_verified(model: Model, records: LegalRecords) -> list[str]:
    """The registry entries marked `verified` that no reading record supports."""
    entries: list[tuple[str, ast.Confidence | None]] = [
        (i.id.value, i.confidence) for i in model.instruments.values()
    ]
    entries += [(g.id.value, g.confidence) for g in model.grants.values()]
    entries += [(t.id.value, t.confidence) for t in model.transfers.values()]
    return sorted(
        name
        for name, confidence in entries
        if confidence is ast.Confidence.VERIFIED and not records.readings_of(name)
    )
