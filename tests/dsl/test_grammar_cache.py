"""The grammar's tables are kept in the user's cache folder and loaded from there; a missing,
unusable or broken cache only costs time, and the fast parsing path runs on a loaded parser."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tthc.dsl.reading.grammar import STARTS, grammar_text
from tthc.dsl.reading.grammar_cache import cache_file, cached_lark, cached_tables
from tthc.dsl.reading.lalr_driver import LalrDriver
from tthc.dsl.reading.lalr_tables import FORMAT, Tables, tables_from
from tthc.dsl.reading.transformer import ToAst

TWIN_PATH = Path(__file__).resolve().parent / "twins" / "birth.tthc"
TWIN = TWIN_PATH.read_text(encoding="utf-8")
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


def test_the_fast_path_runs_on_tables_from_a_parser_loaded_from_the_cache(cache: Path) -> None:
    parse_with(ToAst())  # writes Lark's cache
    transformer = ToAst()
    driver = LalrDriver.create(
        tables_from(cached_lark(grammar_text(), None, **OPTIONS)), transformer
    )
    assert driver is not None
    transformer.path, transformer.problems = "birth.tthc", []
    assert driver.parse(TWIN, "start", "birth.tthc") == (True, parse_with(ToAst()))


def test_the_tables_are_stored_as_plain_data_and_loaded_back(cache: Path) -> None:
    analysed: list[Tables] = []

    def analyse() -> Tables:
        analysed.append(tables_from(cached_lark(grammar_text(), None, **OPTIONS)))
        return analysed[-1]

    first = cached_tables(grammar_text(), OPTIONS, analyse)
    again = cached_tables(grammar_text(), OPTIONS, analyse)
    assert len(analysed) == 1 and again == first


def test_a_tables_file_that_would_build_objects_is_refused(cache: Path) -> None:
    path = cache_file(grammar_text(), {**OPTIONS, "tables": FORMAT})
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(Path("/etc/passwd")))  # names a class: refused, then rebuilt
    tables = cached_tables(
        grammar_text(), OPTIONS, lambda: tables_from(cached_lark(grammar_text(), None, **OPTIONS))
    )
    assert tables.start_states and Tables.from_data(pickle.loads(path.read_bytes())) == tables


def test_a_clean_parse_with_a_warm_cache_does_not_import_lark(cache: Path) -> None:
    code = (
        "import sys; from tthc.dsl import parse_path; "
        f"assert parse_path({str(TWIN_PATH)!r}).diagnostics == []; print('lark' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]  # built, then loaded
