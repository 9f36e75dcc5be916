"""The one check pipeline: `CheckRequest` → `CheckResult`, in one process or on all cores, cached.

Input: a `CheckRequest` (paths, configuration, extra registry folders, jobs, cache on or off,
the files changed since a revision) and an optional progress callback. Output: a `CheckResult`
(files, sorted diagnostics, the codes checked). `tthc check` calls `check`; the library's
`check_paths` is `check` in this process without the cache, so the two cannot drift. Whatever
the executor (serial, forked workers, replayed from the cache), a procedure-scope rule sees the
`Registry` and one workflow, and a project-scope rule the registry with every procedure's
summary; `tests/cli/test_check_repository.py` holds all of them equal to `check_project` on the
project loaded whole in memory.

    discover ─> read and hash every file ─> run key ─┬─ hit: replay the stored diagnostics
                                                     └─ miss: ─> the registry files, read here
       ─> every other file on its own, on all cores (or from the cache): parse, resolve
          against the registry, build, procedure-scope rules ─> diagnostics and summaries
       ─> project-scope rules over the summaries ─> configuration, suppressions ─> store

Why this shape: a parsed 20-step file takes ~120 KB in memory, and what the project-scope rules
need of it (`tthc.rules.engine.summary`) is ~1.5 kB encoded, so documents never leave the process that parsed them, and no
process holds them all. The per-file cache is keyed by the file, the registry, the tool and
the configuration: after an edit to one procedure only that file is read again; after an edit
to the registry, every file is.

Why over 400 lines: one check's round (`_Round`) keeps its steps in the order they run, from
the files read to the project-scope rules, so the pipeline above reads top to bottom in one
place; what each step calls lives in its own module (cache, discovery, parallel, summary).
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tthc.compiler import ProcedureModel, resolve_registry
from tthc.compiler.analysis.memo import Memo
from tthc.dsl import CODES, Diagnostic, Limits, Span, ast, parse_path
from tthc.rules.base import ProjectContext, Rule
from tthc.rules.engine.check import distinct_policies, enabled_rules, finish, project_files
from tthc.rules.engine.config import Config
from tthc.rules.engine.config_file import discover_config
from tthc.rules.engine.file_check import FileChecker, FileResult, may_declare_registry, parse_data
from tthc.rules.engine.fingerprints import digest, read_files
from tthc.rules.engine.parallel import available_cores, fork_each, in_worker
from tthc.rules.engine.runner import run_project_rules
from tthc.rules.registry import RULES

# The cache (its key, SQLite, the encoding of entries) and what workers send back are imported
# by a run that uses them: `--no-cache` in one process never does (a cold one-file check).
if TYPE_CHECKING:
    from tthc.rules.engine.cache import Cache
    from tthc.rules.engine.changes import Changes

T = TypeVar("T")

# stage ("hash", "check"), done, total
Progress = Callable[[str, int, int], None]

# Below this many files to check, one process is faster than forking workers (~50 ms to start
# them, and ~0.1 ms per file to decode a worker's result, against ~3 ms to check a file).
PARALLEL_MIN = 40
# Cache entries written together while the files are checked (`Cache.write`): few enough
# transactions (each waits for the disk), and little left to write when the run ends.
WRITE_EVERY = 1000


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str | Path, ...]
    config: Config = field(default_factory=Config)
    registry: tuple[str | Path, ...] = ()  # registry folders beyond the configuration's
    jobs: int = 0  # 0: every core
    use_cache: bool = True
    changes: Changes | None = None  # report only the diagnostics of these files
    cache_root: Path | None = None  # default: the configuration's folder, else the working one
    # Documents whose files the caller wrote and read itself (`tthc import`), by the path
    # discovery gives: checked without parsing them again. With them the cache is not used.
    known: Mapping[str, ast.Document] = field(default_factory=dict)
    # The paths are files as discovery listed them (`project_groups`, as `tthc check` runs):
    # not looked at again (10,000 paths: ~0.08 s of the serial part of the run).
    discovered: bool = False


@dataclass(frozen=True)
class CheckResult:
    files: tuple[str, ...] = ()  # every file of the project, registry included
    diagnostics: tuple[Diagnostic, ...] = ()  # sorted; only those of changed files if asked
    rule_codes: tuple[str, ...] = ()  # the codes checked: reading (TT0xx) and the rules that ran
    reported_files: tuple[str, ...] = ()  # the files reported on: all, or the changed ones
    replayed: bool = False  # the diagnostics come from the cache


def check(request: CheckRequest, progress: Progress | None = None) -> CheckResult:
    """The report on the paths of the request: what `tthc check` prints."""
    config = request.config
    jobs = request.jobs or available_cores()
    files, extra = _project_files(request)
    ordered = list(dict.fromkeys([*extra, *files]))  # the order load_project reads them in
    contents, digests = read_files(ordered, config.limits, _ticks(progress, len(ordered)))
    cache = (
        _open_cache(request.cache_root or config.root or Path.cwd())
        if request.use_cache and not request.known
        else None
    )
    # The tool's fingerprint reads every source file of the checking layers (~10 ms of a cold
    # one-file check): only a cache key needs it.
    key = _run_key(config, ordered, digests) if cache else ""
    stored = _stored_run(cache, key, ordered) if cache else None
    if stored is not None:
        diagnostics, rule_codes = stored
        replayed = True
    else:
        with _collector_for_big_heaps():
            diagnostics = _check_all(
                ordered, contents, digests, config, cache, jobs, progress, request.known
            )
        rule_codes = _codes_checked(ordered, config)
        if cache:
            from tthc.rules.engine.cache import RUNS

            cache.put(RUNS, key, (tuple(ordered), rule_codes, diagnostics))
            cache.save()
        replayed = False
    reported = ordered
    if request.changes is not None:
        changes = request.changes
        diagnostics = [d for d in diagnostics if changes.touches(d.span.path)]
        reported = [f for f in ordered if changes.touches(f)]
    return CheckResult(
        files=tuple(ordered),
        diagnostics=tuple(diagnostics),
        rule_codes=tuple(rule_codes),
        reported_files=tuple(reported),
        replayed=replayed,
    )


def check_paths(
    paths: Sequence[str | Path],
    config: Config | None = None,
    registry: Sequence[str | Path] = (),
) -> tuple[CheckResult, list[Diagnostic]]:
    """`check` on the paths in this process, without the cache: the result and its
    diagnostics. The registry folders of the configuration (and any given here) are always
    part of the project. The configuration is found upward from the paths when not given; an
    unusable one gives its own diagnostics and nothing is checked under settings nobody chose."""
    if config is None:
        found = discover_config(paths)
        if found.value is None:
            return CheckResult(), found.diagnostics
        config = found.value
    request = CheckRequest(tuple(paths), config, tuple(registry), jobs=1, use_cache=False)
    result = check(request)
    return result, list(result.diagnostics)


def _project_files(request: CheckRequest) -> tuple[list[str], list[str]]:
    """`project_files` of the request; discovered paths are taken as they are, and only the
    registry files not among them are added (as `project_files` adds them)."""
    if not request.discovered:
        return project_files(request.paths, request.config, request.registry)
    files = [str(path) for path in request.paths]
    _, wanted = project_files((), request.config, request.registry)
    names = {os.path.basename(f) for f in wanted}
    checked = {Path(f).resolve() for f in files if os.path.basename(f) in names}
    return files, [f for f in wanted if Path(f).resolve() not in checked]


def _ticks(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    return None if progress is None else lambda done: progress("hash", done, total)


# ---- the cache of runs ---------------------------------------------------------------------


def _open_cache(folder: Path) -> Cache:
    from tthc.rules.engine.cache import Cache

    return Cache.at(folder)


def _run_key(config: Config, ordered: Sequence[str], digests: dict[str, str]) -> str:
    from tthc.rules.engine.cache import tool_fingerprint
    from tthc.rules.engine.fingerprints import config_fingerprint, pairs

    return digest("run", tool_fingerprint(), config_fingerprint(config), *pairs(ordered, digests))


def _stored_run(
    cache: Cache, key: str, files: Sequence[str]
) -> tuple[list[Diagnostic], tuple[str, ...]] | None:
    def valid(entry: object) -> tuple[list[Diagnostic], tuple[str, ...]] | None:
        if not (isinstance(entry, tuple) and len(entry) == 3):
            return None
        stored_files, rule_codes, diagnostics = entry
        if not (isinstance(stored_files, tuple) and stored_files == tuple(files)):
            return None
        if not (isinstance(diagnostics, list) and all(map(_valid_diagnostic, diagnostics))):
            return None
        if not (isinstance(rule_codes, tuple) and all(isinstance(c, str) for c in rule_codes)):
            return None
        return list(diagnostics), rule_codes

    from tthc.rules.engine.cache import RUNS

    return cache.get(RUNS, key, valid)


def _valid_diagnostic(value: object) -> bool:
    return isinstance(value, Diagnostic) and value.code in CODES


def _codes_checked(files: Sequence[str], config: Config) -> tuple[str, ...]:
    """The codes some file is checked for: those of reading (TT0xx, always checked) and of
    the rules check_project runs; a JUnit report has one test case per file and code."""
    policies = distinct_policies(files, config)
    rules = {r.code for r in RULES}
    return tuple(
        code
        for code in CODES
        if (code in rules or code.startswith("TT0")) and any(p.enabled(code) for p in policies)
    )


# ---- checking ---------------------------------------------------------------------------


def _check_all(
    files: Sequence[str],
    contents: dict[str, bytes | None],
    digests: dict[str, str],
    config: Config,
    cache: Cache | None,
    jobs: int,
    progress: Progress | None,
    known: Mapping[str, ast.Document],
) -> list[Diagnostic]:
    """The report on every file: registry files read here, every other file checked on its
    own on all cores, the project-scope rules over the summaries. A file found to declare
    part of the registry after all starts a new round with it among the registry files: the
    registry it was checked against was not the project's."""
    rules = enabled_rules(files, config)
    registry_files = {p for p in files if may_declare_registry(contents[p])}
    while True:
        checked = _Round(files, contents, digests, config, rules, cache, jobs, progress, known)
        surprises = checked.run(registry_files)
        if not surprises:
            break
        registry_files |= surprises
    return finish(files, checked.found, rules, config, contents)


