"""BPMN 2.0 export: what bpmnlint and the Camunda 8 rules say of every corpus procedure, the
structure they do not check (shapes, reserved ids, defaults, timers), a golden file, and a
differential run: SpiffWorkflow executing the exported BPMN visits the same steps in the same
order as the compiled graph prescribes, for a set of outcome sequences.

The node checkers are installed by `make node-deps` (`npm ci` in tests/outputs/node); a missing
install fails these tests, it never skips them.
`TTHC_UPDATE_GOLDEN=1 pytest tests/outputs/test_bpmn.py` rewrites the golden file.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from tthc.compiler import END, START, Workflow
from tthc.outputs.bpmn import build_process, to_bpmn
from tthc.outputs.bpmn.process import safe_id
from tthc.outputs.loading import load

ROOT = Path(__file__).resolve().parents[2]
NODE = Path(__file__).parent / "node"
CORPUS = sorted(p for p in (ROOT / "procedures").rglob("*.tthc") if "registry" not in p.parts)
EXAMPLES = [p for p in sorted((ROOT / "examples").glob("*.tthc")) if p.name != "registry.tthc"]
ALL = [*CORPUS, *EXAMPLES]
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
}
RECOMMENDED = {"extends": "bpmnlint:recommended"}
CAMUNDA = {
    "extends": ["bpmnlint:recommended", "plugin:camunda-compat/camunda-cloud-8-6"],
    "moddleExtensions": {
        "zeebe": "zeebe-bpmn-moddle/resources/zeebe.json",
        "modeler": "modeler-moddle/resources/modeler.json",
    },
}


def _exports(tmp: Path, flavour: str) -> list[Path]:
    written = []
    for path in ALL:
        loaded = load([path])
        target = tmp / f"{path.stem}.bpmn"
        target.write_text(to_bpmn(loaded.workflows[0], loaded.project.model, flavour), "utf-8")
        written.append(target)
    return written


def _bpmnlint(
    tmp: Path, config: dict[str, object], files: list[Path]
) -> subprocess.CompletedProcess[str]:
    binary = NODE / "node_modules" / ".bin" / "bpmnlint"
    assert binary.exists(), "bpmnlint is not installed: run `make node-deps`"
    rc = tmp / ".bpmnlintrc"
    rc.write_text(json.dumps(config), encoding="utf-8")
    # Run from the node folder: bpmnlint resolves plugins and moddle extensions from there.
    return subprocess.run(
        [str(binary), "--max-warnings", "0", "-c", str(rc), *map(str, files)],
        cwd=NODE,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_export_passes_bpmnlint_recommended(tmp_path: Path) -> None:
    result = _bpmnlint(tmp_path, RECOMMENDED, _exports(tmp_path, "spiff"))
    assert (result.returncode, result.stdout.strip()) == (0, "")


def test_every_camunda8_export_passes_the_camunda_cloud_rules(tmp_path: Path) -> None:
    result = _bpmnlint(tmp_path, CAMUNDA, _exports(tmp_path, "camunda8"))
    assert (result.returncode, result.stdout.strip()) == (0, "")


def test_bpmnlint_catches_a_broken_export(tmp_path: Path) -> None:
    """The lint test can fail: the same export without its gateway's default is refused."""
    loaded = load([ROOT / "examples" / "dang-ky-khai-sinh.tthc"])
    text = to_bpmn(loaded.workflows[0], loaded.project.model).replace(' default="', ' x="')
    broken = tmp_path / "broken.bpmn"
    broken.write_text(text, encoding="utf-8")
    result = _bpmnlint(tmp_path, RECOMMENDED, [broken])
    assert result.returncode == 1 and "conditional-flows" in result.stdout


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_element_is_drawn_and_no_reserved_id_is_used(path: Path) -> None:
    loaded = load([path])
    root = ET.fromstring(to_bpmn(loaded.workflows[0], loaded.project.model))
    process = root.find("bpmn:process", NS)
    assert process is not None
    ids = {e.get("id") for e in process.iter() if e.get("id")}
    shapes = {s.get("bpmnElement") for s in root.iterfind(".//bpmndi:BPMNShape", NS)}
    edges = {s.get("bpmnElement") for s in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    nodes = {e.get("id") for e in process if e.tag.split("}")[1] not in ("laneSet", "sequenceFlow")}
    flows = {e.get("id") for e in process.iterfind("bpmn:sequenceFlow", NS)}
    assert nodes <= shapes and flows == edges
    assert not ids & {"Start", "End"} and not any(str(i).endswith(".EndJoin") for i in ids)
    for gateway in process.iterfind("bpmn:exclusiveGateway", NS):
        out = process.findall(f"bpmn:sequenceFlow[@sourceRef='{gateway.get('id')}']", NS)
        if len(out) > 1:
            assert gateway.get("default") and gateway.get("name")
    steps = {s.id.value for s in loaded.workflows[0].procedure.node.steps if s.duration}
    timers = process.findall("bpmn:boundaryEvent", NS)
    assert {t.get("attachedToRef") for t in timers} == {f"task_{safe_id(s)}" for s in steps}
    for timer in timers:
        duration = timer.find("bpmn:timerEventDefinition/bpmn:timeDuration", NS)
        assert duration is not None and (duration.text or "").startswith('"P')  # a Python string


def test_the_example_export_matches_its_golden_file() -> None:
    loaded = load([ROOT / "examples" / "dang-ky-khai-sinh.tthc"])
    text = to_bpmn(loaded.workflows[0], loaded.project.model)
    path = Path(__file__).parent / "golden" / "dang-ky-khai-sinh.bpmn"
    if os.environ.get("TTHC_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# --- the differential run -----------------------------------------------------------------

# A policy names the outcome a step gives on its n-th run (None: the `otherwise` branch).
Policy = Callable[[str, int, list[str | None]], str | None]
LIMIT = 60  # steps per run: a policy that loops for ever is cut at the same place in both


def _prescribed(workflow: Workflow, policy: Policy) -> list[str]:
    """The steps a case runs, in order, by the compiled graph's token game (workflow.py): the
    ready step with the smallest id runs first."""
    ready: list[str] = [START]
    slots: dict[int, set[str]] = {}
    visits: dict[str, int] = {}
    visited: list[str] = []
    while ready and len(visited) < LIMIT:
        node = min(ready, key=lambda n: (n != START, safe_id(n)))
        ready.remove(node)
        if node == END:
            break
        if node != START:
            visited.append(node)
        branches = workflow.branches(node)
        if not branches:
            continue
        visits[node] = visits.get(node, 0) + 1
        outcomes = [b.outcome for b in branches]
        chosen = policy(node, visits[node], outcomes) if len(branches) > 1 else None
        branch = next((b for b in branches if b.outcome == chosen and chosen), None)
        branch = branch or next((b for b in branches if b.default), branches[-1])
        for target in branch.targets:
            join = workflow.join_of(branch, target)
            if join is None:
                ready.append(target)
                continue
            slot = slots.setdefault(id(join), set())
            slot.add(node)
            if slot >= set(join.sources):
                slot.clear()
                ready.append(join.target)
    return visited


def _executed(xml: str, workflow: Workflow, policy: Policy) -> list[str]:
    parser = SpiffBpmnParser(validator=BpmnValidator())
    parser.add_bpmn_str(xml.encode("utf-8"))
    process_id = build_process(workflow).id
    spec = parser.get_spec(process_id)
    case = BpmnWorkflow(spec, parser.get_subprocess_specs(process_id))
    case.do_engine_steps()
    steps = {f"task_{safe_id(s)}": s for s in workflow.step_ids()}
    visits: dict[str, int] = {}
    visited: list[str] = []
    while len(visited) < LIMIT:
        ready = case.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            break
        task = min(ready, key=lambda t: t.task_spec.bpmn_id)
        step = steps[task.task_spec.bpmn_id]
        visited.append(step)
        visits[step] = visits.get(step, 0) + 1
        branches = workflow.branches(step)
        if len(branches) > 1:
            outcomes = [b.outcome for b in branches]
            task.data["outcome"] = policy(step, visits[step], outcomes)
        task.run()
        case.do_engine_steps()
    if len(visited) < LIMIT:
        assert case.is_completed(), f"Spiff stopped after {visited} without completing"
    return visited


def _first(step: str, visit: int, outcomes: list[str | None]) -> str | None:
    return outcomes[0]


def _otherwise_then_first(step: str, visit: int, outcomes: list[str | None]) -> str | None:
    return None if visit == 1 else outcomes[0]


def _each_in_turn(step: str, visit: int, outcomes: list[str | None]) -> str | None:
    return outcomes[(visit - 1) % len(outcomes)]


def _seeded(seed: int) -> Policy:
    def policy(step: str, visit: int, outcomes: list[str | None]) -> str | None:
        return random.Random(f"{seed}/{step}/{visit}").choice([*outcomes, None])

    return policy


POLICIES: dict[str, Policy] = {
    "first": _first,
    "otherwise-then-first": _otherwise_then_first,
    "each-in-turn": _each_in_turn,
    **{f"seed-{seed}": _seeded(seed) for seed in range(4)},
}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_spiffworkflow_runs_the_export_as_the_compiled_graph_prescribes(path: Path) -> None:
    loaded = load([path])
    workflow = loaded.workflows[0]
    xml = to_bpmn(workflow, loaded.project.model)
    runs = {name: _prescribed(workflow, policy) for name, policy in POLICIES.items()}
    assert len({tuple(run) for run in runs.values()}) > 1  # the policies take different paths
    for name, policy in POLICIES.items():
        assert _executed(xml, workflow, policy) == runs[name], name


def test_a_step_timer_fires_without_stopping_the_case() -> None:
    loaded = load([ROOT / "examples" / "dang-ky-khai-sinh.tthc"])
    workflow = loaded.workflows[0]
    xml = to_bpmn(workflow, loaded.project.model).replace('"PT4H48M"', '"PT0S"', 1)
    parser = SpiffBpmnParser(validator=BpmnValidator())
    parser.add_bpmn_str(xml.encode("utf-8"))
    process_id = build_process(workflow).id
    case = BpmnWorkflow(parser.get_spec(process_id), parser.get_subprocess_specs(process_id))
    case.do_engine_steps()
    case.refresh_timers()
    case.do_engine_steps()
    done = {t.task_spec.bpmn_id for t in case.get_tasks(state=TaskState.COMPLETED)}
    assert "ev_late_tiep_nhan" in done
    ready = [t.task_spec.bpmn_id for t in case.get_tasks(state=TaskState.READY, manual=True)]
    assert ready == ["task_tiep_nhan"]  # the step is still to be done: the timer only records


def test_hostile_names_stay_text_in_the_xml() -> None:
    loaded = load([Path(__file__).parent / "cases" / "malicious.tthc"])
    workflow = loaded.workflows[0]
    xml = to_bpmn(workflow, loaded.project.model)
    root = ET.fromstring(xml)
    names = {t.get("name") for t in root.iterfind(".//bpmn:userTask", NS)}
    assert names == {s.title for s in workflow.procedure.node.steps}
    parser = SpiffBpmnParser(validator=BpmnValidator())  # the XSD accepts it
    parser.add_bpmn_str(xml.encode("utf-8"))
    assert parser.get_spec(build_process(workflow).id) is not None
