"""The versions of a procedure by date: which one applies to a dossier filed on a given day.

Input: a resolved `Model`, a procedure code and a date. Output: the versions of that code in
order of their `effective` date, and the one in force on the date (`version_in_force`), or a
`VersionProblem` saying why none or more than one applies; `picks`, that answer for every code
of a model (what `tthc check --on DATE` checks); `applies` and `law_day`, which a check run on
a date (`Settings.on`) asks of each procedure.

A version applies from its `effective` date (open at the start when it has none) to its `until`
date, both inclusive. The date to give is the day the dossier was received: a dossier filed
before a change keeps the version of its filing day, as the transitional clauses say (e.g.
Decree 217/2026/NĐ-CP Art. 76).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tthc.compiler.model import Model, ProcedureModel
from tthc.dsl import ast


@dataclass(frozen=True)
class VersionProblem:
    """Why no single version applies on a date (English; the CLI words it in both languages)."""

    code: str
    on: dt.date
    message: str


def applies(node: ast.Procedure, on: dt.date) -> bool:
    """Whether the procedure's window (`effective`..`until`, both inclusive) holds the day."""
    starts_ok = node.effective is None or node.effective <= on
    return starts_ok and (node.until is None or on <= node.until)


def law_day(node: ast.Procedure, on: dt.date | None) -> dt.date | None:
    """The day whose law a procedure is checked against: the day asked for, else its own
    `effective` date (None when it has neither: not judged by date)."""
    return on if on is not None else node.effective


def versions(model: Model, code: str) -> list[ProcedureModel]:
    """The procedures with this code, earliest `effective` first (none given counts earliest)."""
    found = [p for p in model.procedures if p.code == code]
    return sorted(found, key=lambda p: p.node.effective or dt.date.min)


def version_in_force(model: Model, code: str, on: dt.date) -> ProcedureModel | VersionProblem:
    """The one version of `code` in force on `on`, or why there is none or several."""
    every = versions(model, code)
    if not every:
        return VersionProblem(code, on, f"no procedure has the code {code}")
    applying = [p for p in every if applies(p.node, on)]
    if len(applying) == 1:
        return applying[0]
    if not applying:
        return VersionProblem(code, on, f"no version of {code} is in force on {on.isoformat()}")
    paths = ", ".join(p.path for p in applying)
    return VersionProblem(code, on, f"{len(applying)} versions of {code} overlap on {on}: {paths}")


def picks(model: Model, on: dt.date) -> list[tuple[str, ProcedureModel | VersionProblem]]:
    """For each code of the model (first seen first), its version in force on the day."""
    codes = dict.fromkeys(p.code for p in model.procedures)
    return [(code, version_in_force(model, code, on)) for code in codes]
