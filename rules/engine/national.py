"""The national registry shipped with tthc: `registry = ["tthc:national"]` in a configuration.

Input: nothing. Output: the folder of the registry files (authorities, instruments, grants and
transfers of the 2025 reform) that the installed package carries as `tthc.registry` — in a
checkout, `procedures/registry/`; in an installed wheel, `site-packages/tthc/registry/`. So a
province's repository checks its procedures against the national registry with no checkout
of tthc, and adds its own registry folders beside it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

NATIONAL = "tthc:national"


def national_registry() -> Path | None:
    """The folder of the shipped registry, or None when this installation has none."""
    try:
        spec = importlib.util.find_spec("tthc.registry")
    except ModuleNotFoundError:
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location)
        if any(folder.glob("*.tthc")):
            return folder
    return None
