"""Shared test set-up: hypothesis profiles (a small one for every CI run, a large one on demand)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for the stores' contract suite, the HTTP server and the fault tests:
    `TTHC_TEST_DATABASE_URL` when set, else a throw-away cluster that `.ci/postgres.sh` starts
    on loopback (installing the Debian package if missing) and stops at the end. A server that
    cannot be had fails the tests that need it; they are never skipped."""
    given = os.environ.get("TTHC_TEST_DATABASE_URL")
    if given:
        yield given
        return
    folder = tempfile.mkdtemp(prefix="tthc-pg-")
    script = ROOT / ".ci" / "postgres.sh"
    started = subprocess.run(
        ["bash", str(script), "start", folder], capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        pytest.fail(f"PostgreSQL could not be started:\n{started.stderr}", pytrace=False)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", folder], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_schema(postgres_url: str) -> Iterator[str]:
    """A URL whose connections work in a fresh schema of their own: each test starts from an
    empty database without the cost of creating one."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {name}")
    yield with_search_path(postgres_url, name)
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {name} CASCADE")


def with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"
