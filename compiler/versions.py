"""The versions of a procedure by date: which one applies to a dossier filed on a given day.

Input: a resolved `Model`, a procedure code and a date. Output: the versions of that code in
order of their `effective` date, and the one in force on the date (`version_in_force`), or a
`VersionProblem` saying why none or more than one applies.

A version applies from its `effective` date (open at the start when it has none) to its `until`
date, both inclusive. The date to give is the day the dossier was received: a dossier filed
before a change keeps the version of its filing day, as the transitional clauses say (e.g.
Decree 217/2026/NĐ-CP Art. 76).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tthc.compiler.model import Model, ProcedureModel


@dataclass(frozen=True)
class VersionProblem:
    """Why no single version applies on a date (English; the CLI words it in both languages)."""

    code: str
    on: dt.date
    message: str


def _applies(procedure: ProcedureModel, on: dt.date) -> bool:
    node = procedure.node
    starts_ok = node.effective is None or node.effective <= on
    return starts_ok and (node.until is None or on <= node.until)


def versions(model: Model, code: str) -> list[ProcedureModel]:
    """The procedures with this code, earliest `effective` first (none given counts earliest)."""
    found = [p for p in model.procedures if p.code == code]
    return sorted(found, key=lambda p: p.node.effective or dt.date.min)


def version_in_force(model: Model, code: str, on: dt.date) -> ProcedureModel | VersionProblem:
    """The one version of `code` in force on `on`, or why there is none or several."""
    every = versions(model, code)
    if not every:
        return VersionProblem(code, on, f"no procedure has the code {code}")
    applying = [p for p in every if _applies(p, on)]
    if len(applying) == 1:
        return applying[0]
    if not applying:
        return VersionProblem(code, on, f"no version of {code} is in force on {on.isoformat()}")
    paths = ", ".join(p.path for p in applying)
    return VersionProblem(code, on, f"{len(applying)} versions of {code} overlap on {on}: {paths}")
