"""The steps of a draft, from the record's internal process: one step per published line, in the
published order (the records publish no branches), each opening with a provenance comment that
quotes the record's line (step, task, unit, time); then the phases' times summed against what
they state. Input: a `Record`, its level, the dossier's components, the `Tables`, the
`RegistryIndex`, the import's `Declarations`; output: a `Process` (AST steps, their comments,
the flow), with a note in the `RecordReport` for every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tthc.compiler.importer.draft_common import Declarations, declare, one_line, range_note
from tthc.compiler.importer.durations import ProblemKind, Reading, read_duration
from tthc.compiler.importer.mapping import (
    UnitMatch,
    match_kind,
    match_unit,
)
from tthc.compiler.importer.nodes import duration, endpoint, literal, name, node
from tthc.compiler.importer.records import InternalStep, Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, Tables, UnitRow
from tthc.dsl import ast

_PHASE = re.compile(r"^\s*(?:GĐ|giai đoạn)\s*(\d+)", re.I)
_PHASE_TIME = re.compile(r"\(([^()]*)\)\s*$")


@dataclass
class Process:
    """The internal process of a draft: its steps, the provenance comment of each (in the order
    of the steps) and the flow."""

    steps: list[ast.Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flow: list[ast.FlowLine] = field(default_factory=list)
    phases: list[ast.Phase] = field(default_factory=list)


def process(
    record: Record,
    level: str | None,
    components: list[str],
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
) -> Process:
    out = Process()
    if not record.internal:
        report.not_stated(
            "quy_trinh_noi_bo",
            "nguồn không có quy trình nội bộ: chưa có bước, chưa có luồng",
            "no internal process in the source: no steps, no flow",
        )
        return out
    names: list[str] = []
    read = False
    for number, step in enumerate(record.internal, 1):
        step_name = _step_name(step, number, names)
        names.append(step_name)
        where = f"quy_trinh_noi_bo[{number}]"
        out.notes.append(f"# {one_line(' | '.join((step.step, step.task, step.unit, step.time)))}")
        fields = _step(step, level or "", where, tables, registry, declared, report)
        if fields["kind"] is ast.StepKind.RECEPTION and not read and components:
            fields["reads"] = tuple(name(component) for component in components)
            read = True
        out.steps.append(node(ast.Step, id=name(step_name), **fields))
    out.phases = _phases(record, names, report)
    for before, after in zip(["start", *names], [*names, "end"], strict=True):
        out.flow.append(node(ast.FlowLine, path=(endpoint(before), endpoint(after))))
    return out


def _step(
    step: InternalStep,
    level: str,
    where: str,
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
) -> dict[str, Any]:
    """The fields of the step's `ast.Step`, its name aside."""
    kind_row = match_kind(step.task, tables)
    if kind_row is None:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.noi_dung",
            step.task,
            f"không xác định được loại bước từ '{step.task}': ghi tạm review",
            f"no step kind for '{step.task}': review written as a stand-in",
        )
    kind = ast.StepKind(kind_row.kind if kind_row else "review")
    fields: dict[str, Any] = {"kind": kind, "title": literal(step.task or step.step)}
    unit = match_unit(step.unit, level, tables)
    if unit.row is None:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.don_vi",
            step.unit,
            f"không có đơn vị nào trong bảng units.csv khớp '{step.unit}'",
            f"no row of units.csv matches '{step.unit}'",
        )
    else:
        fields |= _actor(unit, kind, registry, declared)
        _unit_notes(unit, kind, f"{where}.don_vi", step.unit, registry, report)
    counterpart = kind_row.counterpart if kind_row else ""
    if unit.counterpart:
        declare(unit.counterpart, registry, declared)
        fields["coordinates"] = (
            node(ast.Coordination, authority=name(unit.counterpart.authority)),
        )
        report.note(
            Status.MAPPED,
            f"{where}.don_vi",
            step.unit,
            f"'phối hợp': coordinates {unit.counterpart.authority}",
            f"'phối hợp': coordinates {unit.counterpart.authority}",
        )
    elif unit.counterpart_text:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.don_vi",
            unit.counterpart_text,
            f"đơn vị phối hợp không có trong bảng: '{unit.counterpart_text}'",
            f"coordinating unit not in the table: '{unit.counterpart_text}'",
        )
    takes = _takes(step.time, f"{where}.thoi_gian", report)
    if takes is not None:
        fields["duration"] = takes
    if counterpart:
        fields["counterpart"] = name(counterpart)
    if kind in (ast.StepKind.REFUSAL, ast.StepKind.SUPPLEMENT):
        fields["notifies"] = True
    return fields


