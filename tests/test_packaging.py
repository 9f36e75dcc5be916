"""Every package folder is listed in `pyproject.toml`, and a built wheel installs into a fresh
virtual environment, runs `tthc --version` and imports every rule family."""

from __future__ import annotations

import json
import os
import shutil
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
    "tthc.runtime": "runtime",
    "tthc.outputs": "outputs",
    "tthc.server": "server",
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
    module = subprocess.run(
        [str(python), "-m", "tthc", "--version"], capture_output=True, text=True, check=True
    )
    assert module.stdout == result.stdout
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


def findings(tthc: list[str], cwd: Path, *paths: str) -> list[tuple[str, int, int, str, str]]:
    """What `tthc check` reports on the paths, as (path, line, column, code, message)."""
    done = subprocess.run(
        [*tthc, "check", "--no-cache", "--format", "json", *paths],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "TTHC_CACHE_DIR": ""},
    )
    assert done.returncode in (0, 1), done.stderr
    return [
        (d["span"]["path"], d["span"]["line"], d["span"]["column"], d["code"], d["message"]["en"])
        for d in json.loads(done.stdout)["diagnostics"]
    ]


@pytest.mark.slow
def test_the_installed_wheel_checks_against_the_shipped_national_registry(tmp_path: Path) -> None:
    """An installed tthc, with no checkout, gives the findings of the checkout: on the examples,
    on the faulty examples, and on a procedure of the corpus whose configuration names the
    national registry shipped in the wheel (`registry = ["tthc:national"]`)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("tthc-*.whl"))
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    subprocess.run(
        [str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "province"
    shutil.copytree(ROOT / "examples", outside / "examples")
    procedure = "procedures/ho-tich/dang-ky-khai-sinh.tthc"
    (outside / "procedures" / "ho-tich").mkdir(parents=True)
    shutil.copy(ROOT / procedure, outside / procedure)
    (outside / "procedures" / "tthc.toml").write_text('registry = ["tthc:national"]\n')
    installed = [str(target / "bin" / "tthc")]
    checkout = [sys.executable, "-m", "tthc"]
    for paths in (["examples"], ["examples/faulty"], [procedure]):
        expected = findings(checkout, ROOT, *paths)
        assert findings(installed, outside, *paths) == expected, paths
    assert findings(installed, outside, "examples/faulty")  # the comparison compares something
    shipped = {p.name for p in (target / "lib").glob("python*/site-packages/tthc/registry/*")}
    assert shipped == {p.name for p in (ROOT / "procedures" / "registry").glob("*.tthc")}
