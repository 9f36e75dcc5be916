"""Diagrams of a flow: Mermaid, SVG (our own layout) and the layout itself, for every corpus
procedure; `tthc graph --format mermaid|dot|svg`.

`TTHC_UPDATE_GOLDEN=1 pytest tests/outputs/test_diagrams.py` rewrites the golden Mermaid file.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.outputs.drawing import drawing
from tthc.outputs.layout import layered
from tthc.outputs.loading import load
from tthc.outputs.mermaid import to_mermaid
from tthc.outputs.svg import svg_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted(p for p in (ROOT / "procedures").rglob("*.tthc") if "registry" not in p.parts)
MALICIOUS = Path(__file__).parent / "cases" / "malicious.tthc"
SVG = "{http://www.w3.org/2000/svg}"
STATEMENT = re.compile(
    r'^(flowchart LR|  n\d+(\["[^"]*"\]|\(\("[^"]*"\)\))|  n\d+ (-->|-\.->|==>)(\|"[^"]*"\|)? n\d+)$'
)


def test_mermaid_of_an_example_matches_its_golden_file() -> None:
    loaded = load([ROOT / "examples" / "dang-ky-khai-sinh.tthc"])
    text = to_mermaid(loaded.workflows[0], loaded.project.model)
    path = Path(__file__).parent / "golden" / "dang-ky-khai-sinh.mmd"
    if os.environ.get("TTHC_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [*CORPUS, MALICIOUS], ids=lambda p: p.stem)
def test_every_mermaid_line_is_one_whole_statement(path: Path) -> None:
    loaded = load([path])
    text = to_mermaid(loaded.workflows[0], loaded.project.model)
    assert [line for line in text.splitlines() if not STATEMENT.match(line)] == []


def _boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    return [
        (
            float(r.get("x", 0)),
            float(r.get("y", 0)),
            float(r.get("width", 0)),
            float(r.get("height", 0)),
        )
        for r in root.iter(f"{SVG}rect")
    ]


@pytest.mark.parametrize("path", [*CORPUS, MALICIOUS], ids=lambda p: p.stem)
def test_every_svg_is_well_formed_with_a_box_per_step_and_no_overlap(path: Path) -> None:
    loaded = load([path])
    workflow = loaded.workflows[0]
    root = ET.fromstring(svg_document(workflow, loaded.project.model).split("\n", 1)[1])
    boxes = _boxes(root)
    assert len(boxes) == len(workflow.step_ids())
    for (x1, y1, w1, h1), (x2, y2, w2, h2) in combinations(boxes, 2):
        assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
    arrows = drawing(workflow).arrows
    assert len([p for p in root.iter(f"{SVG}path") if p.get("marker-end")]) == len(arrows)
    titles = [t.text or "" for t in root.iter(f"{SVG}title")]
    for step in workflow.procedure.node.steps:
        assert any(t.startswith(step.title) for t in titles)


def test_layout_gives_each_node_its_own_cell_and_sets_loops_aside() -> None:
    nodes = ["start", "a", "b", "c", "end"]
    arrows = [("start", "a"), ("a", "b"), ("b", "a"), ("b", "c"), ("a", "c"), ("c", "end")]
    layout = layered(nodes, arrows, {"start": "x", "a": "x", "b": "y", "c": "x", "end": "x"})
    assert layout.back == frozenset({("b", "a")})
    assert len(set(layout.cells.values())) == len(nodes)
    assert [layout.column(n) for n in nodes] == [0, 1, 2, 3, 4]
    assert [(lane.name, lane.first_row, lane.rows) for lane in layout.lanes] == [
        ("x", 0, 1),
        ("y", 1, 1),
    ]
    assert layout.row("b") == 1 and layout.row("c") == 0  # the main path stays on one line


@pytest.mark.parametrize("form", ["json", "dot", "mermaid", "svg"])
def test_graph_command_prints_each_format(form: str) -> None:
    path = str(ROOT / "procedures" / "dat-dai" / "dang-ky-cap-giay-chung-nhan-lan-dau.tthc")
    result = CliRunner().invoke(main, ["graph", path, "--format", form])
    assert result.exit_code == 0
    starts = {"json": "{", "dot": "digraph", "mermaid": "flowchart LR", "svg": "<?xml"}
    assert result.output.startswith(starts[form])
    if form in ("mermaid", "svg"):
        assert "Chi nhánh Văn phòng Đăng ký đất đai" in result.output  # titles from the registry
