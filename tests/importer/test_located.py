"""The check of `tthc import` parses no draft: `located` gives the importer's AST the spans of
the written text (issue 11: import speed). On every draft of the real record sets
(tests/importer/README.md cites each source) it must give exactly what the parser reads, spans
included, and the import's check must report exactly what `tthc check` reports on the written
folder, positions and messages included (the differential test against the parsing path)."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler.importer import Draft, import_files, located
from tthc.dsl import decode_source, parse
from tthc.rules import check_paths
from tthc.rules.engine.importing import check_import


def _parsed(draft: Draft, path: str) -> object:
    source = decode_source(path, draft.text.encode("utf-8")).value
    assert source is not None
    return parse(source).value


def test_located_gives_what_the_parser_reads_spans_included(
    record_set_name: str, record_sets: dict[str, list[Path]], registry_folders: list[Path]
) -> None:
    files = record_sets[record_set_name]
    for draft in import_files(files, None, registry_folders).drafts:
        assert draft.procedure is not None
        path = f"drafts/{draft.name}"
        document = located(draft.procedure, draft.text, path)
        assert document is not None, draft.name
        assert document == _parsed(draft, path), draft.name


def test_the_import_reports_what_tthc_check_reports_on_the_written_drafts(
    record_set_name: str,
    record_sets: dict[str, list[Path]],
    registry_folders: list[Path],
    tmp_path: Path,
) -> None:
    result = import_files(record_sets[record_set_name], None, registry_folders)
    found = check_import(result, tmp_path, registry_folders)
    _, checked = check_paths([tmp_path], None, registry_folders)
    assert found == checked
    assert sum(len(d.report.findings) for d in result.drafts) > 0


def test_a_text_or_a_construct_the_walk_does_not_place_gives_none(
    record_sets: dict[str, list[Path]], registry_folders: list[Path]
) -> None:
    """The caller then parses the text: a draft is never checked under spans that might not
    be the file's."""
    draft = import_files(record_sets["internal"], None, registry_folders).drafts[0]
    assert draft.procedure is not None
    assert located(draft.procedure, draft.text + "procedure", "a.tthc") is None
    assert located(draft.procedure, draft.text.replace("}\n", "", 1), "a.tthc") is None
    signed = draft.procedure.model_copy(update={"two_persons": True})
    assert located(signed, draft.text, "a.tthc") is None
