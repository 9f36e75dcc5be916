"""Reading a file: size, encoding and Unicode normalisation checks before any parsing.

Input: a path (or bytes with a name). Output: `Outcome[SourceFile]`. Invalid UTF-8 or a
declared non-UTF-8 encoding is TT008 (fatal); text not in NFC is TT007 (a warning, the text is
kept as written so that columns stay true); a file over the size limit is TT006.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome
from tthc.dsl.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.span import SourceFile, Span

# `# -*- coding: latin-1 -*-`, `# encoding: cp1258` or a YAML `%YAML`-style comment.
_CODING = re.compile(rb"^[ \t]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
_UTF8_NAMES = {"utf-8", "utf8", "utf_8"}


def read_source(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Outcome[SourceFile]:
    """Reads and checks one file; an unreadable file is a TT008 diagnostic, not an exception."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as error:
        message = Message(
            vi=f"Không đọc được tệp: {error.strerror}", en=f"Cannot read the file: {error.strerror}"
        )
        return Outcome(None, [make_diagnostic("TT008", Span.point(name), message)])
    return decode_source(name, data, limits)


def decode_source(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Outcome[SourceFile]:
    """Checks raw bytes: size (TT006), encoding (TT008), normalisation (TT007)."""
    if len(data) > limits.max_bytes:
        return Outcome(None, [_too_large(name, limits)])
    declared = _declared_encoding(data)
    if declared is not None:
        return Outcome(None, [declared_encoding_problem(name, data, declared)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark from Windows editors carries no meaning in UTF-8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Outcome(None, [_bad_utf8(name, data, error)])
    source = SourceFile.from_text(name, text)
    return Outcome(source, not_nfc_problems(source))


def _declared_encoding(data: bytes) -> str | None:
    head = b"\n".join(data.split(b"\n", 2)[:2])
    match = _CODING.search(head)
    if match is None:
        return None
    encoding = match.group(1).decode("ascii", "replace").lower()
    return None if encoding in _UTF8_NAMES else encoding


def declared_encoding_problem(name: str, data: bytes, encoding: str) -> Diagnostic:
    line = 1 + data[: data.find(b"coding")].count(b"\n")
    return make_diagnostic(
        "TT008",
        Span.point(name, line),
        Message(
            vi=f"Tệp khai báo bảng mã '{encoding}'; tthc chỉ đọc UTF-8",
            en=f"The file declares the encoding '{encoding}'; tthc reads UTF-8 only",
        ),
        Message(
            vi="Lưu lại tệp với bảng mã UTF-8 và xóa dòng khai báo bảng mã",
            en="Save the file as UTF-8 and remove the encoding declaration",
        ),
    )


def _bad_utf8(name: str, data: bytes, error: UnicodeDecodeError) -> Diagnostic:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", "replace")) + 1
    bad = data[error.start : error.end].hex(" ")
    return make_diagnostic(
        "TT008",
        Span(path=name, line=line, column=column, end_line=line, end_column=column + 1),
        Message(
            vi=f"Byte không hợp lệ trong UTF-8 ({bad}); tệp có thể được lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258)",
            en=f"Invalid UTF-8 bytes ({bad}); the file may be saved in a legacy encoding (TCVN3, VNI, Windows-1258)",
        ),
        Message(
            vi="Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode dựng sẵn)",
            en="Open the file in an editor and save it again as UTF-8 (precomposed Unicode)",
        ),
    )


def _too_large(name: str, limits: Limits) -> Diagnostic:
    return make_diagnostic(
        "TT006",
        Span.point(name),
        Message(
            vi=f"Tệp lớn hơn giới hạn {limits.max_bytes} byte",
            en=f"The file is larger than the limit of {limits.max_bytes} bytes",
        ),
        Message(
            vi="Tách thành nhiều tệp, hoặc nâng giới hạn max_bytes trong cấu hình",
            en="Split it into several files, or raise max_bytes in the configuration",
        ),
    )


def not_nfc_problems(source: SourceFile) -> list[Diagnostic]:
    """One TT007 per line holding text that changes under NFC (decomposed Vietnamese marks)."""
    text = source.text
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    problems = []
    for number in range(1, len(source.line_starts) + 1):
        line = source.line_text(number)
        if unicodedata.is_normalized("NFC", line):
            continue
        column = next(
            i + 1
            for i, char in enumerate(line)
            if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", line[i : i + 2])
        )
        problems.append(
            make_diagnostic(
                "TT007",
                Span(
                    path=source.path,
                    line=number,
                    column=column,
                    end_line=number,
                    end_column=len(line) + 1,
                ),
                Message(
                    vi="Dòng này có chữ tiếng Việt ở dạng tổ hợp (NFD), thường do sao chép từ Word hoặc PDF",
                    en="This line holds Vietnamese letters in decomposed form (NFD), often pasted from Word or PDF",
                ),
                Message(
                    vi="Chạy 'tthc fmt' để chuẩn hóa về dạng dựng sẵn (NFC)",
                    en="Run 'tthc fmt' to normalise the text to precomposed form (NFC)",
                ),
            )
        )
    return problems
