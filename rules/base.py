"""What a rule sees and what it returns: contexts in, `Finding` values out.

Input: the resolved `Model` and each procedure's `Workflow`. Output: `Finding`s. A rule only
finds; the runner (`tthc.rules.engine.runner`) attaches the code's name and configured severity,
applies suppressions and turns a crash into TT999 (STYLE.md principle 7). Every context of one
run shares one `Memo`, where rules keep answers that depend only on the model and the settings.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from tthc.compiler import Model, ProcedureModel, Registry, Workflow
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.versions import law_day
from tthc.dsl import Message, Related, Span, ast
from tthc.dsl.codes import CODES


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: where, what (both languages), what to do, and the witness."""

    span: Span
    message: Message
    help: Message | None = None
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class ProcedureContext:
    """Everything a per-procedure rule may read: the registry and one procedure's workflow.
    A procedure is checked on its own, wherever the others are (a worker process holds only
    its share), so `model` is the `Registry`, which holds no procedure: the same in every
    executor. What needs several procedures is a project-scope rule."""

    model: Registry
    workflow: Workflow
    settings: Settings = field(default_factory=Settings)
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)

    @property
    def procedure(self) -> ProcedureModel:
        return self.workflow.procedure

    @property
    def process_unstated(self) -> bool:
        """The published source gives no internal process (`unstated steps`) and the procedure
        has none: the checks of steps and flow have nothing to judge, and TT607 reports it."""
        node = self.workflow.procedure.node
        return ast.Unstated.STEPS in node.unstated and not node.steps and not node.flow

    @property
    def on(self) -> dt.date | None:
        """The date the law is evaluated on: the day asked for (`Settings.on`, `tthc check
        --on`), else the procedure's effective date."""
        return law_day(self.workflow.procedure.node, self.settings.on)


def _as_given(procedure: ProcedureModel) -> ast.Procedure:
    return procedure.node


@dataclass(frozen=True)
class ProjectContext:
    """Everything a project-scope rule may read: the registry, and every procedure in file
    order as its summary (`tthc.rules.engine.summary`: the header and the deciding steps, not the
    flow), which is all that travels back from the workers of a parallel check.

    `whole` gives the complete node of a procedure, for the rare rule that must compare two in
    full (TT602, on codes that clash): it may cost a re-read of the file, so ask it only for
    the few procedures that need it. By default the node held is taken as whole (a context
    made over a model of complete procedures)."""

    model: Model
    settings: Settings = field(default_factory=Settings)
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)
    whole: Callable[[ProcedureModel], ast.Procedure] = field(
        default=_as_given, compare=False, repr=False
    )


# "suppression": TT901/TT902, which read the comments of the files and what the other rules
# found (`tthc.rules.suppressions.SuppressionContext`); the runner runs them last.
Scope = Literal["procedure", "project", "suppression"]
ProcedureCheck = Callable[[ProcedureContext], Iterator[Finding]]
ProjectCheck = Callable[[ProjectContext], Iterator[Finding]]


def judges_process(check: ProcedureCheck) -> ProcedureCheck:
    """A check of the internal process: a procedure whose source states none
    (`ProcedureContext.process_unstated`) has nothing for it to judge, and TT607 reports that."""

    @functools.wraps(check)
    def judged(context: ProcedureContext) -> Iterator[Finding]:
        if context.process_unstated:
            return iter(())
        return check(context)

    # The runner reads this to ask `process_unstated` once a procedure rather than once a
    # rule, and to call `check` itself (`tthc.rules.engine.runner`).
    judged.judges_process = check  # type: ignore[attr-defined]
    return judged


@dataclass(frozen=True)
class Rule:
    """A check: its stable code, its scope and the function that finds.

    The function's docstring is the rule's documentation: *What it checks*, *Why it matters*
    (with the legal source), *Example* and *Use instead*, the two examples being DSL snippets
    that the tests run.
    """

    code: str
    scope: Scope
    check: Callable[..., Iterator[Finding]]

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""


_SCOPES: dict[str, Scope] = {
    "ProcedureContext": "procedure",
    "ProjectContext": "project",
    "SuppressionContext": "suppression",
}


def rules_of(*checks: Callable[..., Iterator[Finding]]) -> tuple[Rule, ...]:
    """A family's `RULES`, in the order given: each check's code is the one the code table
    (`tthc.dsl.codes`) names as the function is named (`actor_not_competent`: TT101
    `actor-not-competent`), its scope the context it takes. A rule's identity is thus written
    once, in the code table; a function named after no code is a programming error, which
    `tests/rules/test_identity.py` reports with what to add where."""
    by_name = {code.name: code.code for code in CODES.values()}
    rules = []
    for check in checks:
        code = by_name.get(check.__name__.replace("_", "-"))
        context = check.__annotations__.get("context")
        scope = _SCOPES.get(getattr(context, "__name__", str(context)))
        if code is None or scope is None:
            raise LookupError(
                f"{check.__module__}.{check.__name__}: no code of dsl/codes.py has this name, "
                "or its parameter `context` is not a ProcedureContext, ProjectContext or "
                "SuppressionContext"
            )
        rules.append(Rule(code, scope, check))
    return tuple(rules)
