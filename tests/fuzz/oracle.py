"""What a fuzz input's answer must be (`make fuzz`): the rules that no input may break.

Input: the command run, its exit code, the exception it raised (if any), its standard output and
error as bytes, and the report file it wrote. Output: the list of what is wrong (empty: the
answer is good):

    traceback     an exception escaped the command, or it exited 3 (an internal error)
    encoding      standard output or error, or the report file, is not valid UTF-8
    schema        `--format json` fails docs/json-format.schema.json, `sarif` the SARIF 2.1.0
                  schema (tests/golden/sarif-schema-2.1.0.json), `junit` is not well-formed XML
    forged        a `text` or `concise` line starts a GitHub workflow command (`::`), or a
                  `github` line is anything but one annotation
    exit          an exit code other than 0, 1, 2 or 4 (`check` found no file to check)
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

ROOT = Path(__file__).resolve().parents[2]


@cache
def _validator(path: str) -> Validator:
    schema: dict[str, Any] = json.loads((ROOT / path).read_text(encoding="utf-8"))
    validator: Validator = validator_for(schema)(schema)
    return validator


def json_validator() -> Validator:
    return _validator("docs/json-format.schema.json")


def sarif_validator() -> Validator:
    return _validator("tests/golden/sarif-schema-2.1.0.json")


def judge(
    command: tuple[str, ...],
    form: str,
    exit_code: int,
    exception: BaseException | None,
    stdout: bytes,
    stderr: bytes,
    report: bytes | None,
) -> list[str]:
    problems: list[str] = []
    if exception is not None and not isinstance(exception, SystemExit):
        problems.append(f"traceback: {type(exception).__name__}: {exception}")
    elif exit_code == 3:
        problems.append(
            f"traceback: exit code 3: {stderr.decode('utf-8', 'replace').splitlines()[0][:300] if stderr else ''}"
        )
    elif exit_code not in (0, 1, 2, 4):
        problems.append(f"exit: {exit_code}")
    texts: dict[str, str] = {}
    for name, data in (("stdout", stdout), ("stderr", stderr), ("report", report)):
        if data is None:
            continue
        try:
            texts[name] = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"encoding: {name} is not UTF-8: {error}")
    document = texts.get("report") if report is not None else texts.get("stdout")
    if command[0] == "check" and document is not None and exit_code in (0, 1, 3):
        problems.extend(_valid(form, document, "--statistics" in command))
    if command[0] == "import" and form == "json" and exit_code in (0, 1) and "stdout" in texts:
        try:
            json.loads(texts["stdout"])
        except ValueError as error:
            problems.append(f"schema: import json: {error}")
    return problems


def _valid(form: str, text: str, statistics: bool) -> list[str]:
    if not form:  # not judged whole (`drive.run_case` compares it with a run that is)
        return []
    try:
        if form == "json":
            errors = list(json_validator().iter_errors(json.loads(text)))
            return [f"schema: json: {errors[0].message[:300]}"] if errors else []
        if form == "sarif":
            errors = list(sarif_validator().iter_errors(json.loads(text)))
            return [f"schema: sarif: {errors[0].message[:300]}"] if errors else []
        if form == "junit":
            ElementTree.fromstring(text.encode("utf-8"))
    except (ValueError, ElementTree.ParseError) as error:
        return [f"schema: {form}: {error}"]
    lines = text.splitlines()
    if form == "github":
        bad = [
            line for line in lines if not line.startswith(("::error ", "::warning ", "::notice "))
        ]
        return [f"forged: a github line that is no annotation: {bad[0][:200]!r}"] if bad else []
    forged = [line for line in lines if line.startswith("::")]
    return [f"forged: a {form} line starts with '::': {forged[0][:200]!r}"] if forged else []
