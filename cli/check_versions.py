"""The note `tthc check --on DATE` writes on standard error: which version it checked.

Input: the paths checked, the configuration (for its registry folders), the day and the
language. Output: text, one line per procedure code that has several versions (the one in force
that day) or none in force that day (not checked), nothing for a code with one version in
force. The picking is `tthc.compiler.versions.picks`; this only words it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tthc.compiler import load_project
from tthc.compiler.versions import VersionProblem, applies, picks, versions
from tthc.rules.engine.config import Config
from tthc.rules.report.neutral import one_line


def version_note(paths: Sequence[str], config: Config, on: dt.date, language: str) -> str:
    """The versions picked on `on`, in `language` ("vi" or "en")."""
    project = load_project(paths, registry=config.registry)
    lines: list[str] = []
    for code, picked in picks(project.model, on):
        every = versions(project.model, code)
        count = len(every)
        if isinstance(picked, VersionProblem):
            overlap = [p.path for p in every if applies(p.node, on)]
            if overlap:  # TT602 says which; the rules saw them all
                vi = f"{code}: {len(overlap)} phiên bản cùng có hiệu lực: {', '.join(overlap)}"
                en = f"{code}: {len(overlap)} versions in force together: {', '.join(overlap)}"
            else:
                vi = f"{code}: không kiểm tra, không có phiên bản nào có hiệu lực ngày này"
                en = f"{code}: not checked, no version is in force on that day"
        elif count > 1:
            vi = f"{code}: phiên bản áp dụng là {picked.path} (trong {count} phiên bản)"
            en = f"{code}: the version in force is {picked.path} (of {count} versions)"
        else:
            continue
        lines.append(one_line(vi if language == "vi" else en))
    if not lines:
        return ""
    head = f"Ngày áp dụng {on.isoformat()}:" if language == "vi" else f"In force on {on}:"
    return "\n".join([head, *(f"  {line}" for line in lines)]) + "\n"
