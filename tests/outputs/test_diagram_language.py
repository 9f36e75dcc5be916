"""The words of a drawing follow the reader's language (issue 19): `tthc graph --format
mermaid|dot|svg` labels start, end, "otherwise", "clock paused" and the outcomes in Vietnamese
under `--lang vi` (or `LANG=vi_VN`) and in English under `--lang en`; steps and authorities are
shown by their titles, never their ids.

`TTHC_UPDATE_GOLDEN=1 pytest tests/outputs/test_diagram_language.py` rewrites the golden DOT files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
LAND = ROOT / "procedures" / "dat-dai" / "dang-ky-cap-giay-chung-nhan-lan-dau.tthc"
BIRTH = ROOT / "examples" / "dang-ky-khai-sinh.tthc"
GOLDEN = Path(__file__).parent / "golden"

VIETNAMESE = ["Bắt đầu", "Kết thúc", "dừng tính thời gian", "trễ hạn"]
ENGLISH = ["Start", "End", "clock paused", "overdue"]


def _graph(*arguments: str, env: dict[str, str] | None = None) -> str:
    run = CliRunner().invoke(main, ["graph", *arguments], env=env)
    assert run.exit_code == 0, run.output
    return run.stdout


@pytest.mark.parametrize("form", ["mermaid", "dot", "svg"])
def test_vietnamese_drawings_speak_vietnamese(form: str) -> None:
    text = _graph(str(LAND), "--format", form, "--lang", "vi")
    for word in VIETNAMESE:
        assert word in text, word
    for word in ("Start", "End", "clock paused", "overdue", "otherwise"):
        assert word not in text, word


@pytest.mark.parametrize("form", ["mermaid", "dot", "svg"])
def test_english_drawings_speak_english(form: str) -> None:
    text = _graph(str(LAND), "--format", form, "--lang", "en")
    for word in ENGLISH:
        assert word in text, word
    for word in VIETNAMESE:
        assert word not in text, word


@pytest.mark.parametrize("form", ["mermaid", "dot", "svg"])
def test_steps_and_authorities_are_shown_by_their_titles(form: str) -> None:
    text = _graph(str(LAND), "--format", form, "--lang", "en")
    assert "Tiếp nhận, kiểm tra, số hóa hồ sơ" in text  # the step's title
    assert "Trung tâm Phục vụ hành chính công cấp xã" in text  # the authority's title
    assert "commune.one_stop" not in text  # never the registry's name


def test_the_language_comes_from_the_environment_without_the_option() -> None:
    text = _graph(str(LAND), "--format", "mermaid", env={"TTHC_LANG": "", "LANG": "vi_VN.UTF-8"})
    assert '(("Bắt đầu"))' in text
    text = _graph(str(LAND), "--format", "mermaid", env={"TTHC_LANG": "en", "LANG": "vi_VN"})
    assert '(("Start"))' in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dot_of_an_example_matches_its_golden_file(lang: str) -> None:
    text = _graph(str(BIRTH), "--format", "dot", "--lang", lang)
    path = GOLDEN / f"dang-ky-khai-sinh.{lang}.dot"
    if os.environ.get("TTHC_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with TTHC_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
