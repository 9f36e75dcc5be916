"""Syntax errors worded for drafters: what went wrong, where, and what was expected.

Input: a Lark `UnexpectedInput` and the text. Output: one TT001 (or TT002 for a misspelled
keyword) `Diagnostic`. A catalogue of common mistakes is matched with Lark's `match_examples`,
which compares the parser state of the error with the state each example fails in.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message
from tthc.dsl.limits import Limits
from tthc.dsl.span import Span
from tthc.dsl.syntax_catalogue import CATALOGUE, Mistake

# How each terminal reads in a message: Vietnamese, English.
TERMINAL_WORDS: dict[str, tuple[str, str]] = {
    "NAME": ("một định danh (ví dụ tiep_nhan)", "an identifier (e.g. tiep_nhan)"),
    "STRING": ('một chuỗi trong ngoặc kép (ví dụ "Hộ tịch")', 'a quoted string (e.g. "Hộ tịch")'),
    "DATE": ("một ngày dạng 2025-07-01", "a date such as 2025-07-01"),
    "NUMBER": ("một số", "a number"),
    "INT": ("một số nguyên", "a whole number"),
    "ARTICLE": ("số điều, khoản", "an article or clause number"),
    "DURATION_UNIT": (
        "đơn vị thời gian (working_days, days, working_hours, hours)",
        "a time unit (working_days, days, working_hours, hours)",
    ),
    "LBRACE": ("dấu {", "'{'"),
    "RBRACE": ("dấu }", "'}'"),
    "LPAR": ("dấu (", "'('"),
    "RPAR": ("dấu )", "')'"),
    "COMMA": ("dấu phẩy", "a comma"),
    "$END": ("hết tệp", "the end of the file"),
}

_ANON = re.compile(r"^__ANON_\d+$")


def _keyword_of(terminal: str) -> str | None:
    """`PROCEDURE` → `procedure`: Lark names keyword terminals after their upper-cased text."""
    if terminal in TERMINAL_WORDS or _ANON.match(terminal) or not terminal.isupper():
        return None
    return terminal.lower()


def expected_words(expected: set[str], lang: str) -> list[str]:
    words = []
    for terminal in sorted(expected):
        if terminal in TERMINAL_WORDS:
            words.append(TERMINAL_WORDS[terminal][0 if lang == "vi" else 1])
        elif terminal == "MINUSMORETHAN" or terminal == "__ANON_0":
            words.append("->")
        else:
            keyword = _keyword_of(terminal)
            if keyword is not None:
                words.append(f"'{keyword}'")
    return words[:12]


def describe_syntax_error(error: UnexpectedInput, path: str, text: str) -> Diagnostic:
    line, column = max(error.line, 1), max(error.column, 1)
    found = _found_text(error, text)
    span = Span(
        path=path, line=line, column=column, end_line=line, end_column=column + max(len(found), 1)
    )
    expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    misspelled = _misspelled_keyword(found, expected)
    if misspelled is not None:
        return make_diagnostic(
            "TT002",
            span,
            Message(vi=f"Từ khóa không hợp lệ '{found}'", en=f"Unknown keyword '{found}'"),
            Message(vi=f"Có phải ý bạn là '{misspelled}'?", en=f"Did you mean '{misspelled}'?"),
        )
    mistake = _match_catalogue(error, text)
    vi_expected = ", ".join(expected_words(expected, "vi"))
    en_expected = ", ".join(expected_words(expected, "en"))
    what_vi = f"Không đọc được '{found}'" if found else "Tệp kết thúc quá sớm"
    what_en = f"Unexpected '{found}'" if found else "The file ends too early"
    if mistake is not None:
        message = Message(vi=f"{mistake.vi} ({what_vi})", en=f"{mistake.en} ({what_en})")
        help = Message(vi=mistake.help_vi, en=mistake.help_en)
    else:
        message = Message(vi=what_vi, en=what_en)
        help = None
    if vi_expected:
        suffix = Message(vi=f"Cần: {vi_expected}", en=f"Expected: {en_expected}")
        help = (
            suffix
            if help is None
            else Message(vi=f"{help.vi}. {suffix.vi}", en=f"{help.en}. {suffix.en}")
        )
    return make_diagnostic("TT001", span, message, help)


def _found_text(error: UnexpectedInput, text: str) -> str:
    if isinstance(error, UnexpectedToken):
        return "" if error.token.type == "$END" else str(error.token)
    if isinstance(error, UnexpectedCharacters):
        rest = text[error.pos_in_stream :]
        match = re.match(r"\S+", rest)
        return match.group(0)[:40] if match else rest[:1]
    if isinstance(error, UnexpectedEOF):
        return ""
    return ""


def _misspelled_keyword(found: str, expected: set[str]) -> str | None:
    """A word that is close to a keyword allowed here: `deadlne` → `deadline`."""
    if not found or not re.fullmatch(r"[A-Za-z_]+", found):
        return None
    keywords = [k for k in (_keyword_of(t) for t in expected) if k]
    if found.lower() in keywords:
        return None
    close = difflib.get_close_matches(found.lower(), keywords, n=1, cutoff=0.75)
    return close[0] if close else None


def _match_catalogue(error: UnexpectedInput, text: str) -> Mistake | None:
    from tthc.dsl.parser import tree_parser

    parser = tree_parser()
    label = error.match_examples(
        lambda sample: parser.parse(sample, start="start"),
        _examples(),
        token_type_match_fallback=True,
        use_accepts=True,
    )
    return CATALOGUE.get(label) if isinstance(label, str) else None


@cache
def _examples() -> dict[str, list[str]]:
    return {key: list(mistake.examples) for key, mistake in CATALOGUE.items()}


def nesting_problem(path: str, text: str, limits: Limits) -> Diagnostic | None:
    """TT006 when braces nest deeper than the limit (the grammar itself nests three deep)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if char == "{":
                depth += 1
                if depth > limits.max_depth:
                    return make_diagnostic(
                        "TT006",
                        Span(
                            path=path,
                            line=number,
                            column=column,
                            end_line=number,
                            end_column=column + 1,
                        ),
                        Message(
                            vi=f"Các khối lồng nhau sâu hơn giới hạn {limits.max_depth}",
                            en=f"Blocks nest deeper than the limit of {limits.max_depth}",
                        ),
                        Message(vi="Kiểm tra các dấu { và }", en="Check the '{' and '}' braces"),
                    )
            elif char == "}":
                depth -= 1
    return None
