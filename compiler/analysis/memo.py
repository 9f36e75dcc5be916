"""Answers computed once per check and shared by every rule that asks the same question.

Input: a key naming a question (a tuple that starts with the function answering it, followed by
its arguments) and a function computing the answer. Output: the answer, computed on the first
call and returned as is afterwards. The runner creates one `Memo` per project and hands it to
every context (`ProcedureContext.memo`, `ProjectContext.memo`), so that an answer which depends
only on the project's model and settings, such as an authority's competence for a power on a
date, is worked out once however many rules and procedures ask for it. A memo belongs to one
model and one settings, so neither is part of a key. A context made on its own gets a memo of
its own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

T = TypeVar("T")


class Memo:
    """A table of answers by question, filled on demand."""

    def __init__(self) -> None:
        self._answers: dict[Hashable, Any] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer to `key`, computed by `compute` the first time it is asked."""
        try:
            return cast(T, self._answers[key])
        except KeyError:
            answer = self._answers[key] = compute()
            return answer

    def __len__(self) -> int:
        return len(self._answers)
