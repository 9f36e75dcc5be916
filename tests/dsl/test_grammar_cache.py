"""The grammar's tables are kept in the user's cache folder and loaded from there; a missing,
unusable or broken cache only costs time, and the fast parsing path runs on a loaded parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.dsl.grammar_cache import cache_file, cached_lark
from tthc.dsl.lalr_driver import LalrDriver
from tthc.dsl.parser import STARTS, grammar_text
from tthc.dsl.transformer import ToAst

TWIN = (Path(__file__).resolve().parent / "twins" / "birth.tthc").read_text(encoding="utf-8")
OPTIONS = {
    "parser": "lalr",
    "lexer": "contextual",
    "start": STARTS,
    "propagate_positions": False,
    "maybe_placeholders": False,
    "keep_all_tokens": True,
}


def parse_with(transformer: ToAst) -> object:
    parser = cached_lark(grammar_text(), transformer, **OPTIONS)
    transformer.path, transformer.problems = "birth.tthc", []
    return parser.parse(TWIN, start="start")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_tables_are_written_once_then_loaded(cache: Path) -> None:
    first = parse_with(ToAst())
    [written] = cache.iterdir()
    stamp = written.stat().st_mtime_ns
    second = parse_with(ToAst())
    assert written.stat().st_mtime_ns == stamp  # loaded, not built and written again
    assert first == second


def test_another_grammar_or_other_options_get_another_file(cache: Path) -> None:
    file = cache_file(grammar_text(), OPTIONS)
    assert file is not None and file.parent == cache
    assert cache_file(grammar_text() + "\n// changed\n", OPTIONS) != file
    assert cache_file(grammar_text(), {**OPTIONS, "keep_all_tokens": False}) != file


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTHC_CACHE_DIR", "")
    assert cache_file(grammar_text(), OPTIONS) is None
    assert parse_with(ToAst()) is not None


def test_a_folder_that_cannot_be_made_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TTHC_CACHE_DIR", str(blocker / "cache"))
    assert parse_with(ToAst()) is not None


def test_a_broken_cache_file_is_built_again(cache: Path) -> None:
    expected = parse_with(ToAst())
    [written] = cache.iterdir()
    written.write_bytes(b"broken\x00" * 10)
    assert parse_with(ToAst()) == expected
    assert written.stat().st_size > 1000


def test_the_fast_path_runs_on_a_parser_loaded_from_the_cache(cache: Path) -> None:
    parse_with(ToAst())  # writes the cache
    transformer = ToAst()
    loaded = cached_lark(grammar_text(), transformer, **OPTIONS)
    driver = LalrDriver.create(loaded)
    assert driver is not None
    transformer.path, transformer.problems = "birth.tthc", []
    assert driver.parse(TWIN, "start") == (True, parse_with(ToAst()))