class _Round:
    """One pass over the project against the registry of the given files."""

    def __init__(
        self,
        files: Sequence[str],
        contents: dict[str, bytes | None],
        digests: dict[str, str],
        config: Config,
        rules: Sequence[Rule],
        cache: Cache | None,
        jobs: int,
        progress: Progress | None,
        known: Mapping[str, ast.Document],
    ) -> None:
        self.files, self.contents, self.digests, self.known = files, contents, digests, known
        self.config, self.rules, self.jobs, self.progress = config, rules, jobs, progress
        self.cache = cache if cache and cache.usable() else None  # ready before workers fork
        self.found: list[Diagnostic] = []

    def run(self, registry_files: set[str]) -> set[str]:
        """Checks everything; returns the files that turned out to declare registry entries
        (nothing is reported then)."""
        limits, settings = self.config.limits, self.config.settings
        read = {
            p: parse_data(p, self.contents[p], limits) for p in self.files if p in registry_files
        }
        documents = [o.value for o in read.values() if o.value is not None]
        resolved = resolve_registry(documents)
        assert resolved.value is not None  # a registry always resolves, perhaps with problems
        checker = FileChecker(resolved.value, limits, self.rules, settings, Memo(), self.known)
        key = digest("registry", *(f"{p}\0{self.digests[p]}" for p in read))
        results = self._check_files([p for p in self.files if p not in read], checker, key)
        surprises = {path for path, result in results.items() if result.declares_registry}
        if surprises:
            return surprises
        for path, outcome in read.items():
            procedures = outcome.value.procedures if outcome.value is not None else ()
            found, summaries = checker.check_procedures(procedures)
            results[path] = FileResult((*outcome.diagnostics, *found), summaries)
        ordered = [results[p] for p in self.files]
        self.found = [*resolved.diagnostics, *(d for r in ordered for d in r.diagnostics)]
        summaries = tuple(s for r in ordered for s in r.summaries)
        context = ProjectContext(
            resolved.value.with_procedures(summaries),
            settings,
            checker.memo,
            whole=_reread(limits),
        )
        where = self.files[0] if self.files else "<project>"
        self.found.extend(run_project_rules(context, self.rules, where))
        return set()

    def _check_files(
        self, paths: Sequence[str], checker: FileChecker, registry_key: str
    ) -> dict[str, FileResult]:
        """Each file's result: from the cache, or checked here and by forked workers."""
        config = self.config
        codes = ",".join(r.code for r in self.rules)
        keys: dict[str, str] = {}
        present: set[str] = set()
        if self.cache:
            from tthc.rules.engine.cache import FILES, tool_fingerprint
            from tthc.rules.engine.fingerprints import config_fingerprint, digests_after

            common = (tool_fingerprint(), config_fingerprint(config), registry_key, codes)
            key_of = digests_after("file", *common)
            keys = {p: key_of(p, self.digests[p]) for p in paths}
            present = self.cache.stored_keys(FILES)
        results: dict[str, FileResult] = {}
        for path in paths:
            if self.cache and keys[path] in present:
                stored = self.cache.get(FILES, keys[path], FileResult.from_wire)
                if stored is not None:
                    results[path] = stored
        missing = [p for p in paths if p not in results]
        jobs = self.jobs if len(missing) >= PARALLEL_MIN else 1
        chunks = _chunks(missing, jobs)

        def check_chunk(chunk: Sequence[str]) -> list[FileResult] | list[bytes]:
            """A worker sends each file's result encoded (as the cache keeps it)."""
            made = [checker.check(path, self.contents[path]) for path in chunk]
            if not in_worker():
                return made
            from tthc.rules.engine.pickling import dumps

            return [dumps(r.to_wire()) for r in made]

        done = len(results)

        def arrived(number: int, made: list[FileResult] | list[bytes]) -> None:
            nonlocal done
            items: Sequence[FileResult | bytes] = made
            for path, item in zip(chunks[number], items, strict=True):
                if isinstance(item, bytes):  # a worker's
                    result, data = _from_worker(item), item
                else:
                    result, data = item, None
                results[path] = result
                if self.cache and not result.declares_registry:
                    self.cache.put_encoded(FILES, keys[path], data or _encoded(result))
            if self.cache and self.cache.pending() >= WRITE_EVERY:
                self.cache.write()
            done += len(made)
            if self.progress:
                self.progress("check", done, len(paths))

        # Results are filed by path, so each is taken as it comes (`in_order=False`): this
        # process's own, from the far end, are then cached while the worker still works.
        fork_each(check_chunk, chunks, jobs, arrived, share=True, in_order=False)
        return results


