"""One comment scanner per form, held equal to the real parsers: `tthc.dsl.comment_scan` finds a
comment exactly where Lark's lexer (the `COMMENT` terminal of `grammar.lark`) and PyYAML's
scanner (a `#` after a blank, outside every scalar token) do, on every procedure file of the
repository and on the hard cases. `tthc fmt` and the suppressions both read it, so what fmt
keeps as a comment is what a `# tthc: allow` is looked for in."""

from __future__ import annotations

import subprocess
from bisect import bisect_right
from functools import cache
from pathlib import Path

import pytest
import yaml
from lark import Lark, Token

from tthc.dsl import SourceFile
from tthc.dsl.comment_scan import find_comments
from tthc.dsl.printer.canonical import format_source
from tthc.dsl.printer.comments import scan_dsl
from tthc.dsl.printer.yaml_comments import scan_yaml
from tthc.dsl.reading.grammar import grammar_text

ROOT = Path(__file__).resolve().parents[2]


def _files(*patterns: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in listed.stdout.split() if not name.startswith(".") and _utf8(name)]


def _utf8(name: str) -> bool:
    """Files that are not UTF-8 (the TT008 cases) are refused before any comment is read."""
    try:
        (ROOT / name).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


DSL_FILES = _files("*.tthc")
YAML_FILES = _files("*.yaml")


@cache
def _lexer() -> Lark:
    """Lark's own lexer of the grammar, keeping the comments it otherwise ignores."""
    return Lark(grammar_text(), parser="lalr", lexer="basic", start="start")


def _lark_comments(text: str) -> list[tuple[int, int]] | None:
    """(line, column) of each COMMENT token Lark's lexer reads, or None when it cannot lex."""
    try:
        tokens = list(_lexer().lex(text, dont_ignore=True))
    except Exception:  # a file that does not lex: the faulty examples
        return None
    return [(t.line, t.column) for t in tokens if isinstance(t, Token) and t.type == "COMMENT"]


def _pyyaml_comments(text: str) -> list[tuple[int, int]] | None:
    """(line, column) of each `#` PyYAML treats as a comment: at a line start or after a blank,
    outside every scalar token. None when PyYAML cannot scan the text."""
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    scalars = sorted(
        (t.start_mark.index, t.end_mark.index) for t in tokens if isinstance(t, yaml.ScalarToken)
    )
    starts = [start for start, _ in scalars]
    found, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find("#")
        while column >= 0:
            at = bisect_right(starts, offset + column) - 1
            inside = at >= 0 and scalars[at][0] <= offset + column < scalars[at][1]
            if not inside and (column == 0 or line[column - 1] in " \t"):
                found.append((number, column + 1))
                break
            column = line.find("#", column + 1)
        offset += len(line) + 1
    return found


def _ours(text: str, yaml_form: bool) -> list[tuple[int, int]]:
    return [(c.line, c.column) for c in find_comments(text, yaml_form)]


def test_the_repository_has_files_of_both_forms_with_comments() -> None:
    with_comments = [
        name
        for name in DSL_FILES + YAML_FILES
        if _ours((ROOT / name).read_text(encoding="utf-8"), name.endswith(".yaml"))
    ]
    assert len(DSL_FILES) > 20 and len(YAML_FILES) > 20 and len(with_comments) > 20


@pytest.mark.parametrize("name", DSL_FILES)
def test_dsl_comments_are_where_lark_lexes_them(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    expected = _lark_comments(text)
    if expected is not None:
        assert _ours(text, yaml_form=False) == expected


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_comments_are_where_pyyaml_skips_them(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    expected = _pyyaml_comments(text)
    if expected is not None:
        assert _ours(text, yaml_form=True) == expected


HARD_DSL = [
    'procedure "1" "a # not a comment" {  # one\n}\n',
    '  field "x \\" # still text"  # two\n# three\n',
    '  deadline immediately  # "a quoted # in a comment"\n#\n',
    '  name "#"#four\n',
]

HARD_YAML = [
    "a: 'it''s # text' # one\n",
    'a: "x \\" # text" # two\n',
    "a: b#not\nc: d # three\n",
    "a: |\n  # block text\n  more\nb: 1 # four\n",
    "- >-\n  # folded text\n- x # five\n",
    'a: "two\n  # lines" # six\n',
    "a: [x, 'y # z'] # seven\n",
    "? 'k # k'\n: v # eight\n",
    "a:\n  - key: |\n      # text\n  - key: x # nine\n",
    # A quote inside a plain scalar is a character of it, not the start of a quoted scalar.
    "title: Ỵ-'\n# ten\n",
    'a: [b, f"]\n# eleven\n',
    "a: Don't stop # twelve\n# thirteen\n",
    "a: x - 'y\n# fourteen\n",
    "a: x, 'y\n# fifteen\n",
    "a: b:'c\n# sixteen\n",
    "- a: b-'c'\n  # seventeen\n",
    "a: &x 'y # z' # eighteen\n",
    "a: !!str 'y # z' # nineteen\n",
    "[a, 'b # c', d] # twenty\n",
    "a: {b: 'c # d', e: f'g} # twenty-one\n",
    "- - 'a # b' # twenty-two\n",
    "a: [x,\n  'y # z'] # twenty-three\n",
]


@pytest.mark.parametrize("text", HARD_DSL)
def test_hard_dsl_cases_agree_with_lark(text: str) -> None:
    assert _ours(text, yaml_form=False) == _lark_comments(text)


@pytest.mark.parametrize("text", HARD_YAML)
def test_hard_yaml_cases_agree_with_pyyaml(text: str) -> None:
    assert _ours(text, yaml_form=True) == _pyyaml_comments(text)


@pytest.mark.parametrize("name", DSL_FILES + YAML_FILES)
def test_fmt_keeps_every_comment_the_suppressions_read(name: str) -> None:
    """The formatter counts and keeps the comments of the one scanner: every comment a
    suppression could be written in is in `tthc fmt`'s output, with its text."""
    text = (ROOT / name).read_text(encoding="utf-8")
    source = SourceFile.from_text(name, text)
    formatted = format_source(source)
    if formatted.value is None:
        return  # a file fmt refuses (the faulty examples) is left as it is
    is_yaml = name.endswith(".yaml")
    before = sorted(c.text.strip() for c in find_comments(text, is_yaml))
    after = sorted(c.text.strip() for c in find_comments(formatted.value, is_yaml))
    scanned = scan_yaml(text)[0] if is_yaml else scan_dsl(text)
    modelines = len(before) - len(scanned)  # fmt writes the schema line itself
    assert len(after) == len(before) + (0 if modelines else int(is_yaml))
    assert set(before) <= set(after)
