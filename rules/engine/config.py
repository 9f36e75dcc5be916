"""What a project configures: which codes run, at which severity, where, and with which limits.

Input: values read by `tthc.rules.engine.config_file` (or built in code). Output: a frozen `Config`
and, for one file, a `Policy` saying whether a code is checked there and at which severity.
`apply_config` turns the default severities of diagnostics into the configured ones.

Selectors name a code (`TT201`) or a family (`TT2`, `TT2xx`). The most specific selector wins,
and `ignore` wins a tie with `select`; `per-path` overrides apply after the project-wide keys,
in the order they are written. TT001 and TT008 cannot be turned off or re-levelled: a file that
cannot be read cannot be checked. A `select` that leaves out TT999 still reports crashes; only
naming TT999 (or TT9) in `ignore` hides them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tthc.compiler.analysis.settings import Settings
from tthc.dsl import CODES, DEFAULT_LIMITS, Diagnostic, Limits, Message, Severity

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

CONFIG_FILES = ("tthc.toml", "pyproject.toml")  # in one folder, tthc.toml wins
Level = Literal["error", "warning", "info", "off"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info", "off")
PROTECTED = frozenset({"TT001", "TT008"})  # a file that cannot be read cannot be checked
CRASH = "TT999"
_FAMILY = re.compile(r"^TT(\d)(?:xx)?$")


def selector_problem(selector: str) -> Message | None:
    """Why a selector names no code (with a suggestion), or None when it is valid."""
    if selector in CODES:
        return None
    family = _FAMILY.match(selector)
    if family and any(code.startswith(f"TT{family.group(1)}") for code in CODES):
        return None
    import difflib  # only for a selector that names no code: off a check's start-up

    close = difflib.get_close_matches(selector.upper(), list(CODES), n=1, cutoff=0.6)
    hint_vi = f"; có phải '{close[0]}'?" if close else ""
    hint_en = f"; did you mean '{close[0]}'?" if close else ""
    return Message(
        vi=f"'{selector}' không phải mã kiểm tra (TT201) hay nhóm mã (TT2, TT2xx){hint_vi}",
        en=f"'{selector}' is neither a code (TT201) nor a family (TT2, TT2xx){hint_en}",
    )


def protected_problem(selector: str) -> Message | None:
    """Why a selector may not be ignored or re-levelled (TT001, TT008), or None."""
    if selector not in PROTECTED:
        return None
    return Message(
        vi=f"Không thể tắt hay đổi mức của {selector}: tệp không đọc được thì không kiểm tra được",
        en=f"{selector} cannot be turned off or re-levelled: a file that cannot be read cannot be checked",
    )


def option_problems(select: Iterable[str], ignore: Iterable[str]) -> list[Message]:
    """What is wrong with selectors given on the command line (`--select`, `--ignore`)."""
    problems = [selector_problem(s) for s in select]
    problems += [selector_problem(s) or protected_problem(s) for s in ignore]
    return [p for p in problems if p is not None]


def _specificity(selector: str, code: str) -> int:
    """3 when the selector names the code, 1 when it names its family, 0 when it misses."""
    if selector == code:
        return 3
    family = _FAMILY.match(selector)
    return 1 if family and code.startswith(f"TT{family.group(1)}") else 0


def _decide(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool | None:
    """On, off, or None when neither list names the code or its family."""
    best, decision = 0, None
    for selector in select:
        rank = _specificity(selector, code)
        if rank > best:
            best, decision = rank, True
    for selector in ignore:
        rank = _specificity(selector, code)
        if rank and rank >= best:
            best, decision = rank, False
    return decision


def _level(code: str, severity: Iterable[tuple[str, Level]]) -> Level | None:
    best, level = 0, None
    for selector, value in severity:
        rank = _specificity(selector, code)
        if rank and rank >= best:
            best, level = rank, value
    return level


@dataclass(frozen=True)
class PathOverride:
    """`[per-path."<glob>"]`: select, ignore and severity for the files the glob matches."""

    pattern: str
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Level], ...] = ()

    @cached_property
    def _spec(self) -> GitIgnoreSpec:
        return glob_spec([self.pattern])

    def matches(self, relative: str) -> bool:
        """Whether the glob matches a path given relative to the configuration's folder."""
        return self._spec.match_file(relative)


