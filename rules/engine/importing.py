"""Imported drafts checked at once: an `ImportResult` → the drafts written, checked, and each
draft's diagnostics attached to its record's report.

Input: an `ImportResult` (`tthc.compiler.importer`), the output folder, the registry paths the
drafts resolve against, optionally a `Config` (else found upward from the output folder) and
the worker processes (`jobs`: 1 checks in this process, 0 on every core, as `tthc check
--jobs`; the findings are the same whatever the number). Output: every diagnostic of the check, sorted as `check_paths` sorts them; each
`RecordReport.findings` holds the diagnostics of its own draft. The importer itself imports
only `tthc.dsl`; composing it with the checks is this layer's part.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from tthc.compiler.importer import Draft, ImportResult, located, write_result
from tthc.compiler.importer.run import fewer_collections, settle
from tthc.dsl import Diagnostic, ast
from tthc.rules.engine.config import Config
from tthc.rules.engine.config_file import discover_config
from tthc.rules.engine.repository import CheckRequest, check


def check_import(
    result: ImportResult,
    out: Path,
    registry: Sequence[Path] = (),
    config: Config | None = None,
    jobs: int = 1,
) -> list[Diagnostic]:
    write_result(result, out)
    with fewer_collections():
        known = _Located(result, out)
        settle()  # the drafts and their trees, kept until the end, out of the check's collections
        diagnostics = _check(out, registry, config, jobs, known)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.span.path, []).append(diagnostic)
    # A draft's diagnostics name it as discovery does (`str(out / name)`). Any other spelling
    # of a path is resolved, once per file (a system call per folder of the path).
    names = {str(out / draft.name): draft.name for draft in result.drafts}
    by_name: dict[str, list[Diagnostic]] = {}
    folder = out.resolve()
    for path, found in by_path.items():
        name = names.get(path)
        if name is None:
            resolved = Path(path).resolve()
            name = resolved.name if resolved.parent == folder else None
        if name is not None:
            by_name.setdefault(name, []).extend(found)
    for draft in result.drafts:
        draft.report.findings = by_name.get(draft.name, [])
    return diagnostics


class _Located(Mapping[str, ast.Document]):
    """Each draft's AST with the spans of its written file, by the path discovery gives it
    (`located`: the check then parses no draft); a draft the walk cannot place is not here,
    and is parsed. Each is placed when the check asks for it, in the process that checks that
    file: with several jobs, each worker places its own share (the forked workers inherit the
    drafts), and the parent never walks the others'."""

    def __init__(self, result: ImportResult, out: Path) -> None:
        # As discovery names a file: str(Path(folder) / name).
        self._drafts: dict[str, Draft] = {str(out / d.name): d for d in result.drafts}
        self._placed: dict[str, ast.Document | None] = {}

    def __getitem__(self, path: str) -> ast.Document:
        if path in self._placed:
            document = self._placed[path]
        else:
            draft = self._drafts[path]  # KeyError: not a draft
            procedure = draft.procedure
            document = located(procedure, draft.text, path) if procedure else None
            self._placed[path] = document
        if document is None:
            raise KeyError(path)
        return document

    def __iter__(self) -> Iterator[str]:
        return (path for path in self._drafts if path in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)  # places every draft: the check never asks

    def __bool__(self) -> bool:
        """Whether there are drafts, without placing them (`CheckRequest` asks, to leave the
        cache out)."""
        return bool(self._drafts)


def _check(
    out: Path,
    registry: Sequence[Path],
    config: Config | None,
    jobs: int,
    known: Mapping[str, ast.Document],
) -> list[Diagnostic]:
    """`check_paths` on the output folder with the worker processes asked for (no cache: the
    drafts were just written). An unusable configuration gives its own diagnostics and nothing
    is checked under settings nobody chose."""
    if config is None:
        found = discover_config([out])
        if found.value is None:
            return found.diagnostics
        config = found.value
    request = CheckRequest((out,), config, tuple(registry), jobs=jobs, use_cache=False, known=known)
    return list(check(request).diagnostics)
