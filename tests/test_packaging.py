"""A built wheel installs into a fresh virtual environment and runs `tthc --version`."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("tthc-*.whl"))
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    result = subprocess.run(
        [str(target / "bin" / "tthc"), "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("tthc, version ")
    names = subprocess.run(
        [str(python), "-c", "import tthc.dsl, tthc.compiler, tthc.rules, tthc.cli; print('ok')"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert names.stdout.strip() == "ok"
    top_level = {p.name for p in (target / "lib").glob("python*/site-packages/*")}
    assert not {"dsl", "compiler", "rules", "cli"} & top_level
