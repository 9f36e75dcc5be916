"""Shared test set-up: hypothesis profiles (a small one for every CI run, a large one on demand)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "large", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "property: hypothesis property tests (large profile on demand)"
    )
    config.addinivalue_line("markers", "slow: tests that build wheels or start services")


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def user_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user's cache folder (where the cache's secret key lives) is the suite's own, never
    the account's: a test that plays another user points it elsewhere."""
    folder = tmp_path_factory.getbasetemp() / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder
