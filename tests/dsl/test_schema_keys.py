"""The editor schema explains every key: a description in English and Vietnamese and examples
on every property, from one table (`tthc.dsl.yaml.keys`) that also makes the key reference
(docs/keys.md), so the hover text and the page cannot drift; the table has a key for every
field of the AST and no other; every example is valid for its key; the schema is draft-07, as
VS Code's YAML extension reads it, and every YAML file of the repository validates against it;
`tthc convert` writes a `$schema` line that points where `tthc schema --write` writes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl.yaml.keys import KEYS, TOP_LEVEL_KEYS, keys_markdown
from tthc.dsl.yaml.schema import schema_text, yaml_json_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = yaml_json_schema()
DEFINITIONS = SCHEMA["definitions"]
PROPERTIES = [
    *((f"(file).{key}", value) for key, value in SCHEMA["properties"].items()),
    *(
        (f"{name}.{key}", value)
        for name, definition in DEFINITIONS.items()
        for key, value in definition.get("properties", {}).items()
    ),
]
VIETNAMESE = re.compile(r"[^\x00-\x7f]")  # a Vietnamese text has letters beyond ASCII
YAML_FILES = sorted(
    [
        *(ROOT / "examples").glob("*.yaml"),
        *(ROOT / "tests" / "dsl" / "twins").glob("*.yaml"),
        *(ROOT / "tests" / "dsl" / "golden").glob("*.yaml"),
    ]
)


class Yaml12Loader(yaml.SafeLoader):
    """As editors read YAML: dates are text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_the_schema_is_draft_07_as_vs_codes_yaml_extension_reads_it() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("where, prop", PROPERTIES, ids=[p[0] for p in PROPERTIES])
def test_every_property_is_described_in_both_languages_with_examples(
    where: str, prop: dict[str, Any]
) -> None:
    english, _, vietnamese = prop.get("description", "").partition("\n\n")
    assert english and vietnamese, where
    assert VIETNAMESE.search(vietnamese) and vietnamese != english, f"{where}: Vietnamese second"
    assert prop.get("examples"), where
    assert "$ref" not in prop, f"{where}: draft-07 ignores the description beside a $ref"


@pytest.mark.parametrize("where, prop", PROPERTIES, ids=[p[0] for p in PROPERTIES])
def test_every_example_is_valid_for_its_property(where: str, prop: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator({**prop, "definitions": DEFINITIONS})
    for example in prop["examples"]:
        assert [e.message for e in validator.iter_errors(example)] == [], (where, example)


def test_the_table_has_a_key_for_every_field_and_no_other() -> None:
    described = {name: set(keys) for name, keys in KEYS.items()}
    schema = {n: set(d["properties"]) for n, d in DEFINITIONS.items() if "properties" in d}
    assert described == schema
    assert set(TOP_LEVEL_KEYS) == set(SCHEMA["properties"])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_validates(path: Path) -> None:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)  # safe loader
    errors = jsonschema.Draft7Validator(SCHEMA).iter_errors(document)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_the_key_reference_and_the_shipped_schema_are_up_to_date() -> None:
    assert (ROOT / "docs" / "keys.md").read_text(encoding="utf-8") == keys_markdown(), (
        "run `tthc schema --format markdown > docs/keys.md`"
    )
    assert (ROOT / "examples" / "tthc.schema.json").read_text(encoding="utf-8") == schema_text(), (
        "run `tthc schema -o examples/tthc.schema.json`"
    )


def test_the_examples_modelines_point_to_a_schema_that_exists() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        line = path.read_text(encoding="utf-8").splitlines()[0]
        target = line.removeprefix("# yaml-language-server: $schema=")
        assert target != line and (path.parent / target).is_file(), path


def test_convert_points_the_schema_line_where_schema_write_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "province"
    (project / "procedures" / "ho-tich").mkdir(parents=True)
    (project / "tthc.toml").write_text("")
    monkeypatch.chdir(project)
    runner = CliRunner()
    written = runner.invoke(main, ["schema", "--write"])
    assert written.exit_code == 0 and (project / "tthc.schema.json").is_file()
    target = project / "procedures" / "ho-tich" / "birth.yaml"
    source = ROOT / "tests" / "dsl" / "twins" / "birth.tthc"
    assert runner.invoke(main, ["convert", str(source), "-o", str(target)]).exit_code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../tthc.schema.json"
    assert (target.parent / "../../tthc.schema.json").resolve() == project / "tthc.schema.json"
    shutil.copy(target, project / "birth.yaml")  # fmt keeps the line it finds
    assert runner.invoke(main, ["fmt", str(project / "birth.yaml")]).exit_code == 0
    assert (project / "birth.yaml").read_text(encoding="utf-8").startswith(first)


def test_schema_markdown_is_the_key_reference() -> None:
    result = CliRunner().invoke(main, ["schema", "--format", "markdown"])
    assert result.exit_code == 0 and result.stdout == keys_markdown()
    assert "| `takes` |" in result.stdout and "ngày làm việc" in result.stdout


def test_vietnamese_values_the_loader_reads_are_not_flagged_by_the_editor() -> None:
    """`level: cấp xã` and `kind: thẩm định` are read by tthc (and written back by `tthc fmt`
    as `commune`, `review`); the editor must offer them too, not mark them as mistakes."""
    from tthc.dsl.yaml.loader import parse_yaml

    twin = next(path for path in YAML_FILES if "twins" in path.parts)
    document = yaml.load(twin.read_text("utf-8"), Loader=Yaml12Loader)
    procedure = document["procedure"]
    procedure["level"] = "cấp xã"
    procedure["steps"][0]["kind"] = "tiếp nhận"
    jsonschema.Draft7Validator(SCHEMA).validate(document)
    procedure["level"] = "cấp thôn"  # no such level: still flagged
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(document))
    procedure["level"] = "cấp xã"
    loaded = parse_yaml("vi.yaml", yaml.safe_dump(document, allow_unicode=True))
    assert loaded.value is not None, loaded.diagnostics
    level = loaded.value.procedures[0].level
    assert level is not None and level.value == "commune"
