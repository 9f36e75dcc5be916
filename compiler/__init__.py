"""tthc.compiler — AST + registry → resolved model → workflow graph → artefacts.

resolve(documents)          -> Outcome[Model]   every name bound once (TT004, TT005)
resolve_registry(documents) -> Outcome[Registry] the registry alone
resolve_procedure(registry, procedure) -> Outcome[ProcedureModel]
build(model, code)          -> Workflow | None  the typed graph of one procedure
build_procedure(procedure)  -> Workflow
to_json(workflow) / to_dot(workflow)            exports
bundle(model, diagnostics) -> Outcome[Bundle]   the deployment bundle (none while errors remain)
load_bundle(text)          -> Outcome[Bundle]   a bundle read back, its version checked
"""

from typing import TYPE_CHECKING, Any

from tthc.compiler.build import build, build_procedure
from tthc.compiler.export import graph_data, to_dot, to_json
from tthc.compiler.model import END, START, Model, ProcedureModel, Registry
from tthc.compiler.project import Project, load_project
from tthc.compiler.resolve import resolve, resolve_procedure, resolve_registry
from tthc.compiler.workflow import Arrow, Branch, Join, Workflow

if TYPE_CHECKING:
    from tthc.compiler.deploy import Bundle, BundledProcedure, bundle, load_bundle

_DEPLOY = frozenset({"Bundle", "BundledProcedure", "bundle", "load_bundle"})


def __getattr__(name: str) -> Any:
    """The deployment bundle on first use: `tthc check` never writes one, and the bundle
    brings the working-day calendar (~10 ms of a cold one-file check). It reads the calendar
    of `analysis`, whose modules import `Model` from here: so it comes after them anyway."""
    if name in _DEPLOY:
        from tthc.compiler import deploy

        return getattr(deploy, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "END",
    "START",
    "Arrow",
    "Branch",
    "Bundle",
    "BundledProcedure",
    "Join",
    "Model",
    "ProcedureModel",
    "Project",
    "Registry",
    "Workflow",
    "build",
    "build_procedure",
    "bundle",
    "graph_data",
    "load_bundle",
    "load_project",
    "resolve",
    "resolve_procedure",
    "resolve_registry",
    "to_dot",
    "to_json",
]
