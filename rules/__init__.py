"""tthc.rules — the checks of RULES.md.

    check_paths(paths, registry)   -> (Project, list[Diagnostic])
    check_project(project)         -> list[Diagnostic]
    RULES                          the explicit table of rules (registry.py)

One module per family, each with an explicit `RULES` tuple; a rule only finds (`Finding`),
the runner attaches code name and severity and turns a crash into TT999.
"""

from tthc.rules.base import Finding, ProcedureContext, ProjectContext, Rule
from tthc.rules.check import check_paths, check_project
from tthc.rules.registry import BY_CODE, RULES
from tthc.rules.settings import Settings

__all__ = [
    "BY_CODE",
    "RULES",
    "Finding",
    "ProcedureContext",
    "ProjectContext",
    "Rule",
    "Settings",
    "check_paths",
    "check_project",
]
