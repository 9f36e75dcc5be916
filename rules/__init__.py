"""tthc.rules — the checks of RULES.md.

    check(CheckRequest(paths, config, jobs, use_cache)) -> CheckResult   what `tthc check` runs
    check_paths(paths, config)     -> (CheckResult, list[Diagnostic])  the same, one process,
                                      no cache; config found upward if None
    check_project(project, config) -> list[Diagnostic]   a project already loaded in memory
    load_and_check(paths, config)  -> (Project, list[Diagnostic])  loaded whole, then checked
    discover_config(paths) / load_config(file) -> Outcome[Config]   tthc.toml, [tool.tthc]
    RULES                          the explicit table of rules (registry.py)

One package per family (`authority/`, `delegation/`, `steps/`, `soundness/`, `deadlines/`,
`corpus/`, `duties/`, `suppressions/`), a module per rule named after it,
each package with its explicit `RULES` tuple, joined in `registry.py`; `base.py` is what a rule
sees and returns. Two sub-packages serve the rules without being rules: `engine/` (discovery,
configuration, suppressions, cache, parallel execution) and `report/` (text, JSON, SARIF,
JUnit, GitHub, the rule reference). What a rule asks of a procedure (competence, the flow
graph, the state space, timed paths) is `tthc.compiler.analysis`. A rule only finds
(`Finding`); the runner attaches code, name and severity, shares one `Memo` among the contexts
of a run, and turns a crash into TT999.
"""

from tthc.compiler.analysis.settings import Settings
from tthc.rules.base import Finding, ProcedureContext, ProjectContext, Rule
from tthc.rules.engine.check import check_project, load_and_check
from tthc.rules.engine.config import Config
from tthc.rules.engine.config_file import discover_config, find_config, load_config
from tthc.rules.engine.repository import CheckRequest, CheckResult, check, check_paths
from tthc.rules.registry import BY_CODE, RULES

__all__ = [
    "BY_CODE",
    "RULES",
    "CheckRequest",
    "CheckResult",
    "Config",
    "Finding",
    "ProcedureContext",
    "ProjectContext",
    "Rule",
    "Settings",
    "check",
    "check_paths",
    "check_project",
    "discover_config",
    "find_config",
    "load_and_check",
    "load_config",
]
