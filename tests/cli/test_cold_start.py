"""A cold `tthc check FILE` imports only what a one-file check needs (issue 17): no model is
validated at import (that builds its validator and loads pydantic's plugin machinery with
`importlib.metadata`), and the parts of tthc a check of a named file never uses (the
deployment bundle and its calendar, globs, TOML, JSON) stay unimported; and the lexers of the
parser states the file reaches compile no regex of their own (each tries its few terminals in
turn until it has read many tokens). Counted in a fresh process, so the figure does not depend
on the machine's load; `make bench-cold` measures the time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOT_NEEDED = (
    "pydantic.plugin._loader",
    "importlib.metadata",
    "pathspec",
    "tomllib",
    "json",
    "tthc.compiler.deploy",
    "tthc.compiler.analysis.calendar",
    "sqlite3",  # the check cache's database: not opened with --no-cache
    "difflib",  # the "did you mean" of a name not found, a misspelt key
    # The other commands' options and help texts: imported when their command is used
    # (`tthc.cli.lazy_group`).
    "tthc.cli.case_group",
    "tthc.cli.file_commands",
    "tthc.cli.output_commands",
    "tthc.cli.reference_commands",
    "tthc.cli.server_commands",
)

PROGRAM = """
import sys
path, names = sys.argv[1], sys.argv[2:]
sys.argv = ["tthc", "check", "--no-cache", "--quiet", path]
from tthc.cli.main import main
try:
    main()
except SystemExit as done:
    code = done.code
print(code, *sorted(name for name in names if name in sys.modules))
"""

LEXERS = """
import re
from tthc.dsl.reading.parser import _local
driver = _local.bound[1]
print("lexers", len(driver._shared), "compiled", sum(
    isinstance(lexer.regex, re.Pattern) for lexer in driver._shared.values()
))
"""


# The report's patterns for strings that need escaping or quoting: a class reaching past U+00FF
# costs about a millisecond to compile, and a clean check prints no such string.
PATTERNS = """
import re
from tthc.rules.report import neutral, source_lines
report = {neutral.LINE_UNSAFE, neutral.XML_UNSAFE, neutral.SURROGATE}
report |= {source_lines.BREAKS, source_lines.YAML_BREAKS}
print("compiled", sum(key[1] in report for key in re._cache))
"""


def one_file(folder: Path) -> Path:
    one = folder / "khai-sinh.tthc"  # a procedure and its registry, no configuration
    one.write_text(
        (EXAMPLES / "registry.tthc").read_text(encoding="utf-8")
        + "\n"
        + (EXAMPLES / "dang-ky-khai-sinh.tthc").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return one


def test_a_cold_one_file_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, one_file(tmp_path).name, *NOT_NEEDED],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["0"], done.stdout  # clean, and none of them imported


def test_a_cold_one_file_check_compiles_no_lexer_regex(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM + LEXERS, one_file(tmp_path).name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    code, lexers, reached, compiled, none = done.stdout.split()
    assert (code, lexers, compiled, none) == ("0", "lexers", "compiled", "0"), done.stdout
    assert int(reached) > 40  # the file reaches many parser states


def test_a_cold_clean_check_compiles_none_of_the_reports_patterns(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM + PATTERNS, one_file(tmp_path).name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["0", "compiled", "0"], done.stdout
