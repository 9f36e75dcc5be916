"""What `tthc` does when it fails inside: exit code 3 and a short report, never exit code 1.

Input: an exception that escaped a command (a bug in tthc, whatever the files held), or the
diagnostics of a run that hold TT999 (a check that crashed on one procedure). Output: a few
lines on standard error — what failed, where in tthc, how to report it — and exit code 3, so
that CI tells a crash from findings (1) and from a usage or I/O error (2). The full traceback
is printed when `TTHC_TRACEBACK=1`.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from tthc.cli.lazy_group import LazyGroup

INTERNAL_ERROR = 3


def crash_report(error: BaseException) -> str:
    """A short report of an exception, naming the innermost frame inside tthc."""
    import traceback  # only on a crash

    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/tthc/" in f.filename.replace("\\", "/") or _in_tree(f.filename)]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f" ({os.path.basename(where.filename)}:{where.lineno})" if where else ""
    kind = type(error).__name__
    text = str(error).encode("utf-8", "backslashreplace").decode("utf-8")[:300]
    lines = [
        f"tthc: lỗi nội bộ / internal error: {kind}: {text}{place}",
        "  Đây là lỗi của tthc, không phải của tệp của bạn. / This is a bug in tthc, not in your files.",
        "  Xin báo lỗi cho dự án tthc, kèm: lệnh đã chạy, `tthc --version`, tệp gây lỗi và kết quả",
        "  của cùng lệnh với TTHC_TRACEBACK=1 (in toàn bộ vết lỗi).",
        "  Please file it in tthc's issue tracker with the command, `tthc --version`, the files,",
        "  and the output of the same command run with TTHC_TRACEBACK=1 (the whole traceback).",
    ]
    if os.environ.get("TTHC_TRACEBACK") == "1":
        lines.append("".join(traceback.format_exception(error)).rstrip())
    return "\n".join(lines) + "\n"


def _in_tree(filename: str) -> bool:
    folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.abspath(filename).startswith(folder + os.sep)


class CrashGuard(LazyGroup):
    """The `tthc` group: an exception escaping a command becomes exit code 3 and a report; a
    usage error is shown in the user's language (`tthc.cli.usage_errors`), still exit code 2."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        if parent is None and (not args or "-h" in args or "--help" in args):
            _help_in_language(self, args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise _in_language(error, args) from None
        ctx.meta["tthc.arguments"] = list(args)
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _in_language(error, ctx.meta.get("tthc.arguments", [])) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # the reader went away (`tthc check | head`): not a bug
            _quiet_stdout()
            ctx.exit(2)
        except Exception as error:
            sys.stderr.write(crash_report(error))
            sys.stderr.flush()
            ctx.exit(INTERNAL_ERROR)


def _help_in_language(group: click.Group, arguments: list[str]) -> None:
    from tthc.cli.help_language import use_language  # only when help is asked for
    from tthc.cli.usage_errors import language_of

    use_language(group, language_of(arguments))


def _in_language(error: click.UsageError, arguments: list[str]) -> click.UsageError:
    from tthc.cli.usage_errors import in_language  # only on a faulty command line

    return in_language(error, arguments)


def _quiet_stdout() -> None:
    """Points standard output at nothing, so that flushing it at exit raises no second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
