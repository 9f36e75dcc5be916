"""BPMN 2.0 XML with diagram interchange, from a `Process`, in two flavours.

Input: a `Process` (`tthc.outputs.bpmn.process`) and a flavour. Output: the XML text.
- `spiff` (the default): conditions and timer durations are Python expressions, as
  SpiffWorkflow evaluates them (`outcome == "complete"`, `"PT4H48M"` quoted: PEERS.md §8.7);
- `camunda8`: FEEL (`=outcome = "complete"`), Zeebe user tasks assigned to the authority as a
  candidate group, plain ISO 8601 timers, and the modeler's execution-platform attributes that
  the Camunda 8 lint rules read.

Diagram interchange: a pool holding one lane per authority; every flow node a shape, every flow
an edge; shapes come from `tthc.outputs.layout` (one cell each, so none overlaps another; a
boundary timer sits on its task's border and its end event beside it in the same cell).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from tthc.outputs.bpmn.process import Element, Process
from tthc.outputs.layout import Layout, layered

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ZEEBE = "http://camunda.org/schema/zeebe/1.0"
MODELER = "http://camunda.org/schema/modeler/1.0"
for prefix, uri in [
    ("bpmn", BPMN),
    ("bpmndi", BPMNDI),
    ("dc", DC),
    ("di", DI),
    ("xsi", XSI),
    ("zeebe", ZEEBE),
    ("modeler", MODELER),
]:
    ET.register_namespace(prefix, uri)

FLAVOURS = ("spiff", "camunda8")
CELL_X, CELL_Y = 180, 150
POOL_HEADER, LANE_HEADER = 30, 30
SIZES = {
    "userTask": (100, 80),
    "exclusiveGateway": (50, 50),
    "parallelGateway": (50, 50),
    "startEvent": (36, 36),
    "endEvent": (36, 36),
    "boundaryEvent": (36, 36),
}


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> tuple[int, int]:
        return self.x + self.width, self.y + self.height // 2

    @property
    def left(self) -> tuple[int, int]:
        return self.x, self.y + self.height // 2

    @property
    def top(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y


def to_xml(process: Process, flavour: str = "spiff") -> str:
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown BPMN flavour {flavour!r}")  # the CLI offers only FLAVOURS
    camunda = flavour == "camunda8"
    definitions = ET.Element(
        _q(BPMN, "definitions"),
        {
            "id": f"defs_{process.id}",
            "targetNamespace": "https://tthc.example/bpmn",
            "exporter": "tthc",
            "exporterVersion": "1",
        },
    )
    if camunda:
        definitions.set(_q(MODELER, "executionPlatform"), "Camunda Cloud")
        definitions.set(_q(MODELER, "executionPlatformVersion"), "8.6.0")
    collaboration = ET.SubElement(definitions, _q(BPMN, "collaboration"), id=f"co_{process.id}")
    ET.SubElement(
        collaboration,
        _q(BPMN, "participant"),
        id=f"pool_{process.id}",
        name=process.name,
        processRef=process.id,
    )
    root = ET.SubElement(
        definitions, _q(BPMN, "process"), id=process.id, name=process.name, isExecutable="true"
    )
    lane_set = ET.SubElement(root, _q(BPMN, "laneSet"), id=f"lanes_{process.id}")
    for number, (authority, title) in enumerate(process.lanes.items(), start=1):
        lane = ET.SubElement(lane_set, _q(BPMN, "lane"), id=f"lane_{number}", name=title)
        for element in process.elements:
            if element.lane == authority:
                ET.SubElement(lane, _q(BPMN, "flowNodeRef")).text = element.id
    for element in process.elements:
        _flow_node(root, element, process, camunda)
    for flow in process.flows:
        attributes = {"id": flow.id, "sourceRef": flow.source, "targetRef": flow.target}
        if flow.name:
            attributes["name"] = flow.name
        node = ET.SubElement(root, _q(BPMN, "sequenceFlow"), attributes)
        if flow.outcome is not None:
            text = _condition(flow.outcome, camunda)
            condition = ET.SubElement(
                node, _q(BPMN, "conditionExpression"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
            )
            condition.text = text
    _diagram(definitions, process, collaboration.get("id", ""))
    ET.indent(definitions, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(definitions, "unicode") + "\n"


def _condition(outcome: str, camunda: bool) -> str:
    quoted = '"' + outcome.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"=outcome = {quoted}" if camunda else f"outcome == {quoted}"


def _flow_node(root: ET.Element, element: Element, process: Process, camunda: bool) -> None:
    attributes = {"id": element.id}
    if element.name:
        attributes["name"] = element.name
    if element.kind == "boundaryEvent":
        attributes |= {"attachedToRef": element.attached_to, "cancelActivity": "false"}
    if element.default:
        attributes["default"] = element.default
    node = ET.SubElement(root, _q(BPMN, element.kind), attributes)
    if element.kind == "userTask" and camunda:
        extensions = ET.SubElement(node, _q(BPMN, "extensionElements"))
        ET.SubElement(extensions, _q(ZEEBE, "userTask"))
        # The portal shows the step's form; the reference names the procedure and the step.
        reference = f"tthc:{process.id}/{element.step}"
        ET.SubElement(extensions, _q(ZEEBE, "formDefinition"), externalReference=reference)
        if element.lane:
            ET.SubElement(
                extensions, _q(ZEEBE, "assignmentDefinition"), candidateGroups=element.lane
            )
    for flow in process.flows:
        if flow.target == element.id:
            ET.SubElement(node, _q(BPMN, "incoming")).text = flow.id
    for flow in process.flows:
        if flow.source == element.id:
            ET.SubElement(node, _q(BPMN, "outgoing")).text = flow.id
    if element.kind == "boundaryEvent":
        timer = ET.SubElement(node, _q(BPMN, "timerEventDefinition"), id=f"def_{element.id}")
        duration = ET.SubElement(
            timer, _q(BPMN, "timeDuration"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
        )
        duration.text = element.duration if camunda else f'"{element.duration}"'


def _placed(process: Process) -> set[str]:
    """The elements the layout places in cells: all but the timers and their end events."""
    riding = {e.id for e in process.elements if e.kind == "boundaryEvent"}
    riding |= {f.target for f in process.flows if f.source in riding}
    return {e.id for e in process.elements if e.id not in riding}


def boxes(process: Process) -> tuple[Layout, dict[str, Box]]:
    """Where each element is drawn (the layout and the shapes' bounds)."""
    placed = _placed(process)
    order = [e.id for e in process.elements if e.id in placed]
    order.sort(key=lambda i: i != "ev_start")
    arrows = [(f.source, f.target) for f in process.flows if f.source in placed]
    lane_of = {e.id: e.lane for e in process.elements}
    layout = layered(order, arrows, {i: lane_of[i] for i in order})
    found: dict[str, Box] = {}
    for element in process.elements:
        if element.id in placed:
            column, row = layout.cells[element.id]
            cx = POOL_HEADER + LANE_HEADER + column * CELL_X + CELL_X // 2
            cy = row * CELL_Y + CELL_Y // 2 - 15
            width, height = SIZES[element.kind]
            found[element.id] = Box(cx - width // 2, cy - height // 2, width, height)
    for element in process.elements:
        if element.kind == "boundaryEvent":
            host = found[element.attached_to]
            found[element.id] = Box(host.x + host.width // 2 + 8, host.y + host.height - 18, 36, 36)
            late = next(f.target for f in process.flows if f.source == element.id)
            found[late] = Box(host.x + host.width, host.y + host.height + 8, 36, 36)
    return layout, found


def _diagram(definitions: ET.Element, process: Process, plane_element: str) -> None:
    layout, shapes = boxes(process)
    diagram = ET.SubElement(definitions, _q(BPMNDI, "BPMNDiagram"), id=f"diagram_{process.id}")
    plane = ET.SubElement(
        diagram, _q(BPMNDI, "BPMNPlane"), id=f"plane_{process.id}", bpmnElement=plane_element
    )
    width = LANE_HEADER + max(layout.columns, 1) * CELL_X
    height = max(layout.rows, 1) * CELL_Y
    _shape(plane, f"pool_{process.id}", Box(0, 0, POOL_HEADER + width, height), horizontal=True)
    lane_ids = {a: f"lane_{n}" for n, a in enumerate(process.lanes, start=1)}
    for lane in layout.lanes:
        box = Box(POOL_HEADER, lane.first_row * CELL_Y, width, lane.rows * CELL_Y)
        _shape(plane, lane_ids[lane.name], box, horizontal=True)
    for element in process.elements:
        _shape(plane, element.id, shapes[element.id], marker=element.kind == "exclusiveGateway")
    rows_of = {e.id: layout.cells[e.id][1] for e in process.elements if e.id in layout.cells}
    tracks: dict[int, int] = {}
    for flow in process.flows:
        source, target = shapes[flow.source], shapes[flow.target]
        if flow.source not in rows_of:  # a timer's flow to its end event
            start = (source.x + source.width // 2, source.y + source.height)
            points = [start, (start[0], target.left[1]), target.left]
        elif (flow.source, flow.target) in layout.back:
            row = min(rows_of[flow.source], rows_of[flow.target])
            tracks[row] = tracks.get(row, 0) + 1
            track_y = row * CELL_Y + 4 * tracks[row]
            points = [source.top, (source.top[0], track_y), (target.top[0], track_y), target.top]
        else:
            points = _forward(layout, flow.source, flow.target, source, target)
        edge = ET.SubElement(plane, _q(BPMNDI, "BPMNEdge"), id=f"{flow.id}_di", bpmnElement=flow.id)
        for x, y in points:
            ET.SubElement(edge, _q(DI, "waypoint"), x=str(x), y=str(y))


def _forward(
    layout: Layout, source_id: str, target_id: str, source: Box, target: Box
) -> list[tuple[int, int]]:
    (sx, sy), (tx, ty) = source.right, target.left
    source_column, source_row = layout.cells[source_id]
    target_column, target_row = layout.cells[target_id]
    leave = POOL_HEADER + LANE_HEADER + (source_column + 1) * CELL_X - 2  # the column gap
    enter = POOL_HEADER + LANE_HEADER + target_column * CELL_X + 2
    if target_column - source_column > 1:
        band = min(source_row, target_row) * CELL_Y + 10  # the free band atop the upper row
        return [(sx, sy), (leave, sy), (leave, band), (enter, band), (enter, ty), (tx, ty)]
    if sy == ty:
        return [(sx, sy), (tx, ty)]
    return [(sx, sy), (leave, sy), (leave, ty), (tx, ty)]


def _shape(
    plane: ET.Element, element: str, box: Box, *, horizontal: bool = False, marker: bool = False
) -> None:
    attributes = {"id": f"{element}_di", "bpmnElement": element}
    if horizontal:
        attributes["isHorizontal"] = "true"
    if marker:
        attributes["isMarkerVisible"] = "true"
    shape = ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), attributes)
    ET.SubElement(
        shape,
        _q(DC, "Bounds"),
        x=str(box.x),
        y=str(box.y),
        width=str(box.width),
        height=str(box.height),
    )
