"""What the command-line tests share: the corpus compiled once into a bundle (`tthc compile`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundle_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("bundle") / "bundle.json"
    result = CliRunner().invoke(main, ["compile", str(ROOT / "procedures"), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)
