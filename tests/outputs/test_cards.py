"""The procedure card and the citizen guide: golden pages for the examples, every corpus
procedure rendered and checked against its source, and hostile text rendered inert.

`TTHC_UPDATE_GOLDEN=1 pytest tests/outputs/test_cards.py` rewrites the golden files.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from markupsafe import escape

from tthc.compiler import Workflow
from tthc.outputs.card import card_html, card_markdown
from tthc.outputs.guide import guide_html, guide_markdown
from tthc.outputs.loading import Loaded, load

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.tthc"))
EXAMPLES = [p for p in EXAMPLES if p.name != "registry.tthc"]
CORPUS = sorted(p for p in (ROOT / "procedures").rglob("*.tthc") if "registry" not in p.parts)
MALICIOUS = Path(__file__).parent / "cases" / "malicious.tthc"


def _one(path: Path) -> tuple[Loaded, Workflow]:
    loaded = load([path])
    assert loaded.problems == ()
    assert len(loaded.workflows) == 1
    return loaded, loaded.workflows[0]


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TTHC_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with TTHC_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_cards_match_their_golden_pages(path: Path) -> None:
    loaded, workflow = _one(path)
    model = loaded.project.model
    _golden(f"{path.stem}.card.html", card_html(model, workflow))
    _golden(f"{path.stem}.card.md", card_markdown(model, workflow))
    _golden(f"{path.stem}.guide.html", guide_html(model, workflow))
    _golden(f"{path.stem}.guide.md", guide_markdown(model, workflow))


def _visible(page: str) -> str:
    """The text a reader sees in an HTML page, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_card_shows_every_step_document_and_instrument(path: Path) -> None:
    loaded, workflow = _one(path)
    model, node = loaded.project.model, workflow.procedure.node
    page, markdown = card_html(model, workflow), card_markdown(model, workflow)
    seen = _visible(page)
    cited = {c.instrument.value for c in node.basis}
    cited |= {c.instrument.value for s in node.steps for c in s.basis}
    cited |= {c.instrument.value for f in node.fees for c in f.basis}
    for text in [node.code.value, node.name, *(s.title for s in node.steps)]:
        assert text in seen
    for component in node.dossier:
        assert component.title in seen
        assert f"Bản chính: {component.copies}" in seen
    for key in cited:
        number = model.instruments[key].number
        assert number in seen
        assert f'href="#vb-{key}"' in page and f'id="vb-{key}"' in page
        assert number in markdown
    for step in node.steps:
        assert f"<title>{escape(step.title)}" in page  # drawn in the flow
    # Who decides, and by which grant of the registry: the corpus is checked, so all hold.
    assert "Căn cứ thẩm quyền" in page and "không có thẩm quyền theo sổ đăng ký" not in page
    assert (
        page.count("<svg") == 1
        and "<script" not in page
        and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    )


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_citizen_guide_is_one_small_page_that_fetches_nothing(path: Path) -> None:
    loaded, workflow = _one(path)
    page = guide_html(loaded.project.model, workflow)
    assert len(page.encode("utf-8")) <= 60_000
    assert re.search(r"<(script|link|img|iframe)\b|src=|url\(|@import", page) is None
    assert '<html lang="vi">' in page
    for component in workflow.procedure.node.dossier:
        assert component.title in _visible(page)


HOSTILE = ["<script", "<img", "<iframe", "<svg onload", "<b>", "<u>", "</td></tr><script", "<!--"]


def test_hostile_names_render_as_inert_text() -> None:
    loaded = load([MALICIOUS])
    workflow = loaded.workflows[0]
    model = loaded.project.model
    pages = [card_html(model, workflow), guide_html(model, workflow)]
    for page in pages:
        for tag in HOSTILE:
            assert tag not in page
        # The template syntax is printed, not evaluated.
        assert "{{ 7*7 }}" in page and "49" not in _visible(page).replace("9.000001", "")
        assert "alert(&#39;ten&#39;)" in page
    for markdown in [card_markdown(model, workflow), guide_markdown(model, workflow)]:
        for tag in HOSTILE:
            assert tag not in markdown
        assert "&lt;script&gt;" in markdown
        assert "\\[link\\](javascript:alert(3))" in markdown  # no link is made
        assert "\\`rm -rf\\`" in markdown or "#96;rm -rf#96;" in markdown
