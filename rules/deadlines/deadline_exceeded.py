"""TT501 deadline-exceeded: the longest processing path takes longer than the legal deadline.

Input: a `ProcedureContext`. Output: a `Finding` at the deadline when the longest timed path
(`longest_path`) exceeds it: each variant tied to the flow on the paths it governs
(`governed_path`), the unconditional deadline on the paths that avoid verification, the widest
deadline on every path, with the steps of the path and their times as the witness.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tthc.compiler import Workflow
from tthc.compiler.analysis.durations import (
    Scale,
    day_rule,
    in_days,
    mixed_durations,
    scale_of,
    step_duration,
)
from tthc.compiler.analysis.longest_path import TimedPath, longest_at_most, longest_path
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.ties import bound_ties, governed_path, tie_text
from tthc.rules.deadlines.wording import amount_text, days_text, limit_text


def _limit_days(
    deadline: ast.Deadline, scale: Scale, procedure: ast.Procedure, settings: Settings
) -> Decimal | None:
    if deadline.immediate or deadline.duration is None:
        return settings.immediate_deadline_days
    rule = day_rule(procedure, settings) is ast.DayRule.CALENDAR_AS_WORKING
    days = in_days(deadline.duration, scale, calendar_as_working=rule, settings=settings)
    if not deadline.extension or days is None:
        return days
    base = extended(procedure)  # "+10 ngày": added to the narrowest plain deadline
    if base is None:
        return None
    added = _limit_days(base, scale, procedure, settings)
    return None if added is None else added + days


def extended(procedure: ast.Procedure) -> ast.Deadline | None:
    """The deadline an extension (`+10 days when "…"`) adds to: the first unconditional
    deadline that is not itself an extension, else the first such conditional one."""
    plain = [d for d in procedure.deadlines if not d.extension]
    return next((d for d in plain if d.condition is None), plain[0] if plain else None)


def deadline_exceeded(context: ProcedureContext) -> Iterator[Finding]:
    """The longest processing path takes longer than the legal deadline.

    What it checks:
        The longest timed path (`longest_path`: from reception to the result, the clock
        restarting after a supplement request, parallel branches counting their slowest branch,
        a path through an apology step ending there) against the deadline. Conditional deadlines (`deadline 6 working_days when "cần xác
        minh"`) extend the limit for the case that needs verification: every path that avoids
        all verification steps must fit the unconditional deadline, and every path must fit the
        longest deadline. A range (`30 to 35 days`) is held to its upper end; an extension
        (`+10 days when "vùng sâu, vùng xa"`) is a conditional deadline of the plain one plus
        the extension. When every deadline is conditional (one internal process for several
        published variants), the narrowest variant stands for the unconditional one. A variant
        tied to the flow (`deadline 5 working_days when "không phải xác minh" avoiding
        xac_minh`; `through` steps, `via` outcomes, `avoiding` steps) is held to the longest
        path among those it governs, the narrower variant included, and the finding names the
        variant, its paths and the steps of the path; the untied ones keep the meaning above,
        and the widest deadline binds every path. `deadline immediately` is counted as `immediate_deadline_days` (1
        working day, a setting). Working and calendar days compare under the procedure's
        `day_rule`, else the project's `day-rule` setting (default `calendar_as_working`: one
        calendar day counts as one working day); only under `strict` is a procedure that
        mixes them left unchecked (TT504 says so).
    Why it matters:
        The time limit (thời hạn giải quyết) is part of every procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(đ)) and runs from receipt of the complete dossier, restarting once a
        supplemented dossier is complete (Decree 118/2025/NĐ-CP, article
        not verified). A published internal process whose step times do not add up to the
        deadline produces late dossiers by design (one published in 2025 did so). The time
        limit published for a case is what the applicant of that case is promised: the
        one-stop unit hands over a receipt with the date the result will be returned, and a
        dossier that will miss it needs a written apology and a new appointment, given no more
        than once (Decree 61/2018/NĐ-CP Arts. 17 and 19(9), now replaced by Decree 118/2025,
        whose articles were not read; Decree 107/2021/NĐ-CP, which amended 61/2018, was not
        read either). A record promising 5 working days where no verification is needed and 8 where
        it is makes two promises, so a 6-day process behind the 5-day one is late by design
        even though it fits the 8.
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 2 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          deadline 3 working_days
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          deadline 3 working_days
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    """
    procedure, workflow, settings = context.procedure.node, context.workflow, context.settings
    if not procedure.deadlines:
        return
    if (
        day_rule(procedure, settings) is ast.DayRule.STRICT
        and mixed_durations(procedure) is not None
    ):
        return  # left to TT504
    scale = scale_of(procedure)
    limits = [(d, _limit_days(d, scale, procedure, settings)) for d in procedure.deadlines]
    known = [(d, days) for d, days in limits if days is not None]
    if not known:
        return
    reported: set[tuple[str, ...]] = set()
    bound = longest_at_most(workflow, scale, settings)
    for deadline, days, avoid in _checks(known, workflow):
        # Not even every step one after the other (those it avoids left out) takes longer.
        if bound <= days or (
            avoid and longest_at_most(workflow, scale, settings, avoid=avoid) <= days
        ):
            continue
        path = (
            governed_path(workflow, deadline, scale, settings)
            if deadline.tied
            else longest_path(workflow, avoid=avoid, scale=scale, settings=settings)
        )
        if path is None or path.total <= days or path.steps in reported:
            continue
        reported.add(path.steps)
        yield _exceeded(context, (deadline, days), path, bool(avoid) and not deadline.tied)


def _checks(
    known: list[tuple[ast.Deadline, Decimal]], workflow: Workflow
) -> list[tuple[ast.Deadline, Decimal, frozenset[str]]]:
    """What to hold to what, and the steps each check leaves out: each variant tied to the
    flow on the paths it governs; of the others, the narrowest unconditional one (else, with
    more than one deadline, the narrowest of them) on the paths that avoid verification; and
    the widest deadline of all on every path, since no path may take longer than the longest
    time the procedure promises."""
    judged = bound_ties([d for d, _ in known], workflow)  # a tie TT005 reports is not judged
    checks = [
        (d, days, frozenset(n.value for n in d.avoiding))
        for d, days in known
        if any(d is t for t in judged)
    ]
    untied = [(d, days) for d, days in known if not d.tied]
    plain = [item for item in untied if item[0].condition is None]
    # With no unconditional deadline, the narrowest variant is the base: every variant is
    # promised by the one internal process, the narrower included (issue 11).
    if plain or (untied and len(known) > 1):
        base = min(plain or untied, key=lambda item: item[1])
        verification = frozenset(
            s.id.value for s in workflow.steps_of_kind(ast.StepKind.VERIFICATION)
        )
        checks.append((base[0], base[1], verification))
    widest = max(known, key=lambda item: item[1])
    checks.append((widest[0], widest[1], frozenset()))
    return checks


def _exceeded(
    context: ProcedureContext, limit_of: tuple[ast.Deadline, Decimal], path: TimedPath, plain: bool
) -> Finding:
    deadline, days = limit_of
    total, limit = days_text(path.total, path.scale), limit_text(deadline, context.settings)
    if deadline.extension:  # "+1 working day": the limit is the deadline it extends plus it
        sum_ = days_text(days, path.scale)
        limit = Message(vi=f"{sum_.vi} ({limit.vi})", en=f"{sum_.en} ({limit.en})")
    note = (
        Message(vi=" (không qua bước xác minh)", en=" (not through verification)")
        if plain
        else tie_text(context.workflow, deadline)
    )
    # An official reads step titles and days, not identifiers: `“Thẩm định” (2 ngày làm việc)`.
    related, route_vi, route_en = [], [], []
    for node in path.steps:
        duration = step_duration(context.workflow, node)
        span = context.workflow.span_of(node) if duration is None else duration.span
        took = (
            amount_text(duration)
            if duration is not None
            else Message(vi="chưa ghi thời gian, tính 0", en="no duration, counted 0")
        )
        step = context.workflow.step(node)
        label = f"“{step.title}”" if step is not None else node
        route_vi.append(f"{label} ({took.vi})")
        route_en.append(f"{label} ({took.en})")
        related.append(
            Related(span=span, message=Message(vi=f"{label}: {took.vi}", en=f"{label}: {took.en}"))
        )
    return Finding(
        deadline.span,
        Message(
            vi=f"Các bước nối tiếp dài nhất{note.vi} mất {total.vi}, vượt thời hạn giải quyết "
            f"{limit.vi}: {' → '.join(route_vi)}",
            en=f"The longest run of steps{note.en} takes {total.en}, more than the deadline of "
            f"{limit.en}: {' → '.join(route_en)}",
        ),
        help=Message(
            vi="Rút ngắn thời gian các bước này hoặc cho các bước độc lập chạy song "
            "song; nếu văn bản công bố ghi thời hạn khác, sửa dòng 'deadline'. Thời gian chờ "
            "người nộp bổ sung hồ sơ không tính khi bước bổ sung đi tiếp bằng 'clock paused'",
            en="Shorten these steps or run independent steps in parallel; if the "
            "published decision states another deadline, correct the 'deadline' line. Time "
            "waiting for the applicant to supplement is not counted when the supplement step "
            "goes on with 'clock paused'",
        ),
        related=tuple(related),
    )
