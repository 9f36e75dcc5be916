"""The JSON Schema (draft 2020-12) of the YAML form, for editors: AST models → `dict`.

Input: the pydantic models of `ast` (their aliases are the YAML keys). Output: a schema that
VS Code's YAML extension uses to complete keys and flag mistakes as the drafter types; the
`# yaml-language-server: $schema=tthc.schema.json` line that `tthc fmt` writes points to it.
The schema follows what `yaml_loader` accepts: `span` is not written by hand; values in DSL
notation (durations, citations, channels, deadlines, flow lines) are strings with a pattern
and examples; a list may be given as a single value; yes/no is a boolean or one of YAML 1.1's
words for it (editors read YAML 1.2, where `yes` is a string).
"""

from __future__ import annotations

from typing import Any

from tthc.dsl import ast
from tthc.dsl.yaml.loader import TOP_LEVEL

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "tthc.schema.json"

_NAME = r"[a-z][a-z0-9_]*(-[a-z0-9_]+)*(\.[a-z][a-z0-9_]*(-[a-z0-9_]+)*)*"
_DURATION = r"\d+(\.\d+)?\s+(working_days|days|working_hours|hours)"
_STRING = r'"([^"\\\n]|\\.)*"'
_ENDPOINT = rf"({_NAME}|all\s*\(\s*{_NAME}(\s*,\s*{_NAME})*\s*\))"
_ARTICLE = r"\d+[a-zđ]?"


def _notation(pattern: str, description: str, examples: list[str]) -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": rf"^\s*{pattern}\s*$",
        "description": description,
        "examples": examples,
    }


# The AST nodes that the YAML form writes as one string in DSL notation.
NOTATIONS: dict[str, dict[str, Any]] = {
    "Name": _notation(
        _NAME,
        "An identifier: lower-case ASCII words joined by _ or -, segments separated by '.'",
        ["tiep_nhan", "commune.one_stop", "nd-120-2025"],
    ),
    "Text": {"type": "string"},
    "Citation": _notation(
        rf"{_NAME}(\s+art\s+{_ARTICLE}(\s+clause\s+{_ARTICLE})?)?",
        "A legal basis: an instrument of the registry, optionally `art N` and `clause M`",
        ["luat-ho-tich-2014 art 16", "nd-120-2025 art 4 clause 2", "nd-118-2025"],
    ),
    "Duration": _notation(
        _DURATION,
        "A duration: a number and a unit (working_days, days, working_hours, hours)",
        ["3 working_days", "0.5 working_days", "15 days", "8 working_hours"],
    ),
    "Channel": _notation(
        r"(direct|postal|online)(\s+(full|partial))?",
        "A channel of submission, with `full` or `partial` for online submission",
        ["direct", "postal", "online full", "online partial"],
    ),
    "Deadline": _notation(
        rf"(immediately|{_DURATION}(\s+when\s+{_STRING})?)",
        'The time to settle: `immediately`, or a duration, optionally `when "condition"`',
        ["immediately", "3 working_days", '25 working_days when "vùng khó khăn"'],
    ),
    "FlowLine": _notation(
        rf"{_ENDPOINT}(\s*->\s*{_ENDPOINT})+(\s+(when\s+{_NAME}|otherwise))?(\s+clock\s+paused)?",
        "An arrow between steps (start, end, a step, or all(a, b) in parallel), optionally "
        "`when outcome` or `otherwise`, and/or `clock paused`",
        [
            "start -> tiep_nhan",
            "tiep_nhan -> kiem_tra when complete",
            "kiem_tra -> tu_choi otherwise",
            "bo_sung -> tiep_nhan clock paused",
            "tham_dinh -> all(y_kien_a, y_kien_b)",
        ],
    ),
}
# Written nowhere by hand: positions, and parts of a flow line.
DROPPED = ("Span", "Endpoint", "Document")


def yaml_json_schema() -> dict[str, Any]:
    """The schema of a `.yaml` procedure or registry file."""
    generated = ast.Document.model_json_schema(by_alias=True)
    definitions: dict[str, Any] = generated["$defs"]
    for name in DROPPED:
        definitions.pop(name, None)
    definitions.update(NOTATIONS)
    for definition in definitions.values():
        properties = definition.get("properties")
        if properties is None:
            continue
        properties.pop("span", None)
        definition["required"] = [key for key in definition.get("required", []) if key != "span"]
        for key, value in properties.items():
            properties[key] = _adapt(value)
    definitions["YesNo"] = _yes_no()
    properties = {}
    for key, field in TOP_LEVEL.items():
        model = generated["properties"][field]["items"]
        properties[key] = model if key == "procedure" else _one_or_many(model)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "tthc procedure file (YAML form)",
        "description": "Procedures and the legal registry (authorities, instruments, grants, "
        "transfers). Keys are the DSL keywords; durations, citations and flow lines are "
        "written as in the DSL.",
        "type": ["object", "null"],  # an empty file is an empty document
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def _adapt(schema: dict[str, Any]) -> dict[str, Any]:
    """One property as the loader reads it (see the module docstring)."""
    if "anyOf" in schema:
        return {**schema, "anyOf": [_adapt(option) for option in schema["anyOf"]]}
    kind = schema.get("type")
    if kind == "array":
        rest = {key: value for key, value in schema.items() if key not in ("type", "items")}
        return {**rest, **_one_or_many(_adapt(schema["items"]))}
    if kind == "boolean":
        rest = {key: value for key, value in schema.items() if key != "type"}
        return {**rest, "$ref": "#/$defs/YesNo"}
    if kind == "integer":
        return {**schema, "minimum": 0}
    if kind == "string" and schema.get("format") == "date":
        return {**schema, "pattern": r"^\d{4}-\d{2}-\d{2}$", "examples": ["2025-07-01"]}
    return schema


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}]}


def _yes_no() -> dict[str, Any]:
    words = [
        form
        for word in ("yes", "no", "true", "false", "on", "off")
        for form in (word, word.capitalize(), word.upper())
    ]
    return {"description": "yes or no", "anyOf": [{"type": "boolean"}, {"enum": words}]}


def schema_text() -> str:
    """The schema as the JSON text of a `tthc.schema.json` file."""
    import json

    return json.dumps(yaml_json_schema(), indent=2, ensure_ascii=False) + "\n"
