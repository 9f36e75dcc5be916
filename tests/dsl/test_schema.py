"""The JSON Schema of the YAML form accepts what the loader reads and flags misspelled keys.

Editors read YAML 1.2, where `2025-07-01` is text and `yes` is text; the files are loaded here
the same way (no timestamps, only true/false as booleans) before validation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given

from tthc.dsl.printer.yaml import format_yaml
from tthc.dsl.yaml.loader import TOP_LEVEL
from tthc.dsl.yaml.schema import yaml_json_schema

HERE = Path(__file__).resolve().parent
EXAMPLES = sorted([*(HERE / "twins").glob("*.yaml"), *(HERE / "golden").glob("*.yaml")])


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's core types, as editors read a file."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for first in "tTfF":
    Yaml12Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), [first]
    )


def load(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader subclass, so safe


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = yaml_json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(validator: jsonschema.protocols.Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(load(text))]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_examples_validate(validator: jsonschema.protocols.Validator, example: Path) -> None:
    assert errors(validator, example.read_text(encoding="utf-8")) == []


def test_top_level_keys_are_those_of_the_loader() -> None:
    assert set(yaml_json_schema()["properties"]) == set(TOP_LEVEL)


def test_a_misspelled_key_is_flagged(validator: jsonschema.protocols.Validator) -> None:
    text = (HERE / "twins" / "birth.yaml").read_text(encoding="utf-8")
    assert errors(validator, text.replace("  deadline:", "  dealine:", 1)) != []
    assert errors(validator, text.replace("procedure:", "procedur:", 1)) != []
    assert errors(validator, text.replace("kind: reception", "kind: receptoin", 1)) != []


def test_a_value_in_dsl_notation_is_checked(validator: jsonschema.protocols.Validator) -> None:
    text = (HERE / "twins" / "birth.yaml").read_text(encoding="utf-8")
    assert errors(validator, text.replace("takes: 0.5 working_days", "takes: 0.5 weeks")) != []
    assert errors(validator, text.replace("- start -> tiep_nhan", "- start => tiep_nhan")) != []


def test_positions_are_not_part_of_the_yaml_form() -> None:
    assert "Span" not in yaml_json_schema()["definitions"]
    assert "span" not in str(yaml_json_schema()["definitions"]["Step"]["properties"])


def test_yes_no_words_are_accepted_as_booleans(validator: jsonschema.protocols.Validator) -> None:
    text = "procedure: {code: '1', name: P, anywhere: yes, two_persons: false}\n"
    assert errors(validator, text) == []


def test_printed_yaml_validates(validator: jsonschema.protocols.Validator) -> None:
    from tthc.dsl import parse_path

    document = parse_path(HERE / "twins" / "birth.tthc").value
    assert document is not None
    assert errors(validator, format_yaml(document)) == []


def _strategies() -> Any:
    import importlib.util
    import sys

    name = "tthc_tests_dsl_strategies"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "strategies.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@pytest.mark.property
@given(document=_strategies().documents())
def test_every_printed_document_follows_the_schema(document: Any) -> None:
    validator = jsonschema.Draft7Validator(_SCHEMA)
    assert [e.message for e in validator.iter_errors(load(format_yaml(document)))] == []


_SCHEMA = yaml_json_schema()
