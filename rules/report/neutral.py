"""Every string a report prints, made harmless for its format: a pull request controls the
file names and the text inside procedures, and so part of every message.

Input: a string from the checked files (a path, a message quoting a value). Output: the same
string as each format may carry it:

    one_line(text)    text, concise, github: control characters, line and paragraph separators
                      and bidirectional overrides written as `\\n`, `\\x1b`, `\\u2028`, so that a
                      value cannot start a line (a forged `::error` workflow command) nor steer
                      a terminal; a line never starts with `::` (`line_start`)
    readable(text)    every format: characters no UTF-8 output can hold — the undecodable bytes
                      of a file name, kept by Python as lone surrogates (`os.fsdecode`) — written
                      as `\\xff`, so the name is shown, readably, and the output stays UTF-8
    xml_text(text)    JUnit: characters XML 1.0 forbids (NUL, ESC, form feed…) written likewise
    path_uri(path)    SARIF: the path's bytes percent-encoded (RFC 3986), losslessly

Strings that need nothing (almost all) are returned as they are after one fast test.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

# Bidirectional embeddings, overrides and isolates: text that reads differently than it runs.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Compiled when a string first needs them (`re` keeps them): a class reaching past U+00FF costs
# about a millisecond to compile, and a clean check prints no string that needs one.
LINE_UNSAFE = f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]"
XML_UNSAFE = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
SURROGATE = "[\ud800-\udfff]"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    if text.isprintable():
        return text
    return re.sub(LINE_UNSAFE, _escaped, text)


def line_start(text: str) -> str:
    """A line that begins with this text (a path) cannot be read as a workflow command."""
    text = one_line(text)
    return f"./{text}" if text.startswith("::") else text


def readable(text: str) -> str:
    if text.isascii():
        return text
    return re.sub(SURROGATE, _escaped, text)


def xml_text(text: str) -> str:
    if text.isprintable() and text.isascii():
        return text
    return re.sub(XML_UNSAFE, _escaped, text)


def path_uri(path: str) -> str:
    """A relative path as a URI reference: its bytes (as the file system has them)
    percent-encoded, `/` kept."""
    return quote(os.fsencode(path), safe="/")
