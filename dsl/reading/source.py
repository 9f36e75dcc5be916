"""Reading a file: size, encoding and Unicode normalisation checks before any parsing.

Input: a path (or bytes with a name). Output: `Outcome[SourceFile]`. A file over the size limit
is TT006. A file that is not UTF-8 text is TT008 and fatal: it declares another encoding
(`# -*- coding: cp1258 -*-`), starts with a UTF-16 or UTF-32 byte-order mark, holds a byte
that is not UTF-8 (pointed at, with its byte offset) or a control character (binary data).
Line ends may be LF, CRLF or a lone CR (read as LF). Text not in NFC is TT007, a warning: the text is kept as written so that columns stay true,
and a word spelled both ways in one file is pointed out with both places.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome, Related
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.reading.links import link_outside_repository
from tthc.dsl.span import SourceFile, Span

# `# -*- coding: latin-1 -*-`, `# encoding: cp1258` or `# vim: set fileencoding=cp1258 :`.
_CODING = re.compile(rb"^[ \t]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
_UTF8_NAMES = {"utf-8", "utf8", "utf_8", "utf-8-sig", "utf8-sig"}
# Byte-order marks of the encodings an editor may save a file in; UTF-32 before UTF-16, whose
# little-endian mark is the start of UTF-32's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# Characters no text file holds: C0 and C1 controls other than tab and line ends, and the two
# non-characters. YAML refuses them too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_FIRST_READ = 65536
# Every byte but those that start a control character in UTF-8 (below).
_NOT_CONTROL = b"\t\n\r" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
# A carriage return that does not start a CRLF: a line end of classic Mac OS.
_LONE_CR = re.compile("\r(?!\n)")
# What YAML also ends a line at (YAML 1.1, which PyYAML reads): NEL, LINE and PARAGRAPH SEPARATOR.
YAML_BREAKS = re.compile("[\x85\u2028\u2029]")
# A word, with the combining marks of decomposed Vietnamese (U+0300-U+036F) kept in it.
_WORD = re.compile("(?:\\w|[\u0300-\u036f])+")


def read_source(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Outcome[SourceFile]:
    """Reads and checks one file; an unreadable file is a TT008 diagnostic, not an exception."""
    name = str(path)
    # One byte over the limit is enough to tell that a file is too large. Asking for a
    # megabyte at once costs a megabyte's allocation for every few-kB file, so the first
    # 64 kB are read first.
    whole = limits.max_bytes + 1
    first = min(whole, _FIRST_READ)
    refused = link_outside_repository(name)
    if refused is not None:
        return Outcome(None, [refused])
    try:
        with open(path, "rb") as handle:
            data = handle.read(first)
            if len(data) == first < whole:
                data += handle.read(whole - first)
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
    wide = _wide_encoding(data)
    if wide is not None:
        return Outcome(None, [_encoding_problem(name, 1, wide, byte_order_mark=True)])
    declared = _declared_encoding(data)
    if declared is not None:
        encoding, offset = declared
        line = 1 + data[:offset].count(b"\n")
        return Outcome(None, [_encoding_problem(name, line, encoding, byte_order_mark=False)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark from Windows editors carries no meaning in UTF-8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Outcome(None, [_bad_utf8(name, data, error)])
    if "\r" in text:
        # YAML ends a line at a lone CR, the DSL's lexer would not (a comment would run to the
        # end of the file): both read it as a line end. Offsets and columns stay the same.
        text = _LONE_CR.sub("\n", text)
    if not text.isascii() and name.lower().endswith((".yaml", ".yml")):
        # Likewise the other line ends of YAML, so that a line the parser counts is a line of
        # the file here too (a diagnostic never points past the end of the file).
        text = YAML_BREAKS.sub("\n", text)
    source = SourceFile.from_text(name, text)
    control = _CONTROL.search(text) if _may_hold_control(data) else None
    if control is not None:
        return Outcome(None, [_control_character(source, control.start())])
    return Outcome(source, not_nfc_problems(source))


def _may_hold_control(data: bytes) -> bool:
    """A quick look at the bytes (a tenth of the time of `_CONTROL` on the text): in UTF-8,
    every character `_CONTROL` finds is a byte below 0x20 other than tab and line ends, or 0x7f,
    or starts with the bytes c2 (U+0080-U+009F) or ef bf (U+FFFE, U+FFFF)."""
    return bool(data.translate(None, _NOT_CONTROL)) or b"\xc2" in data or b"\xef\xbf" in data


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, told by a byte-order mark, or by NUL bytes between ASCII letters."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    head = data[:400]
    if len(head) >= 8 and head.count(0) * 3 >= len(head):
        return "UTF-16"
    return None


def _declared_encoding(data: bytes) -> tuple[str, int] | None:
    """An encoding other than UTF-8 declared in the first two lines, and where."""
    second = data.find(b"\n", data.find(b"\n") + 1)
    head = data if second < 0 else data[:second]
    for match in _CODING.finditer(head):
        encoding = match.group(1).decode("ascii", "replace").lower()
        if encoding not in _UTF8_NAMES:
            return encoding, match.start(1)
    return None


def _encoding_problem(name: str, line: int, encoding: str, byte_order_mark: bool) -> Diagnostic:
    if byte_order_mark:
        message = Message(
            vi=f"Tệp được lưu bằng bảng mã {encoding}; tthc chỉ đọc UTF-8",
            en=f"The file is saved as {encoding}; tthc reads UTF-8 only",
        )
    else:
        message = Message(
            vi=f"Tệp khai báo bảng mã '{encoding}'; tthc chỉ đọc UTF-8",
            en=f"The file declares the encoding '{encoding}'; tthc reads UTF-8 only",
        )
    return make_diagnostic(
        "TT008",
        Span.point(name, line),
        message,
        Message(
            vi="Lưu lại tệp với bảng mã UTF-8 và xóa dòng khai báo bảng mã nếu có",
            en="Save the file as UTF-8, and remove the encoding declaration if any",
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
            vi=f"Byte không hợp lệ trong UTF-8 ({bad}) ở byte thứ {error.start}; tệp có thể được lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258)",
            en=f"Invalid UTF-8 bytes ({bad}) at byte {error.start}; the file may be saved in a legacy encoding (TCVN3, VNI, Windows-1258)",
        ),
        Message(
            vi="Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode dựng sẵn)",
            en="Open the file in an editor and save it again as UTF-8 (precomposed Unicode)",
        ),
    )


def _control_character(source: SourceFile, offset: int) -> Diagnostic:
    code = ord(source.text[offset])
    return make_diagnostic(
        "TT008",
        source.span(offset, offset + 1),
        Message(
            vi=f"Tệp chứa ký tự điều khiển U+{code:04X}: có thể đây không phải là tệp văn bản",
            en=f"The file holds the control character U+{code:04X}: it may not be a text file",
        ),
        Message(
            vi="Kiểm tra đúng tệp chưa, hoặc xóa ký tự này",
            en="Check that this is the right file, or remove the character",
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
    """One TT007 per line holding text that changes under NFC (decomposed Vietnamese marks);
    a word also spelled precomposed elsewhere in the file is named, with that place."""
    text = source.text
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return []
    precomposed: dict[str, int] = {}  # word in NFC → offset where it is first written so
    for match in _WORD.finditer(text):
        word = match.group()
        if not word.isascii() and unicodedata.is_normalized("NFC", word):
            precomposed.setdefault(word, match.start())
    problems = []
    for number in range(1, len(source.line_starts) + 1):
        line = source.line_text(number)
        if unicodedata.is_normalized("NFC", line):
            continue
        start = source.line_starts[number - 1]
        column = next(
            i + 1
            for i, char in enumerate(line)
            if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", line[i : i + 2])
        )
        span = Span(
            path=source.path,
            line=number,
            column=column,
            end_line=number,
            end_column=len(line) + 1,
        )
        problems.append(_not_nfc(source, span, line, start, precomposed))
    return problems


def _not_nfc(
    source: SourceFile, span: Span, line: str, start: int, precomposed: dict[str, int]
) -> Diagnostic:
    help = Message(
        vi="Chạy 'tthc fmt' để chuẩn hóa về dạng dựng sẵn (NFC)",
        en="Run 'tthc fmt' to normalise the text to precomposed form (NFC)",
    )
    for match in _WORD.finditer(line):
        word = match.group()
        twin = precomposed.get(unicodedata.normalize("NFC", word))
        if twin is not None and not unicodedata.is_normalized("NFC", word):
            other = source.span(twin, twin + len(unicodedata.normalize("NFC", word)))
            return make_diagnostic(
                "TT007",
                source.span(start + match.start(), start + match.end()),
                Message(
                    vi=f"'{word}' ở đây viết dạng tổ hợp (NFD), ở dòng {other.line} viết dạng dựng sẵn (NFC): trông giống nhau nhưng máy so sánh là khác nhau",
                    en=f"'{word}' is spelled here in decomposed form (NFD) and on line {other.line} in precomposed form (NFC): they look alike but compare different",
                ),
                help,
                related=(
                    Related(
                        span=other,
                        message=Message(vi="Cách viết dựng sẵn", en="The precomposed spelling"),
                    ),
                ),
            )
    return make_diagnostic(
        "TT007",
        span,
        Message(
            vi="Dòng này có chữ tiếng Việt ở dạng tổ hợp (NFD), thường do sao chép từ Word hoặc PDF",
            en="This line holds Vietnamese letters in decomposed form (NFD), often pasted from Word or PDF",
        ),
        help,
    )
