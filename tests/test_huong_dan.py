"""docs/huong-dan.md, the Vietnamese tutorial: the outputs it shows are the real ones.

The page's draft is written to `thu-tuc-cua-toi/ket-hon.tthc` beside a copy of the corpus
registry and checked with the command the page gives; the first `text` block must be that
output, word for word, and the block after the fix the output of the fixed draft.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "huong-dan.md"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
FIXES = (  # the fix section 4 of the page describes
    ("by commune.chairmen  takes 1 working_days\n", "by commune.chairman  takes 1 working_days\n"),
    (
        '  power      "ho-tich.dang-ky-ket-hon"\n',
        '  power      "ho-tich.dang-ky-ket-hon"\n  basis      luat-ho-tich-2014 art 18, nd-118-2025\n',
    ),
    ("takes 3 working_days  reads to_khai", "takes 2 working_days  reads to_khai"),
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "procedures" / "registry", tmp_path / "procedures" / "registry")
    (tmp_path / "thu-tuc-cua-toi").mkdir()
    monkeypatch.chdir(tmp_path)
    for variable in ("GITHUB_ACTIONS", "TTHC_LANG", "CI"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path / "thu-tuc-cua-toi"


def run() -> str:
    args = ["check", "thu-tuc-cua-toi/", "procedures/registry/", "--no-cache"]
    return CliRunner().invoke(main, args).stdout


def test_the_tutorial_shows_the_real_output_before_and_after_the_fix(folder: Path) -> None:
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    draft = next(body for kind, body in blocks if kind == "tthc")
    shown = [body for kind, body in blocks if kind == "text"]
    (folder / "ket-hon.tthc").write_text(draft, encoding="utf-8")
    assert run() == shown[0]
    for wrong, right in FIXES:
        assert wrong in draft
        draft = draft.replace(wrong, right)
    (folder / "ket-hon.tthc").write_text(draft, encoding="utf-8")
    assert run() == shown[1]
