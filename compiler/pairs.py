"""Before/after pairs of the corpus: does `migrate` on the district file give the hand-written
commune file, up to the decisions it left to the drafter and the differences explained?

Input: a TOML table of pairs (`[[pairs]]` with `before`, `after` and `[[pairs.explained]]`
entries `aspect`, `item`, `reason`), the folder it sits in, and the resolved model and records
of the corpus. Output: per pair, the migration, the changes from the draft to the hand-written
file, and those neither pending in the migration nor explained (`PairResult.unexplained`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tthc.compiler.diff import Change, diff_procedures
from tthc.compiler.legal_records import LegalRecords
from tthc.compiler.migrate import Migration, migrate
from tthc.compiler.model import Model
from tthc.dsl import ast


@dataclass(frozen=True)
class Explanation:
    aspect: str
    item: str  # a step or component id, "" for the procedure, "*" for every item
    reason: str


@dataclass(frozen=True)
class Pair:
    before: str
    after: str
    explained: tuple[Explanation, ...]


@dataclass(frozen=True)
class PairResult:
    pair: Pair
    migration: Migration | None
    changes: tuple[Change, ...]
    unexplained: tuple[Change, ...]
    problem: str | None = None


def load_pairs(path: str | Path) -> list[Pair]:
    """The pairs of the table, paths relative to its folder; an entry without `before` or
    `after` is skipped (the test of the table counts them)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    pairs: list[Pair] = []
    for entry in data.get("pairs", []):
        if not isinstance(entry, dict) or "before" not in entry or "after" not in entry:
            continue
        explained = tuple(
            Explanation(str(e["aspect"]), str(e.get("item", "")), str(e["reason"]))
            for e in entry.get("explained", [])
            if isinstance(e, dict) and "aspect" in e and "reason" in e
        )
        pairs.append(Pair(str(entry["before"]), str(entry["after"]), explained))
    return pairs


def _pending(migration: Migration, change: Change) -> bool:
    """A change the migration already left to the drafter (same aspect and item; a `basis`
    decision on a step covers that step's `step.basis`)."""
    for decision in migration.pending():
        aspect = decision.aspect
        if aspect == "basis" and decision.item:
            aspect = "step.basis"
        if aspect == change.aspect and decision.item in ("", change.item):
            return True
    return False


def _explained(pair: Pair, change: Change) -> bool:
    return any(e.aspect == change.aspect and e.item in ("*", change.item) for e in pair.explained)


def check_pair(pair: Pair, folder: Path, model: Model, records: LegalRecords) -> PairResult:
    """Migrate the before file, diff the draft against the after file."""
    before = _procedure(model, folder / pair.before)
    after = _procedure(model, folder / pair.after)
    if before is None or after is None:
        missing = pair.before if before is None else pair.after
        return PairResult(pair, None, (), (), f"no procedure in {missing}")
    migration = migrate(before, model, records)
    if migration.procedure is None:
        return PairResult(pair, migration, (), ())
    changes = tuple(diff_procedures(migration.procedure, after))
    unexplained = tuple(
        c for c in changes if not _pending(migration, c) and not _explained(pair, c)
    )
    return PairResult(pair, migration, changes, unexplained)


def _procedure(model: Model, path: Path) -> ast.Procedure | None:
    wanted = path.resolve()
    found = [p.node for p in model.procedures if Path(p.path).resolve() == wanted]
    return found[0] if found else None
