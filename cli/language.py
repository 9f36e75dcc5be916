"""The language of messages: `--lang`, else `TTHC_LANG` or `LANG` from the environment, else
Vietnamese for people (text output) and English for machines (ARCHITECTURE.md)."""

from __future__ import annotations

import os


def choose_language(option: str | None, for_machines: bool = False) -> str:
    if option in ("vi", "en"):
        return option
    for variable in ("TTHC_LANG", "LANG"):
        value = os.environ.get(variable, "").lower()
        if value.startswith("vi"):
            return "vi"
        if value.startswith("en"):
            return "en"
    return "en" if for_machines else "vi"
