"""The checking entry point: paths → project → diagnostics.

Input: paths to check and the registry paths that are always part of the project. Output: the
loaded `Project` and its sorted diagnostics (reading, resolving and every rule).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tthc.compiler import Project, load_project
from tthc.dsl import Diagnostic
from tthc.rules.runner import run_rules
from tthc.rules.settings import Settings


def check_project(project: Project, settings: Settings | None = None) -> list[Diagnostic]:
    """Every diagnostic of a loaded project, sorted by file, line, column and code."""
    diagnostics = [*project.diagnostics, *run_rules(project, settings=settings)]
    return sorted(diagnostics, key=lambda d: d.sort_key())


def check_paths(
    paths: Sequence[str | Path], registry: Sequence[str | Path] = ()
) -> tuple[Project, list[Diagnostic]]:
    project = load_project(paths, registry)
    return project, check_project(project)
