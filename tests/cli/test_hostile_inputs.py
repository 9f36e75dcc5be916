"""What a pull request may hold, and what `tthc check`, `convert`, `graph` and `fmt` make of it
(issue 18): every input below once crashed tthc or forged its output. Each is reproduced as it
was found; each now gives a diagnostic, valid output in every format, and the exit code of a
finding (1) — never a traceback, and never a crash's exit code (3)."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tthc.cli.main import main

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"
FORMATS = ("text", "concise", "json", "sarif", "junit", "github")


@pytest.fixture(autouse=True)
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def case(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def write(path: str | bytes, text: str) -> None:
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))


def tthc(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def check_every_format(*paths: str) -> dict[str, str]:
    """Each format's output, after asserting what holds for all of them: no crash, valid UTF-8,
    and a well-formed document for the machine formats."""
    outputs = {}
    for form in FORMATS:
        result = tthc("check", "--no-cache", "--format", form, *paths)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code == 1, (form, result.output)
        text = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8 or the test fails
        if form in ("json", "sarif"):
            json.loads(text)
        if form == "junit":
            ElementTree.fromstring(text.encode("utf-8"))
        outputs[form] = text
    return outputs


def codes(json_output: str) -> set[str]:
    return {d["code"] for d in json.loads(json_output)["diagnostics"]}


# ---- crashes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("TT501_fail.tthc", "copies 1", "copies " + "1" * 5000),
        ("TT501_fail.yaml", "copies: 1", "copies: " + "1" * 5000),
        ("TT501_fail.tthc", "takes 2 working_days", "takes " + "1" * 5000 + " working_days"),
    ],
)
def test_an_integer_of_5000_digits_is_a_diagnostic_not_the_end_of_the_run(
    name: str, before: str, after: str
) -> None:
    # Python refuses to read integers over 4,300 digits: the whole run died, even with --jobs 2.
    for number in range(45):  # enough files for worker processes
        write(f"project/p{number}-{name}", case(name))
    write(f"project/huge-{name}", case(name).replace(before, after, 1))
    result = tthc("check", "--no-cache", "--jobs", "2", "--format", "json", "project")
    assert result.exit_code == 1, result.output
    huge = [d for d in json.loads(result.stdout)["diagnostics"] if "huge" in d["span"]["path"]]
    assert [d["code"] for d in huge if d["code"] == "TT003"] == ["TT003"]
    assert "5000 digits" in next(d for d in huge if d["code"] == "TT003")["message"]["en"]
    assert "TT999" not in codes(result.stdout)


@pytest.mark.parametrize("name", ["TT501_fail.tthc", "TT504_fail.tthc"])
def test_a_duration_of_29_nines_is_a_diagnostic_not_a_crashed_deadline_rule(name: str) -> None:
    text = case(name)
    assert " working_days" in text
    head, _, tail = text.partition(" working_days")
    amount_start = head.rstrip("0123456789.").__len__()
    write(name, head[:amount_start] + "9" * 29 + " working_days" + tail)
    outputs = check_every_format(name)
    found = codes(outputs["json"])
    assert "TT003" in found and "TT999" not in found


def test_a_lone_surrogate_in_a_yaml_string_is_refused_and_every_output_is_utf8() -> None:
    write("surrogate.yaml", case("TT501_fail.yaml").replace("level: commune", 'level: "\\uD800"'))
    outputs = check_every_format("surrogate.yaml")
    assert codes(outputs["json"]) == {"TT008"}
    assert "\\uD800" in outputs["concise"]
    for command in (["convert", "surrogate.yaml"], ["graph", "surrogate.yaml"]):
        result = tthc(*command)
        assert result.exit_code == 2 and "TT008" in result.stderr, command


def test_a_file_name_that_is_not_utf8_is_carried_and_shown_readably() -> None:
    name = os.fsdecode(b"project/bad\xff\xfe name.tthc")
    write(os.fsencode(name), case("TT501_fail.tthc"))
    outputs = check_every_format("project")
    assert "project/bad\\xff\\xfe name.tthc:" in outputs["concise"]
    assert json.loads(outputs["json"])["diagnostics"][0]["span"]["path"] == (
        "project/bad\\xff\\xfe name.tthc"
    )
    sarif = json.loads(outputs["sarif"])
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris == {"project/bad%FF%FE%20name.tthc"}  # the bytes themselves: lossless
    report = tthc("check", "--no-cache", "--format", "sarif", "--output", "out.sarif", "project")
    assert report.exit_code == 1 and json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    for command in (["convert", name], ["graph", name], ["fmt", "--diff", name]):
        result = tthc(*command)
        assert result.exit_code in (0, 1), (command, result.output)
        result.stdout_bytes.decode("utf-8")
        result.stderr_bytes.decode("utf-8")


# ---- forged output ---------------------------------------------------------------------------


def forged_code() -> str:
    return case("TT501_fail.yaml").replace(
        'code: "1.001193"', 'code: "x\\n::error file=README.md,line=1::forged"'
    )


def test_a_value_holding_a_newline_cannot_start_a_workflow_command() -> None:
    write("forged.yaml", forged_code())
    outputs = check_every_format("forged.yaml")
    for form in ("text", "concise", "junit"):
        assert not [line for line in outputs[form].splitlines() if line.startswith("::")], form
        assert "'x\\n::error file=README.md,line=1::forged'" in outputs[form]
    annotations = outputs["github"].splitlines()
    assert len(annotations) == len(json.loads(outputs["json"])["diagnostics"])
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)


def test_a_file_named_like_a_workflow_command_cannot_start_one() -> None:
    name = "::error file=README.md,line=1::forged.tthc"
    write(name, case("TT501_fail.tthc"))
    for form in ("text", "concise"):
        result = tthc("check", "--no-cache", "--format", form, name)
        assert result.exit_code == 1
        assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
        assert f"./{name}:" in result.stdout
    github = tthc("check", "--no-cache", "--format", "github", name).stdout
    assert "file=%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.tthc," in github


def test_control_characters_in_names_and_values_leave_every_output_well_formed() -> None:
    write("project/esc\x1b[31m\x0c\x01.tthc", case("TT501_fail.tthc"))
    write(
        "project/values.tthc",
        case("TT501_fail.tthc").replace('"1.001193"', '"1.0\x1b[2J\x0c\x7f"', 1),
    )
    outputs = check_every_format("project")
    assert "esc\\x1b[31m\\x0c\\x01.tthc" in outputs["concise"]
    assert "\x1b" not in outputs["text"] + outputs["concise"] + outputs["github"]
    junit = ElementTree.fromstring(outputs["junit"].encode("utf-8"))
    names = {suite.get("name") for suite in junit}
    assert "project/esc\\x1b[31m\\x0c\\x01.tthc" in names


# ---- crashes have their own exit code --------------------------------------------------------


def test_an_internal_error_exits_3_with_a_short_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from tthc.rules.engine import repository

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(repository, "check", broken)
    shutil.copy(CASES / "TT501_fail.tthc", "p.tthc")
    result = tthc("check", "--exit-zero", "p.tthc")
    assert result.exit_code == 3
    assert "internal error: RuntimeError: a bug" in result.stderr
    assert "TTHC_TRACEBACK=1" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.setenv("TTHC_TRACEBACK", "1")
    assert "Traceback" in tthc("check", "p.tthc").stderr


def test_a_check_that_crashed_exits_3_even_with_exit_zero(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from tthc.rules.engine import check
    from tthc.rules.registry import RULES

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("a bug in a rule")

    rules = tuple(replace(r, check=broken) if r.code == "TT501" else r for r in RULES)
    monkeypatch.setattr(check, "RULES", rules)
    shutil.copy(CASES / "TT501_fail.tthc", "p.tthc")
    for options in ([], ["--exit-zero"]):
        result = tthc("check", "--no-cache", "--format", "concise", *options, "p.tthc")
        assert result.exit_code == 3, result.output
        assert "TT999" in result.stdout  # the report is written all the same


# ---- line numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"])
def test_yaml_line_numbers_agree_with_the_yaml_parsers_line_ends(separator: str) -> None:
    """PyYAML ends a line at NEL, LINE and PARAGRAPH SEPARATOR too: a diagnostic once pointed
    past the end of the file. Now each points at the line that holds what it names."""
    text = case("TT501_fail.yaml").replace(
        "# TT501:", f"# one{separator}# two{separator}# three{separator}# TT501:", 1
    )
    write("breaks.yaml", text)
    lines = len(text.replace("\r", "\n").translate({0x85: 10, 0x2028: 10, 0x2029: 10}).split("\n"))
    result = tthc("check", "--no-cache", "--format", "json", "breaks.yaml")
    found = json.loads(result.stdout)["diagnostics"]
    assert found and all(d["span"]["line"] <= lines for d in found)
    deadline = next(d for d in found if d["code"] == "TT501")
    shown = tthc("check", "--no-cache", "--format", "text", "--lang", "en", "breaks.yaml").stdout
    assert f"{deadline['span']['line']:>4} |   deadline: 3 working_days" in shown


def test_a_configuration_integer_of_5000_digits_is_a_configuration_error() -> None:
    """Found by `make fuzz` (seed 18, input 20): TOML's integers have no length limit."""
    Path("tthc.toml").write_text("[limits]\nmax-bytes = " + "9" * 5000 + "\n", encoding="utf-8")
    shutil.copy(CASES / "TT501_fail.tthc", "p.tthc")
    result = tthc("check", "--no-cache", "p.tthc")
    assert result.exit_code == 2, result.output
    assert "TT001" in result.stderr and "internal error" not in result.stderr


