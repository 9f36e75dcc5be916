"""The API over SQLite, as one commune portal runs it (`tthc serve --workers 1`): the same
answers as over PostgreSQL, read through the engine (`tthc.server.reads.EngineReads`). One case
with its history in one answer; the work list a page at a time by its cursor, the pages
together the whole list in its order; `tthc serve` started for real over a SQLite file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tthc.compiler import Bundle
from tthc.runtime import Officer

BUSINESS = "1.001612"
DESK = Officer("commune.one_stop@00004", "commune.one_stop", "01", "00004")


def submit(server: Any, corpus: Bundle) -> str:
    version = corpus.in_force(BUSINESS, dt.date.today())
    assert version is not None
    dossier = {
        "procedure": BUSINESS,
        "applicant": {"name": "Phạm Thị C"},
        "channel": "direct",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": list(version.model().components),
    }
    answer = server.call("POST", "/v1/cases", DESK, dossier)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["case"]["id"])


def test_a_single_portal_reads_a_case_with_its_history_and_pages_its_work_list(
    serve: Callable[..., Any], corpus: Bundle, tmp_path: Path
) -> None:
    server = serve(f"sqlite:///{tmp_path / 'cases.db'}", workers=1)
    ids = [submit(server, corpus) for _ in range(5)]
    both = server.call("GET", f"/v1/cases/{ids[0]}?include=history", DESK).json()
    assert both["id"] == ids[0]
    assert both["history"] == server.call("GET", f"/v1/cases/{ids[0]}/history", DESK).json()
    whole = server.call("GET", "/v1/worklist?size=200", DESK).json()
    assert set(ids) <= {row["case_id"] for row in whole}
    paged: list[dict[str, Any]] = []
    link: str | None = "/v1/worklist?size=2"
    while link is not None and len(paged) <= len(whole):
        page = server.call("GET", link, DESK)
        assert page.status_code == 200, page.text
        paged.extend(page.json())
        found = re.fullmatch(r'<([^>]+)>; rel="next"', page.headers.get("link", ""))
        link = found.group(1) if found else None
    assert paged == whole
