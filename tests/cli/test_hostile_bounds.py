"""Bounds that hold whatever a pull request holds (issue 18): TT602 never reads a file again per
duplicate, and a report holds at most so many findings per file and per run, with one TT006
saying how many were left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tthc.cli.main import main
from tthc.rules.engine import repository as repo


@pytest.fixture(autouse=True)
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def tthc(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def findings(result: Result) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(result.stdout)["diagnostics"]
    return found


def one_code_a_thousand_times() -> str:
    """The input as found: 1,000 procedures sharing one code in one file (~59 KB)."""
    return "".join(
        f'procedure "1.001193" "Thủ tục {n}" {{\n  level commune\n}}\n' for n in range(1000)
    )


def test_tt602_reads_a_file_of_1000_duplicates_once_not_once_per_duplicate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Path("dups.tthc").write_text(one_code_a_thousand_times(), encoding="utf-8")
    Path("tthc.toml").write_text("[limits]\nmax-findings-per-file = 10000\n", encoding="utf-8")
    reads: list[str] = []
    real = repo.parse_path

    def counting(path: str, *args: object) -> object:
        reads.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(repo, "parse_path", counting)
    result = tthc("check", "--no-cache", "--format", "json", "dups.tthc")
    assert result.exit_code == 1
    assert sum(d["code"] == "TT602" for d in findings(result)) == 999
    assert reads == ["dups.tthc"]  # 999 before: once per duplicate (87 s in the CLI)


def alias_file(keys: int = 50, copies: int = 1000) -> str:
    """A 9.5 kB file of aliases that gave 50,000 diagnostics: one anchor of unknown keys,
    repeated."""
    mapping = ", ".join(f"bad{n}: 1" for n in range(keys))
    lines = [f"x: &a {{{mapping}}}", "procedure:", '  code: "1.001193"', "  dossier:"]
    return "\n".join([*lines, *["    - *a"] * copies]) + "\n"


def test_one_file_reports_at_most_its_bound_and_says_how_many_more_there_were() -> None:
    Path("alias.yaml").write_text(alias_file(), encoding="utf-8")
    found = findings(tthc("check", "--no-cache", "--format", "json", "alias.yaml"))
    assert len(found) == 1001
    (summary,) = [d for d in found if d["code"] == "TT006"]
    assert "more findings of this file are left out" in summary["message"]["en"]  # type: ignore[index]
    assert "max-findings-per-file = 1000" in summary["message"]["en"]  # type: ignore[index]


def test_the_bounds_are_configured_under_limits() -> None:
    Path("tthc.toml").write_text(
        "[limits]\nmax-findings-per-file = 20\nmax-findings = 50\n", encoding="utf-8"
    )
    for number in range(4):
        Path(f"alias{number}.yaml").write_text(alias_file(keys=5, copies=10), encoding="utf-8")
    result = tthc("check", "--no-cache", "--format", "json", ".")
    found = findings(result)
    assert result.exit_code == 1
    assert len(found) == 51
    summaries = [d["message"]["en"] for d in found if d["code"] == "TT006"]  # type: ignore[index]
    assert any("of this run are left out (limit max-findings = 50)" in s for s in summaries)
    per_file = [s for s in summaries if "max-findings-per-file = 20" in s]
    assert per_file  # the files' own summaries are among the findings kept


def test_a_syntax_error_after_a_word_of_50000_characters_is_reported_at_once() -> None:
    """Found by `make fuzz` (seed 18, input 8216): the word before a syntax error was found by
    a regular expression that tried every start of a long word (3 s for a 10 kB file, minutes
    for 50 kB, hours for the 1 MiB a file may have). The margin below is a thousandfold."""
    import time

    Path("long.tthc").write_text(
        'procedure "1.001193" "X" {\n  # ' + "a" * 50_000 + "\n  level commune }}}\n",
        encoding="utf-8",
    )
    started = time.process_time()
    result = tthc("check", "--no-cache", "--format", "json", "long.tthc")
    assert time.process_time() - started < 5
    assert result.exit_code == 1
    assert {d["code"] for d in findings(result)} <= {"TT001", "TT002", "TT003"}
