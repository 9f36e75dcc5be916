"""One entry point for both front ends: path or `SourceFile` → `Outcome[ast.Document]`.

Input: a `SourceFile`. Output: the AST from the DSL parser (`.tthc`) or the YAML loader
(`.yaml`, `.yml`), with the encoding and normalisation diagnostics of `read_source` kept.
"""

from __future__ import annotations

from pathlib import Path

from tthc.dsl import ast
from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.reading.parser import parse_dsl
from tthc.dsl.reading.source import read_source
from tthc.dsl.span import SourceFile

SUFFIXES = (".tthc", ".yaml", ".yml")


def parse(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> Outcome[ast.Document]:
    """Parses one decoded file in the form its name says."""
    if source.is_yaml:
        from tthc.dsl.yaml.loader import parse_yaml  # PyYAML stays off the path of DSL-only runs

        outcome = parse_yaml(source.path, source.text, limits)
    else:
        outcome = parse_dsl(source.path, source.text, limits)
    if outcome.value is not None:
        outcome.diagnostics.extend(_step_limit(outcome.value, limits))
        if any(d.code == "TT006" for d in outcome.diagnostics):
            outcome.value = None
    return outcome


def parse_path(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Outcome[ast.Document]:
    """Reads and parses one file; every problem is a diagnostic."""
    read = read_source(path, limits)
    if read.value is None:
        return Outcome(None, read.diagnostics)
    parsed = parse(read.value, limits)
    return Outcome(parsed.value, [*read.diagnostics, *parsed.diagnostics])


def _step_limit(document: ast.Document, limits: Limits) -> list[Diagnostic]:
    """TT006 for a procedure with more steps than the limit: the graph checks grow with it."""
    problems = []
    for procedure in document.procedures:
        if len(procedure.steps) > limits.max_steps:
            problems.append(
                make_diagnostic(
                    "TT006",
                    procedure.code.span,
                    Message(
                        vi=f"Thủ tục có {len(procedure.steps)} bước, vượt giới hạn {limits.max_steps}",
                        en=f"The procedure has {len(procedure.steps)} steps, over the limit of {limits.max_steps}",
                    ),
                    Message(
                        vi="Tách thủ tục, hoặc nâng giới hạn max_steps trong cấu hình",
                        en="Split the procedure, or raise max_steps in the configuration",
                    ),
                )
            )
    return problems
