"""Docstring examples as fragments of one base procedure: a rule's *Example* and *Use instead*
show only the lines about the rule, and the full procedure is the fragment applied to `BASE`.

Input: a fragment (the text of a fence opened with ```` ```tthc fragment ````). Output: the full
`.tthc` text (`apply_fragment`), which `RuleDoc.snippet` returns, so the test that runs every
example (`tests/rules/test_docs.py`) checks the full procedure, while `tthc explain` and
`docs/rules.md` show the fragment, say that it applies to the base procedure, and show the base
once.

A fragment is written at the indentation its lines have in the procedure, and applies by key,
the first word of a line (an attribute's keyword, a step's or a component's name):

- `procedure "code" "name" {` on its own replaces the base's first line;
- several such lines make several procedures, each the base with the lines after its own
  `procedure` line applied, in order in one file: a corpus rule compares procedures (TT606's
  example is one process under two deadlines); what comes before the first goes with it;
- a line at column 0 (a comment, a registry declaration up to its closing `}`) goes before
  the procedure;
- an item at two spaces (an attribute, or a block such as `flow { ... }`) replaces every item of
  the base with the same key, where the first of them stood; a new key goes before `steps`; a
  key written twice (a deadline and its extension) keeps both, in the fragment's order;
- inside `steps { ... }` and `dossier { ... }` the items are merged one by one the same way: a
  step replaces the base's step of the same name, a new step goes after the item written before
  it in the fragment (first in the block when none is);
- lines at four spaces before any line at two spaces are steps, as if written inside
  `steps { ... }`;
- `without KEY` removes the base's item of that key (at two spaces, or inside a merged block);
- a comment line belongs to the item after it, a deeper-indented line to the item above it.

Every other block (`flow`) is replaced whole: a flow is read as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

BASE = """\
procedure "1.001193" "Đăng ký khai sinh" {
  field "Hộ tịch"
  level commune
  effective 2025-07-01
  power "ho-tich.dang-ky-khai-sinh"
  basis luat-ho-tich-2014 art 16
  applicants "Cá nhân"
  channels direct
  deadline 5 working_days
  result "Giấy khai sinh"
  steps {
    tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
    ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
      basis luat-ho-tich-2014 art 16
    tra result "Trả kết quả" by commune.one_stop takes 1 working_days
  }
  flow {
    start -> tiep_nhan -> ky -> tra -> end
  }
}
"""
MERGED_BLOCKS = ("steps", "dossier")
_STEP = 2  # spaces per level of the procedure


@dataclass
class _Item:
    """One line with its comments before it and its deeper lines after it; a merged block
    (`steps {`) keeps its items apart, up to its closing line."""

    key: str
    lines: list[str]
    children: list[_Item] | None = None
    close: str = ""
    removed: set[str] = field(default_factory=set)

    def text(self) -> list[str]:
        if self.children is None:
            return self.lines
        return [*self.lines, *(line for item in self.children for line in item.text()), self.close]


def apply_fragment(fragment: str, base: str = BASE) -> str:
    """The full text: `base` with the fragment's items in place of the base's, once for each
    `procedure` line of the fragment (once when it has none)."""
    lines = fragment.rstrip("\n").split("\n")
    starts = [index for index, line in enumerate(lines) if line.startswith("procedure ")]
    cuts = [0, *starts[1:], len(lines)]  # what precedes the first procedure goes with it
    pieces = [lines[start:end] for start, end in pairwise(cuts)]
    return "\n".join(_procedure(piece, base) for piece in pieces)


def _procedure(lines: list[str], base: str) -> str:
    """One procedure: `base` with the items of `lines` (one `procedure` line at most)."""
    top = base.rstrip("\n").split("\n")
    opening, body, closing = top[0], _items(top[1:-1], _STEP), top[-1]
    before: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("procedure "):
            opening, lines = line, [*lines[:index], *lines[index + 1 :]]
            break
    own: list[str] = []
    in_declaration = False
    for line in lines:
        if in_declaration or (line and not line.startswith(" ") and not own):
            before.append(line)
            in_declaration = (in_declaration or line.endswith("{")) and line != "}"
        else:
            own.append(line)
    steps = 0
    while steps < len(own) and own[steps].startswith(" " * 2 * _STEP):
        steps += 1
    if steps:  # bare steps first: as if written inside `steps { ... }`
        own = ["  steps {", *own[:steps], "  }", *own[steps:]]
    merged = _merge(body, _items(own, _STEP), top_level=True)
    out = [*before, opening, *(line for item in merged for line in item.text()), closing]
    return "\n".join(out) + "\n"


def _items(lines: list[str], indent: int) -> list[_Item]:
    items: list[_Item] = []
    comments: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        stripped = line.strip()
        depth = len(line) - len(line.lstrip(" "))
        if not stripped:
            continue
        if stripped.startswith("#") and depth <= indent:
            comments.append(line)
            continue
        if depth > indent and items:
            items[-1].lines.append(line)  # a continuation of the item above
            continue
        key = stripped.split()[0]
        item = _Item(key, [*comments, line])
        comments = []
        if stripped.endswith("{"):
            end = lines.index(" " * indent + "}", index)
            if key in MERGED_BLOCKS:
                item.children = _items(lines[index:end], indent + _STEP)
                item.close = lines[end]
            else:
                item.lines += lines[index : end + 1]
            index = end + 1
        items.append(item)
    return items


def _merge(base: list[_Item], fragment: list[_Item], top_level: bool) -> list[_Item]:
    out = list(base)
    after: _Item | None = None
    mine: set[int] = set()  # the fragment's items already placed (by id)
    for item in fragment:
        if item.key == "without":
            gone = item.lines[-1].split()[1]
            out = [kept for kept in out if kept.key != gone]
            continue
        same = [
            index for index, kept in enumerate(out) if kept.key == item.key and id(kept) not in mine
        ]
        again = [index for index, kept in enumerate(out) if kept.key == item.key]
        if again and not same:  # a key the fragment gives twice: after its item before
            out.insert(again[-1] + 1, item)
        elif same:
            old = out[same[0]]
            if old.children is not None and item.children is not None:
                item = _Item(old.key, item.lines, _merge(old.children, item.children, False))
                item.close = old.close
            out = [kept for index, kept in enumerate(out) if index not in same[1:]]
            out[same[0]] = item
        elif top_level:
            blocks = [index for index, kept in enumerate(out) if kept.children is not None]
            out.insert(blocks[0] if blocks else len(out), item)
        else:
            place = [index for index, kept in enumerate(out) if kept is after]
            out.insert(place[0] + 1 if place else 0, item)
        after = item
        mine.add(id(item))
    return out
