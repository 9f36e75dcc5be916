"""Click's usage errors in the user's language (issue 19): "No such option", "Missing argument",
"Invalid value" and their kin, with the frame around them (Cách dùng / Lỗi).

Input: a `click.UsageError` as click raised it, and the command line (for `--lang`). Output: the
same error when the language is English, else a `VietnameseUsageError` carrying the translated
message and the same context, so click shows it and exits with the same code 2. Click still
parses the command line; this only rewords its finished messages, pattern by pattern, and leaves
a message it does not know as click wrote it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from tthc.cli.language import choose_language

_KINDS = {"Path": "Đường dẫn", "File": "Tệp", "Directory": "Thư mục"}
_NUMBERS = {"integer": "số nguyên", "float": "số thập phân", "integer range": "số nguyên"}

# Applied in order to the whole message; each rewrites one of click's phrases.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"^Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"^Invalid value: ", "Giá trị không hợp lệ: "),
    (r"(\S+) is not one of (.+)\.$", r"\1 không phải một trong các giá trị \2."),
    (r"(\S+) is not a valid (integer range|integer|float)\.", "NUMBER"),
    (r"(\S+) is not in the range (.+)\.$", r"\1 không nằm trong khoảng \2."),
    (r"(\S+) is not ('.+')\.$", r"\1 không phải \2."),
    (r"\b(Path|File|Directory) ('.+?') does not exist\.", "KIND does not exist"),
    (r"\b(Path|File|Directory) ('.+?') is a file\.", "KIND is a file"),
    (r"\b(Path|File|Directory) ('.+?') is a directory\.", "KIND is a directory"),
    (r"^No such option (.+?)\.", r"Không có tùy chọn \1."),
    (r"^No such command (.+?)\.", r"Không có lệnh \1."),
    (r"\(Did you mean one of: (.+)\?\)", r"(Có phải ý bạn là một trong: \1?)"),
    (r"Did you mean (.+)\?", r"Có phải ý bạn là \1?"),
    (r"^Missing argument (.+?)\.", r"Thiếu đối số \1."),
    (r"^Missing option (.+?)\.", r"Thiếu tùy chọn \1."),
    (r"^Missing command\.", "Thiếu lệnh."),
    (r"^Got unexpected extra arguments? \((.+)\)", r"Thừa đối số không mong đợi (\1)"),
    (r"^Option (.+?) requires an argument\.", r"Tùy chọn \1 cần một giá trị."),
    (r"^Option (.+?) requires (\d+) arguments\.", r"Tùy chọn \1 cần \2 giá trị."),
    (r"^Option (.+?) does not take a value\.", r"Tùy chọn \1 không nhận giá trị."),
)
_ENDINGS = {
    "KIND does not exist": "không tồn tại",
    "KIND is a file": "là một tệp, không phải thư mục",
    "KIND is a directory": "là một thư mục, không phải tệp",
}


def _rewrite(pattern: str, replacement: str, text: str) -> str:
    if replacement == "NUMBER":
        return re.sub(pattern, lambda m: f"{m[1]} không phải {_NUMBERS[m[2]]} hợp lệ.", text)
    if replacement in _ENDINGS:
        ending = _ENDINGS[replacement]
        return re.sub(pattern, lambda m: f"{_KINDS[m[1]]} {m[2]} {ending}.", text)
    return re.sub(pattern, replacement, text)


def translate(message: str) -> str:
    """Click's message in Vietnamese; the parts it does not know stay as click wrote them."""
    for pattern, replacement in PHRASES:
        message = _rewrite(pattern, replacement, message)
    return message


def language_of(arguments: Sequence[str]) -> str:
    """`--lang` as written on the command line (it was not parsed: the line is faulty)."""
    chosen: str | None = None
    for number, word in enumerate(arguments):
        if word == "--lang" and number + 1 < len(arguments):
            chosen = arguments[number + 1]
        elif word.startswith("--lang="):
            chosen = word.removeprefix("--lang=")
    return choose_language(chosen)


class VietnameseUsageError(click.UsageError):
    """A usage error shown in Vietnamese: "Cách dùng:", the hint, then "Lỗi:" and the message."""

    def show(self, file: IO[Any] | None = None) -> None:
        file = file if file is not None else sys.stderr
        if self.ctx is not None:
            usage = self.ctx.get_usage().replace("Usage:", "Cách dùng:", 1)
            click.echo(usage, file=file)
            if self.ctx.command.get_help_option(self.ctx) is not None:
                click.echo(f"Xem '{self.ctx.command_path} --help' để được trợ giúp.", file=file)
            click.echo("", file=file)
        click.echo(f"Lỗi: {self.format_message()}", file=file)


def in_language(error: click.UsageError, arguments: Sequence[str]) -> click.UsageError:
    if isinstance(error, VietnameseUsageError) or language_of(arguments) != "vi":
        return error
    return VietnameseUsageError(translate(error.format_message()), error.ctx)
