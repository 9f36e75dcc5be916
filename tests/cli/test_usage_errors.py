"""A faulty command line is answered in the user's language (issue 19): under `--lang vi`,
`TTHC_LANG=vi` or `LANG=vi_VN` click's usage errors read in Vietnamese ("Cách dùng:", "Lỗi:"),
under English as click writes them; the exit code stays 2 either way."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.cli.usage_errors import translate

VI = {"TTHC_LANG": "vi", "LANG": ""}
EN = {"TTHC_LANG": "en", "LANG": ""}

# A faulty command line, what click says in English, and what the Vietnamese error says.
SLIPS = [
    (["graph", "--frob", "x"], "No such option '--frob'.", "Không có tùy chọn '--frob'."),
    (["graph"], "Missing argument 'FILE'.", "Thiếu đối số 'FILE'."),
    (
        ["graph", "x", "--format", "pdf"],
        "Invalid value for '--format': 'pdf' is not one of",
        "Giá trị không hợp lệ cho '--format': 'pdf' không phải một trong các giá trị 'json'",
    ),
    (["chek"], "No such command 'chek'.", "Không có lệnh 'chek'. (Có phải ý bạn là một trong:"),
    (["case", "frob"], "No such command 'frob'.", "Không có lệnh 'frob'."),
    (["--frob"], "No such option '--frob'.", "Không có tùy chọn '--frob'."),
    (["graph", "x", "--format"], "Option '--format' requires an argument.", "cần một giá trị"),
    (["graph", "x", "y"], "Got unexpected extra argument (y)", "Thừa đối số không mong đợi (y)"),
]


@pytest.mark.parametrize(("arguments", "english", "vietnamese"), SLIPS)
def test_a_usage_error_reads_in_vietnamese_under_vi(
    arguments: list[str], english: str, vietnamese: str
) -> None:
    run = CliRunner().invoke(main, arguments, env=VI, prog_name="tthc")
    assert run.exit_code == 2
    assert vietnamese in run.stderr
    assert run.stderr.startswith(("Cách dùng: tthc", "Lỗi: ")) and "Lỗi: " in run.stderr
    assert "Usage:" not in run.stderr
    assert english not in run.stderr and "Error:" not in run.stderr


@pytest.mark.parametrize(("arguments", "english", "vietnamese"), SLIPS)
def test_a_usage_error_reads_as_click_writes_it_under_en(
    arguments: list[str], english: str, vietnamese: str
) -> None:
    run = CliRunner().invoke(main, arguments, env=EN, prog_name="tthc")
    assert run.exit_code == 2
    assert english in run.stderr and "Error: " in run.stderr
    assert vietnamese not in run.stderr


def test_the_frame_names_the_command_and_its_help_in_vietnamese() -> None:
    run = CliRunner().invoke(main, ["graph"], env=VI, prog_name="tthc")
    assert run.stderr.splitlines()[:2] == [
        "Cách dùng: tthc graph [OPTIONS] FILE",
        "Xem 'tthc graph --help' để được trợ giúp.",
    ]


def test_lang_on_the_faulty_line_itself_chooses_the_language() -> None:
    run = CliRunner().invoke(
        main, ["graph", "--lang", "en", "--frob", "x"], env=VI, prog_name="tthc"
    )
    assert run.exit_code == 2 and "No such option '--frob'." in run.stderr
    run = CliRunner().invoke(main, ["graph", "--lang=vi", "--frob", "x"], env=EN, prog_name="tthc")
    assert run.exit_code == 2 and "Không có tùy chọn '--frob'." in run.stderr


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        (
            "Invalid value for 'FILE': Path 'a.tthc' does not exist.",
            "Đường dẫn 'a.tthc' không tồn tại.",
        ),
        ("Invalid value for '-n': 'x' is not a valid integer.", "'x' không phải số nguyên hợp lệ."),
        (
            "Invalid value for '-n': 9 is not in the range 0<=x<=5.",
            "9 không nằm trong khoảng 0<=x<=5.",
        ),
        ("Option '--quiet' does not take a value.", "Tùy chọn '--quiet' không nhận giá trị."),
        ("Missing option '--store'.", "Thiếu tùy chọn '--store'."),
        ("No such option '--fromat'. Did you mean '--format'?", "Có phải ý bạn là '--format'?"),
        ("Something click says that we do not know.", "Something click says that we do not know."),
    ],
)
def test_each_of_clicks_phrases_has_its_vietnamese(english: str, vietnamese: str) -> None:
    assert vietnamese in translate(english)
