"""The step (TT3xx) and soundness (TT4xx) checks beyond their case files: the witnesses they
name, what they leave to TT005, their settings, the exploration budget and their speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tthc.compiler import build_procedure, load_project
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Diagnostic
from tthc.rules import soundness, steps
from tthc.rules.base import ProcedureContext
from tthc.rules.engine.runner import run_rules

HERE = Path(__file__).resolve().parent
REGISTRY = HERE / "registry"
CASES = HERE / "cases"
RULES = (*steps.RULES, *soundness.RULES)


def check(
    tmp_path: Path, flow: str, steps_text: str = "", settings: Settings | None = None
) -> list[Diagnostic]:
    """The TT3xx/TT4xx diagnostics of a small procedure with the given steps and flow."""
    path = tmp_path / "p.tthc"
    path.write_text(
        'procedure "1.001193" "Đăng ký khai sinh" {\n'
        "  steps {\n"
        '    tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop\n'
        '    ky decision "Ký" by commune.chairman\n'
        '    tra result "Trả kết quả" by commune.one_stop\n'
        f"{steps_text}"
        "  }\n"
        f"  flow {{\n{flow}\n  }}\n"
        "}\n",
        encoding="utf-8",
    )
    project = load_project([path], [REGISTRY])
    return [*project.diagnostics, *run_rules(project, RULES, settings)]


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in diagnostics)


def test_a_parallel_split_joined_before_the_next_step_is_sound(tmp_path: Path) -> None:
    found = check(
        tmp_path,
        "start -> tiep_nhan -> all(luu_tru, ky)\nall(luu_tru, ky) -> tra -> end",
        '    luu_tru review "Lưu hồ sơ" by commune.one_stop\n',
    )
    assert codes(found) == []


def test_a_dead_end_names_the_path_from_the_start_in_order(tmp_path: Path) -> None:
    (found,) = check(tmp_path, "start -> tiep_nhan\ntiep_nhan -> ky\nky -> tra")
    assert found.code == "TT402"
    assert "start → tiep_nhan → ky → tra" in found.message.en
    assert [r.span.line for r in found.related] == [8, 9, 10]  # the three flow lines, in order


def test_a_join_of_a_choice_names_the_choice_that_excluded_a_branch(tmp_path: Path) -> None:
    found = check(
        tmp_path,
        "start -> tiep_nhan\ntiep_nhan -> ky when ok\ntiep_nhan -> tu_choi otherwise\n"
        "all(ky, tu_choi) -> tra\ntra -> end",
        '    tu_choi refusal "Từ chối" by commune.one_stop notifies applicant\n',
    )
    (wait,) = [d for d in found if d.code == "TT403"]
    assert "“Ký” has arrived but “Từ chối” can no longer arrive" in wait.message.en
    assert "'tiep_nhan' is a choice" in wait.message.en
    assert wait.span.line == 12  # the line of `all(ky, tu_choi) -> tra`


def test_improper_completion_names_the_work_left_running(tmp_path: Path) -> None:
    found = check(
        tmp_path,
        "start -> tiep_nhan -> all(ky, luu_tru)\nky -> tra -> end\nluu_tru -> end",
        '    luu_tru review "Lưu hồ sơ" by commune.one_stop\n',
    )
    (early,) = [d for d in found if d.code == "TT405"]
    assert "while “Ký” is still running" in early.message.en
    assert any(r.message.en == "Still running: 'ky'" for r in early.related)


def test_an_arrow_to_an_unknown_step_leaves_the_flow_checks_to_tt005(tmp_path: Path) -> None:
    # Without the arrow `ky` cannot be reached, but that is the typo's doing: TT005 only.
    found = check(tmp_path, "start -> tiep_nhan -> kyy\nky -> tra -> end")
    assert codes(found) == ["TT005"]


def test_the_supplement_threshold_is_a_setting(tmp_path: Path) -> None:
    flow = (
        "start -> tiep_nhan\ntiep_nhan -> ky when complete\ntiep_nhan -> bo_sung otherwise\n"
        "bo_sung -> ky2 clock paused\nky2 -> bo_sung_2 when incomplete\nky2 -> ky otherwise\n"
        "bo_sung_2 -> ky clock paused\nky -> tra -> end"
    )
    extra = (
        '    bo_sung supplement "Bổ sung" by commune.one_stop notifies applicant\n'
        '    ky2 review "Thẩm định" by commune.civil_status_officer\n'
        '    bo_sung_2 supplement "Bổ sung sau thẩm định" by commune.one_stop notifies applicant\n'
    )
    assert codes(check(tmp_path, flow, extra)) == ["TT305"]
    assert codes(check(tmp_path, flow, extra, Settings(max_supplement_requests=2))) == []


def unstructured(checks: int) -> tuple[str, str]:
    """Parallel checks that may each send the dossier to the refusal on their own: not a block,
    so their orders are played one by one (3^checks states); the steps and the flow."""
    names = [f"c{n}" for n in range(checks)]
    extra = "".join(f'    {n} review "Kiểm tra {n}" by commune.one_stop\n' for n in names)
    extra += '    tu_choi refusal "Từ chối" by commune.one_stop notifies applicant\n'
    joined = ", ".join(names)
    flow = [f"start -> tiep_nhan -> all({joined})", f"all({joined}) -> ky otherwise"]
    flow += [f"{n} -> tu_choi when thieu" for n in names]
    flow += ["ky -> tra -> end", "tu_choi -> end"]
    return extra, "\n".join(flow)


def test_a_parallel_block_of_any_width_is_decided_without_exploring(tmp_path: Path) -> None:
    # 300 parallel checks would be 2^300 orders; joined as one block they are one move.
    names = [f"c{n}" for n in range(300)]
    extra = "".join(f'    {n} review "Kiểm tra {n}" by commune.one_stop\n' for n in names)
    flow = f"start -> tiep_nhan -> all({', '.join(names)})\nall({', '.join(names)}) -> ky -> tra -> end"
    assert codes(check(tmp_path, flow, extra, Settings(max_flow_states=3))) == []


def test_at_the_state_bound_tt407_names_the_bound_and_the_region(tmp_path: Path) -> None:
    extra, flow = unstructured(8)
    found = check(tmp_path, flow, extra, Settings(max_flow_states=50))
    (stopped,) = [d for d in found if d.code == "TT407"]
    assert stopped.severity.value == "warning"
    assert "more than 50 states" in stopped.message.en and "max-flow-states" in stopped.message.en
    assert "“Kiểm tra c0”, “Kiểm tra c1”" in stopped.message.en  # the region, by step titles
    # From the join (line 18: the first flow line leaving a check) to `tu_choi -> end` (28).
    assert (stopped.span.line, stopped.span.end_line) == (18, 28)
    assert "(TT403)" in stopped.message.en and "(TT405)" in stopped.message.en
    assert "max-flow-states" in stopped.help.en
    assert "TT407" not in codes(check(tmp_path, flow, extra))  # 3^8 states: within the default


@pytest.mark.parametrize(
    ("settings", "bound", "setting"),
    [
        (Settings(max_flow_megabytes=0), "more than 0 MB", "max-flow-megabytes"),
        (Settings(max_flow_seconds=0.0), "more than 0 CPU seconds", "max-flow-seconds"),
    ],
    ids=["memory", "time"],
)
def test_the_memory_and_time_bounds_stop_it_too_and_say_so(
    tmp_path: Path, settings: Settings, bound: str, setting: str
) -> None:
    extra, flow = unstructured(8)
    (stopped,) = [d for d in check(tmp_path, flow, extra, settings) if d.code == "TT407"]
    assert bound in stopped.message.en and setting in stopped.message.en


def test_over_the_bound_what_was_found_is_still_reported(tmp_path: Path) -> None:
    # Handing over runs in parallel with a chain of eight checks that ends on its own: the end
    # can come while the checks still run (TT405). The reduced game decides it in two states;
    # the whole game, which would give the shortest witness, does not fit in four.
    names = [f"c{n}" for n in range(8)]
    extra = "".join(f'    {n} review "Kiểm tra {n}" by commune.one_stop\n' for n in names)
    chain = " -> ".join(names)
    flow = f"start -> tiep_nhan -> ky -> all(tra, c0)\ntra -> end\n{chain} -> end"
    (shortest,) = check(tmp_path, flow, extra)
    assert "while “Kiểm tra c0” is still running" in shortest.message.en
    (reduced,) = check(tmp_path, flow, extra, Settings(max_flow_states=4))
    assert (
        reduced.code == "TT405"
        and "path: start → “Tiếp nhận hồ sơ” → “Ký” → all(“Trả kết quả”, “Kiểm tra c0”)"
        in (reduced.message.en)
    )


# --- speed ------------------------------------------------------------------------------------


def procedure(blocks: int) -> str:
    """A realistic procedure of `5 * blocks + 6` steps: reception, one supplement request,
    then `blocks` rounds of appraisal with an optional parallel consultation of two agencies,
    an apology path, the decision, the refusal and the result."""
    steps_text = [
        'tiep_nhan reception "Tiếp nhận" by commune.one_stop takes 0.5 working_days',
        'bo_sung supplement "Bổ sung" by commune.one_stop takes 0.5 working_days notifies applicant',
        'xin_loi apology "Xin lỗi" by commune.one_stop takes 0.5 working_days notifies applicant',
        'ky decision "Ký" by commune.chairman takes 1 working_days signs digital',
        'tu_choi refusal "Từ chối" by commune.one_stop takes 0.5 working_days notifies applicant',
        'tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days',
    ]
    flow = [
        "start -> tiep_nhan",
        "tiep_nhan -> b0_tham_dinh when complete",
        "tiep_nhan -> bo_sung otherwise",
        "bo_sung -> b0_tham_dinh clock paused",
    ]
    for n in range(blocks):
        b, after = f"b{n}", (f"b{n + 1}_tham_dinh" if n + 1 < blocks else "ky")
        steps_text += [
            f'{b}_tham_dinh review "Thẩm định {n}" by commune.civil_status_officer takes 1 working_days',
            f'{b}_y_kien_a consultation "Ý kiến A {n}" by commune.civil_status_officer with province.department.justice takes 1 working_days',
            f'{b}_y_kien_b consultation "Ý kiến B {n}" by commune.civil_status_officer with province.tax_office takes 1 working_days',
            f'{b}_tong_hop review "Tổng hợp {n}" by commune.civil_status_officer takes 1 working_days',
            f'{b}_xac_minh verification "Xác minh {n}" by commune.civil_status_officer takes 1 working_days',
        ]
        flow += [
            f"{b}_tham_dinh -> all({b}_y_kien_a, {b}_y_kien_b) when consult",
            f"{b}_tham_dinh -> {b}_xac_minh when unclear",
            f"{b}_tham_dinh -> tu_choi when ineligible",
            f"{b}_tham_dinh -> {b}_tong_hop otherwise",
            f"all({b}_y_kien_a, {b}_y_kien_b) -> {b}_tong_hop",
            f"{b}_xac_minh -> {b}_tong_hop",
            f"{b}_tong_hop -> {after}",
        ]
    flow[-1] = f"b{blocks - 1}_tong_hop -> ky when on_time"
    flow += [
        f"b{blocks - 1}_tong_hop -> xin_loi otherwise",
        "xin_loi -> ky",
        "ky -> tra -> end",
        "tu_choi -> end",
    ]
    body = "\n    ".join(steps_text)
    lines = "\n    ".join(flow)
    return (
        'procedure "1.001193" "Thủ tục lớn" {\n  deadline 3 working_days\n'
        f"  steps {{\n    {body}\n  }}\n  flow {{\n    {lines}\n  }}\n}}\n"
    )


@pytest.mark.parametrize(("blocks", "limit_ms"), [(3, 5), (99, 100)], ids=["21 steps", "501 steps"])
def test_every_step_and_soundness_check_is_fast(
    tmp_path: Path, blocks: int, limit_ms: float
) -> None:
    # Measured on the 2-core dev machine: about 0.7 ms for 21 steps and 16 ms for 501 (CPU time).
    # The limits are the brief's budget (1 ms, 100 ms) with room for a loaded machine.
    path = tmp_path / "big.tthc"
    path.write_text(procedure(blocks), encoding="utf-8")
    project = load_project([path], [REGISTRY])
    assert project.diagnostics == []
    (workflow,) = project.workflows
    best = float("inf")
    for _ in range(5):
        fresh = build_procedure(workflow.procedure)  # no cached analysis
        context = ProcedureContext(project.model, fresh)
        started = time.process_time()
        found = [f for rule in RULES for f in rule.check(context)]
        best = min(best, time.process_time() - started)
        assert found == []
    assert best * 1000 <= limit_ms
