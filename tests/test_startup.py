"""What `tthc` imports on its way: `--version` nothing heavy, and checking a clean `.tthc` file
neither networkx, PyYAML nor Lark (with the grammar cache written by an earlier run). Each of
them costs tens of milliseconds in a command that should answer in a fraction of a second."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TWIN = Path(__file__).resolve().parent / "dsl" / "twins" / "birth.tthc"
HEAVY = ("networkx", "yaml", "lark", "pydantic")


def imported(arguments: list[str], cache: Path) -> list[str]:
    """The heavy packages a run of `tthc` with these arguments imported."""
    code = (
        "import sys\nfrom tthc.cli.main import main\ntry:\n"
        f"    main({arguments!r})\nexcept SystemExit:\n    pass\n"
        f"print('imported:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "TTHC_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    [line] = [line for line in done.stderr.splitlines() if line.startswith("imported:")]
    return [name for name in line.removeprefix("imported:").split(",") if name]


def test_version_imports_none_of_the_heavy_packages(tmp_path: Path) -> None:
    assert imported(["--version"], tmp_path) == []


@pytest.mark.parametrize("run", ["first", "later"])
def test_checking_a_clean_file_imports_neither_networkx_nor_yaml_nor_lark(
    tmp_path: Path, run: str
) -> None:
    arguments = ["check", "--no-cache", str(TWIN)]
    if run == "later":
        imported(arguments, tmp_path)  # writes the grammar cache
    found = set(imported(arguments, tmp_path))
    assert not found & {"networkx", "yaml"}
    assert ("lark" in found) == (run == "first")  # Lark only builds the cache