# Steps whose several named units are each a place the applicant may use ("Trung tâm Phục vụ HCC
# tỉnh; Trung tâm Phục vụ HCC xã…"): `by a or b`. Elsewhere the first unit named acts.
_RECEIVING = {ast.StepKind.RECEPTION, ast.StepKind.RESULT}


def _actor(
    unit: UnitMatch, kind: ast.StepKind, registry: RegistryIndex, declared: Declarations
) -> dict[str, Any]:
    assert unit.row is not None
    fields: dict[str, Any] = {"actor": name(unit.row.authority)}
    declare(unit.row, registry, declared)
    if unit.head and _kind_of(unit.row, registry) != "person":
        fields["head"] = True
    if unit.others and kind in _RECEIVING:
        fields["alternatives"] = tuple(name(row.authority) for row in unit.others)
        for row in unit.others:
            declare(row, registry, declared)
    return fields


def _kind_of(row: UnitRow, registry: RegistryIndex) -> str:
    return registry.kinds.get(row.authority, row.kind)


def _unit_notes(
    unit: UnitMatch,
    kind: ast.StepKind,
    where: str,
    text: str,
    registry: RegistryIndex,
    report: RecordReport,
) -> None:
    assert unit.row is not None
    if unit.head and _kind_of(unit.row, registry) == "person":
        report.note(
            Status.NEEDS_PERSON,
            where,
            text,
            f"'Lãnh đạo' một chức danh ({unit.row.authority}): không ghi 'head of'",
            f"'Lãnh đạo' of a title ({unit.row.authority}): 'head of' not written",
        )
    elif unit.head:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"'Lãnh đạo' đơn vị: by head of {unit.row.authority} (người đứng đầu hoặc cấp phó"
            " được giao, thay mặt đơn vị)",
            f"'Lãnh đạo' of a unit: by head of {unit.row.authority} (its head, or a deputy"
            " acting for it)",
        )
    others = ", ".join(row.authority for row in unit.others)
    if unit.others and kind in _RECEIVING:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"các nơi bản ghi nêu đều tiếp nhận, trả kết quả: by {unit.row.authority} or {others}",
            f"every unit named receives or returns: by {unit.row.authority} or {others}",
        )
    elif unit.others:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"đơn vị nêu đầu tiên là người thực hiện; các nơi khác cũng được nêu: {others}",
            f"the first unit named acts; also named: {others}",
        )
    if unit.postal:
        report.note(
            Status.MAPPED,
            where,
            text,
            "bưu chính là cách thức trả kết quả, không phải người thực hiện",
            "the postal service is a channel, not an actor",
        )


def _takes(source: str, where: str, report: RecordReport) -> ast.Duration | None:
    reading: Reading = read_duration(source)
    if reading.same_day:
        report.note(
            Status.MAPPED,
            where,
            source,
            "'trong ngày' ghi là 1 ngày làm việc",
            "'trong ngày' written as 1 working day",
        )
        return duration(Decimal(1), "working_days")
    plain = [limit for limit in reading.limits if limit.condition is None]
    if reading.problem is not None or reading.immediate or len(plain) != 1:
        report.unreadable_time(
            where,
            source,
            f"không đọc được thời gian của bước: '{source}'",
            f"step time not read: '{source}'",
        )
        return None
    range_note(plain[0], where, source, report)
    return duration(plain[0].amount, plain[0].unit.value)


