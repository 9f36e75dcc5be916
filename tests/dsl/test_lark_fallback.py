"""The fast parser reads Lark's private LALR tables; a Lark whose tables are not where it looks
(another version) must not crash tthc: Lark's own parser reads the files then, with the same
result. Run in a fresh interpreter with no grammar cache (so the tables have to be read from
Lark again), in which reading them fails as it would on a Lark that moved them: an
AttributeError or an ImportError from inside Lark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = [
    ROOT / "examples" / "dang-ky-khai-sinh.tthc",
    ROOT / "examples" / "faulty" / "TT001_syntax_error.tthc",
]
PARSE = """
import json, sys
{prelude}
from tthc.dsl import parse_path
from tthc.dsl.reading import parser
out = []
for path in sys.argv[1:]:
    outcome = parse_path(path)
    out.append([
        outcome.value.model_dump(mode="json") if outcome.value is not None else None,
        [d.model_dump(mode="json") for d in outcome.diagnostics],
    ])
print(json.dumps({{"fast": parser._tables() is not None, "results": out}}))
"""
BREAK_LARK = """
from tthc.dsl.reading import parser as reading

def moved(lark_parser):
    lark_parser.parser.parser.parser.parse_table  # Lark's parser works: its table is there
    raise {error}("'_Parser' object has no attribute 'parse_table'")  # but not where we look

reading.tables_from = moved
"""


def parse_in_fresh_interpreter(prelude: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PARSE.format(prelude=prelude), *map(str, FILES)],
        capture_output=True,
        text=True,
        env={**os.environ, "TTHC_CACHE_DIR": ""},  # no cache: the tables are analysed here
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("error", ["AttributeError", "ImportError", "KeyError"])
def test_without_the_tables_it_reads_lark_parses_with_the_same_result(error: str) -> None:
    fast = parse_in_fresh_interpreter("")
    fallback = parse_in_fresh_interpreter(BREAK_LARK.format(error=error))
    assert fast["fast"] is True
    assert fallback["fast"] is False
    assert fallback["results"] == fast["results"]
