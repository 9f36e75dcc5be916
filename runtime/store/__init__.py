"""Stores behind one interface (`base.Store`); SQLite is the embedded default (`sqlite.py`).

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
from tthc.runtime.store.sqlite import SQLiteStore

__all__ = [
    "Conflict",
    "IndicatorRow",
    "OverdueRow",
    "Receipt",
    "RefusalRecord",
    "SQLiteStore",
    "Store",
    "Write",
]
