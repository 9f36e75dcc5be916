"""The JSON Schema (draft-07) of the YAML form, for editors: AST models → `dict`.

Input: the pydantic mirror of `ast` (`tthc.dsl.models`; the aliases are the YAML keys) and what
each key means (`tthc.dsl.yaml.keys`, in Vietnamese and English, with examples). Output: a schema that VS
Code's YAML extension (which validates with JSON Schema draft-07) uses to complete keys, show
what a key means on hover and flag mistakes as the drafter types; the
`# yaml-language-server: $schema=…` line that `tthc convert` writes points to the file
`tthc schema --write` writes (`tthc.schema.json` in the project's folder).
The schema follows what `yaml_loader` accepts: `span` is not written by hand; values in DSL
notation (durations, citations, channels, deadlines, flow lines) are strings with a pattern
and examples; a list may be given as a single value; yes/no is a boolean or one of YAML 1.1's
words for it (editors read YAML 1.2, where `yes` is a string).
"""

from __future__ import annotations

from typing import Any

from tthc.dsl import ast, models
from tthc.dsl.reading.aliases import ALIASES
from tthc.dsl.yaml.keys import KEYS, TOP_LEVEL_KEYS, Key, description
from tthc.dsl.yaml.loader import ALIAS_TERMINALS, TOP_LEVEL

DIALECT = "http://json-schema.org/draft-07/schema#"
DEFINITIONS = "definitions"  # draft-07's place for shared schemas (`$defs` came in 2019-09)
SCHEMA_ID = "tthc.schema.json"

_NAME = r"[a-z][a-z0-9_]*(-[a-z0-9_]+)*(\.[a-z][a-z0-9_]*(-[a-z0-9_]+)*)*"
_DURATION = r"\d+(\.\d+)?\s+(working_days|days|working_hours|hours)"
_STRING = r'"([^"\\\n]|\\.)*"'
_ENDPOINT = rf"({_NAME}|all\s*\(\s*{_NAME}(\s*,\s*{_NAME})*\s*\))"
_NAMES = rf"{_NAME}(\s*,\s*{_NAME})*"
_ARTICLE = r"\d+[a-zđ]?"


def _notation(pattern: str, en: str, vi: str, examples: list[str]) -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": rf"^\s*{pattern}\s*$",
        "description": description(Key(vi, en, ())),
        "examples": examples,
    }


