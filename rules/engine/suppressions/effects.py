"""Applying the directives: the diagnostics they suppress and what each code in them did.

Input: the diagnostics the configuration kept, the directives of every file, and whether the
configuration checks a code in a file. Output: `suppress(...)`: the diagnostics that no
directive with a reason covers, and a `SuppressionContext` (every directive and the `Effect` of
each code in it: used, unused, off, unknown, unsuppressible) for TT901 and TT902.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from tthc.dsl import CODES, Diagnostic
from tthc.rules.engine.config import PROTECTED
from tthc.rules.suppression_context import (
    Directive,
    Effect,
    EffectKind,
    Mention,
    SuppressionContext,
)

UNSUPPRESSIBLE = PROTECTED | {"TT901", "TT902"}
_WHOLE_FILE = -1  # the line key of an `allow-file` directive


def suppress(
    diagnostics: Iterable[Diagnostic],
    directives: Sequence[Directive],
    enabled: Callable[[str, str], bool],
) -> tuple[list[Diagnostic], SuppressionContext]:
    """The diagnostics no directive with a reason covers, and what each directive did.

    `enabled(path, code)` says whether the configuration checks a code in a file: a directive for
    a code that is off there has nothing to suppress.
    """
    active = [d for d in directives if d.understood and d.reason]
    covering: dict[tuple[str, int | None, str], list[Directive]] = {}
    for directive in active:
        for mention in directive.mentions:
            key = (
                directive.span.path,
                _WHOLE_FILE if directive.whole_file else directive.target,
                mention.code,
            )
            covering.setdefault(key, []).append(directive)
    used: set[tuple[Directive, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        path, code = diagnostic.span.path, diagnostic.code
        found = covering.get((path, diagnostic.span.line, code), []) + covering.get(
            (path, _WHOLE_FILE, code), []
        )
        if not found or code in UNSUPPRESSIBLE:
            kept.append(diagnostic)
        used.update((directive, code) for directive in found)
    effects = []
    for directive in active:
        for mention in directive.mentions:
            effects.append(Effect(directive, mention, _effect(directive, mention, used, enabled)))
    return kept, SuppressionContext(tuple(directives), tuple(effects))


def _effect(
    directive: Directive,
    mention: Mention,
    used: set[tuple[Directive, str]],
    enabled: Callable[[str, str], bool],
) -> EffectKind:
    if mention.code not in CODES:
        return "unknown"
    if mention.code in UNSUPPRESSIBLE:
        return "unsuppressible"
    if (directive, mention.code) in used:
        return "used"
    return "unused" if enabled(directive.span.path, mention.code) else "off"
