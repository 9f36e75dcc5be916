"""Faults planted inside wide parallel flows (64 branches: 2^64 orders, far past any bound)
are still reported, each with its witness, and nothing else is: the soundness checks fuse the
block-structured part of the flow and play only what is left (issue 17)."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler import load_project
from tthc.dsl import Diagnostic
from tthc.rules import soundness, steps
from tthc.rules.engine.runner import run_rules

REGISTRY = Path(__file__).resolve().parent / "registry"
RULES = (*steps.RULES, *soundness.RULES)
WIDTH = 64


def check(tmp_path: Path, own: list[str], flow: list[str]) -> list[Diagnostic]:
    """The TT3xx/TT4xx diagnostics of a procedure with checks c0..c{WIDTH-1}, `own` steps and
    the flow lines (line n of `flow` is line `FLOW + n` of the file)."""
    names = [f"c{n}" for n in range(WIDTH)] + own
    text = (
        'procedure "1.001193" "Đăng ký khai sinh" {\n  steps {\n'
        '    tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop\n'
        '    ky decision "Ký" by commune.chairman\n'
        '    tra result "Trả kết quả" by commune.one_stop\n'
        + "".join(f'    {n} review "Kiểm tra {n}" by commune.one_stop\n' for n in names)
        + "  }\n  flow {\n"
        + "".join(f"    {line}\n" for line in flow)
        + "  }\n}\n"
    )
    path = tmp_path / "wide.tthc"
    path.write_text(text, encoding="utf-8")
    project = load_project([path], [REGISTRY])
    return [*project.diagnostics, *run_rules(project, RULES)]


def flow_line(tmp_path: Path, own: list[str], index: int) -> int:
    """The file line of flow line `index` (after the fixed steps, the checks and `own`)."""
    return 3 + 3 + WIDTH + len(own) + 1 + index + 1


def checks(first: int, last: int) -> str:
    return ", ".join(f"c{n}" for n in range(first, last))


def test_the_wide_flow_itself_is_sound(tmp_path: Path) -> None:
    flow = [f"start -> tiep_nhan -> all({checks(0, WIDTH)})", f"all({checks(0, WIDTH)}) -> ky"]
    assert check(tmp_path, [], [*flow, "ky -> tra -> end"]) == []


def test_a_branch_that_never_reaches_the_join_ends_the_case_early(tmp_path: Path) -> None:
    last = f"c{WIDTH - 1}"
    flow = [
        f"start -> tiep_nhan -> all({checks(0, WIDTH)})",
        f"all({checks(0, WIDTH - 1)}) -> ky",
        "ky -> tra -> end",
        f"{last} -> end",
    ]
    found = check(tmp_path, [], flow)
    assert sorted(d.code for d in found) == ["TT303", "TT405"]  # TT303: no result that way
    (early,) = [d for d in found if d.code == "TT405"]
    assert "is still running in parallel" in early.message.en
    # The witness is a run of the workflow, written in the flow: the split, the 63 checks that
    # join, the decision and the result, while the last check has not arrived.
    moves = [r.message.en for r in early.related if r.message.en.startswith("Path")]
    assert moves[-1] == "Path, move 68: tra → end"
    assert f"all({checks(0, WIDTH - 1)}) → ky" in moves[-3]
    assert early.span.line == flow_line(tmp_path, [], 2)  # `ky -> tra -> end`
    assert any(r.message.en == f"Still running: '{last}'" for r in early.related)


def test_a_join_after_a_choice_inside_the_wide_flow_can_wait_for_ever(tmp_path: Path) -> None:
    last = f"c{WIDTH - 1}"
    flow = [
        f"start -> tiep_nhan -> all({checks(0, WIDTH)})",
        f"{last} -> a when ro_rang",
        f"{last} -> b otherwise",
        "all(a, b) -> m",
        f"all({checks(0, WIDTH - 1)}, m) -> ky",
        "ky -> tra -> end",
    ]
    found = check(tmp_path, ["a", "b", "m"], flow)
    waits = {d.span.line: d for d in found if d.code == "TT403"}
    inner = waits[flow_line(tmp_path, ["a", "b", "m"], 3)]
    assert f"'{last}' is a choice and a case takes one branch only" in inner.message.en
    assert "has arrived but" in inner.message.en and "can no longer arrive" in inner.message.en
    assert any(r.message.en.startswith("Path") for r in inner.related)
    # The wide join waits for 'm' for ever too: each join that holds an arrival is named.
    assert flow_line(tmp_path, ["a", "b", "m"], 4) in waits
    assert {d.code for d in found} == {"TT403"}


def test_a_deadlock_between_two_branches_is_found_at_both_joins(tmp_path: Path) -> None:
    # 'x' waits for a signal of 'y', and 'y' for a signal of 'x': neither ever starts.
    own = ["p", "q", "x", "y", "x_sig", "y_sig", "x_next", "y_next"]
    flow = [
        f"start -> tiep_nhan -> all({checks(0, WIDTH - 2)}, p, q)",
        "all(p, y_sig) -> x",
        "x -> all(x_sig, x_next)",
        "all(q, x_sig) -> y",
        "y -> all(y_sig, y_next)",
        f"all({checks(0, WIDTH - 2)}, x_next, y_next) -> ky",
        "ky -> tra -> end",
    ]
    found = check(tmp_path, own, flow)
    waits = {d.span.line: d for d in found if d.code == "TT403"}
    for index, missing in ((1, "“Kiểm tra y_sig”"), (3, "“Kiểm tra x_sig”")):
        join = waits[flow_line(tmp_path, own, index)]
        assert f"{missing} can no longer arrive" in join.message.en
        assert any(r.message.en.startswith("Path") for r in join.related)
    assert "TT407" not in {d.code for d in found}
