"""The stages every check shares: which files, which rules, and the findings made a report.

Input: paths and a `Config`; or a loaded `Project`. Output: the files to read (`project_files`),
the rules some file enables (`enabled_rules`), the report made of what the rules found
(`finish`: the configuration, inline suppressions, TT901/TT902, sorted), and `check_project`,
the diagnostics of a project already loaded in memory (an editor's, a test's), and
`load_and_check`, which loads it first.
`tthc.rules.engine.repository.check` is the pipeline that runs them on paths.

    rules run → select / ignore / severity / per-path → suppressions → TT901, TT902
        → at most so many findings per file and per run (`caps`, TT006 for the rest)
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from tthc.compiler import Project, load_project
from tthc.dsl import Diagnostic
from tthc.dsl.reading.links import link_outside_repository
from tthc.rules.base import Rule
from tthc.rules.engine.caps import cap_findings
from tthc.rules.engine.config import Config, Policy, apply_config
from tthc.rules.engine.config_file import discover_config
from tthc.rules.engine.discovery import procedure_files
from tthc.rules.engine.runner import run_rules, run_suppression_rules
from tthc.rules.engine.suppressions.directives import scan_directives
from tthc.rules.engine.suppressions.effects import suppress
from tthc.rules.registry import RULES


def check_project(project: Project, config: Config | None = None) -> list[Diagnostic]:
    """Every diagnostic of a loaded project, sorted by file, line, column and code."""
    config = config or Config()
    rules = enabled_rules(project.files, config)
    found = [*project.diagnostics, *run_rules(project, rules, config.settings)]
    return finish(project.files, found, rules, config)


def load_and_check(
    paths: Sequence[str | Path],
    config: Config | None = None,
    registry: Sequence[str | Path] = (),
) -> tuple[Project, list[Diagnostic]]:
    """The project loaded whole in this process (`load_project`) and its diagnostics
    (`check_project`), for a caller that needs the model as well as the findings (`tthc
    compile` bundles it). The diagnostics are those of `check` on the same paths
    (`tests/cli/test_check_repository.py` holds them equal). An unusable configuration found
    upward gives its own diagnostics and an empty project."""
    if config is None:
        found = discover_config(paths)
        if found.value is None:
            return Project(), found.diagnostics
        config = found.value
    files, extra = project_files(paths, config, registry)
    project = load_project(files, extra, config.limits)
    return project, check_project(project, config)


def enabled_rules(files: Sequence[str], config: Config) -> list[Rule]:
    """The rules some file enables: a rule that no file enables does not run at all."""
    policies = distinct_policies(files, config)
    return [r for r in RULES if any(p.enabled(r.code) for p in policies)]


def distinct_policies(files: Sequence[str], config: Config) -> list[Policy]:
    """The policies the files are checked under, each once: a policy is the configuration and
    the per-path overrides that match, so files with the same overrides share one (without
    per-path overrides, every file does: 1,000 imported drafts are one policy, not 1,000)."""
    if not config.per_path:  # one policy for every file (10,000 of them: ~25 ms each time)
        return [config.policy("")]
    policies = [config.policy(path) for path in files] or [config.policy("")]
    return list({policy.overrides: policy for policy in policies}.values())


def finish(
    files: Sequence[str],
    found: Sequence[Diagnostic],
    rules: Sequence[Rule],
    config: Config,
    contents: Mapping[str, bytes | None] | None = None,
) -> list[Diagnostic]:
    """What the rules found, made into the report: the configuration applied (select,
    ignore, severities, per-path), inline suppressions honoured, TT901 and TT902 added, and
    everything sorted. `contents`: the files' bytes when already read (else they are read
    here, for their comments)."""
    policies: dict[str, Policy] = {}
    limit = config.limits.max_bytes

    def text(path: str) -> str:
        known = contents or {}
        return _directive_text(known[path] if path in known else _read(path, limit), limit)

    def policy(path: str) -> Policy:
        return policies.get(path) or policies.setdefault(path, config.policy(path))

    kept_by_config = apply_config(found, config)
    directives = [d for path in files for d in scan_directives(path, text(path))]
    kept, context = suppress(kept_by_config, directives, lambda p, code: policy(p).enabled(code))
    kept.extend(apply_config(run_suppression_rules(context, rules), config))
    return cap_findings(sorted(kept, key=lambda d: d.sort_key()), config.limits)


def project_files(
    paths: Sequence[str | Path], config: Config, registry: Sequence[str | Path] = ()
) -> tuple[list[str], list[str]]:
    """The procedure files under the paths (`tthc.rules.engine.discovery`), and the registry files
    of the configuration (and any given here) that are not among them."""
    root = config.root or Path.cwd()
    files = procedure_files(paths, config.exclude, root)
    wanted = procedure_files([*map(_shown, config.registry), *registry], config.exclude, root)
    # A registry inside a checked folder is read once. Only files of the same name can be the
    # same file: the others are not resolved (10,000 of them took most of a second).
    names = {os.path.basename(f) for f in wanted}
    checked = {Path(f).resolve() for f in files if os.path.basename(f) in names}
    # A registry named twice (by the configuration and by the caller, `tthc:national` and its
    # folder) is read once too: the registry files are few, so each is resolved.
    unique = {Path(f).resolve(): f for f in reversed(wanted)}
    extra = [f for f in wanted if unique.get(Path(f).resolve()) == f]
    extra = [f for f in extra if Path(f).resolve() not in checked]
    return files, extra


def _shown(path: Path) -> str:
    """A path as people read it: relative to the working folder when it is below it."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def _read(path: str, max_bytes: int) -> bytes | None:
    """A file's bytes, up to one past the size limit; None when it cannot be read (or is a
    link out of the repository, which is never read)."""
    if link_outside_repository(path) is not None:
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError:
        return None


def _directive_text(data: bytes | None, max_bytes: int) -> str:
    """A file's text for its comments; an unreadable or oversized file was already reported
    (TT008, TT006) and holds no directive that counts."""
    if data is None or len(data) > max_bytes or b"tthc" not in data:
        return ""  # no directive can be there: skip decoding
    return data.decode("utf-8-sig", errors="replace")
