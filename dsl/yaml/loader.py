"""The YAML front end: `SourceFile` (`.yaml`) → `Outcome[ast.Document]`.

Input: YAML text. Output: the same AST the DSL gives. The file is read with `yaml.compose`,
so every node keeps its line and column; the node tree is then converted field by field,
guided by the AST models' type annotations. Keys are the DSL keywords (the models' aliases).
Values that are DSL notation in both forms (a duration `3 working_days`, a citation
`nd-120-2025 art 4`, a flow line `a -> b when ok`) are parsed by the DSL grammar in place, so
their spans point into the YAML text. Duplicate keys (TT004), unknown keys (TT002), wrong
values (TT003) and alias bombs or deep nesting (TT006) are diagnostics, never exceptions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from enum import Enum
from typing import Any, Union, get_args, get_origin

import yaml

from tthc.dsl import ast
from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome, Related
from tthc.dsl.frozen import Field, Frozen, fields_of
from tthc.dsl.models import validated
from tthc.dsl.reading.aliases import canonical
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.reading.numbers import bounded, number_problem
from tthc.dsl.reading.parser import parse_fragment
from tthc.dsl.span import Span
from tthc.dsl.yaml.safety import compose, limit_problem
from tthc.dsl.yaml.vietnamese_keys import english_key

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*(-[a-z0-9_]+)*(\.[a-z][a-z0-9_]*(-[a-z0-9_]+)*)*")

# AST types written in DSL notation inside a YAML string, and the grammar rule that reads them.
FRAGMENTS: dict[type, str] = {
    ast.Citation: "citation",
    ast.Duration: "duration",
    ast.FlowLine: "flow_line",
    ast.Channel: "channel",
    ast.Deadline: "deadline_value",
    ast.Coordination: "coordination",
}

# The top-level keys of a YAML file and the document field each fills.
TOP_LEVEL = {
    "procedure": "procedures",
    "procedures": "procedures",
    "authorities": "authorities",
    "instruments": "instruments",
    "grants": "grants",
    "transfers": "transfers",
}

_BAD = object()  # a value that could not be converted; its diagnostic is already recorded


class _Abort(Exception):
    """A safety limit was hit: stop converting at once (the diagnostic is recorded)."""


def _span(path: str, node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line + 1, end.column + 1
    if (end_line, end_column) <= (start.line + 1, start.column + 1):
        end_line, end_column = start.line + 1, start.column + 2
    return Span(
        path=path,
        line=start.line + 1,
        column=start.column + 1,
        end_line=end_line,
        end_column=end_column,
    )


def parse_yaml(path: str, text: str, limits: Limits = DEFAULT_LIMITS) -> Outcome[ast.Document]:
    composed = compose(path, text, limits)  # syntax, tags, nesting and alias bombs: refused
    root = composed.value
    if root is None:
        empty = None if composed.diagnostics else ast.Document(span=Span.point(path))
        return Outcome(empty, composed.diagnostics)
    converter = _Converter(path, limits)
    try:
        document = converter.document(root)
    except _Abort:
        return Outcome(None, converter.problems)
    return Outcome(document, converter.problems)


class _Converter:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.problems: list[Diagnostic] = []
        self.visited = 0

    def span(self, node: yaml.Node) -> Span:
        return _span(self.path, node)

    def report(
        self, code: str, node: yaml.Node, message: Message, help: Message | None = None
    ) -> object:
        self.problems.append(make_diagnostic(code, self.span(node), message, help))
        return _BAD

    def visit(self, node: yaml.Node, depth: int) -> None:
        """Counts nodes as aliases expand them, and nesting depth: the TT006 guards."""
        self.visited += 1
        if self.visited > self.limits.max_yaml_nodes:
            self.problems.append(
                limit_problem(self.span(node), "nodes", self.limits.max_yaml_nodes)
            )
            raise _Abort
        if depth > self.limits.max_depth:
            self.problems.append(limit_problem(self.span(node), "nesting", self.limits.max_depth))
            raise _Abort
        if len(self.problems) > self.limits.max_findings_per_file:
            raise _Abort  # the report keeps no more (`tthc.rules.engine.caps` says how many)

    # -- document --------------------------------------------------------------------------

    def document(self, root: yaml.Node) -> ast.Document | None:
        if not isinstance(root, yaml.MappingNode):
            self.report("TT003", root, *_expected("mapping"))
            return None
        groups: dict[str, list[Any]] = {field: [] for field in set(TOP_LEVEL.values())}
        for key, value in self.pairs(root, 0):
            field = TOP_LEVEL.get(key.value)
            if field is None:
                self.unknown_key(key, list(TOP_LEVEL))
                continue
            model = fields_of(ast.Document)[field].annotation
            item_type = get_args(model)[0]
            if key.value == "procedure":
                items = [self.convert(value, item_type, 1)]
            else:
                converted = self.convert(value, model, 1)
                items = [] if converted is _BAD or converted is None else list(converted)
            groups[field].extend(item for item in items if item is not _BAD and item is not None)
        return ast.Document(span=self.span(root), **{k: tuple(v) for k, v in groups.items()})

    def pairs(self, node: yaml.MappingNode, depth: int) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """The key/value pairs of a mapping; duplicate and non-string keys are reported."""
        seen: dict[str, yaml.Node] = {}
        result = []
        for key, value in node.value:
            self.visit(key, depth + 1)
            if not isinstance(key, yaml.ScalarNode):
                self.report("TT003", key, *_expected("key"))
                continue
            if key.value in seen:
                first = self.span(seen[key.value])
                self.problems.append(
                    make_diagnostic(
                        "TT004",
                        self.span(key),
                        Message(
                            vi=f"Khóa '{key.value}' bị lặp lại", en=f"Duplicate key '{key.value}'"
                        ),
                        Message(
                            vi="Giữ một khóa và xóa khóa còn lại", en="Keep one of the two keys"
                        ),
                        related=(
                            Related(
                                span=first, message=Message(vi="Lần đầu ở đây", en="First here")
                            ),
                        ),
                    )
                )
                continue
            seen[key.value] = key
            result.append((key, value))
        return result

    def unknown_key(self, key: yaml.ScalarNode, allowed: list[str]) -> None:
        close = difflib.get_close_matches(str(key.value), allowed, n=1, cutoff=0.6)
        hint_vi = (
            f"Có phải ý bạn là '{close[0]}'?" if close else "Các khóa hợp lệ: " + ", ".join(allowed)
        )
        hint_en = f"Did you mean '{close[0]}'?" if close else "Valid keys: " + ", ".join(allowed)
        vietnamese = english_key(str(key.value), allowed)
        if vietnamese is not None:  # a Vietnamese term typed where the key is expected
            hint_vi = f"Khóa viết bằng tiếng Anh: viết `{vietnamese[0]}` ({vietnamese[1]})"
            hint_en = f"Keys are English: write `{vietnamese[0]}` ({vietnamese[1]})"
        self.report(
            "TT002",
            key,
            Message(vi=f"Khóa không hợp lệ '{key.value}'", en=f"Unknown key '{key.value}'"),
            Message(vi=hint_vi, en=hint_en),
        )

    # -- conversion by annotation ----------------------------------------------------------

    def convert(self, node: yaml.Node, annotation: Any, depth: int) -> Any:
        self.visit(node, depth)
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if _is_null(node):
                return None
            return self.convert(node, options[0], depth)
        if origin is tuple:
            return self.sequence(node, get_args(annotation)[0], depth)
        if isinstance(annotation, type):
            if annotation in FRAGMENTS:
                return self.fragment(node, annotation)
            if annotation is ast.Name:
                return self.name(node)
            if annotation is ast.Text:
                return ast.Text(span=self.span(node), value=str(self.scalar(node)))
            if issubclass(annotation, Frozen):
                return self.model(node, annotation, depth)
            if issubclass(annotation, Enum):
                return self.enum(node, annotation)
        return self.plain(node, annotation)

    def sequence(self, node: yaml.Node, item_type: Any, depth: int) -> Any:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        converted = [self.convert(item, item_type, depth + 1) for item in items]
        if any(item is _BAD for item in converted):
            return _BAD
        return tuple(converted)

    def model(self, node: yaml.Node, model: type[Frozen], depth: int) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.report("TT003", node, *_expected("mapping", model.__name__))
        fields = {(info.alias or name): (name, info) for name, info in fields_of(model).items()}
        fields.pop("span", None)
        values: dict[str, Any] = {"span": self.span(node)}
        key_nodes: dict[str, yaml.Node] = {}
        bad = False
        for key, value in self.pairs(node, depth):
            if key.value not in fields:
                self.unknown_key(key, list(fields))
                bad = True
                continue
            name, info = fields[key.value]
            converted = self.convert(value, info.annotation, depth + 1)
            key_nodes[name] = key_nodes[key.value] = value  # pydantic may name either
            if converted is _BAD:
                bad = True
            elif converted is not None:
                values[name] = converted
        if bad:
            return _BAD
        built, found = validated(model, values)
        for problem in found:
            where = key_nodes.get(str(problem["loc"][0]), node) if problem["loc"] else node
            self.report("TT003", where, *_validation_message(problem, model, fields))
        return _BAD if built is None else built

    def fragment(self, node: yaml.Node, annotation: type) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.report("TT003", node, *_expected("text", annotation.__name__))
        text = str(node.value)
        offset = 1 if node.style in ('"', "'") else 0
        value, problems = parse_fragment(
            text,
            FRAGMENTS[annotation],
            self.path,
            node.start_mark.line + 1,
            node.start_mark.column + 1 + offset,
        )
        self.problems.extend(problems)
        if value is None or problems:
            return _BAD
        return value.value[0] if annotation is ast.Deadline else value  # type: ignore[attr-defined]

    def name(self, node: yaml.Node) -> Any:
        value = self.scalar(node)
        if not isinstance(value, str) or not NAME_PATTERN.fullmatch(value):
            return self.report(
                "TT003",
                node,
                Message(
                    vi=f"'{value}' không phải là định danh hợp lệ",
                    en=f"'{value}' is not a valid identifier",
                ),
                Message(
                    vi="Định danh gồm chữ thường không dấu, số, '_', '-' và '.', ví dụ tiep_nhan",
                    en="An identifier is lower-case ASCII letters, digits, '_', '-' and '.', e.g. tiep_nhan",
                ),
            )
        return ast.Name(span=self.span(node), value=value)

    def enum(self, node: yaml.Node, enum: type[Enum]) -> Any:
        value = str(self.scalar(node))
        allowed = [str(member.value) for member in enum]
        if value in allowed:
            return enum(value)
        alias = canonical(ALIAS_TERMINALS.get(enum.__name__, ""), value)
        if alias is not None:  # the Vietnamese word of the value, as in the DSL
            return enum(alias)
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
        return self.report(
            "TT003",
            node,
            Message(vi=f"Giá trị không hợp lệ '{value}'", en=f"Invalid value '{value}'"),
            Message(
                vi=(f"Có phải ý bạn là '{close[0]}'? " if close else "")
                + "Giá trị hợp lệ: "
                + ", ".join(allowed),
                en=(f"Did you mean '{close[0]}'? " if close else "")
                + "Valid values: "
                + ", ".join(allowed),
            ),
        )

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.report("TT003", node, *_expected("text"))
            return _BAD
        return node.value

    def plain(self, node: yaml.Node, annotation: Any) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.report("TT003", node, *_expected("text"))
        raw = str(node.value)
        tag = node.tag.rsplit(":", 1)[-1]
        if annotation is str:
            return raw
        if annotation is bool:
            lowered = raw.lower()
            lowered = canonical("BOOL", raw) or lowered  # `có`, `không`, as in the DSL
            if lowered in {"yes", "true", "on"}:
                return True
            if lowered in {"no", "false", "off"}:
                return False
            return self.report("TT003", node, *_expected("yes/no"))
        if annotation is int:
            if tag == "int" and raw.lstrip("+").isdigit():
                problem = number_problem(raw, _span(self.path, node))
                if problem is not None:
                    self.problems.append(problem)
                return int(bounded(raw))
            return self.report("TT003", node, *_expected("whole number"))
        if annotation is dt.date:
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                return self.report("TT003", node, *_expected("date"))
        return raw


# The enumerations whose values may be written as Vietnamese words, and their DSL terminal.
ALIAS_TERMINALS = {
    "Level": "LEVEL",
    "StepKind": "STEP_KIND",
    "SignatureKind": "SIGNATURE",
    "GrantMode": "GRANT_MODE",
    "InstrumentKind": "INSTRUMENT_KIND",
    "AuthorityKind": "AUTHORITY_KIND",
}


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


_EXPECTED_WORDS = {
    "mapping": ("một khối khóa: giá trị", "a mapping of keys to values"),
    "key": ("một khóa dạng chữ", "a plain text key"),
    "text": ("một giá trị dạng chữ", "a text value"),
    "yes/no": ("yes hoặc no", "yes or no"),
    "whole number": ("một số nguyên", "a whole number"),
    "date": ("một ngày dạng 2025-07-01", "a date such as 2025-07-01"),
}


def _expected(what: str, where: str = "") -> tuple[Message, Message]:
    vi, en = _EXPECTED_WORDS[what]
    suffix = f" ({where})" if where else ""
    return (
        Message(vi=f"Cần {vi}{suffix}", en=f"Expected {en}{suffix}"),
        Message(vi=f"Sửa giá trị thành {vi}", en=f"Write {en} here"),
    )


def _validation_message(
    problem: Any, model: type[Frozen], fields: dict[str, tuple[str, Field]]
) -> tuple[Message, Message]:
    name = str(problem["loc"][0]) if problem["loc"] else ""
    key = next((alias for alias, (field, _) in fields.items() if field == name), name)
    if problem["type"] == "missing":
        return (
            Message(vi=f"Thiếu khóa bắt buộc '{key}'", en=f"Required key '{key}' is missing"),
            Message(vi=f"Thêm khóa '{key}' vào khối này", en=f"Add '{key}' to this mapping"),
        )
    return (
        Message(
            vi=f"Giá trị không hợp lệ cho '{key}': {problem['msg']}",
            en=f"Invalid value for '{key}': {problem['msg']}",
        ),
        Message(vi=f"Sửa giá trị của '{key}'", en=f"Correct the value of '{key}'"),
    )
