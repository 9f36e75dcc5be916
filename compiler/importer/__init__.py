"""tthc.compiler.importer — published procedure records → `.tthc` drafts (`tthc import`).

    import_files(paths, tables_folder, registry) -> ImportResult   drafts, registry, report
    import_records(records, tables, registry)    -> ImportResult
    write_result(result, out)                    -> the paths written
    located(procedure, text, path)               -> the draft's AST with the spans of its text
    read_duration(text)                          -> Reading   the Vietnamese duration reader
    load_tables(folder) / load_registry(paths)   the mapping tables, the registry index

Input is the field layout of the national procedure database with the provincial internal
process (`records.py`); the editable tables are CSV files (`tables/`); what could not be
decided is listed in the report, never guessed (`report.py`). Checking the drafts belongs to
the rules layer (`tthc.rules.engine.importing`), so that this package imports only `dsl`.
"""

from tthc.compiler.importer.draft import Draft
from tthc.compiler.importer.durations import Limit, Reading, read_duration
from tthc.compiler.importer.located import located
from tthc.compiler.importer.records import InputProblem, InternalStep, Record, read_files
from tthc.compiler.importer.report import (
    ImportSummary,
    Item,
    RecordReport,
    Status,
    as_data,
    render_text,
)
from tthc.compiler.importer.run import ImportResult, import_files, import_records, write_result
from tthc.compiler.importer.tables import load_registry, load_tables

__all__ = [
    "Draft",
    "ImportResult",
    "ImportSummary",
    "InputProblem",
    "InternalStep",
    "Item",
    "Limit",
    "Reading",
    "Record",
    "RecordReport",
    "Status",
    "as_data",
    "import_files",
    "import_records",
    "load_registry",
    "load_tables",
    "located",
    "read_duration",
    "read_files",
    "render_text",
    "write_result",
]