def _encoded(result: FileResult) -> bytes:
    from tthc.rules.engine.pickling import dumps

    return dumps(result.to_wire())


def _from_worker(data: bytes) -> FileResult:
    from tthc.rules.engine.pickling import loads

    result = FileResult.from_wire(loads(data))
    if result is None:
        raise AssertionError("a worker sent something that is not a file's result")
    return result


# Files whose procedures `whole` keeps once read: a rule asks for the procedures of one file
# together (TT602 on 1,000 copies of one code in one file read it 1,000 times: 87 s).
_KEPT_FILES = 8


def _reread(limits: Limits) -> Callable[[ProcedureModel], ast.Procedure]:
    """The whole node of a summarised procedure, read again from its file (`whole`), each file
    once while it is among the last few asked for. A file changed since it was checked gives
    the summary back: the comparison is then on less."""
    read: dict[str, dict[Span, ast.Procedure]] = {}

    def whole(summary: ProcedureModel) -> ast.Procedure:
        nodes = read.get(summary.path)
        if nodes is None:
            document = parse_path(summary.path, limits).value
            procedures = document.procedures if document is not None else ()
            nodes = {node.span: node for node in procedures}
            if len(read) >= _KEPT_FILES:
                del read[next(iter(read))]
            read[summary.path] = nodes
        return nodes.get(summary.node.span, summary.node)

    return whole


