"""Checking a whole repository of procedure files fast: cache, all cores, changed files only.

Input: a `CheckRequest` (paths, configuration, jobs, cache on or off, the files changed since a
revision) and an optional progress callback. Output: a `CheckResult`, whose diagnostics are
exactly those of `tthc.rules.check_paths` on the same paths (filtered to the changed files when
asked), in the same order.

    discover ─> hash every file ─> run key ─┬─ hit: replay the stored diagnostics
                                            └─ miss: parse (cached per file, on all cores)
                                               ─> resolve + build once ─> rules on all cores
                                               ─> configuration, suppressions ─> store

The run key covers the tool, the configuration and the path and content of every file of the
project, so any change anywhere re-checks everything (a registry change can affect every
procedure); the per-file parse cache is what makes that re-check cheaper than a cold run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import gc
import json
import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tthc.compiler import Project, load_project
from tthc.dsl import CODES, Diagnostic, Limits, Outcome, ast, decode_source, parse, parse_path
from tthc.rules.base import Rule
from tthc.rules.cache import Cache, digest, tool_fingerprint
from tthc.rules.changes import Changes
from tthc.rules.check import check_project, project_files
from tthc.rules.config import Config
from tthc.rules.parallel import available_cores, fork_each, in_worker
from tthc.rules.pickling import dumps, loads
from tthc.rules.registry import RULES
from tthc.rules.runner import run_rules
from tthc.rules.settings import Settings

# stage ("hash", "parse", "check"), done, total
Progress = Callable[[str, int, int], None]

# Below these, one process is faster than forking workers. Measured in CPU time (wall time on
# the shared development machine is too noisy): workers add ~1.2 ms per parsed file (encoding
# and decoding the document) and ~0.7 ms per checked procedure (copy-on-write of the heap they
# inherit), plus ~50 ms to start; parsing costs ~2.2 ms a file and the rules ~2.8 ms a
# procedure, so two cores pay from a few hundred files.
PARALLEL_PARSE_MIN = 200  # files to parse
PARALLEL_RULES_MIN = 100  # procedures to check
# Whether this process parses files too while workers parse: ~15% less CPU on 2 cores, but
# the documents it parses keep the parser's per-node field sets, which the decoder of worker
# results shares (pickling.py): ~35% more memory (2,000 files: 540 MB against 400 MB).
PARSE_HERE_TOO = True


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    config: Config = field(default_factory=Config)
    jobs: int = 0  # 0: every core
    use_cache: bool = True
    changes: Changes | None = None  # report only the diagnostics of these files
    cache_root: Path | None = None  # default: the configuration's folder, else the working one


@dataclass(frozen=True)
class CheckResult:
    files: tuple[str, ...]  # every file of the project, registry included
    diagnostics: tuple[Diagnostic, ...]  # sorted; only those of changed files if asked
    rule_codes: tuple[str, ...]  # the codes checked: reading (TT0xx) and the rules that ran
    reported_files: tuple[str, ...]  # the files reported on: all, or the changed ones
    replayed: bool = False  # the diagnostics come from the cache


def check_repository(request: CheckRequest, progress: Progress | None = None) -> CheckResult:
    config = request.config
    jobs = request.jobs or available_cores()
    files, extra = project_files(request.paths, config)
    ordered = list(dict.fromkeys([*extra, *files]))  # the order load_project reads them in
    contents, digests = _fingerprint(ordered, config.limits, progress)
    cache = Cache.at(request.cache_root or config.root or Path.cwd()) if request.use_cache else None
    key = digest("run", tool_fingerprint(), config_fingerprint(config), *_pairs(ordered, digests))
    stored = _stored_run(cache, key, ordered) if cache else None
    if stored is not None:
        diagnostics, rule_codes = stored
        replayed = True
    else:
        with _collector_for_big_heaps():
            parser = _Parser(contents, digests, cache, jobs, progress)
            project = load_project(files, extra, config.limits, parse=parser.parse_files)
            runner = parallel_rules(jobs, progress)
            diagnostics = check_project(project, config, run=runner)
        rule_codes = _codes_checked(ordered, config)
        if cache:
            cache.put("runs", key, (tuple(ordered), rule_codes, diagnostics))
            cache.prune()
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


# ---- keys ---------------------------------------------------------------------------------


def _fingerprint(
    paths: Sequence[str], limits: Limits, progress: Progress | None
) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """Every file's bytes (None when unreadable) and content digest. Past the size limit a
    file is refused (TT006) whatever it holds: only its start and its size are read."""
    contents: dict[str, bytes | None] = {}
    digests: dict[str, str] = {}
    for number, path in enumerate(paths, start=1):
        try:
            with open(path, "rb") as handle:
                data: bytes | None = handle.read(limits.max_bytes + 1)
                size = os.fstat(handle.fileno()).st_size
            digests[path] = digest(data or b"", str(size))
        except OSError as error:
            data = None
            digests[path] = f"unreadable:{error.errno}"
        contents[path] = data
        if progress and number % 500 == 0:
            progress("hash", number, len(paths))
    return contents, digests


def _pairs(paths: Sequence[str], digests: dict[str, str]) -> Iterator[str]:
    for path in paths:
        yield f"{path}\0{digests[path]}"


def config_fingerprint(config: Config) -> str:
    """What of the configuration changes the diagnostics (not `fail-on`, not `lang`)."""
    data = {
        f.name: _plain(getattr(config, f.name))
        for f in dataclasses.fields(config)
        if f.name not in ("fail_on", "lang", "source")
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _plain(value: Any) -> Any:
    """A value as JSON data that is the same in every process (sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path | Decimal | dt.date):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


