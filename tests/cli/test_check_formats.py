"""`tthc check --format …` on a realistic faulty project (tests/golden/project): every format
matches its golden file, and each is what its consumer accepts — SARIF validates against the
SARIF 2.1.0 schema, JSON against docs/json-format.schema.json, JUnit parses with the right
counts, GitHub lines follow the workflow-command syntax.

`TTHC_UPDATE_GOLDEN=1 pytest tests/cli/test_check_formats.py` rewrites the golden files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = GOLDEN / "expected"
SARIF_SCHEMA = GOLDEN / "sarif-schema-2.1.0.json"
JSON_SCHEMA = ROOT / "docs" / "json-format.schema.json"
FAMILIES = ("TT0", "TT1", "TT2", "TT3", "TT4", "TT5", "TT6", "TT7", "TT9")
OUTPUTS = {
    "text": "text.txt",
    "concise": "concise.txt",
    "json": "json.json",
    "sarif": "sarif.json",
    "junit": "junit.xml",
    "github": "github.txt",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The golden project copied to a scratch folder, checked from its parent (so paths read
    `project/...` and nothing depends on where the repository is)."""
    shutil.copytree(GOLDEN / "project", tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    for variable in ("GITHUB_ACTIONS", "TTHC_LANG", "CI"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path / "project"


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "project", "--no-cache", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def normalised(text: str, project: Path) -> str:
    """The output without what differs between machines: the scratch folder, the version."""
    from importlib.metadata import version

    text = text.replace(project.resolve().as_uri(), "file:///PROJECT")
    return re.sub(rf'"{re.escape(version("tthc"))}"', '"VERSION"', text)


def golden(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("TTHC_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with TTHC_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("form", list(OUTPUTS))
def test_every_format_matches_its_golden_file(project: Path, form: str) -> None:
    code, out, err = check("--format", form)
    assert code == 1, err
    assert err == ""
    golden(OUTPUTS[form], normalised(out, project))


def test_statistics_count_each_code(project: Path) -> None:
    code, out, _ = check("--statistics", "--lang", "en")
    assert code == 1
    golden("statistics.txt", out)


def test_the_project_has_every_family_and_leaves_ci_files_and_excluded_drafts_alone(
    project: Path,
) -> None:
    _, out, _ = check("--format", "json")
    data = json.loads(out)
    codes = {d["code"] for d in data["diagnostics"]}
    assert {family for family in FAMILIES if any(c.startswith(family) for c in codes)} == set(
        FAMILIES
    )
    paths = {d["span"]["path"] for d in data["diagnostics"]}
    assert len(paths) >= 5  # several files, the registry among them
    assert "project/registry/grants.yaml" in paths
    assert not any("ci/" in p or "drafts/old" in p for p in paths)
    assert data["summary"]["files"] == 7


def test_machine_formats_speak_english_and_text_vietnamese_by_default(project: Path) -> None:
    _, text, _ = check("--format", "text")
    _, github, _ = check("--format", "github")
    assert "Đã kiểm tra 7 tệp" in text
    assert "cannot be reached from the start" in github
    _, github_vi, _ = check("--format", "github", "--lang", "vi")
    assert "Không thể đến bước" in github_vi


def test_sarif_validates_against_the_sarif_2_1_0_schema(project: Path) -> None:
    _, out, _ = check("--format", "sarif")
    data = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert "helpUri" not in rule and rule["help"]["text"]  # the explanation itself
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith(("/", "project/"))
        region = location["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    fingerprints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_json_validates_against_its_documented_schema(project: Path) -> None:
    _, out, _ = check("--format", "json")
    data = json.loads(out)
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    severities = Counter(d["severity"] for d in data["diagnostics"])
    assert data["summary"] == {
        "files": 7,
        "errors": severities["error"],
        "warnings": severities["warning"],
        "infos": severities["info"],
    }
    assert data["diagnostics"][0]["message"].keys() == {"vi", "en"}


def test_junit_parses_with_one_case_per_file_and_code_and_the_right_counts(project: Path) -> None:
    _, out, _ = check("--format", "junit")
    _, findings, _ = check("--format", "json")
    diagnostics = json.loads(findings)["diagnostics"]
    suites = ElementTree.fromstring(out)
    assert suites.tag == "testsuites"
    files = [suite.get("name") for suite in suites]
    assert len(files) == 7 and len(set(files)) == 7
    failing = {
        (d["span"]["path"], d["code"]) for d in diagnostics if d["severity"] in ("error", "warning")
    }
    total = 0
    for suite in suites:
        cases = list(suite)
        names = [case.get("name") for case in cases]
        assert len(names) == len(set(names)), "one test case per file and code"
        assert {"TT001", "TT008", "TT201", "TT401", "TT902"} <= set(names)
        failed = [case for case in cases if case.find("failure") is not None]
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(len(failed))
        assert {(suite.get("name"), case.get("name")) for case in failed} == {
            pair for pair in failing if pair[0] == suite.get("name")
        }
        total += len(cases)
    assert suites.get("tests") == str(total)
    assert suites.get("failures") == str(len(failing))


GITHUB_LINE = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\n]+),line=(?P<line>[1-9]\d*),col=(?P<col>[1-9]\d*),"
    r"(?:endColumn=[1-9]\d*|endLine=[1-9]\d*),title=(?P<title>[^,:\n]+)"
    r"::(?P<message>[^\r\n]+)$"
)


def test_github_lines_follow_the_workflow_command_syntax(project: Path) -> None:
    _, out, _ = check("--format", "github")
    _, findings, _ = check("--format", "json")
    diagnostics = json.loads(findings)["diagnostics"]
    lines = out.splitlines()
    assert len(lines) == len(diagnostics)
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, diagnostic in zip(lines, diagnostics, strict=True):
        match = GITHUB_LINE.match(line)
        assert match, line
        assert match["command"] == levels[diagnostic["severity"]]
        assert match["file"] == diagnostic["span"]["path"]
        assert int(match["line"]) == diagnostic["span"]["line"]
        assert match["title"] == f"{diagnostic['code']} {diagnostic['name']}"
        assert "%0A" in match["message"]  # the help is on its own line, escaped


def test_github_format_is_chosen_inside_github_actions(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = check()
    assert all(GITHUB_LINE.match(line) for line in out.splitlines())
    _, text, _ = check("--format", "text")
    assert "Lỗi [TT401]" in text


def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(project: Path) -> None:
    code, out, _ = check("--format", "sarif", "--output", "tthc.sarif")
    assert code == 1 and out == ""
    written = (project.parent / "tthc.sarif").read_text(encoding="utf-8")
    assert json.loads(written)["version"] == "2.1.0"


def test_quiet_prints_the_findings_without_the_summary(project: Path) -> None:
    _, out, _ = check("--format", "concise", "--quiet", "--lang", "en")
    assert len(out.splitlines()) == 10
    assert "Checked" not in out


def test_every_format_the_library_renders_is_offered_by_tthc_check() -> None:
    """`--format` is written out in `cli/main.py` (the CLI starts without importing the
    reports); a format added to `tthc.rules.report.render.FORMATS` must be added there too."""
    from tthc.rules.report import FORMATS

    command = main.get_command(click.Context(main), "check")
    assert command is not None
    [option] = [p for p in command.params if p.name == "form"]
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == list(FORMATS)


def test_the_github_annotations_of_a_vietnamese_run_match_their_golden_file(project: Path) -> None:
    """A Vietnamese reader of a pull request sees Vietnamese titles and messages."""
    code, out, _ = check("--format", "github", "--lang", "vi")
    assert code == 1
    golden("github.vi.txt", normalised(out, project))


def test_the_vietnamese_frame_has_no_english_word_around_the_message(project: Path) -> None:
    _, text, _ = check("--format", "text", "--lang", "vi")
    _, concise, _ = check("--format", "concise", "--lang", "vi")
    for english in ("error[", "warning[", "info[", "= help:", "= note:", "deadline-exceeded"):
        assert english not in text
    assert "Lỗi [TT501]: " in text and "= Cách sửa: " in text and "= Chi tiết: " in text
    assert "TT306 [Cảnh báo] " in concise and "TT901 [Gợi ý] " in concise
    _, english_text, _ = check("--format", "text", "--lang", "en")
    assert "error[TT501] deadline-exceeded: " in english_text and "  = help: " in english_text
