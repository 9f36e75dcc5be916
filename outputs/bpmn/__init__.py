"""tthc.outputs.bpmn — a procedure as executable BPMN 2.0 with diagram interchange.

build_process(workflow, model) -> Process   the flow as BPMN elements (`process.py`)
to_xml(process, flavour)       -> str       XML + DI; flavour `spiff` or `camunda8` (`xml.py`)
to_bpmn(workflow, model, flavour) -> str    both
"""

from tthc.compiler import Model, Workflow
from tthc.outputs.bpmn.process import Process, build_process
from tthc.outputs.bpmn.xml import FLAVOURS, to_xml


def to_bpmn(workflow: Workflow, model: Model | None = None, flavour: str = "spiff") -> str:
    return to_xml(build_process(workflow, model), flavour)


__all__ = ["FLAVOURS", "Process", "build_process", "to_bpmn", "to_xml"]
