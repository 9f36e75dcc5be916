"""`examples/portal/portal.py` runs end to end (submit → supplement → decision → result) and
says what a portal should see at each step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_portal_example_runs_end_to_end(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "portal" / "portal.py"),
            "--store",
            str(tmp_path / "c.db"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(
        line.startswith("submit (birth certificate missing)") and "open=-" in line for line in lines
    )
    assert "  -> SMS to applicant: supplement_requested {'missing': ['giay_chung_sinh']}" in lines
    # On the due date: too late for an apology and a new date (the day before at the latest).
    assert "  officer ht-04 may: act kiem_tra" in lines
    assert any("another commune's officer is refused" in line for line in lines)
    assert any(line.startswith("result returned") and "status=resolved" in line for line in lines)
    assert lines[-1] == "on time: True; audit trail: 9 events, chain intact"
