"""The importer builds each draft as an AST and prints it once, with no parse (issue 11: import
speed). What it builds must be what the printed file says: on every record of the real record
sets (tests/importer/README.md cites each source), parsing the written draft gives back the
importer's procedure, spans aside, and the check's findings point into the written file."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler.importer import import_files, load_registry, load_tables, read_files
from tthc.compiler.importer.draft import draft_record
from tthc.compiler.importer.draft_common import Declarations
from tthc.dsl import ast, decode_source, parse
from tthc.rules.engine.importing import check_import


def test_parsing_a_written_draft_gives_back_the_importers_procedure(
    record_set_name: str, record_sets: dict[str, list[Path]], registry_folders: list[Path]
) -> None:
    files = record_sets[record_set_name]
    records, problems = read_files(files)
    assert problems == []
    tables, registry = load_tables(None), load_registry(registry_folders)
    result = import_files(files, None, registry_folders)
    declared = Declarations()
    for record, written in zip(records, result.drafts, strict=True):
        built = draft_record(record, tables, registry, declared).procedure
        source = decode_source(written.name, written.text.encode("utf-8")).value
        assert source is not None
        parsed = parse(source)
        assert parsed.diagnostics == [], written.name
        assert parsed.value is not None
        (procedure,) = parsed.value.procedures
        assert ast.without_spans(procedure) == ast.without_spans(built), written.name


def test_a_finding_points_to_its_line_and_column_in_the_written_draft(
    record_sets: dict[str, list[Path]], registry_folders: list[Path], tmp_path: Path
) -> None:
    """TTHC-XA-03 publishes "Không nêu rõ" as a step's time: TT502 (a step without a time)
    points at that step's name in the written draft, on the line after its provenance
    comment."""
    result = import_files(record_sets["internal"], None, registry_folders)
    check_import(result, tmp_path, registry_folders)
    draft = next(d for d in result.drafts if d.report.key == "TTHC-XA-03")
    lines = (tmp_path / draft.name).read_text(encoding="utf-8").splitlines()
    untimed = [d for d in draft.report.findings if d.code == "TT502"]
    assert untimed
    for finding in untimed:
        assert Path(finding.span.path).name == draft.name
        line = lines[finding.span.line - 1]
        step = line[finding.span.column - 1 : finding.span.end_column - 1]
        assert line.startswith(f"    {step} "), line
        assert "Không nêu rõ" in lines[finding.span.line - 2]
        assert "takes" not in line
