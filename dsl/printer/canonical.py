"""A source file in canonical form, in its own form or the other: `SourceFile` → `Outcome[str]`.

Input: a decoded `.tthc` or `.yaml` file. Output: its canonical text as `.tthc` or `.yaml`,
comments kept, or `None` with the diagnostics when the file does not parse cleanly (a file
with an error is never rewritten: the printer would drop what it could not read). This is
what `tthc fmt` and `tthc convert` call.

Like black, the result is checked before it is returned: it must parse back to the same AST
(spans aside) and hold as many comments as the source. A failure is a bug in the printer and
raises `FormatterBug`, so that no command ever writes a file whose meaning changed.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from tthc.dsl import ast
from tthc.dsl.diagnostics import Outcome, Severity
from tthc.dsl.printer.comments import dsl_comments, scan_dsl
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.printer.lines import Comments
from tthc.dsl.printer.wrap import WIDTH
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.reading.reader import parse
from tthc.dsl.span import SourceFile

Form = Literal["tthc", "yaml"]
FIXED_BY_FORMATTING = {"TT007"}  # text not in NFC: the printers write NFC


class FormatterBug(Exception):
    """The canonical text does not mean what the source meant: never write it."""


def form_of(source: SourceFile) -> Form:
    return "yaml" if source.is_yaml else "tthc"


def format_source(
    source: SourceFile,
    to: Form | None = None,
    limits: Limits = DEFAULT_LIMITS,
    width: int = WIDTH,
    schema: str | None = None,
) -> Outcome[str]:
    """The canonical text of `source` in the form `to` (by default its own form); DSL lines
    are wrapped to `width` columns where they can be. `schema`: the path the modeline of a YAML
    text names when the source names none (default `tthc.schema.json`)."""
    parsed = parse(source, limits)
    kept = [d for d in parsed.diagnostics if d.code not in FIXED_BY_FORMATTING]
    if parsed.value is None or any(d.severity is Severity.ERROR for d in parsed.diagnostics):
        return Outcome(None, parsed.diagnostics)
    target = to or form_of(source)
    comments, named = _comments(source)
    if target == "yaml":
        from tthc.dsl.printer.yaml import SCHEMA_FILE, format_yaml

        text = format_yaml(parsed.value, comments, named or schema or SCHEMA_FILE)
    else:
        text = format_dsl(parsed.value, comments, width)
    _check(source, parsed.value, text, target, _count(source))
    return Outcome(text, kept)


def _comments(source: SourceFile) -> tuple[Comments, str | None]:
    if source.is_yaml:
        from tthc.dsl.printer.yaml_comments import yaml_comments

        return yaml_comments(source.text)
    return dsl_comments(source.text), None


def _count(source: SourceFile) -> int:
    if source.is_yaml:
        from tthc.dsl.printer.yaml_comments import scan_yaml

        return len(scan_yaml(source.text)[0])
    return len(scan_dsl(source.text))


def _check(
    source: SourceFile, document: ast.Document, text: str, target: Form, comments: int
) -> None:
    name = source.path.rsplit(".", 1)[0] + (".yaml" if target == "yaml" else ".tthc")
    result = SourceFile.from_text(name, text)
    again = parse(result)
    if again.value is None or any(d.severity is Severity.ERROR for d in again.diagnostics):
        raise FormatterBug(f"{source.path}: the canonical text does not parse: {again.diagnostics}")
    if _meaning(ast.without_spans(again.value)) != _meaning(ast.without_spans(document)):
        raise FormatterBug(f"{source.path}: the canonical text parses to another AST")
    if _count(result) != comments:
        raise FormatterBug(f"{source.path}: comments were lost ({comments} → {_count(result)})")


def _meaning(value: Any) -> Any:
    """Plain AST data as the printers write it: text in NFC. (Amounts need nothing: the front
    ends store `3.0` as `3`, the way the printers write it.)"""
    if isinstance(value, dict):
        return {key: _meaning(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_meaning(item) for item in value]
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value
