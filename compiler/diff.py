"""What changed between two versions of a procedure.

Input: two `ast.Procedure` nodes (from either front end). Output: a list of `Change` values in
a stable order (header, deadline, fees, dossier, legal basis, steps, flow), each naming the
aspect that changed, the item it concerns (a step or dossier component id, or empty) and the
value before and after as text. `render_text`, `render_markdown` and `to_json` present them.

Spans are ignored: two files that say the same thing in another layout have no change.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tthc.dsl import ast
from tthc.dsl.printer.values import citation

ABSENT = "—"


@dataclass(frozen=True)
class Change:
    """One difference: `aspect` (e.g. `deadline`, `step.actor`), `item` (a step or component id,
    or empty), and the value before and after (None when the item is added or removed)."""

    aspect: str
    item: str
    before: str | None
    after: str | None


def duration_text(duration: ast.Duration | None) -> str | None:
    if duration is None:
        return None
    return f"{duration.amount.normalize():f} {duration.unit.value}"


def _deadline(deadline: ast.Deadline) -> str:
    value = "immediately" if deadline.immediate else (duration_text(deadline.duration) or "")
    return value if deadline.condition is None else f'{value} when "{deadline.condition}"'


def _fee(fee: ast.Fee) -> str:
    basis = ", ".join(citation(c) for c in fee.basis)
    return f'{fee.amount} "{fee.description}"' + (f" basis {basis}" if basis else "")


def _channel(channel: ast.Channel) -> str:
    return channel.kind.value + ("" if channel.online is None else f" {channel.online.value}")


def _component(node: ast.Component) -> str:
    flags = ["required" if node.required else "optional"] + (["personal"] if node.personal else [])
    form = "" if node.form is None else f' form "{node.form}"'
    return f'"{node.title}"{form} copies {node.copies} ' + " ".join(flags)


def _endpoint(endpoint: ast.Endpoint) -> str:
    names = ", ".join(n.value for n in endpoint.steps)
    return f"all({names})" if endpoint.parallel else names


def _arrows(flow: Iterable[ast.FlowLine]) -> list[str]:
    """Every arrow of the flow as `a -> b [when x | otherwise] [clock paused]`."""
    arrows: list[str] = []
    for line in flow:
        path = [_endpoint(e) for e in line.path]
        for index, (source, target) in enumerate(itertools.pairwise(path)):
            arrow = f"{source} -> {target}"
            if index == len(path) - 2:
                arrow += f" when {line.when.value}" if line.when is not None else ""
                arrow += " otherwise" if line.otherwise else ""
                arrow += " clock paused" if line.paused else ""
            arrows.append(arrow)
    return arrows


def _scalar(aspect: str, before: object, after: object) -> list[Change]:
    old, new = _show(before), _show(after)
    return [] if old == new else [Change(aspect, "", old, new)]


def _show(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, ast.Text):
        return value.value
    if hasattr(value, "value") and not isinstance(value, str):
        return str(value.value)
    return str(value)


def _sets(aspect: str, before: Iterable[str], after: Iterable[str]) -> list[Change]:
    """Items added and removed, in the order they are written."""
    old, new = list(dict.fromkeys(before)), list(dict.fromkeys(after))
    removed = [Change(aspect, "", item, None) for item in old if item not in new]
    added = [Change(aspect, "", None, item) for item in new if item not in old]
    return removed + added


def _keyed(
    aspect: str,
    before: dict[str, Any],
    after: dict[str, Any],
    fields: dict[str, Callable[[Any], str | None]],
) -> list[Change]:
    """Items matched by id: removed, added, then each field that differs."""
    changes = [Change(aspect, key, "present", None) for key in before if key not in after]
    changes += [Change(aspect, key, None, "present") for key in after if key not in before]
    for key in (k for k in before if k in after):
        for field, show in fields.items():
            old, new = show(before[key]), show(after[key])
            if old != new:
                changes.append(Change(f"{aspect}.{field}", key, old, new))
    return changes


STEP_FIELDS: dict[str, Callable[[Any], str | None]] = {
    "kind": lambda s: s.kind.value,
    "title": lambda s: s.title,
    "actor": lambda s: None if s.actor is None else s.actor.value,
    "duration": lambda s: duration_text(s.duration),
    "basis": lambda s: ", ".join(citation(c) for c in s.basis) or None,
    "counterpart": lambda s: None if s.counterpart is None else s.counterpart.value,
    "signs": lambda s: None if s.signs is None else s.signs.value,
    "notifies": lambda s: "notifies applicant" if s.notifies else None,
    "reads": lambda s: ", ".join(n.value for n in s.reads) or None,
}


def _moved(node: ast.Moved | None) -> str | None:
    if node is None:
        return None
    basis = ", ".join(citation(c) for c in node.basis)
    deadline = duration_text(node.deadline)
    return f"from {node.level.value}; basis {basis}" + (
        f"; deadline {deadline}" if deadline else ""
    )


def diff_procedures(before: ast.Procedure, after: ast.Procedure) -> list[Change]:
    """The changes from `before` to `after`, header first, flow last."""
    changes: list[Change] = []
    for aspect in ("code", "name", "field", "level", "effective", "until", "power"):
        changes += _scalar(aspect, getattr(before, aspect), getattr(after, aspect))
    changes += _scalar("moved", _moved(before.moved), _moved(after.moved))
    changes += _scalar("anywhere", before.anywhere, after.anywhere)
    changes += _scalar("day_rule", before.day_rule, after.day_rule)
    changes += _sets("applicants", before.applicants, after.applicants)
    changes += _sets("channels", map(_channel, before.channels), map(_channel, after.channels))
    changes += _sets("deadline", map(_deadline, before.deadlines), map(_deadline, after.deadlines))
    changes += _sets("result", before.results, after.results)
    changes += _sets("fee", map(_fee, before.fees), map(_fee, after.fees))
    changes += _keyed(
        "dossier",
        {c.id.value: c for c in before.dossier},
        {c.id.value: c for c in after.dossier},
        {"component": _component},
    )
    changes += _sets("basis", map(citation, before.basis), map(citation, after.basis))
    changes += _keyed(
        "step",
        {s.id.value: s for s in before.steps},
        {s.id.value: s for s in after.steps},
        STEP_FIELDS,
    )
    changes += _sets("flow", _arrows(before.flow), _arrows(after.flow))
    return changes


def to_json(changes: list[Change], before: str, after: str) -> dict[str, object]:
    """The changes as plain data (the schema of `tthc diff --format json`)."""
    return {
        "before": before,
        "after": after,
        "changes": [
            {"aspect": c.aspect, "item": c.item, "before": c.before, "after": c.after}
            for c in changes
        ],
    }


def _label(change: Change) -> str:
    return change.aspect + (f" [{change.item}]" if change.item else "")


def render_text(changes: list[Change], before: str, after: str) -> str:
    """One line per change: `aspect [item]: before → after` (— for nothing)."""
    if not changes:
        return f"Không có thay đổi / No changes: {before} → {after}\n"
    lines = [f"{len(changes)} thay đổi / changes: {before} → {after}"]
    lines += [f"  {_label(c)}: {c.before or ABSENT} → {c.after or ABSENT}" for c in changes]
    return "\n".join(lines) + "\n"


def _cell(value: str | None) -> str:
    return ABSENT if value is None else value.replace("|", "\\|")


def render_markdown(changes: list[Change], before: str, after: str) -> str:
    """A Markdown table: aspect, item, before, after."""
    lines = [f"### `{before}` → `{after}`", ""]
    if not changes:
        return "\n".join([*lines, "Không có thay đổi / No changes.", ""])
    lines += ["| Khía cạnh / Aspect | Mục / Item | Trước / Before | Sau / After |"]
    lines += ["|---|---|---|---|"]
    lines += [
        f"| {c.aspect} | {_cell(c.item or None)} | {_cell(c.before)} | {_cell(c.after)} |"
        for c in changes
    ]
    return "\n".join([*lines, ""])
