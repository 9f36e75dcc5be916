"""Checking one file against a resolved registry: the unit of work of a parallel check.

Input: a file's path and bytes, the registry (`tthc.compiler.resolve_registry`), the limits,
the rules, the settings, a memo, and the documents some caller already holds for its files,
spans pointing into them (`tthc import`'s drafts: those are not parsed again). Output: `FileResult`, the file's diagnostics (reading,
resolving its procedures, the procedure-scope rules) and the summary of each of its procedures
(`tthc.rules.engine.summary`): everything the project-scope rules need, small enough to travel from a
worker and to be kept in the cache. The document itself stays where it was parsed and is
dropped once checked.

A file that declares part of the registry cannot be checked this way (the registry would change
under the other files): its result says so (`declares_registry`) and the caller reads it as a
registry file. `may_declare_registry` picks those files out beforehand from their bytes; it
may be wrong either way, which costs time, never a finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tthc.compiler import ProcedureModel, Registry, build_procedure, resolve_procedure
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.versions import applies
from tthc.dsl import Diagnostic, Limits, Outcome, ast, decode_source, parse, parse_path
from tthc.rules.base import Rule
from tthc.rules.engine.runner import run_procedure_rules
from tthc.rules.engine.summary import from_node, summarize

# A line opening a registry declaration: `authority x.y "..." {` in the DSL, a top-level
# `authorities:` key in YAML. A step named `grant` also matches: that file is merely read first.
_REGISTRY_LINE = re.compile(
    rb"^[ \t]*(?:(?:authority|instrument|grant|transfer)[ \t]+[A-Za-z_]"
    rb"|[\"']?(?:authorities|instruments|grants|transfers)[\"']?[ \t]*:)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class FileResult:
    diagnostics: tuple[Diagnostic, ...] = ()
    summaries: tuple[ProcedureModel, ...] = ()
    declares_registry: bool = False  # nothing else was checked: read it as a registry file

    def to_wire(
        self,
    ) -> tuple[tuple[Diagnostic, ...], tuple[ast.Procedure, ...], tuple[str, ...], bool]:
        """The result as `tthc.rules.engine.pickling` encodes it: tthc.dsl values and strings."""
        nodes = tuple(s.node for s in self.summaries)
        return (
            self.diagnostics,
            nodes,
            tuple(s.process for s in self.summaries),
            self.declares_registry,
        )

    @staticmethod
    def from_wire(value: object) -> FileResult | None:
        """A result from `to_wire` (a worker's, a cache entry's); None if it is not one."""
        if not (isinstance(value, tuple) and len(value) == 4):
            return None
        diagnostics, nodes, processes, registry = value
        if not (
            isinstance(diagnostics, tuple)
            and all(isinstance(d, Diagnostic) for d in diagnostics)
            and isinstance(nodes, tuple)
            and all(isinstance(n, ast.Procedure) for n in nodes)
            and isinstance(processes, tuple)
            and len(processes) == len(nodes)
            and all(isinstance(p, str) for p in processes)
            and isinstance(registry, bool)
        ):
            return None
        summaries = tuple(from_node(n, p) for n, p in zip(nodes, processes, strict=True))
        return FileResult(diagnostics, summaries, registry)


_REGISTRY_WORDS = (b"authorit", b"instrument", b"grant", b"transfer")


def may_declare_registry(data: bytes | None) -> bool:
    """Whether the bytes look like they declare registry entries."""
    if data is None or not any(word in data for word in _REGISTRY_WORDS):
        return False  # a plain search first: most files name none of these words
    return _REGISTRY_LINE.search(data) is not None


def declares_registry(document: ast.Document) -> bool:
    return bool(
        document.authorities or document.instruments or document.grants or document.transfers
    )


def parse_data(path: str, data: bytes | None, limits: Limits) -> Outcome[ast.Document]:
    """`parse_path` on bytes already read (None: the file could not be read)."""
    if data is None:
        return parse_path(path, limits)
    read = decode_source(path, data[: limits.max_bytes + 1], limits)
    if read.value is None:
        return Outcome(None, read.diagnostics)
    parsed = parse(read.value, limits)
    return Outcome(parsed.value, [*read.diagnostics, *parsed.diagnostics])


@dataclass(frozen=True)
class FileChecker:
    """What every file of one check is checked against."""

    registry: Registry
    limits: Limits
    rules: Sequence[Rule]
    settings: Settings
    memo: Memo
    # Documents already read by whoever wrote the file, by path, spans pointing into it
    # (`tthc import`'s drafts): not parsed again.
    known: Mapping[str, ast.Document] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A tuple: the runner keeps its plan of the rules for the same tuple, file after file.
        object.__setattr__(self, "rules", tuple(self.rules))

    def check(self, path: str, data: bytes | None) -> FileResult:
        given = self.known.get(path)
        parsed = parse_data(path, data, self.limits) if given is None else Outcome(given, [])
        document = parsed.value
        if document is not None and declares_registry(document):
            return FileResult(declares_registry=True)
        procedures = document.procedures if document is not None else ()
        found, summaries = self.check_procedures(procedures)
        return FileResult((*parsed.diagnostics, *found), summaries)

    def check_procedures(
        self, procedures: Sequence[ast.Procedure]
    ) -> tuple[list[Diagnostic], tuple[ProcedureModel, ...]]:
        """Each procedure resolved against the registry, built and checked on its own; on a
        day asked for (`Settings.on`), the rules see only those in force that day (a name
        that does not resolve is reported whatever the day, as `check_project` does)."""
        found: list[Diagnostic] = []
        summaries: list[ProcedureModel] = []
        on = self.settings.on
        for node in procedures:
            resolved = resolve_procedure(self.registry, node)
            found.extend(resolved.diagnostics)
            if resolved.value is None or (on is not None and not applies(node, on)):
                continue
            workflow = build_procedure(resolved.value)
            found.extend(
                run_procedure_rules(self.registry, workflow, self.rules, self.settings, self.memo)
            )
            summaries.append(summarize(resolved.value))
        return found, tuple(summaries)
