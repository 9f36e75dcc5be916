"""`tthc migrate OLD`: the commune-level draft of a district procedure, and what is left to decide."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click


def find_registry(file: str) -> Path | None:
    """The nearest `registry/` folder at or above the file's folder."""
    for folder in Path(file).resolve().parents:
        if (folder / "registry").is_dir():
            return folder / "registry"
    return None


def run_migrate(
    file: str, registry: str | None, on: dt.date, output: str | None, form: str, code: str | None
) -> int:
    from tthc.compiler import load_project
    from tthc.compiler.legal_records import load_records
    from tthc.compiler.migrate import migrate

    folder = Path(registry) if registry else find_registry(file)
    if folder is None:
        click.echo(
            "tthc: không tìm thấy thư mục registry/; dùng --registry / no registry/ folder "
            "found above the file; give --registry",
            err=True,
        )
        return 2
    project = load_project([file, str(folder)])
    wanted = Path(file).resolve()
    olds = [
        p
        for p in project.model.procedures
        if Path(p.path).resolve() == wanted and (code is None or p.code == code)
    ]
    if not olds:
        click.echo(f"tthc: không có thủ tục trong / no procedure in {file}", err=True)
        return 2
    migration = migrate(olds[0].node, project.model, load_records(folder), on)
    if form == "json":
        data = {
            "draft": migration.text() or None,
            "decisions": [
                {
                    "status": d.status,
                    "aspect": d.aspect,
                    "item": d.item,
                    "vi": d.message.vi,
                    "en": d.message.en,
                }
                for d in migration.decisions
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        if output:
            Path(output).write_text(migration.text(), encoding="utf-8")
        else:
            sys.stdout.write(migration.text())
        for d in migration.decisions:
            item = f" [{d.item}]" if d.item else ""
            click.echo(
                f"{d.status.upper()} {d.aspect}{item}: {d.message.vi} / {d.message.en}", err=True
            )
    if migration.procedure is None:
        return 2
    return 1 if any(d.status == "open" for d in migration.decisions) else 0
