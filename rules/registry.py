"""The one explicit table of rules. A rule that is not listed here does not run.

Each family module keeps its own explicit `RULES` tuple; this table joins them in catalogue
order. Codes are public API (RULES.md): a code is never reused.
"""

from __future__ import annotations

from tthc.rules import (
    authority,
    corpus,
    deadlines,
    delegation,
    duties,
    soundness,
    steps,
    suppressions,
)
from tthc.rules.base import Rule

RULES: tuple[Rule, ...] = (
    *authority.RULES,
    *delegation.RULES,
    *steps.RULES,
    *soundness.RULES,
    *deadlines.RULES,
    *corpus.RULES,
    *duties.RULES,
    *suppressions.RULES,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
