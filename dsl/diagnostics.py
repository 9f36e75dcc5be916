"""The diagnostic model shared by every stage: `Message`, `Diagnostic`, `Outcome`.

Problems are values: a stage returns an `Outcome` holding its result (or `None` after a
fatal problem) and every diagnostic it found. Nothing here prints or raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from tthc.dsl.span import Span

T = TypeVar("T")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Message(BaseModel):
    """One sentence in both languages of the tool: Vietnamese for officials, English for all."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    vi: str
    en: str

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Related(BaseModel):
    """A second place that explains a finding (the other branch, the step on the path)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    span: Span
    message: Message


class Diagnostic(BaseModel):
    """A finding with its stable code, where it is, what is wrong and what to do."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    code: str
    name: str
    severity: Severity
    message: Message
    span: Span
    help: Message | None = None
    related: tuple[Related, ...] = ()

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
