"""A cold `tthc check FILE` imports only what a one-file check needs (issue 17): not pydantic
(the AST, spans and diagnostics are plain records; only the YAML front end, `tthc schema` and
deploy bundles validate with pydantic), nor `importlib.metadata`, and the parts of tthc a check of a named file never uses (the
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
    # the AST, spans and diagnostics are plain records: a DSL check validates nothing
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_inspection",
    "tthc.dsl.models",
    "importlib.metadata",
    "pathspec",
    "tomllib",
    "json",
    "tthc.compiler.deploy",
    "tthc.compiler.analysis.calendar",
    "sqlite3",  # the check cache's database: not opened with --no-cache
    # The cache itself, its key and the encoding of entries (also what workers send back);
    # `--changed-since`'s git query.
    "tthc.rules.engine.cache",
    "tthc.rules.engine.cache_key",
    "tthc.rules.engine.pickling",
    "tthc.rules.engine.changes",
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


def cold_check(folder: Path, program: str, *arguments: str) -> list[str]:
    """What `program` (the check of one file in a fresh interpreter, then a probe) prints."""
    done = subprocess.run(
        [sys.executable, "-c", program, one_file(folder).name, *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def test_a_cold_one_file_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    printed = cold_check(tmp_path, PROGRAM, *NOT_NEEDED)
    assert printed == ["0"], printed  # clean, and none of them imported


def test_a_cold_one_file_check_compiles_no_lexer_regex(tmp_path: Path) -> None:
    printed = cold_check(tmp_path, PROGRAM + LEXERS)
    code, lexers, reached, compiled, none = printed
    assert (code, lexers, compiled, none) == ("0", "lexers", "compiled", "0"), printed
    assert int(reached) > 40  # the file reaches many parser states


def test_a_cold_clean_check_compiles_none_of_the_reports_patterns(tmp_path: Path) -> None:
    printed = cold_check(tmp_path, PROGRAM + PATTERNS)
    assert printed == ["0", "compiled", "0"], printed


# Vietnamese keywords that no English keyword of the same place shares its first two letters
# with: a file written in English passes them over uncompiled (`tthc.dsl.reading.first_chars`);
# the case-insensitive Vietnamese alternatives are the slowest terminals to compile.
VIETNAMESE_ONLY = (
    "LEVEL_VI",
    "INSTRUMENT_KIND_VI",
    "ARTICLE_VI",
    "CLAUSE_VI",
    "STEP_KIND_VI",
    "DURATION_UNIT_VI",
    "BOOL_VI",
    "GRANT_MODE_VI",
    "ONLINE_LEVEL_VI",
)
TERMINALS = """
from tthc.dsl.reading.parser import _local
print("terminals", *sorted(_local.bound[1]._terminals))
"""


def test_a_cold_english_check_compiles_no_terminal_that_cannot_begin_where_it_is_tried(
    tmp_path: Path,
) -> None:
    printed = cold_check(tmp_path, PROGRAM + TERMINALS)
    code, heading, *compiled = printed
    assert (code, heading) == ("0", "terminals"), printed
    assert "NAME" in compiled and "STRING" in compiled  # what the file is made of
    assert not set(VIETNAMESE_ONLY) & set(compiled), compiled
