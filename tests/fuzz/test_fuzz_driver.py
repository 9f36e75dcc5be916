"""The standing fuzz run (`make fuzz`) itself: its inputs are reproducible, its oracle fails on
each kind of bad answer, and a short run of every command passes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import drive
from inputs import make_case
from oracle import judge


def test_an_input_is_made_again_from_its_seed_and_number() -> None:
    assert make_case(18, 7) == make_case(18, 7)
    assert {make_case(18, n).tags[0] for n in range(400)} == {
        "check",
        "fmt",
        "convert",
        "graph",
        "compile",
        "import",
    }
    assert {make_case(18, n).form for n in range(200)} >= {
        "text", "concise", "json", "sarif", "junit", "github"
    }  # fmt: skip


GOOD_SARIF = b'{"version": "2.1.0", "runs": []}'


@pytest.mark.parametrize(
    ("form", "exit_code", "exception", "stdout", "kind"),
    [
        ("json", 1, ValueError("boom"), b"", "traceback"),
        ("text", 3, None, b"", "traceback"),
        ("text", 7, None, b"", "exit"),
        ("text", 1, None, b"caf\xe9\n", "encoding"),
        ("sarif", 1, None, b"{}", "schema"),
        ("json", 1, None, b'{"version": 1}', "schema"),
        ("junit", 1, None, b"<testsuites><x></testsuites>", "schema"),
        ("concise", 1, None, b"ok\n::error file=README.md::forged\n", "forged"),
        ("github", 1, None, b"::error file=a::b\nforged\n", "forged"),
    ],
)
def test_the_oracle_fails_each_kind_of_bad_answer(
    form: str, exit_code: int, exception: BaseException | None, stdout: bytes, kind: str
) -> None:
    command = ("check", "--format", form, ".")
    problems = judge(command, form, exit_code, exception, stdout, b"", None)
    assert [p.split(":", 1)[0] for p in problems][:1] == [kind]


def test_the_oracle_passes_good_answers() -> None:
    assert judge(("check",), "sarif", 1, None, GOOD_SARIF, b"", None) == []
    assert judge(("check",), "github", 0, None, b"", b"", None) == []
    assert judge(("fmt", "--diff", "x"), "", 1, None, b"--- x\n+++ x\n", b"", None) == []


def test_a_short_run_of_every_command_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failures = tmp_path / "failures"
    assert drive.main(["--inputs", "30", "--seed", "18", "--failures", str(failures)]) == 0
    printed = capsys.readouterr().out
    assert "inputs answered: 30 of 30 asked" in printed and "failed inputs: 0" in printed
    assert not failures.exists()
