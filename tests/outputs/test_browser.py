"""The pages in a real browser: headless Chromium (Debian's `chromium`, driven through
playwright-core by tests/outputs/node/browse.mjs) opens a card, the site index and a citizen
guide, takes screenshots, records the page weight and every network request (there must be
none), checks the flow is drawn, and runs axe-core in the same browser: no serious or critical
accessibility violation. A control page with a remote image and no language proves the request
log and the checker can fail. Chromium missing is a failure, never a skip (`.ci/run` installs it).
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import unicodedata
from pathlib import Path

from tthc.outputs.card import card_html
from tthc.outputs.guide import guide_html
from tthc.outputs.loading import load
from tthc.outputs.site import build_site

ROOT = Path(__file__).resolve().parents[2]
NODE = Path(__file__).parent / "node"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CONTROL = """<!DOCTYPE html><html><head><title>x</title></head><body>
<p style="color:#eee;background:#fff">chữ mờ</p><img src="http://192.0.2.1/a.png"></body></html>"""


def _fold(text: str) -> str:
    """Text without accents, as the index's search compares it."""
    plain = unicodedata.normalize("NFD", html.unescape(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def _browse(out: Path, pages: list[Path]) -> dict[str, dict[str, object]]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    assert (NODE / "node_modules" / "playwright-core").exists(), "run `make node-deps`"
    result = subprocess.run(
        ["node", "browse.mjs", str(out), *map(str, pages)],
        cwd=NODE,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return {Path(r["page"]).name: r for r in map(json.loads, result.stdout.splitlines())}


def test_card_index_and_guide_in_chromium(tmp_path: Path) -> None:
    loaded = load([ROOT / "procedures" / "dat-dai" / "dang-ky-cap-giay-chung-nhan-lan-dau.tthc"])
    workflow, model = loaded.workflows[0], loaded.project.model
    card, guide, control = (
        tmp_path / "card.html",
        tmp_path / "guide.html",
        tmp_path / "control.html",
    )
    card.write_text(card_html(model, workflow), encoding="utf-8")
    guide.write_text(guide_html(model, workflow), encoding="utf-8")
    control.write_text(CONTROL, encoding="utf-8")
    build_site([ROOT / "procedures"], tmp_path / "site")
    index = tmp_path / "site" / "index.html"
    shots = tmp_path / "shots"
    shots.mkdir()
    found = _browse(shots, [card, index, guide, control])
    for name in ("card.html", "index.html", "guide.html"):
        page = found[name]
        print(name, page["bytes"], "bytes,", len(page["requests"]), "requests")
        assert page["requests"] == []
        assert page["lang"] == "vi"
        serious = [v for v in page["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], name
        assert Path(str(page["screenshot"])).stat().st_size > 10_000
    assert found["card.html"]["drawnBoxes"] == len(workflow.step_ids())
    assert found["index.html"]["searchShown"] is True  # the script runs and shows the search box
    # "khai sinh", typed without accents, leaves exactly the rows whose text holds both words.
    rows = re.findall(r'<tr class="entry">(.*?)</tr>', index.read_text(encoding="utf-8"))
    wanted = [r for r in rows if {"khai", "sinh"} <= set(_fold(re.sub(r"<[^>]+>", " ", r)).split())]
    assert found["index.html"]["searchRows"] == len(wanted) >= 1
    assert int(found["guide.html"]["bytes"]) <= 60_000
    assert found["control.html"]["requests"] == ["http://192.0.2.1/a.png"]
    assert {v["id"] for v in found["control.html"]["violations"]} >= {
        "html-has-lang",
        "color-contrast",
    }
