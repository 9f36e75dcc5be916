"""The check of `tthc import` parses no draft: `located` gives the importer's AST the spans of
the written text (issue 11: import speed). On every draft of the real record sets
(tests/importer/README.md cites each source) it must give exactly what the parser reads, spans
included, and the import's check must report exactly what `tthc check` reports on the written
folder, positions and messages included (the differential test against the parsing path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler.importer import Draft, import_files, located
from tthc.dsl import decode_source, parse
from tthc.rules import check_paths
from tthc.rules.engine.importing import check_import

ROOT = Path(__file__).resolve().parents[2]
RECORDS = Path(__file__).resolve().parent / "records"
REGISTRY = [ROOT / "procedures" / "registry"]
SETS = {
    "internal": [RECORDS / "quy-trinh-noi-bo-dat-dai.json"],
    "dong-nai": [RECORDS / "dong-nai-2228.json"],
    "csv": [RECORDS / "csv" / "ho-so.csv", RECORDS / "csv" / "quy-trinh-noi-bo.csv"],
}


def _parsed(draft: Draft, path: str) -> object:
    source = decode_source(path, draft.text.encode("utf-8")).value
    assert source is not None
    return parse(source).value


@pytest.mark.parametrize("name", list(SETS))
def test_located_gives_what_the_parser_reads_spans_included(name: str) -> None:
    for draft in import_files(SETS[name], None, REGISTRY).drafts:
        assert draft.procedure is not None
        path = f"drafts/{draft.name}"
        document = located(draft.procedure, draft.text, path)
        assert document is not None, draft.name
        assert document == _parsed(draft, path), draft.name


@pytest.mark.parametrize("name", list(SETS))
def test_the_import_reports_what_tthc_check_reports_on_the_written_drafts(
    name: str, tmp_path: Path
) -> None:
    result = import_files(SETS[name], None, REGISTRY)
    found = check_import(result, tmp_path, REGISTRY)
    _, checked = check_paths([tmp_path], None, REGISTRY)
    assert found == checked
    assert sum(len(d.report.findings) for d in result.drafts) > 0


def test_a_text_or_a_construct_the_walk_does_not_place_gives_none() -> None:
    """The caller then parses the text: a draft is never checked under spans that might not
    be the file's."""
    draft = import_files(SETS["internal"], None, REGISTRY).drafts[0]
    assert draft.procedure is not None
    assert located(draft.procedure, draft.text + "procedure", "a.tthc") is None
    assert located(draft.procedure, draft.text.replace("}\n", "", 1), "a.tthc") is None
    signed = draft.procedure.model_copy(update={"two_persons": True})
    assert located(signed, draft.text, "a.tthc") is None
