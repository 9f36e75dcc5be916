"""The real record sets the importer's tests run on (README.md here cites each source) and the
registry they are imported against, as fixtures: a test taking `record_set_name` runs once per
set; `record_sets` gives each set's files by name, `registry_folders` the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

RECORDS = Path(__file__).resolve().parent / "records"
RECORD_SETS = {
    "internal": [RECORDS / "quy-trinh-noi-bo-dat-dai.json"],
    "dong-nai": [RECORDS / "dong-nai-2228.json"],
    "csv": [RECORDS / "csv" / "ho-so.csv", RECORDS / "csv" / "quy-trinh-noi-bo.csv"],
}
REGISTRY = [Path(__file__).resolve().parents[2] / "procedures" / "registry"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "record_set_name" in metafunc.fixturenames:
        metafunc.parametrize("record_set_name", list(RECORD_SETS))


@pytest.fixture(scope="session")
def record_sets() -> dict[str, list[Path]]:
    return RECORD_SETS


@pytest.fixture(scope="session")
def registry_folders() -> list[Path]:
    return REGISTRY