# ---- what discovery cannot read ---------------------------------------------------------------


def test_dangling_and_looping_links_in_a_checked_folder_are_reported_not_skipped() -> None:
    """They were skipped with exit code 0, though the README promises TT008."""
    os.makedirs("project")
    shutil.copy(CASES / "clean_birth_registration.tthc", "project/ok.tthc")
    shutil.copy(CASES.parent / "registry" / "base.tthc", "project/registry.tthc")
    os.symlink("nowhere.tthc", "project/dangling.tthc")
    os.symlink("loop2.tthc", "project/loop1.tthc")
    os.symlink("loop1.tthc", "project/loop2.tthc")
    os.symlink("/dev/zero", "project/device.tthc")  # not a file: never opened
    result = tthc("check", "--no-cache", "--format", "json", "project")
    assert result.exit_code == 1
    found = {(d["span"]["path"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == {
        ("project/dangling.tthc", "TT008"),
        ("project/loop1.tthc", "TT008"),
        ("project/loop2.tthc", "TT008"),
    }


# ---- the commands that came later: import and compile (found by `make fuzz`) ------------------

RECORDS = CASES.parents[1] / "importer" / "records" / "dong-nai-2228.json"


def test_import_of_a_record_with_a_lone_surrogate_escape_writes_utf8_drafts() -> None:
    """Seed 18, inputs 51933 and 52855: `"\\ud800"` in a record crashed writing the draft."""
    text = RECORDS.read_text(encoding="utf-8").replace("Đất đai", "\\ud800 Đất đai", 1)
    Path("records.json").write_text(text, encoding="utf-8")
    result = tthc("import", "records.json", "-o", "drafts", "--format", "json", "--no-check")
    assert result.exit_code in (0, 1), result.output
    json.loads(result.stdout)
    for draft in Path("drafts").rglob("*.tthc"):
        draft.read_bytes().decode("utf-8")


def test_import_of_a_record_with_a_code_of_4000_characters_names_its_draft_shortly() -> None:
    """Seed 18, input 4664: the draft's name is made from the code; it was too long to write."""
    text = RECORDS.read_text(encoding="utf-8").replace("1.012756.H19", "1.0" + "1" * 4000, 1)
    Path("records.json").write_text(text, encoding="utf-8")
    result = tthc("import", "records.json", "-o", "drafts", "--no-check")
    assert result.exit_code in (0, 1), result.output
    assert all(len(p.name) <= 110 for p in Path("drafts").rglob("*"))


def test_compile_with_a_calendar_holding_a_lone_surrogate_writes_its_bundle() -> None:
    """Seed 18, input 52380: a reason `"\\ud800"` in the calendar crashed writing the bundle."""
    shutil.copy(CASES / "clean_birth_registration.tthc", "p.tthc")
    shutil.copy(CASES.parent / "registry" / "base.tthc", "registry.tthc")
    Path("calendar.json").write_text('{"days_off": {"2026-03-10": "\\ud800"}}', encoding="utf-8")
    result = tthc("compile", ".", "-o", "bundle.json", "--calendar", "calendar.json")
    assert result.exit_code in (0, 1), result.output
    if Path("bundle.json").exists():
        json.loads(Path("bundle.json").read_bytes().decode("utf-8"))


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped() -> None:
    """A folder deeper than the system's longest path (4,096 bytes) cannot be listed (as one
    without read permission cannot, which root running the tests would not see): it was
    skipped with exit code 0; now it is TT008."""
    here = os.getcwd()
    os.makedirs("project")
    os.chdir("project")
    for level in range(18):  # each made from inside its parent: no path is too long to make
        name = f"{level:02d}" + "d" * 240
        os.mkdir(name)
        os.chdir(name)
    os.chdir(here)
    result = tthc("check", "--no-cache", "--format", "json", "project")
    assert result.exit_code == 1, result.output
    (problem,) = json.loads(result.stdout)["diagnostics"]
    assert problem["code"] == "TT008" and "File name too long" in problem["message"]["en"]


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_import_of_a_file_whose_name_is_not_utf8_writes_utf8_drafts(suffix: str) -> None:
    """Seed 18, inputs 52855 and 4024: the file's name, quoted in each draft, crashed writing."""
    source = RECORDS if suffix == ".json" else RECORDS.parent / "csv" / "ho-so.csv"
    name = os.fsdecode(b"bad\xff\xfe name" + suffix.encode())
    shutil.copy(source, name)
    result = tthc("import", name, "-o", "drafts", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    json.loads(result.stdout_bytes.decode("utf-8"))
    for draft in Path("drafts").rglob("*.tthc"):
        draft.read_bytes().decode("utf-8")


def test_compile_of_a_file_whose_name_is_not_utf8_writes_its_bundle() -> None:
    """Seed 18, input 4918: the file's name in the bundle crashed writing it."""
    shutil.copy(CASES / "clean_birth_registration.tthc", os.fsdecode(b"bad\xff\xfe name.tthc"))
    shutil.copy(CASES.parent / "registry" / "base.tthc", "registry.tthc")
    result = tthc("compile", ".", "-o", "bundle.json")
    assert result.exit_code in (0, 1), result.output
    if Path("bundle.json").exists():
        json.loads(Path("bundle.json").read_bytes().decode("utf-8"))
