"""The SQLite store answers a command on a case it wrote last without reading the database
(`SQLiteStore.recent`); the answer is still the one the stored case gives. Two stores open on
one file stand for two portal processes: when the other one moved the case on, a write made on
the older copy is refused by the store's version check and a refusal is checked against the
stored version, and either way the command runs again on the stored case."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler import Bundle
from tthc.runtime import Done, Dossier, Engine, Officer, Refused, SQLiteStore, verify_all

BIRTH = "1.001193"
ONE_STOP = Officer("o1", "commune.one_stop", "01", "00004")
CIVIL = Officer("o2", "commune.civil_status_officer", "01", "00004")


def _two_processes(corpus: Bundle, path: Path) -> tuple[Engine, Engine, str]:
    """Engines on two stores of one file, and a case (waiting for a supplement) that both
    stores know at its first version."""
    first, second = Engine(corpus, SQLiteStore(path)), Engine(corpus, SQLiteStore(path))
    dossier = Dossier(BIRTH, {"name": "X"}, "direct", "01", "00004", "00004", ("to_khai",))
    done = first.submit(dossier)
    assert isinstance(done, Done)
    case_id = done.case.id
    seen = second.case(case_id)
    assert seen is not None and seen.version == 1
    return first, second, case_id


def test_a_command_refused_on_an_older_copy_runs_on_the_stored_case(
    corpus: Bundle, tmp_path: Path
) -> None:
    first, second, case_id = _two_processes(corpus, tmp_path / "cases.db")
    assert isinstance(first.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP), Done)
    # The second store's copy still waits for the supplement: the review is not open there.
    done = second.act(case_id, "kiem_tra", CIVIL, "eligible")
    assert isinstance(done, Done), done
    assert done.case.version == 3
    assert second.store.refusals(case_id) == []
    assert verify_all(second.store) == {}


def test_a_write_on_an_older_copy_is_refused_by_the_store_and_runs_again(
    corpus: Bundle, tmp_path: Path
) -> None:
    first, second, case_id = _two_processes(corpus, tmp_path / "cases.db")
    assert isinstance(first.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP), Done)
    # On the second store's copy the supplement is still awaited: its write is stale, and
    # the answer is the stored case's, as the first process gives it.
    again = second.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP)
    fresh = Engine(corpus, SQLiteStore(tmp_path / "cases.db"))
    expected = fresh.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP)
    assert isinstance(again, Refused) and isinstance(expected, Refused)
    assert again.reason == expected.reason != "stale-version"
    kinds = [e.kind for e in second.history(case_id)]
    assert kinds.count(first.history(case_id)[-1].kind) == 1  # the supplement, received once
    assert verify_all(second.store) == {}


def test_a_command_on_the_stored_version_is_answered_from_the_copy(
    corpus: Bundle, tmp_path: Path
) -> None:
    first, second, case_id = _two_processes(corpus, tmp_path / "cases.db")
    done = second.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP)
    assert isinstance(done, Done)
    stale = first.act(case_id, "kiem_tra", CIVIL, "eligible")  # the first store's copy is v1
    assert isinstance(stale, Done) and stale.case.version == 3
    assert [e.seq for e in first.history(case_id)] == sorted(
        {e.seq for e in second.history(case_id)}
    )
