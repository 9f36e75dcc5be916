"""Running the checks over a project: `Project` → sorted `list[Diagnostic]`.

Input: a loaded project (files parsed, names resolved, workflows built) and the settings.
Output: every diagnostic: those of reading and resolving, then those of the rules. A rule
only finds; here each finding gets its code's stable name and severity. A rule that raises
becomes one TT999 on the procedure (or project) it was checking, and the other rules still run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from tthc.compiler import Project, Registry, Workflow
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.versions import applies
from tthc.dsl import Diagnostic, Message, Span, make_diagnostic
from tthc.rules.base import Finding, ProcedureCheck, ProcedureContext, ProjectContext, Rule
from tthc.rules.engine.summary import summarize
from tthc.rules.registry import RULES
from tthc.rules.suppression_context import SuppressionContext


def run_rules(
    project: Project,
    rules: Sequence[Rule] = RULES,
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """The findings of the rules on a project, as diagnostics with default severities: the
    procedure-scope rules on each procedure alone, then the project-scope rules over the
    summaries (`tthc.rules.engine.summary`) — the same split a parallel check makes across processes,
    so both give the same findings. The contexts share one memo, so an answer two rules need
    is worked out once."""
    settings = settings or Settings()
    memo = Memo()
    registry = project.model.registry
    found: list[Diagnostic] = []
    on = settings.on
    workflows = [w for w in project.workflows if on is None or applies(w.procedure.node, on)]
    for workflow in workflows:
        found.extend(run_procedure_rules(registry, workflow, rules, settings, memo))
    summaries = tuple(summarize(w.procedure) for w in workflows)
    wholes = {id(s): w.procedure.node for s, w in zip(summaries, workflows, strict=True)}
    context = ProjectContext(
        replace(project.model, procedures=summaries),
        settings,
        memo,
        whole=lambda procedure: wholes.get(id(procedure), procedure.node),
    )
    where = project.files[0] if project.files else "<project>"
    found[:0] = run_project_rules(context, rules, where)
    return found


def run_procedure_rules(
    registry: Registry, workflow: Workflow, rules: Sequence[Rule], settings: Settings, memo: Memo
) -> list[Diagnostic]:
    """The findings of the procedure-scope rules on one procedure, checked against the
    registry alone (`ProcedureContext`)."""
    context = ProcedureContext(registry, workflow, settings, memo)
    where = workflow.procedure.node.code.span
    # `_run`'s work written out: ~40 rules a procedure, 10,000 procedures a run, and most rules
    # find nothing, so a generator per rule was a good part of what they cost. Whether the
    # procedure states a process is asked once here, not by each rule that judges it.
    unstated = context.process_unstated
    found: list[Diagnostic] = []
    for rule, check, judges in _plan(rules):
        if judges and unstated:
            continue
        try:
            findings: list[Finding] = list(check(context))
        except Exception as error:  # a crashing check must not hide the others (TT999)
            found.append(_crash(rule, error, where))
            continue
        for finding in findings:
            found.append(
                make_diagnostic(
                    rule.code, finding.span, finding.message, finding.help, finding.related
                )
            )
    return found


_Plan = list[tuple[Rule, ProcedureCheck, bool]]
# The last rules asked for and their plan: a check asks for the same rules every procedure.
_last: list[tuple[tuple[Rule, ...], _Plan]] = []


def _plan(rules: Sequence[Rule]) -> _Plan:
    """The procedure-scope rules, each with the function to call and whether it judges the
    internal process (`judges_process`: then the function it wraps, called only for a
    procedure that states a process, as the wrapper would)."""
    # Kept for a tuple only: a list could change under the same identity.
    if _last and _last[0][0] is rules:
        return _last[0][1]
    plan: _Plan = []
    for rule in rules:
        if rule.scope == "procedure":
            inner = getattr(rule.check, "judges_process", None)
            plan.append((rule, rule.check if inner is None else inner, inner is not None))
    if isinstance(rules, tuple):
        _last[:] = [(rules, plan)]
    return plan


def run_project_rules(
    context: ProjectContext, rules: Sequence[Rule], path: str
) -> list[Diagnostic]:
    """The findings of the project-scope rules; a crash is reported at the start of `path`."""
    where = Span.point(path)
    return [d for r in rules if r.scope == "project" for d in _run(r, context, where)]


def run_suppression_rules(
    context: SuppressionContext, rules: Sequence[Rule] = RULES
) -> list[Diagnostic]:
    """The findings of the suppression rules (TT901, TT902), run after every other rule."""
    where = context.directives[0].span if context.directives else Span.point("<project>")
    found: list[Diagnostic] = []
    for rule in (r for r in rules if r.scope == "suppression"):
        found.extend(_run(rule, context, where))
    return found


def _run(
    rule: Rule, context: ProcedureContext | ProjectContext | SuppressionContext, where: Span
) -> Iterator[Diagnostic]:
    try:
        findings: list[Finding] = list(rule.check(context))
    except Exception as error:  # a crashing check must not hide the others (TT999)
        yield _crash(rule, error, where)
        return
    for finding in findings:
        yield make_diagnostic(
            rule.code, finding.span, finding.message, finding.help, finding.related
        )


def _crash(rule: Rule, error: Exception, where: Span) -> Diagnostic:
    import traceback  # only when a check crashed

    last = traceback.extract_tb(error.__traceback__)[-1]
    detail = f"{type(error).__name__}: {error} ({last.filename.rsplit('/', 1)[-1]}:{last.lineno})"
    return make_diagnostic(
        "TT999",
        where,
        Message(
            vi=f"Kiểm tra {rule.code} bị lỗi trên thủ tục này: {detail}",
            en=f"The check {rule.code} crashed on this procedure: {detail}",
        ),
        Message(
            vi="Các kiểm tra khác vẫn chạy. Hãy báo lỗi này cho nhóm phát triển tthc",
            en="The other checks still ran. Please report this to the tthc developers",
        ),
    )
