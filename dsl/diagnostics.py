"""The diagnostic model shared by every stage: `Message`, `Diagnostic`, `Outcome`.

Problems are values: a stage returns an `Outcome` holding its result (or `None` after a
fatal problem) and every diagnostic it found. Nothing here prints or raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from tthc.dsl.frozen import Frozen
from tthc.dsl.span import Span

T = TypeVar("T")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Message(Frozen):
    """One sentence in both languages of the tool: Vietnamese for officials, English for all."""

    __slots__ = ("en", "vi")

    vi: str
    en: str

    def __init__(self, vi: str, en: str) -> None:
        self.vi = vi
        self.en = en

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Related(Frozen):
    """A second place that explains a finding (the other branch, the step on the path)."""

    __slots__ = ("message", "span")

    span: Span
    message: Message

    def __init__(self, span: Span, message: Message) -> None:
        self.span = span
        self.message = message


class Diagnostic(Frozen):
    """A finding with its stable code, where it is, what is wrong and what to do."""

    __slots__ = ("code", "help", "message", "name", "related", "severity", "span")

    code: str
    name: str
    severity: Severity
    message: Message
    span: Span
    help: Message | None
    related: tuple[Related, ...]

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        message: Message,
        span: Span,
        help: Message | None = None,
        related: tuple[Related, ...] = (),
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.related = related

    def sort_key(self) -> tuple[str, int, int, str, int, int, str]:
        """File, line, column and code, then the rest of the place and the message: a total
        order, so that a report is the same however the checks were spread over processes."""
        span = self.span
        return (
            span.path,
            span.line,
            span.column,
            self.code,
            span.end_line,
            span.end_column,
            self.message.en,
        )


@dataclass
class Outcome(Generic[T]):
    """A stage's result (or `None` after a fatal problem) and the diagnostics it found."""

    value: T | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.value is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )
