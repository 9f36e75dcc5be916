"""The deployment bundle: made only from an error-free project, versioned by its content,
read back with its version checked, the procedure version in force on a date picked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.compiler import bundle, load_bundle
from tthc.compiler.analysis.calendar import CalendarData
from tthc.rules import load_and_check

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "procedures"
FAULTY = ROOT / "examples" / "faulty" / "TT005_unresolved_reference.tthc"


@pytest.fixture(scope="module")
def corpus_json() -> str:
    project, diagnostics = load_and_check([CORPUS])
    made = bundle(project.model, diagnostics)
    assert made.value is not None
    return made.value.to_json()


def test_the_corpus_bundles_and_reads_back_with_the_same_version(corpus_json: str) -> None:
    loaded = load_bundle(corpus_json)
    assert loaded.diagnostics == []
    assert loaded.value is not None
    assert loaded.value.version == json.loads(corpus_json)["version"]
    assert loaded.value.version.startswith("sha256:")
    assert {p.code for p in loaded.value.procedures} >= {"1.001193", "1.001612", "1.013225"}
    assert "commune.chairman" in loaded.value.registry.authorities


def test_the_same_content_gives_the_same_version(corpus_json: str) -> None:
    project, diagnostics = load_and_check([CORPUS])
    again = bundle(project.model, diagnostics)
    assert again.value is not None
    assert again.value.to_json() == corpus_json


def test_calendar_data_is_part_of_the_version(corpus_json: str) -> None:
    project, diagnostics = load_and_check([CORPUS])
    data = CalendarData(days_off={dt.date(2026, 3, 10): "Ngày giải phóng tỉnh"})
    other = bundle(project.model, diagnostics, data)
    assert other.value is not None
    assert other.value.version != json.loads(corpus_json)["version"]
    reread = load_bundle(other.value.to_json())
    assert reread.value is not None and reread.value.calendar == data


def test_the_version_in_force_on_the_filing_date(corpus_json: str) -> None:
    loaded = load_bundle(corpus_json).value
    assert loaded is not None
    before = loaded.in_force("1.013225", dt.date(2026, 6, 30))
    after = loaded.in_force("1.013225", dt.date(2026, 7, 1))
    assert before is not None and before.until == dt.date(2026, 6, 30)
    assert after is not None and after.effective == dt.date(2026, 7, 1)
    district = loaded.in_force("1.013225", dt.date(2025, 6, 30))  # before the reform
    assert district is not None and district.until == dt.date(2025, 6, 30)
    assert district.model().node.level.value == "district"
    assert loaded.in_force("9.999999", dt.date(2026, 1, 5)) is None
    assert before.model().steps["tiep_nhan"].kind.value == "reception"


def test_a_project_with_an_error_gives_no_bundle() -> None:
    project, diagnostics = load_and_check([FAULTY])
    made = bundle(project.model, diagnostics)
    assert made.value is None
    assert "TT005" in {d.code for d in made.diagnostics}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", "TT001"),
        ('{"format": "other"}', "TT001"),
        ('{"format": "tthc-bundle/2"}', "TT001"),
    ],
)
def test_a_damaged_bundle_is_a_diagnostic(text: str, code: str) -> None:
    loaded = load_bundle(text, "bundle.json")
    assert loaded.value is None
    assert [d.code for d in loaded.diagnostics] == [code]


def test_an_edited_bundle_is_refused(corpus_json: str) -> None:
    data = json.loads(corpus_json)
    data["registry"]["authorities"][0]["title"] = "Cơ quan khác"
    loaded = load_bundle(json.dumps(data))
    assert loaded.value is None
    assert [d.code for d in loaded.diagnostics] == ["TT003"]
    assert "does not match its content" in loaded.diagnostics[0].message.en


def test_compile_writes_the_bundle(tmp_path: Path) -> None:
    out = tmp_path / "bundle.json"
    result = CliRunner().invoke(main, ["compile", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    loaded = load_bundle(out.read_text("utf-8"))
    assert loaded.value is not None
    assert loaded.value.version in result.stdout


def test_compile_refuses_with_the_diagnostics_printed(tmp_path: Path) -> None:
    out = tmp_path / "bundle.json"
    result = CliRunner().invoke(main, ["compile", str(FAULTY), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1
    assert "TT005" in result.stderr
    assert "no bundle written" in result.stderr
    assert not out.exists()


def test_every_procedure_reads_back_as_the_same_ast(corpus_json: str) -> None:
    project, _ = load_and_check([CORPUS])
    loaded = load_bundle(corpus_json).value
    assert loaded is not None
    for bundled in loaded.procedures:
        [original] = [
            p.node
            for p in project.model.procedures
            if p.code == bundled.code and p.node.effective == bundled.effective
        ]
        assert bundled.model().node == original  # spans included


def test_an_edited_procedure_is_refused_at_load(corpus_json: str) -> None:
    data = json.loads(corpus_json)
    entry = data["procedures"][0]
    entry["ast"] = entry["ast"].replace(entry["code"], "0.000000", 1)  # digest left as it was
    loaded = load_bundle(json.dumps(data))
    assert loaded.value is None
    assert [d.code for d in loaded.diagnostics] == ["TT003"]
    assert "does not match its digest" in loaded.diagnostics[0].message.en


def test_a_bundle_of_the_first_format_is_refused() -> None:
    loaded = load_bundle('{"format": "tthc-bundle/1", "procedures": []}')
    assert loaded.value is None
    assert "tthc-bundle/2" in loaded.diagnostics[0].message.en
