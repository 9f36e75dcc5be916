"""The editable mapping tables and the registry index the importer maps records with.

Input: a folder of three CSV files (the shipped ones are in `tables/` beside this module; a
project passes its own folder to replace any of them) and the project's registry files.
Output: `Tables` (unit names → authorities, task keywords → step kinds, citation strings →
instruments) and `RegistryIndex` (the authority identifiers and instrument numbers already
declared), plus the problems found in the tables (a bad row is reported, not guessed at).

    units.csv      pattern, record_level, authority, title, level, kind, of, one_stop
    kinds.csv      keyword, kind, with
    citations.csv  pattern, instrument

A unit pattern is found anywhere in the unit text, ignoring case; the match that starts first
wins, and among those the longest. `record_level` limits a row to records of that level ("Trung
tâm Phục vụ HCC" is the province centre in a provincial record). `title`, `level`, `kind` and
`of` describe an authority that the registry lacks: the importer declares it. A kind keyword
is searched in the task text in the order of the file: the first row found wins.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tthc.compiler.importer.records import InputProblem
from tthc.dsl import ast, parse_path

DEFAULT_TABLES = Path(__file__).resolve().parent / "tables"
_KINDS = {k.value for k in ast.StepKind}
_LEVELS = {level.value for level in ast.Level}
_AUTHORITY_KINDS = {k.value for k in ast.AuthorityKind}
_NAME = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")


@dataclass(frozen=True)
class UnitRow:
    pattern: str
    record_level: str
    authority: str
    title: str
    level: str
    kind: str
    of: str
    one_stop: bool


@dataclass(frozen=True)
class KindRow:
    keyword: str
    kind: str
    counterpart: str


@dataclass
class Tables:
    units: list[UnitRow] = field(default_factory=list)
    kinds: list[KindRow] = field(default_factory=list)
    citations: list[tuple[str, str]] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    # Answers of `mapping.match_unit` by (text, level): a record set names the same units in
    # record after record. Filled only once the rows are loaded.
    unit_memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class RegistryIndex:
    authorities: set[str] = field(default_factory=set)
    instruments: dict[str, str] = field(default_factory=dict)  # number key → identifier
    identifiers: set[str] = field(default_factory=set)  # instrument identifiers
    kinds: dict[str, str] = field(default_factory=dict)  # authority → its kind, when declared
    names: set[str] = field(default_factory=set)  # every title and alias, `spelling_key`ed


def load_tables(folder: Path | None = None) -> Tables:
    """The tables of `folder`, each file missing there taken from the shipped tables."""
    tables = Tables()
    for name in ("units.csv", "kinds.csv", "citations.csv"):
        path = folder / name if folder and (folder / name).is_file() else DEFAULT_TABLES / name
        for line, row in _rows(path, tables.problems):
            where = f"{path}:{line}"
            if name == "units.csv":
                _unit(where, row, tables)
            elif name == "kinds.csv":
                _kind(where, row, tables)
            elif row.get("pattern") and row.get("instrument"):
                tables.citations.append((row["pattern"].strip(), row["instrument"].strip()))
            else:
                _bad(tables, where, "cần pattern và instrument", "needs pattern and instrument")
    return tables


def number_key(number: str) -> str:
    """`151/2025/NĐ-CP` and `151/2025/nđ-cp` compare equal."""
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def spelling_key(text: str) -> str:
    """One spelling of a name as `Registry.named` compares them: case and spacing aside."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def load_registry(paths: list[Path]) -> RegistryIndex:
    """The identifiers declared in the registry files (folders read recursively)."""
    index = RegistryIndex()
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.tthc")) if path.is_dir() else [path])
    for file in files:
        document = parse_path(str(file)).value
        if document is None:
            continue
        for authority in document.authorities:
            index.authorities.add(authority.id.value)
            if authority.kind is not None:
                index.kinds[authority.id.value] = authority.kind.value
            index.names.update(map(spelling_key, (authority.title, *authority.aliases)))
        for instrument in document.instruments:
            index.instruments[number_key(instrument.number)] = instrument.id.value
            index.identifiers.add(instrument.id.value)
    return index


def _rows(path: Path, problems: list[InputProblem]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [
                (n, {k.strip(): (v or "").strip() for k, v in row.items() if k})
                for n, row in enumerate(csv.DictReader(handle), 2)
            ]
    except (OSError, csv.Error, UnicodeDecodeError) as error:
        problems.append(InputProblem(str(path), f"không đọc được bảng: {error}", str(error)))
        return []


def _unit(where: str, row: dict[str, str], tables: Tables) -> None:
    authority = row.get("authority", "")
    if not row.get("pattern") or not _NAME.match(authority):
        _bad(tables, where, "cần pattern và authority hợp lệ", "needs a pattern and an authority")
        return
    if row.get("record_level", "") not in _LEVELS | {""} or row.get("level", "") not in _LEVELS | {
        ""
    }:
        _bad(tables, where, "cấp không hợp lệ", "unknown level")
        return
    if row.get("kind", "") not in _AUTHORITY_KINDS | {""}:
        _bad(tables, where, "loại cơ quan không hợp lệ", "unknown authority kind")
        return
    tables.units.append(
        UnitRow(
            pattern=row["pattern"],
            record_level=row.get("record_level", ""),
            authority=authority,
            title=row.get("title", ""),
            level=row.get("level", ""),
            kind=row.get("kind", ""),
            of=row.get("of", ""),
            one_stop=row.get("one_stop", "").lower() in ("yes", "true", "1"),
        )
    )


def _kind(where: str, row: dict[str, str], tables: Tables) -> None:
    if not row.get("keyword") or row.get("kind") not in _KINDS:
        _bad(tables, where, "cần keyword và kind hợp lệ", "needs a keyword and a step kind")
        return
    tables.kinds.append(KindRow(row["keyword"].lower(), row["kind"], row.get("with", "")))


def _bad(tables: Tables, where: str, vi: str, en: str) -> None:
    tables.problems.append(InputProblem(where, f"dòng bảng bị bỏ qua: {vi}", f"row skipped: {en}"))
