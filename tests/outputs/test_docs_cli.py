"""`tthc docs`: the card or guide of a file on standard output or in a file, and clear refusals."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
BIRTH = str(ROOT / "examples" / "dang-ky-khai-sinh.tthc")


def test_card_goes_to_standard_output_and_finds_the_examples_registry() -> None:
    result = CliRunner().invoke(main, ["docs", BIRTH])
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>")
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in result.output  # the registry's title, not an id


def test_markdown_guide_is_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    args = ["docs", BIRTH, "--audience", "citizen", "--format", "markdown", "-o", str(target)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith(
        "# Hướng dẫn làm thủ tục: Đăng ký khai sinh"
    )


def test_an_unknown_code_is_refused_in_both_languages() -> None:
    result = CliRunner().invoke(main, ["docs", BIRTH, "--procedure", "9.999999"])
    assert result.exit_code == 2
    assert "Không có thủ tục mã 9.999999" in result.output
    assert "No procedure with code 9.999999" in result.output


def test_a_missing_file_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["docs", "no/such/file.tthc"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_an_unparsable_file_shows_its_diagnostic(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tthc"
    broken.write_text('procedure "1.000001" "x" {\n  steps {\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["docs", str(broken)])
    assert result.exit_code == 1
    assert "TT001" in result.output


def test_export_writes_bpmn_in_either_flavour(tmp_path: Path) -> None:
    target = tmp_path / "birth.bpmn"
    result = CliRunner().invoke(main, ["export", BIRTH, "--format", "bpmn", "-o", str(target)])
    assert result.exit_code == 0
    assert 'isExecutable="true"' in target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["export", BIRTH, "--flavour", "camunda8"])
    assert result.exit_code == 0 and "<zeebe:userTask" in result.output


def test_export_of_a_missing_file_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["export", "no/such.tthc"])
    assert result.exit_code == 2 and "does not exist" in result.output
