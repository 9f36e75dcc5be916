"""Stores behind one interface (`base.Store`): SQLite, the embedded default (`sqlite.py`), and
the in-memory store (`memory.py`).

The contract every store keeps is in `base.py`'s docstring and is tested by one suite
(`tests/runtime/test_store_contract.py`), parametrised over the stores.
"""

from tthc.runtime.store.base import (
    Conflict,
    IndicatorRow,
    OverdueRow,
    Receipt,
    RefusalRecord,
    Store,
    Write,
)
from tthc.runtime.store.memory import MemoryData, MemoryStore, WriteError
from tthc.runtime.store.sqlite import SQLiteStore

__all__ = [
    "Conflict",
    "IndicatorRow",
    "MemoryData",
    "MemoryStore",
    "OverdueRow",
    "Receipt",
    "RefusalRecord",
    "SQLiteStore",
    "Store",
    "Write",
    "WriteError",
]
