"""Several self-contained project folders made from real published records (tests/importer/
README.md cites them), checked in one run: each folder has its own `tthc.toml` and its own
`registry/imported.tthc` (the two record sets share two records, so they declare the same
instruments and hold the same procedure codes, which in one project would clash), inside a
province folder that is a project of its own. `tthc check PARENT` and `tthc check A B` find in
each folder exactly what checking that folder alone finds."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main
from tthc.compiler.importer import import_files, write_result

ROOT = Path(__file__).resolve().parents[2]
RECORDS = Path(__file__).resolve().parent / "records"
REGISTRY = [ROOT / "procedures" / "registry"]
SETS = {
    "noi-bo": [RECORDS / "quy-trinh-noi-bo-dat-dai.json"],
    "csv": [RECORDS / "csv" / "ho-so.csv", RECORDS / "csv" / "quy-trinh-noi-bo.csv"],
}


def _check(*paths: Path) -> set[tuple[str, int, str]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, paths)])
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)["diagnostics"]
    return {(str(Path(d["span"]["path"]).resolve()), d["span"]["line"], d["code"]) for d in found}


def test_imported_record_sets_are_projects_of_their_own_in_one_run(tmp_path: Path) -> None:
    province = tmp_path / "tinh"
    province.mkdir()
    (province / "tthc.toml").write_text('registry = ["tthc:national"]\n', encoding="utf-8")
    alone: dict[str, set[tuple[str, int, str]]] = {}
    declared: dict[str, str] = {}
    for name, files in SETS.items():
        folder = province / name
        write_result(import_files(files, None, REGISTRY), folder)
        (folder / "tthc.toml").write_text(
            'registry = ["tthc:national", "registry"]\n', encoding="utf-8"
        )
        declared[name] = (folder / "registry" / "imported.tthc").read_text(encoding="utf-8")
        alone[name] = _check(folder)
        assert alone[name], name  # the real faults of the records are found
        assert {f for f, _, _ in alone[name]} <= {str(p.resolve()) for p in folder.rglob("*.tthc")}
    # Both folders declare one instrument and hold the same two procedures: in one project
    # they would clash; in two, neither sees the other's.
    assert 'instrument qd-918-ttpvhcc act "918/QĐ-TTPVHCC"' in declared["noi-bo"]
    assert 'instrument qd-918-ttpvhcc act "918/QĐ-TTPVHCC"' in declared["csv"]
    union = alone["noi-bo"] | alone["csv"]
    assert _check(province) == union
    assert _check(province / "noi-bo", province / "csv") == union
    assert not any(code in {"TT005", "TT006", "TT602", "TT999"} for _, _, code in union)
