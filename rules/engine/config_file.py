"""Finding and reading the configuration: `tthc.toml` or `[tool.tthc]` in `pyproject.toml`.

Input: the checked paths (the nearest configuration upward wins; the search stops at the git
root or the filesystem root) or one named file. Output: `Outcome[Config]`. A configuration that
cannot be used is not guessed around: each problem is a diagnostic pointing at the file, line
and key (TT001 malformed TOML, TT002 unknown key with the closest valid one, TT003 wrong type or
value), and the outcome holds no `Config`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Diagnostic, Limits, Message, Outcome, Span, make_diagnostic
from tthc.rules.engine.config import (
    CONFIG_FILES,
    LEVELS,
    Config,
    PathOverride,
    glob_problem,
    protected_problem,
    selector_problem,
)
from tthc.rules.engine.config_locator import Locator
from tthc.rules.engine.config_paths import registry_outside_repository
from tthc.rules.engine.config_values import convert, kind_in_words
from tthc.rules.engine.national import NATIONAL, national_registry

KEYS = (
    "select",
    "ignore",
    "severity",
    "per-path",
    "registry",
    "exclude",
    "limits",
    "settings",
    "fail-on",
    "lang",
)
PER_PATH_KEYS = ("select", "ignore", "severity")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def find_config(start: str | Path) -> Path | None:
    """The nearest configuration file at or above a path, not above the git root."""
    path = Path(start).resolve()
    folder = path if path.is_dir() else path.parent
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name == "tthc.toml" or _mentions_tthc(candidate)):
                return candidate
        if (candidate_folder / ".git").exists():
            return None
    return None


def _mentions_tthc(pyproject: Path) -> bool:
    import tomllib  # here: a check that finds no configuration file never needs it (cold start)

    try:
        text = pyproject.read_text(encoding="utf-8")
        return "tthc" in tomllib.loads(text).get("tool", {})
    except (OSError, UnicodeDecodeError):
        return False
    except ValueError:  # TOMLDecodeError, or an integer past Python's 4,300 digits
        return "tool.tthc" in text  # broken, but meant for us: reading it reports where


def discover_config(paths: Iterable[str | Path]) -> Outcome[Config]:
    """The configuration that governs the paths; the default one when there is none."""
    paths = list(paths)
    found = list(dict.fromkeys(f for f in map(find_config, paths) if f is not None))
    if not found:
        return Outcome(Config())
    if len(found) > 1:
        # One project holding them all (the repository's, above `procedures/` and a fixture
        # folder) governs a single-project check; `tthc check` instead splits a run by project.
        common = os.path.commonpath([os.path.abspath(p) for p in paths])
        enclosing = find_config(common)
        if enclosing is not None:
            return load_config(enclosing)
        names = ", ".join(str(f) for f in found)
        return Outcome(
            None,
            [
                _problem(
                    "TT003",
                    Span.point(str(found[1])),
                    Message(
                        vi=f"Các đường dẫn được kiểm tra thuộc nhiều tệp cấu hình khác nhau ({names})",
                        en=f"The checked paths fall under different configuration files ({names})",
                    ),
                    Message(
                        vi="Kiểm tra riêng từng phần, hoặc chọn một tệp bằng --config",
                        en="Check each part separately, or choose one file with --config",
                    ),
                )
            ],
        )
    return load_config(found[0])


def load_config(file: str | Path) -> Outcome[Config]:
    """Reads one configuration file; every problem in it is a diagnostic."""
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        return Outcome(
            None,
            [
                _problem(
                    "TT008",
                    Span.point(str(path)),
                    Message(
                        vi=f"Không đọc được tệp cấu hình: {reason}",
                        en=f"Cannot read the configuration file: {reason}",
                    ),
                )
            ],
        )
    import tomllib  # here: a check that finds no configuration file never needs it (cold start)

    try:
        data = tomllib.loads(text)
    except ValueError as error:  # TOMLDecodeError, or an integer past Python's 4,300 digits
        at = _TOML_POSITION.search(str(error))
        end = (text.count("\n") + 1, 1)  # "at end of document"
        line, column = (int(at.group(1)), int(at.group(2))) if at else end
        return Outcome(
            None,
            [
                _problem(
                    "TT001",
                    Span.point(str(path), line, column),
                    Message(
                        vi=f"Tệp cấu hình không đúng cú pháp TOML: {error}",
                        en=f"The configuration file is not valid TOML: {error}",
                    ),
                )
            ],
        )
    base: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        base = ("tool", "tthc")
        data = data.get("tool", {}).get("tthc")
        if not isinstance(data, dict):
            return Outcome(
                None,
                [
                    _problem(
                        "TT003",
                        Span.point(str(path)),
                        Message(
                            vi="pyproject.toml không có bảng [tool.tthc]",
                            en="pyproject.toml has no [tool.tthc] table",
                        ),
                    )
                ],
            )
    reader = _Reader(path, Locator(str(path), text, base))
    config = reader.read(data)
    return Outcome(None if reader.problems else config, reader.problems)


def _problem(code: str, span: Span, message: Message, help: Message | None = None) -> Diagnostic:
    return make_diagnostic(code, span, message, help)


class _Reader:
    """Validates the parsed TOML table by table, collecting every problem."""

    def __init__(self, path: Path, locate: Locator) -> None:
        self.path = path
        self.root = path.resolve().parent
        self.locate = locate
        self.problems: list[Diagnostic] = []

    def read(self, data: dict[str, Any]) -> Config:
        self._known_keys(data, KEYS, ())
        select = self._selectors(data, "select", (), may_protect=True)
        return Config(
            select=tuple(select) if "select" in data else None,
            ignore=tuple(self._selectors(data, "ignore", (), may_protect=False)),
            severity=self._severity(data, ()),
            per_path=self._per_path(data.get("per-path", {})),
            registry=self._registry(data),
            exclude=self._globs(data, "exclude"),
            limits=self._fields(Limits(), data, "limits"),
            settings=self._fields(Settings(), data, "settings"),
            fail_on=self._choice(data, "fail-on", ("error", "warning"), "error"),
            lang=self._choice(data, "lang", ("vi", "en"), None),
            root=self.root,
            source=self.path,
        )

    # ---- reporting -------------------------------------------------------------------------

    def _unknown(self, table: tuple[str, ...], key: str, valid: Sequence[str]) -> None:
        import difflib  # only for an unknown key: off a check's start-up

        close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
        hint_vi = f"; có phải '{close[0]}'?" if close else ""
        hint_en = f"; did you mean '{close[0]}'?" if close else ""
        where = ".".join((*self.locate.base, *table)) or "cấu hình"
        self.problems.append(
            _problem(
                "TT002",
                self.locate.span(table, key),
                Message(
                    vi=f"Khóa '{key}' không có trong [{where}]{hint_vi}",
                    en=f"Unknown key '{key}' in [{where}]{hint_en}",
                ),
                Message(
                    vi=f"Các khóa hợp lệ: {', '.join(valid)}", en=f"Valid keys: {', '.join(valid)}"
                ),
            )
        )

    def _invalid(
        self, table: tuple[str, ...], key: str, message: Message, value: object = None
    ) -> None:
        span = self.locate.span(table, key, value if isinstance(value, str) else None)
        self.problems.append(_problem("TT003", span, message))

    def _wrong_type(
        self, table: tuple[str, ...], key: str, vi: str, en: str, value: object
    ) -> None:
        self._invalid(
            table,
            key,
            Message(
                vi=f"'{key}' phải là {vi}, không phải {value!r}",
                en=f"'{key}' must be {en}, not {value!r}",
            ),
        )

    def _known_keys(
        self, data: dict[str, Any], valid: Sequence[str], table: tuple[str, ...]
    ) -> None:
        for key in data:
            if key not in valid:
                self._unknown(table, key, valid)

    # ---- keys ------------------------------------------------------------------------------

    def _selectors(
        self, data: dict[str, Any], key: str, table: tuple[str, ...], may_protect: bool
    ) -> list[str]:
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self._wrong_type(table, key, "một danh sách mã", "a list of codes", values)
            return []
        for value in values:
            problem = selector_problem(value) or (None if may_protect else protected_problem(value))
            if problem is not None:
                self._invalid(table, key, problem, value)
        return list(values)

    def _severity(
        self, data: dict[str, Any], table: tuple[str, ...]
    ) -> tuple[tuple[str, Any], ...]:
        levels = data.get("severity", {})
        if not isinstance(levels, dict):
            self._wrong_type(
                table, "severity", "một bảng mã = mức", "a table of code = level", levels
            )
            return ()
        inner = (*table, "severity")
        for selector, level in levels.items():
            problem = selector_problem(selector) or protected_problem(selector)
            if problem is not None:
                self._invalid(inner, selector, problem)
            elif level not in LEVELS:
                self._wrong_type(inner, selector, " | ".join(LEVELS), " | ".join(LEVELS), level)
        return tuple(levels.items())

    def _per_path(self, tables: Any) -> tuple[PathOverride, ...]:
        if not isinstance(tables, dict):
            self._wrong_type(
                (), "per-path", "một bảng theo mẫu đường dẫn", "a table keyed by glob", tables
            )
            return ()
        overrides = []
        for pattern, body in tables.items():
            table = ("per-path", pattern)
            problem = glob_problem(pattern)
            if problem is not None:
                self._invalid(("per-path",), pattern, problem)
                continue
            if not isinstance(body, dict):
                self._wrong_type(("per-path",), pattern, "một bảng", "a table", body)
                continue
            self._known_keys(body, PER_PATH_KEYS, table)
            overrides.append(
                PathOverride(
                    pattern,
                    select=tuple(self._selectors(body, "select", table, may_protect=True)),
                    ignore=tuple(self._selectors(body, "ignore", table, may_protect=False)),
                    severity=self._severity(body, table),
                )
            )
        return tuple(overrides)

    def _registry(self, data: dict[str, Any]) -> tuple[Path, ...]:
        values = data.get("registry", [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self._wrong_type((), "registry", "một danh sách thư mục", "a list of folders", values)
            return ()
        folders = []
        for value in values:
            folder = (self.root / value).resolve()
            if value == NATIONAL:
                shipped = national_registry()
                if shipped is not None:
                    folders.append(shipped)
                    continue
                self._invalid(
                    (),
                    "registry",
                    Message(
                        vi=f"Bản cài đặt tthc này không kèm danh mục quốc gia ('{value}')",
                        en=f"This installation of tthc carries no national registry ('{value}')",
                    ),
                    value,
                )
            elif (outside := registry_outside_repository(value, folder, self.root)) is not None:
                self._invalid((), "registry", outside, value)
                continue
            elif not folder.exists():
                self._invalid(
                    (),
                    "registry",
                    Message(
                        vi=f"Không tìm thấy '{value}' (tính từ {self.root})",
                        en=f"'{value}' does not exist (relative to {self.root})",
                    ),
                    value,
                )
            folders.append(folder)
        return tuple(folders)

    def _globs(self, data: dict[str, Any], key: str) -> tuple[str, ...]:
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            self._wrong_type((), key, "một danh sách mẫu đường dẫn", "a list of globs", values)
            return ()
        problems = [(v, glob_problem(v)) for v in values]
        for value, problem in problems:
            if problem is not None:
                self._invalid((), key, problem, value)
        return tuple(v for v, problem in problems if problem is None)

    def _fields(self, default: Any, data: dict[str, Any], key: str) -> Any:
        """`limits` or `settings`: the dataclass's fields, written in kebab-case."""
        values = data.get(key, {})
        if not isinstance(values, dict):
            self._wrong_type((), key, "một bảng", "a table", values)
            return default
        names = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(default)}
        changes = {}
        for name, value in values.items():
            if name not in names:
                self._unknown((key,), name, list(names))
                continue
            converted = convert(value, default, names[name])
            if converted is None:
                vi, en = kind_in_words(default, names[name])
                self._wrong_type((key,), name, vi, en, value)
            else:
                changes[names[name]] = converted
        return dataclasses.replace(default, **changes)

    def _choice(
        self, data: dict[str, Any], key: str, choices: tuple[str, ...], default: Any
    ) -> Any:
        value = data.get(key, default)
        if value is not default and value not in choices:
            self._wrong_type((), key, " | ".join(choices), " | ".join(choices), value)
            return default
        return value
