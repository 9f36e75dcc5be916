"""tthc.rules — the checks of RULES.md.

    check_paths(paths, config)     -> (Project, list[Diagnostic])   config found upward if None
    check_project(project, config) -> list[Diagnostic]
    discover_config(paths) / load_config(file) -> Outcome[Config]   tthc.toml, [tool.tthc]
    RULES                          the explicit table of rules (registry.py)

One package per family (`authority/`, `delegation/`, `steps/`, `soundness/`, `deadlines/`,
`corpus/`, `suppressions/`; `duties.py` is small enough to stay one module), a module per rule,
each package with its explicit `RULES` tuple; shared logic in named packages (`competence/`, the
registry's meaning; `flow/`, the arrows of a workflow). A rule only finds (`Finding`); the runner
attaches code, name and severity, shares one `Memo` among the contexts of a run, and turns a
crash into TT999.
"""

from tthc.rules.base import Finding, ProcedureContext, ProjectContext, Rule
from tthc.rules.check import check_paths, check_project
from tthc.rules.config import Config
from tthc.rules.config_file import discover_config, find_config, load_config
from tthc.rules.registry import BY_CODE, RULES
from tthc.rules.settings import Settings

__all__ = [
    "BY_CODE",
    "RULES",
    "Config",
    "Finding",
    "ProcedureContext",
    "ProjectContext",
    "Rule",
    "Settings",
    "check_paths",
    "check_project",
    "discover_config",
    "find_config",
    "load_config",
]
