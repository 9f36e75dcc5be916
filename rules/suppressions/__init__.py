"""Inline suppressions: `# tthc: allow TT503 -- <reason>` in `.tthc` and YAML files.

Input: the text of each file and the diagnostics the configuration kept. Output: the diagnostics
that no suppression covers, and a `SuppressionContext` (every directive and what each code in it
did) from which the rules TT901 (a suppression that suppresses nothing) and TT902 (a suppression
without a written reason) find. The directives and their effects are read and applied by the
engine (`tthc.rules.engine.suppressions`), which hands the rules a `SuppressionContext`
(`tthc.rules.suppression_context`); this package holds the two rules.

    # tthc: allow TT503, TT306 -- <reason>     as a trailing comment: that line
                                               alone on its line: the next line of content
    # tthc: allow-file TT306 -- <reason>       anywhere: the whole file

A directive without a reason suppresses nothing (TT902). TT001 and TT008 cannot be suppressed
(a file that cannot be read cannot be checked), nor can TT901 and TT902 themselves.

    unused_suppression.py          TT901 unused-suppression
    suppression_without_reason.py  TT902 suppression-without-reason
"""

from tthc.rules.base import Rule, rules_of
from tthc.rules.suppression_context import Directive, Effect, Mention, SuppressionContext
from tthc.rules.suppressions.suppression_without_reason import suppression_without_reason
from tthc.rules.suppressions.unused_suppression import unused_suppression

__all__ = [
    "RULES",
    "Directive",
    "Effect",
    "Mention",
    "SuppressionContext",
]

RULES: tuple[Rule, ...] = rules_of(
    unused_suppression,
    suppression_without_reason,
)
