"""A project: every file under the given paths read, parsed, resolved and built, once.

Input: paths (files or folders) and, optionally, registry paths that are always part of the
project. Output: `Project`, holding the documents, the resolved model, one workflow per
procedure and every diagnostic so far. Files are visited in sorted order so that output is
deterministic whatever the file system returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tthc.compiler.build import build_procedure
from tthc.compiler.model import Model
from tthc.compiler.resolve import resolve
from tthc.compiler.workflow import Workflow
from tthc.dsl import SUFFIXES, Diagnostic, Limits, Outcome, ast, parse_path
from tthc.dsl.reading.limits import DEFAULT_LIMITS

# Reads many files at once: paths in, one outcome per path out, in the same order.
ParseFiles = Callable[[Sequence[str], Limits], Sequence[Outcome[ast.Document]]]


@dataclass
class Project:
    files: list[str] = field(default_factory=list)
    documents: dict[str, ast.Document] = field(default_factory=dict)
    model: Model = field(default_factory=Model)
    workflows: list[Workflow] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def source_files(paths: Iterable[str | Path]) -> list[str]:
    """Procedure files under the paths: `.tthc`, `.yaml`, `.yml`, hidden folders skipped."""
    found: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(str(path))
    return list(dict.fromkeys(found))


def load_project(
    paths: Sequence[str | Path],
    registry: Sequence[str | Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    parse: ParseFiles | None = None,
) -> Project:
    """`parse` reads the files (in their order) when given: `tthc check` passes one that uses
    its cache and all cores; by default each file is read with `parse_path`."""
    project = Project(files=source_files([*registry, *paths]))
    outcomes = (
        parse(project.files, limits) if parse else (parse_path(p, limits) for p in project.files)
    )
    for path, outcome in zip(project.files, outcomes, strict=True):
        project.diagnostics.extend(outcome.diagnostics)
        if outcome.value is not None:
            project.documents[path] = outcome.value
    resolved = resolve(list(project.documents.values()))
    project.diagnostics.extend(resolved.diagnostics)
    if resolved.value is not None:
        project.model = resolved.value
        project.workflows = [build_procedure(p) for p in project.model.procedures]
    return project
