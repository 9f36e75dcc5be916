"""The progress bar of `tthc check` on a terminal: one line on standard error, redrawn in
place, shown only when a run lasts more than half a second, and never when standard error is
not a terminal or a CI system is running us (the `CI` variable every CI service sets) —
there, output stays clean for the logs."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

STAGES = {
    "hash": ("Đọc tệp", "Reading"),
    "check": ("Kiểm tra", "Checking"),
}
DELAY = 0.5  # seconds before the bar appears
WIDTH = 30


def wanted(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI")


@contextmanager
def progress_bar(
    enabled: bool = True, lang: str = "vi", stream: TextIO | None = None
) -> Iterator[Callable[[str, int, int], None] | None]:
    out = stream or sys.stderr
    if not (enabled and wanted(out)):
        yield None
        return
    started = time.monotonic()
    drawn = False

    def show(stage: str, done: int, total: int) -> None:
        nonlocal drawn
        if time.monotonic() - started < DELAY or total <= 0:
            return
        vi, en = STAGES.get(stage, (stage, stage))
        filled = WIDTH * done // total
        bar = "█" * filled + "·" * (WIDTH - filled)
        out.write(f"\r{(vi if lang == 'vi' else en):<10} {bar} {done}/{total}")
        out.flush()
        drawn = True

    try:
        yield show
    finally:
        if drawn:
            out.write("\r\033[K")  # erase the line: the report starts on a clean one
            out.flush()
