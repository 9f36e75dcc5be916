"""The procedures of a file or a folder, with the registry they cite, read for an output.

Input: paths (files or folders) and optional registry paths. Output: `Loaded`: the `Project`
(`tthc.compiler.load_project`) and the diagnostics that stop an output (unreadable or
unparsable files, names that do not resolve to anything). The registry is found the way
`tthc check` finds it (the `registry` folders of the governing tthc.toml), else in the nearest
folder above the first path that holds a `registry/` folder or a `registry.tthc` /
`registry.yaml` file: `procedures/ho-tich/x.tthc` finds `procedures/registry/`,
`examples/x.tthc` finds `examples/registry.tthc`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tthc.compiler import Project, Workflow, load_project
from tthc.dsl import Diagnostic, Severity

# The codes after which an output cannot be trusted: the file could not be read or parsed.
STOPPING = frozenset({"TT001", "TT002", "TT003", "TT006", "TT008"})
_REGISTRY_NAMES = ("registry", "registry.tthc", "registry.yaml", "registry.yml")


@dataclass(frozen=True)
class Loaded:
    project: Project
    problems: tuple[Diagnostic, ...]  # what stops an output: the files that could not be read

    @property
    def workflows(self) -> list[Workflow]:
        return self.project.workflows


def find_registry(path: str | Path) -> list[Path]:
    """The registry beside or above `path`, as described in the module docstring."""
    start = Path(path).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *folder.parents][:4]:
        found = [candidate / name for name in _REGISTRY_NAMES if (candidate / name).exists()]
        if found:
            return found
    return []


def load(paths: Sequence[str | Path], registry: Sequence[str | Path] = ()) -> Loaded:
    from tthc.rules.engine.config_file import discover_config

    extra: list[str | Path] = list(registry)
    if not extra:
        config = discover_config(paths).value
        extra.extend(config.registry if config is not None else ())
    if not extra and paths:
        extra.extend(find_registry(paths[0]))
    inside = {Path(p).resolve() for p in paths}
    extra = [r for r in extra if not any(Path(r).resolve().is_relative_to(i) for i in inside)]
    project = load_project(list(paths), extra)
    problems = tuple(
        d for d in project.diagnostics if d.severity is Severity.ERROR and d.code in STOPPING
    )
    return Loaded(project, problems)