def parse_key(path: str, content: str, limits: Limits) -> str:
    return digest("parse", tool_fingerprint(), json.dumps(_plain(limits)), path, content)


def _stored_run(
    cache: Cache, key: str, files: Sequence[str]
) -> tuple[list[Diagnostic], tuple[str, ...]] | None:
    entry = cache.get("runs", key)
    try:
        stored_files, rule_codes, diagnostics = entry  # type: ignore[misc]
        if tuple(stored_files) != tuple(files):
            return None
        if not all(isinstance(d, Diagnostic) for d in diagnostics):
            return None
        return list(diagnostics), tuple(str(code) for code in rule_codes)
    except (TypeError, ValueError):
        return None


def _codes_checked(files: Sequence[str], config: Config) -> tuple[str, ...]:
    """The codes some file is checked for: those of reading (TT0xx, always checked) and of
    the rules check_project runs; a JUnit report has one test case per file and code."""
    policies = [config.policy(path) for path in files] or [config.policy("")]
    rules = {r.code for r in RULES}
    return tuple(
        code
        for code in CODES
        if (code in rules or code.startswith("TT0")) and any(p.enabled(code) for p in policies)
    )


# ---- parsing ------------------------------------------------------------------------------


def parse_data(path: str, data: bytes | None, limits: Limits) -> Outcome[ast.Document]:
    """`parse_path` on bytes already read (None: the file could not be read)."""
    if data is None:
        return parse_path(path, limits)
    read = decode_source(path, data[: limits.max_bytes + 1], limits)
    if read.value is None:
        return Outcome(None, read.diagnostics)
    parsed = parse(read.value, limits)
    return Outcome(parsed.value, [*read.diagnostics, *parsed.diagnostics])


