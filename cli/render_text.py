"""Diagnostics as text for the commands that are not `tthc check` (fmt, convert, graph): the
one text renderer, `tthc.rules.formats.text`, without the "Checked N files" summary that only
a check has. Kept as an import path for those commands."""

from __future__ import annotations

from collections.abc import Sequence

from tthc.dsl import Diagnostic
from tthc.rules.formats.text import render_diagnostics


def render_text(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    return render_diagnostics(diagnostics, lang)
