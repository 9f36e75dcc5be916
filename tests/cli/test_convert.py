"""`tthc convert` between the DSL and YAML forms, and `tthc schema`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl import ast, parse_path

DSL = Path(__file__).resolve().parents[1] / "dsl"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_dsl_to_yaml_on_standard_output() -> None:
    code, out, _ = invoke("convert", str(DSL / "twins" / "birth.tthc"))
    assert code == 0
    # The repository's own configuration (pyproject.toml) makes its root the project's folder.
    assert out.startswith("# yaml-language-server: $schema=../../../tthc.schema.json\n")
    assert '\nprocedure:\n  code: "1.001193"\n' in out


def test_both_ways_give_the_same_ast(tmp_path: Path) -> None:
    yaml_file, dsl_file = tmp_path / "birth.yaml", tmp_path / "birth.tthc"
    assert invoke("convert", str(DSL / "twins" / "birth.tthc"), "-o", str(yaml_file))[0] == 0
    assert invoke("convert", str(yaml_file), "--to", "tthc", "-o", str(dsl_file))[0] == 0
    original = parse_path(DSL / "twins" / "birth.tthc")
    for path in (yaml_file, dsl_file):
        outcome = parse_path(path)
        assert outcome.diagnostics == []
        assert ast.without_spans(outcome.value) == ast.without_spans(original.value)
    # The DSL twin's own comment came along both ways.
    assert dsl_file.read_text(encoding="utf-8").startswith("# Twin of birth.yaml")


def test_yaml_to_dsl_gives_the_canonical_dsl() -> None:
    code, out, _ = invoke("convert", str(DSL / "golden" / "birth.yaml"), "--to", "tthc")
    assert code == 0
    golden = (DSL / "golden" / "birth.tthc").read_text(encoding="utf-8")
    assert out.replace("Twin of birth.tthc", "Twin of birth.yaml") == golden


def test_a_file_with_errors_is_not_converted(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tthc"
    broken.write_text('procedure "1" "A" {\n', encoding="utf-8")
    code, out, err = invoke("convert", str(broken), "--lang", "en")
    assert code == 2 and out == "" and "error[" in err


def test_schema_prints_json_schema(tmp_path: Path) -> None:
    code, out, _ = invoke("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"  # VS Code's YAML
    target = tmp_path / "tthc.schema.json"
    assert invoke("schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema
