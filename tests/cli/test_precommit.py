"""The pre-commit hook `tthc-check` (.pre-commit-hooks.yaml) works for a procedure repository
as its users install it: pre-commit clones this repository at a commit, installs tthc into an
environment of its own, and runs the hook. The clone is of what is committed here, so the
test sees exactly what a user gets.

Slow (it builds tthc and installs its dependencies, from the package index or its cache) but
part of every CI run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "rules" / "cases"
REGISTRY = ROOT / "tests" / "rules" / "registry" / "base.tthc"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "tthc tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "tthc tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
}


def run(folder: Path, *command: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV, **(env or {})},
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def test_the_check_hook_runs_from_a_fresh_clone(tmp_path: Path) -> None:
    assert PRE_COMMIT.exists(), "pre-commit is in the dev extras (pip install -e '.[dev]')"
    code, head = run(ROOT, "git", "rev-parse", "HEAD")
    assert code == 0, head
    clone = tmp_path / "tthc"
    code, out = run(tmp_path, "git", "clone", "--quiet", str(ROOT), str(clone))
    assert code == 0, out

    repository = tmp_path / "procedures"
    (repository / "ho-tich").mkdir(parents=True)
    (repository / "ci").mkdir()
    shutil.copy(REGISTRY, repository / "ho-tich" / "registry.tthc")
    shutil.copy(CASES / "TT401_fail.tthc", repository / "ho-tich" / "khai-sinh.tthc")
    (repository / "ci" / "lint.yml").write_text("stages: [lint]\n", encoding="utf-8")
    (repository / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {head.strip()}\n    hooks:\n      - id: tthc-check\n",
        encoding="utf-8",
    )
    assert run(repository, "git", "init", "--quiet")[0] == 0
    assert run(repository, "git", "add", ".")[0] == 0
    home = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "TTHC_LANG": "en"}

    code, out = run(repository, str(PRE_COMMIT), "run", "--all-files", env=home)
    assert code == 1, out
    assert "tthc check (procedures)" in out and "Failed" in out
    assert "ho-tich/khai-sinh.tthc:" in out and "TT401 [error]" in out
    assert "lint.yml" not in out  # the CI file is not a procedure

    shutil.copy(CASES / "clean_birth_registration.tthc", repository / "ho-tich" / "khai-sinh.tthc")
    assert run(repository, "git", "add", ".")[0] == 0
    code, out = run(repository, str(PRE_COMMIT), "run", "--all-files", env=home)
    assert code == 0, out
    assert "Passed" in out