def _chunks(items: Sequence[T], jobs: int, per_job: int = 8, most: int = 64) -> list[list[T]]:
    """The items in order, cut into chunks of at most `most` items (~0.2 s of work) that
    shrink toward where the processes meet: the workers take chunks from the front and this
    process from the back (`fork_each(share=True)`), so the front chunks are cut for the
    workers and every `jobs`-th for this process from the back, each a share of what is left
    (`per_job` chunks per process). The last chunks, taken as the two ends meet, are a file
    or two: when the list runs out, this process waits only for the chunks a worker holds
    (`parallel.IN_FLIGHT`), not for up to 192 files (~0.4 s idle on a 10,000-file run on two
    cores)."""
    front: list[list[T]] = []
    back: list[list[T]] = []
    start, stop = 0, len(items)
    turn = 0
    while start < stop:
        size = min(most, max(1, math.ceil((stop - start) / (jobs * per_job))))
        turn += 1
        if turn % jobs == 0:  # this process's turn: from the back
            back.append(list(items[stop - size : stop]))
            stop -= size
        else:
            front.append(list(items[start : start + size]))
            start += size
    return [*front, *reversed(back)]


@contextmanager
def _collector_for_big_heaps() -> Iterator[None]:
    """Fewer cyclic garbage collections while the project is built: a parse makes hundreds
    of long-lived objects per file, and the default thresholds scan the growing heap again
    and again (half of a cold run's time on a 1,000-file corpus). Restored afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


__all__ = ["CheckRequest", "CheckResult", "check", "check_paths"]
