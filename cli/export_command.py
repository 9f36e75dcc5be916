"""`tthc export FILE --format bpmn`: one procedure as BPMN 2.0 XML with diagram interchange."""

from __future__ import annotations

from tthc.cli.output_file import load_chosen, write_output


def run_export(file: str, flavour: str, output: str | None, code: str | None) -> int:
    from tthc.outputs.bpmn import to_bpmn

    chosen = load_chosen(file, code)
    if isinstance(chosen, int):
        return chosen
    model, workflow = chosen
    return write_output(to_bpmn(workflow, model, flavour), output)