def glob_spec(patterns: Iterable[str]) -> GitIgnoreSpec:
    """Globs as .gitignore reads them (`pathspec`): without `/` they match a name at any depth,
    with `/` a path from the configuration's folder; `*` stays in one folder, `**` crosses
    folders, `dir/` is all of `dir`, `!` re-includes. Matching takes linear time, whatever the
    glob (`**/` written twelve times included). Raises `ValueError` for a glob that cannot be
    compiled (`[z-a]`); `glob_problem` says why in words first. (pathspec is imported here:
    a check of named files without globs never needs it.)"""
    from pathspec import GitIgnoreSpec

    try:
        return GitIgnoreSpec.from_lines([p.removeprefix("./") for p in patterns])
    except (re.error, ValueError, TypeError) as error:
        raise ValueError(str(error)) from error


def glob_problem(pattern: str) -> Message | None:
    """Why a glob of the configuration (`exclude`, `per-path`) cannot be used, or None."""
    try:
        glob_spec([pattern])
    except ValueError as error:
        return Message(
            vi=f"Mẫu đường dẫn '{pattern}' không hợp lệ: {error}",
            en=f"The glob '{pattern}' is not valid: {error}",
        )
    return None


@dataclass(frozen=True)
class Policy:
    """The configuration as it applies to one file."""

    config: Config
    overrides: tuple[PathOverride, ...]

    def level(self, code: str) -> Level | None:
        """The configured level of a code in this file: None keeps the default, "off" drops it."""
        if code in PROTECTED:
            return None
        on = self.config.select is None or code == CRASH
        decided = _decide(code, self.config.select or (), self.config.ignore)
        on = on if decided is None else decided
        level = _level(code, self.config.severity)
        for override in self.overrides:
            decided = _decide(code, override.select, override.ignore)
            on = on if decided is None else decided
            level = _level(code, override.severity) or level
        return level if on else "off"

    def enabled(self, code: str) -> bool:
        return self.level(code) != "off"


@dataclass(frozen=True)
class Config:
    """A project's configuration; `Config()` is the default (every code at its severity)."""

    select: tuple[str, ...] | None = None  # None: every code
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Level], ...] = ()
    per_path: tuple[PathOverride, ...] = ()
    registry: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()  # globs of files and folders not to look into (discovery.py)
    limits: Limits = DEFAULT_LIMITS
    settings: Settings = field(default_factory=Settings)
    fail_on: Literal["error", "warning"] = "error"
    lang: Literal["vi", "en"] | None = None
    root: Path | None = None  # the folder globs and registry paths are relative to
    source: Path | None = None  # the file this was read from

    def policy(self, path: str) -> Policy:
        if not self.per_path:
            return Policy(self, ())
        relative = _relative(path, self.root)
        return Policy(self, tuple(o for o in self.per_path if o.matches(relative)))

    def with_options(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        fail_on: str | None = None,
        on: dt.date | None = None,
    ) -> Config:
        """The configuration with command-line options on top: `select` replaces, `ignore` adds,
        `fail_on` ("error" or "warning") replaces, `on` (the day whose law applies, `tthc check
        --on`) replaces the configured one."""
        settings = self.settings if on is None else replace(self.settings, on=on)
        return replace(
            self,
            settings=settings,
            select=tuple(select) if select is not None else self.select,
            ignore=(*self.ignore, *ignore),
            fail_on=("warning" if fail_on == "warning" else "error") if fail_on else self.fail_on,
        )

    def fails(self, diagnostics: Iterable[Diagnostic]) -> bool:
        """Whether the diagnostics should fail a CI run under `fail-on`."""
        threshold = Severity(self.fail_on).rank
        return any(d.severity.rank >= threshold for d in diagnostics)


def _relative(path: str, root: Path | None) -> str:
    absolute = Path(path).resolve()
    if root is not None and absolute.is_relative_to(root):
        return absolute.relative_to(root).as_posix()
    return absolute.as_posix()


def apply_config(diagnostics: Iterable[Diagnostic], config: Config) -> list[Diagnostic]:
    """The diagnostics the configuration keeps, each at its configured severity."""
    policies: dict[str, Policy] = {}
    kept = []
    for diagnostic in diagnostics:
        path = diagnostic.span.path
        policy = policies.get(path) or policies.setdefault(path, config.policy(path))
        level = policy.level(diagnostic.code)
        if level == "off":
            continue
        if level is not None and level != diagnostic.severity.value:
            diagnostic = diagnostic.model_copy(update={"severity": Severity(level)})
        kept.append(diagnostic)
    return kept