def _phases(record: Record, names: list[str], report: RecordReport) -> list[ast.Phase]:
    """The record's phases ("Giai đoạn 1: Thẩm định hồ sơ (15 ngày)") with their budgets and
    steps: the check holds each phase's steps to its budget (TT505). A phase whose steps add up
    to more than its stated time is also a finding of the record in the report."""
    out = []
    for written in record.items("giai_doan"):
        number = _PHASE.match(written)
        if not number:
            report.note(Status.KEPT, "giai_doan", written, "giữ làm chú thích", "kept as a comment")
            continue
        stated = _PHASE_TIME.search(written)
        title = _PHASE_TIME.sub("", written[number.end() :]).strip(" :.-–")
        fields: dict[str, Any] = {"id": name(f"gd{number.group(1)}"), "title": literal(title)}
        fields["steps"] = tuple(
            name(step_name)
            for step, step_name in zip(record.internal, names, strict=True)
            if (_PHASE.match(step.phase or step.step) or [None, None])[1] == number.group(1)
        )
        budget = _budget(written, stated.group(1) if stated else "", report)
        if budget is not None:
            fields["budget"] = budget
            _phase_sum(record, written, number.group(1), report)
        out.append(node(ast.Phase, **fields))
    return out


def _budget(written: str, stated: str, report: RecordReport) -> ast.Duration | None:
    reading = read_duration(stated)
    plain = [limit for limit in reading.limits if limit.condition is None]
    if reading.problem is not None and reading.problem.kind is ProblemKind.NOT_STATED:
        report.note(
            Status.NOT_STATED,
            "giai_doan",
            written,
            f"nguồn không nêu thời gian của giai đoạn: '{written}' (giai đoạn không có budget)",
            f"no time stated for the phase: '{written}' (the phase has no budget)",
        )
        return None
    if reading.problem is not None or reading.immediate or reading.same_day or len(plain) != 1:
        report.unreadable_time(
            "giai_doan",
            written,
            f"không đọc được thời gian của giai đoạn: '{written}'",
            f"phase time not read: '{written}'",
        )
        return None
    range_note(plain[0], "giai_doan", stated, report)
    return duration(plain[0].amount, plain[0].unit.value)


def _phase_sum(record: Record, written: str, number: str, report: RecordReport) -> None:
    """The phase's step times added up as published, against its stated time."""
    stated = _PHASE_TIME.search(written)
    reading = read_duration(stated.group(1) if stated else "")
    steps = [
        s for s in record.internal if (_PHASE.match(s.phase or s.step) or [None, None])[1] == number
    ]
    times = [read_duration(s.time) for s in steps]
    if len(reading.limits) != 1 or any(len(t.limits) != 1 for t in times):
        report.note(
            Status.MAPPED,
            "giai_doan",
            written,
            f"giai đoạn {number}: budget ghi vào bản nháp; thời gian các bước không cộng được",
            f"phase {number}: budget written; the step times could not be added up",
        )
        return
    total = sum((t.limits[0].amount for t in times), start=reading.limits[0].amount * 0)
    budget = reading.limits[0].amount
    if total > budget:
        report.note(
            Status.FINDING,
            "giai_doan",
            written,
            f"các bước của giai đoạn {number} cộng lại {total} ngày, vượt {budget} ngày đã nêu",
            f"the steps of phase {number} add up to {total} days, over the stated {budget}",
        )
    else:
        report.note(
            Status.MAPPED,
            "giai_doan",
            written,
            f"giai đoạn {number}: các bước cộng lại {total} ≤ {budget} ngày",
            f"phase {number}: steps add up to {total} ≤ {budget} days",
        )


def _step_name(step: InternalStep, number: int, taken: list[str]) -> str:
    phase = _PHASE.match(step.phase or step.step)
    order = re.search(r"bước\s*(\d+)", step.step, re.I)
    name = (
        f"gd{phase.group(1)}_b{order.group(1)}"
        if phase and order
        else f"b{order.group(1)}"
        if order
        else f"b{number}"
    )
    return name if name not in taken else f"{name}_{number}"