class _Parser:
    """The `parse` hook of `load_project`: cached results first, then the rest on all cores."""

    def __init__(
        self,
        contents: dict[str, bytes | None],
        digests: dict[str, str],
        cache: Cache | None,
        jobs: int,
        progress: Progress | None,
    ) -> None:
        self.contents = contents
        self.digests = digests
        self.cache = cache if cache and cache.usable() else None  # ready before workers fork
        self.jobs = jobs
        self.progress = progress

    def parse_files(self, paths: Sequence[str], limits: Limits) -> list[Outcome[ast.Document]]:
        keys = [parse_key(p, self.digests[p], limits) for p in paths]
        outcomes: list[Outcome[ast.Document] | None] = [None] * len(paths)
        missing: list[int] = []
        for index, key in enumerate(keys):
            stored = self.cache.get("parse", key) if self.cache else None
            outcome = _as_outcome(stored)
            if outcome is None:
                missing.append(index)
            outcomes[index] = outcome
        done = len(paths) - len(missing)

        def parse_chunk(chunk: Sequence[int]) -> list[Outcome[ast.Document] | bytes]:
            """Parses and stores; a worker sends its results encoded, this process keeps them."""
            made: list[Outcome[ast.Document] | bytes] = []
            for index in chunk:
                path = paths[index]
                outcome = parse_data(path, self.contents[path], limits)
                value = (outcome.value, outcome.diagnostics)
                data = self.cache.put("parse", keys[index], value) if self.cache else None
                if in_worker():
                    made.append(data if data is not None else dumps(value))
                else:
                    made.append(outcome)
            return made

        # Sharing (PARSE_HERE_TOO): this process parses too, since decoding a worker's result
        # costs it about a third of parsing the file itself.
        jobs = self.jobs if len(missing) >= PARALLEL_PARSE_MIN else 1
        chunks = _chunks(missing, jobs, per_job=8)

        def arrived(number: int, result: list[Outcome[ast.Document] | bytes]) -> None:
            nonlocal done
            for index, made in zip(chunks[number], result, strict=True):
                if self.cache:
                    self.cache.used.add(keys[index])
                outcomes[index] = made if isinstance(made, Outcome) else _as_outcome(loads(made))
            done += len(result)
            if self.progress:
                self.progress("parse", done, len(paths))

        fork_each(parse_chunk, chunks, jobs, arrived, share=PARSE_HERE_TOO)
        self.contents.clear()  # the bytes are not needed once parsed (76 MB for 10,000 files)
        if any(o is None for o in outcomes):
            raise AssertionError("a file was neither parsed nor found in the cache")
        return [o for o in outcomes if o is not None]


def _as_outcome(stored: object) -> Outcome[ast.Document] | None:
    """A stored `(document, diagnostics)` pair as an outcome; None if it is not one."""
    if not isinstance(stored, tuple) or len(stored) != 2:
        return None
    document, diagnostics = stored
    if document is not None and not isinstance(document, ast.Document):
        return None
    if not isinstance(diagnostics, list) or not all(isinstance(d, Diagnostic) for d in diagnostics):
        return None
    return Outcome(document, diagnostics)


def _chunks(items: Sequence[int], jobs: int, per_job: int = 4) -> list[list[int]]:
    """About `per_job` chunks per worker, so that a slow chunk does not leave cores idle."""
    if not items:
        return []
    size = max(1, math.ceil(len(items) / (jobs * per_job))) if jobs > 1 else len(items)
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


# ---- rules --------------------------------------------------------------------------------


def parallel_rules(
    jobs: int, progress: Progress | None = None
) -> Callable[[Project, Sequence[Rule], Settings], list[Diagnostic]]:
    """A rule runner for `check_project` that spreads the work over forked workers: each
    project-scope rule is one task, the procedures are cut into chunks, and this process
    takes tasks too (`jobs` processes in all; it would only wait otherwise). Results are
    joined in the order `run_rules` produces them, so the output is the same as with one
    process."""

    def run(project: Project, rules: Sequence[Rule], settings: Settings) -> list[Diagnostic]:
        workflows = project.workflows
        if jobs <= 1 or len(workflows) < PARALLEL_RULES_MIN:
            return run_rules(project, rules, settings)
        whole = [r for r in rules if r.scope == "project"]
        each = [r for r in rules if r.scope == "procedure"]
        everything = len(workflows)  # a project-scope rule sees every workflow
        tasks: list[tuple[Sequence[Rule], int, int]] = [([r], 0, everything) for r in whole]
        tasks += [(each, c[0], c[-1] + 1) for c in _chunks(range(len(workflows)), jobs, 8)]

        def task(job: tuple[Sequence[Rule], int, int]) -> list[Diagnostic] | bytes:
            chosen, start, end = job
            part = dataclasses.replace(project, workflows=workflows[start:end])
            found = run_rules(part, chosen, settings)
            return dumps(found) if in_worker() else found

        found: list[Diagnostic] = []
        finished = 0

        def arrived(_: int, result: list[Diagnostic] | bytes) -> None:
            nonlocal finished
            found.extend(loads(result) if isinstance(result, bytes) else result)
            finished += 1
            if progress:
                progress("check", finished, len(tasks))

        fork_each(task, tasks, jobs, arrived, share=True)
        return found

    return run


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


__all__ = [
    "CheckRequest",
    "CheckResult",
    "check_repository",
    "config_fingerprint",
    "parallel_rules",
    "parse_data",
    "parse_key",
]
