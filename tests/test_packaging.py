"""Every package folder is listed in `pyproject.toml`, and a built wheel installs into a fresh
virtual environment, runs `tthc --version` and imports every rule family."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "tthc.dsl": "dsl",
    "tthc.compiler": "compiler",
    "tthc.rules": "rules",
    "tthc.outputs": "outputs",
    "tthc.cli": "cli",
}
# The rule families, the check engine and the reports, each a module or a package of small modules.
RULE_MODULES = (
    "authority",
    "engine",
    "report",
    "delegation",
    "steps",
    "soundness",
    "deadlines",
    "corpus",
    "duties",
    "suppressions",
)


def test_every_package_folder_is_listed_in_pyproject() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join([name, *init.parent.relative_to(ROOT / folder).parts])
        for name, folder in LAYERS.items()
        for init in (ROOT / folder).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert sorted(folders - listed) == []


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
    families = ", ".join(f"tthc.rules.{name}" for name in RULE_MODULES)
    names = subprocess.run(
        [
            str(python),
            "-c",
            f"import tthc.dsl, tthc.compiler, tthc.compiler.analysis, tthc.cli, {families}; print('ok')",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert names.stdout.strip() == "ok"
    # The installed wheel renders a card: the templates and the style sheet are package data.
    card = subprocess.run(
        [str(target / "bin" / "tthc"), "docs", str(ROOT / "examples" / "dang-ky-khai-sinh.tthc")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert card.stdout.startswith("<!DOCTYPE html>") and "<svg" in card.stdout
    top_level = {p.name for p in (target / "lib").glob("python*/site-packages/*")}
    assert not {"dsl", "compiler", "rules", "cli"} & top_level
