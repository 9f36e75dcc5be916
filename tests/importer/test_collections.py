"""The import and its check keep what they made out of the garbage collector's scans while they
run (`fewer_collections`, `settle`: `gc.freeze`) and hand everything back when done; a heap that
the caller froze before (a server that forks workers) stays frozen. The records are the real
ones of tests/importer/records (README.md there cites them)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tthc.compiler.importer import import_files
from tthc.rules.engine.importing import check_import

ROOT = Path(__file__).resolve().parents[2]
RECORDS = Path(__file__).resolve().parent / "records" / "quy-trinh-noi-bo-dat-dai.json"
REGISTRY = [ROOT / "procedures" / "registry"]


@pytest.fixture
def thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_nothing_stays_frozen_after_an_import_and_its_check(tmp_path: Path, thawed: None) -> None:
    threshold = gc.get_threshold()
    result = import_files([RECORDS], None, REGISTRY)
    assert gc.get_freeze_count() == 0
    found = check_import(result, tmp_path, REGISTRY)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == threshold
    assert found and all(draft.report.findings is not None for draft in result.drafts)


def test_a_heap_the_caller_froze_stays_frozen(tmp_path: Path, thawed: None) -> None:
    kept = [[n] for n in range(1000)]  # objects of the caller's, frozen before the import
    gc.freeze()
    frozen = gc.get_freeze_count()
    result = import_files([RECORDS], None, REGISTRY)
    check_import(result, tmp_path, REGISTRY)
    # Neither thawed (0) nor grown by the import's thousands of objects; a frozen object
    # whose last reference goes is still freed, so a few may have left.
    assert frozen - 100 <= gc.get_freeze_count() <= frozen
    assert len(kept) == 1000
