"""Stores behind one interface (`base.Store`): SQLite, the embedded default (`sqlite.py`), and
the in-memory store (`memory.py`).

The contract every store keeps is in `base.py`'s docstring and is tested by one suite
(`tests/runtime/test_store_contract.py`), parametrised over the stores.
"""

from tthc.runtime.store.base import (
    Conflict,
    IndicatorRow,
    OverdueRow,
    Period,
    Receipt,
    RefusalRecord,
    Store,
    StoreUnavailable,
    WorkItem,
    Write,
    WriteError,
)
from tthc.runtime.store.memory import MemoryData, MemoryStore
from tthc.runtime.store.sqlite import SQLiteStore

__all__ = [
    "Conflict",
    "IndicatorRow",
    "MemoryData",
    "MemoryStore",
    "OverdueRow",
    "Period",
    "Receipt",
    "RefusalRecord",
    "SQLiteStore",
    "Store",
    "StoreUnavailable",
    "WorkItem",
    "Write",
    "WriteError",
    "open_store",
]


def open_store(url: str) -> Store:
    """The store a URL names: `sqlite:///path/cases.db` (`sqlite:///:memory:` for a scratch
    one), `postgresql://user@host:port/db` (or `postgres://`), `memory:`. A URL of another
    kind is a `ValueError` naming it."""
    if url.startswith("sqlite:///"):
        return SQLiteStore(url.removeprefix("sqlite:///") or ":memory:")
    if url.startswith(("postgresql://", "postgres://")):
        from tthc.runtime.store.postgres import PostgresStore

        return PostgresStore(url)
    if url == "memory:":
        return MemoryStore()
    raise ValueError(
        f"not a store URL: {url!r} (sqlite:///path, postgresql://user@host:port/db, memory:)"
    )
