"""The checks catch the faults drafters make: ≥ 95 % of the mutants of every valid procedure
get the expected code, every kind of fault is caught at least once, and nothing fires on the
unmutated files (`python tests/mutation/mutate.py` prints the table)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _mutate() -> ModuleType:
    name = "tthc_tests_mutate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("mutate.py"))
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def test_mutants_are_caught_and_originals_are_clean() -> None:
    mutate = _mutate()
    results, unclean = mutate.run()
    assert unclean == []
    made = sum(m for m, _ in results.values())
    caught = sum(c for _, c in results.values())
    assert made >= 100
    assert caught / made >= mutate.TARGET, results
    assert all(c > 0 for _, c in results.values()), results
