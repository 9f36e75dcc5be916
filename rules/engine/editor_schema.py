"""Where a project's JSON Schema lives, for editors: `tthc.schema.json` in the project's folder
(the folder of the nearest configuration upward, else the folder itself), and the path by which
a YAML file's `# yaml-language-server: $schema=…` line names it.

Input: a folder or file of the project. Output: paths. `tthc schema --write` writes the schema
to `schema_file`, and `tthc convert` writes `schema_reference` in the modeline of a new YAML
file, so the line always points where the schema is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from tthc.rules.engine.config_file import find_config

SCHEMA_NAME = "tthc.schema.json"


def schema_file(start: str | Path) -> Path:
    """The project's `tthc.schema.json` for a file or folder of the project."""
    path = Path(start).absolute()
    config = find_config(path)
    folder = config.parent if config is not None else (path if path.is_dir() else path.parent)
    return folder / SCHEMA_NAME


def schema_reference(yaml_file: str | Path) -> str:
    """The project's schema as a YAML file's modeline names it: relative to the file's folder."""
    folder = Path(yaml_file).absolute().parent
    return Path(os.path.relpath(schema_file(folder), folder)).as_posix()
