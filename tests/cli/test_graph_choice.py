"""`tthc graph` draws the procedure it is asked for: with several in a file it asks which, and
it refuses a file with errors instead of drawing something `tthc check` rejects."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main

TWO = """procedure "1.000001" "A" {
  steps { a reception "A" by commune.one_stop takes 1 working_days }
  flow { start -> a -> end }
}
procedure "1.000002" "B" {
  steps { b reception "B" by commune.one_stop takes 1 working_days }
  flow { start -> b -> end }
}
"""


def test_several_procedures_and_no_choice_is_a_question_not_the_first(tmp_path: Path) -> None:
    file = tmp_path / "two.tthc"
    file.write_text(TWO, encoding="utf-8")
    run = CliRunner().invoke(main, ["graph", str(file)])
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "1.000001, 1.000002" in run.stderr and "--procedure" in run.stderr


def test_the_chosen_procedure_is_drawn(tmp_path: Path) -> None:
    file = tmp_path / "two.tthc"
    file.write_text(TWO, encoding="utf-8")
    run = CliRunner().invoke(
        main, ["graph", str(file), "--procedure", "1.000002", "--format", "dot"]
    )
    assert run.exit_code == 0
    assert '"b"' in run.stdout and '"a"' not in run.stdout


def test_a_file_with_errors_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "bad.tthc"
    file.write_text(
        'procedure "1.000001" "A" {\n'
        "  steps {\n"
        '    a reception "A" by commune.one_stop takes 1 working_days\n'
        '    a review "A again" by commune.one_stop takes 1 working_days\n'
        "  }\n"
        "  flow { start -> a -> end }\n"
        "}\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke(main, ["graph", str(file)])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "TT004" in run.stderr
