"""What the suppression rules (TT901, TT902) see: the directives and what each code in them did.

Input: made by the engine (`tthc.rules.engine.suppressions`: `scan_directives` reads the
`tthc:` comments, `suppress` applies them). Output: the values the rules read, beside
`tthc.rules.base` for the other rules, so that no rule imports the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tthc.dsl import Message, Span

VERBS = ("allow", "allow-file")


def written_form(verb: str, codes: str) -> Message:
    """How a directive is written, with the reason a person must add: what TT901 and TT902
    both tell the drafter to write."""
    return Message(
        vi=f"# tthc: {verb} {codes} -- <lý do>", en=f"# tthc: {verb} {codes} -- <reason>"
    )


@dataclass(frozen=True)
class Mention:
    """One code named in a directive, where it is written."""

    code: str
    span: Span


@dataclass(frozen=True)
class Directive:
    span: Span  # the whole comment
    verb: str
    mentions: tuple[Mention, ...]
    reason: str  # "" when none is written after `--`
    target: int | None  # the line it covers; None for `allow-file` (or nothing below it)

    @property
    def whole_file(self) -> bool:
        return self.verb == "allow-file"

    @property
    def understood(self) -> bool:
        return self.verb in VERBS and bool(self.mentions)


EffectKind = Literal["used", "unused", "off", "unknown", "unsuppressible"]


@dataclass(frozen=True)
class Effect:
    """What one code of a directive did."""

    directive: Directive
    mention: Mention
    kind: EffectKind


@dataclass(frozen=True)
class SuppressionContext:
    """What the suppression rules read: every directive and the effect of each code in it."""

    directives: tuple[Directive, ...]
    effects: tuple[Effect, ...]