# The AST nodes that the YAML form writes as one string in DSL notation.
NOTATIONS: dict[str, dict[str, Any]] = {
    "Name": _notation(
        _NAME,
        "An identifier: lower-case ASCII words joined by _ or -, segments separated by '.'",
        "Mã định danh: chữ thường không dấu nối bằng _ hoặc -, các đoạn cách nhau bằng dấu chấm",
        ["tiep_nhan", "commune.one_stop", "nd-120-2025"],
    ),
    "Text": {"type": "string"},
    "Citation": _notation(
        rf"{_NAME}(\s+art\s+{_ARTICLE}(\s+clause\s+{_ARTICLE})?)?",
        "A legal basis: an instrument of the registry, optionally `art N` and `clause M`",
        "Căn cứ pháp lý: một văn bản trong sổ đăng ký, có thể kèm `art N` (điều) và `clause M` (khoản)",
        ["luat-ho-tich-2014 art 16", "nd-120-2025 art 4 clause 2", "nd-118-2025"],
    ),
    "Duration": _notation(
        _DURATION,
        "A duration: a number and a unit (working_days, days, working_hours, hours)",
        "Khoảng thời gian: một số và đơn vị (working_days ngày làm việc, days ngày, working_hours giờ làm việc, hours giờ)",
        ["3 working_days", "0.5 working_days", "15 days", "8 working_hours"],
    ),
    "Channel": _notation(
        r"(direct|postal|online)(\s+(full|partial))?",
        "A channel of submission, with `full` or `partial` for online submission",
        "Cách nộp hồ sơ: direct, postal, online kèm `full` (toàn trình) hoặc `partial` (một phần)",
        ["direct", "postal", "online full", "online partial"],
    ),
    "Deadline": _notation(
        rf"(immediately|\+?(\d+(\.\d+)?\s+to\s+)?{_DURATION}(\s+when\s+{_STRING})?"
        rf"(\s+through\s+{_NAMES})?(\s+via\s+{_NAMES})?(\s+avoiding\s+{_NAMES})?)",
        "The time to settle: `immediately`, a duration, a range `30 to 35 days` or an extension "
        '`+10 days`, optionally `when "condition"`, then the paths it governs: `through` steps, '
        "`via` outcomes, `avoiding` steps",
        "Thời hạn giải quyết: `immediately` (ngay), một khoảng thời gian, một khoảng `30 to 35 days`"
        ' hoặc phần kéo dài `+10 days`, có thể kèm `when "điều kiện"`, rồi các đường xử lý nó áp'
        " dụng: `through` (qua các bước), `via` (theo kết quả rẽ nhánh), `avoiding` (không qua)",
        [
            "immediately",
            "3 working_days",
            '25 working_days when "vùng khó khăn"',
            "30 to 35 days",
            '+10 days when "vùng sâu, vùng xa"',
            '5 working_days when "không phải xác minh" avoiding xac_minh',
            '8 working_days when "phải xác minh" through xac_minh',
        ],
    ),
    "Coordination": _notation(
        rf"{_NAME}(\s+for\s+{_DURATION})?",
        "Another body that works on the step, optionally with its own time: `for` a duration",
        "Cơ quan phối hợp thực hiện bước, có thể kèm thời gian riêng: `for` một khoảng thời gian",
        ["province.tax_office for 3 working_days", "commune.police"],
    ),
    "FlowLine": _notation(
        rf"{_ENDPOINT}(\s*->\s*{_ENDPOINT})+(\s+(when\s+{_NAME}|otherwise))?(\s+clock\s+paused)?",
        "An arrow between steps (start, end, a step, or all(a, b) in parallel), optionally "
        "`when outcome` or `otherwise`, and/or `clock paused`",
        "Mũi tên giữa các bước (start, end, một bước, hoặc all(a, b) song song), có thể kèm "
        "`when kết_quả` hoặc `otherwise`, và/hoặc `clock paused` (dừng tính thời gian)",
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
    generated = models.model(ast.Document).model_json_schema(
        by_alias=True, ref_template=f"#/{DEFINITIONS}/{{model}}"
    )
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
    for name, keys in KEYS.items():
        properties = definitions[name]["properties"]
        for key, value in properties.items():
            properties[key] = _described(value, keys[key])
    definitions["YesNo"] = _yes_no()
    for name, terminal in ALIAS_TERMINALS.items():
        if name in definitions:
            definitions[name] = _with_vietnamese_words(definitions[name], terminal)
    properties = {}
    for key, field in TOP_LEVEL.items():
        model = generated["properties"][field]["items"]
        shape = model if key == "procedure" else _one_or_many(model)
        properties[key] = _described(shape, TOP_LEVEL_KEYS[key])
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "tthc procedure file (YAML form)",
        "description": "Procedures and the legal registry (authorities, instruments, grants, "
        "transfers). Keys are the DSL keywords; durations, citations and flow lines are "
        "written as in the DSL.\n\nThủ tục hành chính và sổ đăng ký (cơ quan, văn bản, "
        "giao quyền, chuyển giao). Các khóa là từ khóa của ngôn ngữ; thời hạn, căn cứ và luồng "
        "viết như trong ngôn ngữ.",
        "type": ["object", "null"],  # an empty file is an empty document
        "properties": properties,
        "additionalProperties": False,
        DEFINITIONS: dict(sorted(definitions.items())),
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
        return {**rest, "$ref": f"#/{DEFINITIONS}/YesNo"}
    if kind == "integer":
        return {**schema, "minimum": 0}
    if kind == "string" and schema.get("format") == "date":
        return {**schema, "pattern": r"^\d{4}-\d{2}-\d{2}$", "examples": ["2025-07-01"]}
    return schema


def _described(schema: dict[str, Any], key: Key) -> dict[str, Any]:
    """A property with its hover text and examples. Beside a `$ref`, draft-07 ignores every
    other keyword, so a reference is wrapped in `allOf` first."""
    if "$ref" in schema:
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**rest, "allOf": [{"$ref": schema["$ref"]}]}
    return {**schema, "description": description(key), "examples": list(key.examples)}


def _with_vietnamese_words(enum: dict[str, Any], terminal: str) -> dict[str, Any]:
    """A value the loader also takes as the Vietnamese word of the law (`cấp xã` for
    `commune`, `thẩm định` for `review`): the editor offers both, and says that `tthc fmt`
    writes the canonical value, so it does not flag what tthc reads."""
    words = sorted({word for forms in ALIASES[terminal].values() for word in forms})
    vietnamese = {
        "enum": words,
        "description": (
            "Vietnamese form of the value; tthc fmt writes the canonical value\n\n"
            "Cách viết tiếng Việt của giá trị; tthc fmt viết lại thành giá trị chuẩn"
        ),
    }
    return {"description": enum.get("description", ""), "anyOf": [enum, vietnamese]}


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
