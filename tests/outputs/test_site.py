"""The corpus site: an index by field and level that works without JavaScript, one card per
procedure with its check status, the registry page every instrument link lands on, the rule
catalogue; nothing fetched from elsewhere."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl import CODES
from tthc.outputs.site import build_site

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted(p for p in (ROOT / "procedures").rglob("*.tthc") if "registry" not in p.parts)


def test_the_corpus_site_links_every_card_and_every_instrument(tmp_path: Path) -> None:
    site = build_site([ROOT / "procedures"], tmp_path)
    assert site.problems == () and site.pages == len(CORPUS) + 3
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'href="(thu-tuc/[^"]+)"', index)
    assert len(cards) == len(CORPUS)
    registry = (tmp_path / "so-dang-ky.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(vb-[^"]+)"', registry))
    for card in cards:
        page = (tmp_path / card).read_text(encoding="utf-8")
        assert "Kết quả kiểm tra:" in page and 'href="../index.html"' in page
        linked = set(re.findall(r'href="\.\./so-dang-ky\.html#([^"]+)"', page))
        assert linked and linked <= anchors
    for field in ("Hộ tịch", "Đất đai", "Xây dựng"):
        assert f"<h2>{field}</h2>" in index
    rules = (tmp_path / "quy-tac.html").read_text(encoding="utf-8")
    assert all(f'id="{code}"' in rules for code in CODES)
    for page in tmp_path.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert re.search(r'src=|href="https?:|url\((?!#)|@import', text) is None, page


def test_the_index_shows_everything_without_javascript(tmp_path: Path) -> None:
    build_site([ROOT / "procedures"], tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<p id="search-box" hidden>' in index  # only the script shows the search box
    assert '<label for="search">' in index
    assert '<tr class="entry" hidden' not in index


def test_a_procedure_with_errors_shows_them_and_its_text_stays_inert(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(Path(__file__).parent / "cases" / "malicious.tthc", corpus)
    shutil.copy(ROOT / "examples" / "registry.tthc", corpus)
    out = tmp_path / "site"
    build_site([corpus], out)
    index = (out / "index.html").read_text(encoding="utf-8")
    # TT105 once, at the procedure (its basis would cover the decision step): 6 errors.
    assert 'class="status-bad">6 lỗi, 1 cảnh báo' in index
    assert "<script>alert" not in index and "&lt;script&gt;alert" in index


def test_docs_on_a_folder_needs_an_output_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["docs", str(ROOT / "procedures")])
    assert result.exit_code == 2 and "a folder needs -o FOLDER" in result.output
    result = CliRunner().invoke(main, ["docs", str(ROOT / "procedures"), "-o", str(tmp_path)])
    assert result.exit_code == 0 and (tmp_path / "index.html").exists()
