"""No input makes the readers raise: arbitrary bytes, arbitrary text, and valid files mutated
the way hands and editors break them (characters or lines deleted, inserted, swapped,
duplicated). Whatever fails says so with at least one diagnostic placed inside the file.

`HYPOTHESIS_PROFILE=large` (`make fuzz`) runs each property on 10,000 examples.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.dsl import Outcome, Severity, SourceFile, ast, decode_source, parse

TWINS = Path(__file__).resolve().parent / "twins"
VALID = {
    suffix: (TWINS / f"birth{suffix}").read_text(encoding="utf-8") for suffix in (".tthc", ".yaml")
}
SUFFIXES = st.sampled_from([".tthc", ".yaml"])

# Characters that matter to the readers, and the mistakes people paste in.
SPECIAL = [
    *'{}()[]",:#-> \n\t\'*&!|%@`=;/\\', "“", "”", "‘", "’", "→", "—", "\u0300", "\u0301", "\u0323", "\x00", "\x1b", "\ufeff",
    "ộ", "Đ", "ư", "0", "9", ".", "_",
]  # fmt: skip
WORDS = [
    "procedure", "steps", "flow", "all(", "when", "by", "takes", "art", "- ", ": ", "&a ", "*a",
    "!!python/object ", "working_days", "2025-07-01", "01/07/2025", "---\n", "...\n", "? ",
]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(SPECIAL), st.sampled_from(WORDS), st.text(max_size=3), st.characters()
)


_ANY_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _lines_of(text: str) -> int:
    return text.count("\n") + 1


def _check(outcome: Outcome[ast.Document], lines: int) -> None:
    if outcome.value is None:
        assert any(d.severity is Severity.ERROR for d in outcome.diagnostics)
    for diagnostic in outcome.diagnostics:
        span = diagnostic.span
        assert 1 <= span.line <= lines + 1, (diagnostic, lines)
        assert span.column >= 1 and (span.end_line, span.end_column) >= (span.line, span.column)
        assert diagnostic.message.vi and diagnostic.message.en
        for related in diagnostic.related:
            assert 1 <= related.span.line <= lines + 1


def _read_and_parse(name: str, data: bytes) -> None:
    read = decode_source(name, data)
    if read.value is None:
        # The reader counts a lone CR as a line end too (and YAML NEL, U+2028, U+2029), so a
        # refused file's last line is counted the same way, not by LF alone.
        text = data.decode("utf-8", errors="replace")
        _check(read, len(_ANY_BREAK.split(text)))
        return
    outcome = parse(read.value)
    _check(outcome, _lines_of(read.value.text))


@pytest.mark.property
@given(data=st.binary(max_size=2000), suffix=SUFFIXES)
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _read_and_parse(f"fuzz{suffix}", data)


@pytest.mark.property
@given(text=st.text(max_size=500), suffix=SUFFIXES)
def test_arbitrary_text(text: str, suffix: str) -> None:
    _check(parse(SourceFile.from_text(f"fuzz{suffix}", text)), _lines_of(text))


@pytest.mark.property
@given(pieces=st.lists(PIECES, max_size=60), suffix=SUFFIXES)
def test_text_made_of_the_language_pieces(pieces: list[str], suffix: str) -> None:
    text = "".join(pieces)
    _read_and_parse(f"fuzz{suffix}", text.encode("utf-8", errors="surrogatepass"))


@st.composite
def mutated(draw: st.DrawFn, suffix: str) -> str:
    """A valid file with a few characters or lines deleted, inserted, swapped or duplicated."""
    text = VALID[suffix]
    for _ in range(draw(st.integers(1, 4))):
        by_lines = draw(st.booleans())
        units: list[str] = text.split("\n") if by_lines else list(text)
        if not units:
            break
        at = draw(st.integers(0, len(units) - 1))
        operation = draw(st.sampled_from(["delete", "insert", "swap", "duplicate"]))
        if operation == "delete":
            span = draw(st.integers(1, 3))
            del units[at : at + span]
        elif operation == "insert":
            units.insert(at, draw(PIECES))
        elif operation == "swap":
            other = draw(st.integers(0, len(units) - 1))
            units[at], units[other] = units[other], units[at]
        else:
            units.insert(at, units[at])
        text = ("\n" if by_lines else "").join(units)
    return text


@pytest.mark.property
@given(text=mutated(".tthc"))
def test_mutated_dsl_file(text: str) -> None:
    _read_and_parse("birth.tthc", text.encode("utf-8", errors="surrogatepass"))


@pytest.mark.property
@given(text=mutated(".yaml"))
def test_mutated_yaml_file(text: str) -> None:
    _read_and_parse("birth.yaml", text.encode("utf-8", errors="surrogatepass"))


@pytest.mark.property
@given(text=mutated(".tthc"))
def test_mutated_dsl_file_read_as_yaml(text: str) -> None:
    _read_and_parse("birth.yaml", text.encode("utf-8", errors="surrogatepass"))
