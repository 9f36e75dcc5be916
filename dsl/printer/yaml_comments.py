"""Comments of a YAML file, each attached to the item it belongs to: text → `Comments`.

Input: the text of a `.yaml` file that loads without errors. Output: `Comments` keyed like the
printers' lines (`lines.Key`) by the rules of `comments`, and the schema path of
a `# yaml-language-server: $schema=...` modeline, which the printer writes back itself.
PyYAML drops comments: they are found by `tthc.dsl.comment_scan`, the scanner the suppressions
use too, and anchored here by the positions of PyYAML's nodes.
"""

from __future__ import annotations

import re
import types
from collections import Counter
from typing import Any, Union, get_args, get_origin

import yaml

from tthc.dsl import ast
from tthc.dsl.comment_scan import find_comments
from tthc.dsl.frozen import Frozen, fields_of
from tthc.dsl.printer.comments import Anchor, Found, attach, blank_lines
from tthc.dsl.printer.lines import Comments, Key
from tthc.dsl.yaml.loader import TOP_LEVEL

MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)\s*")
# Lists whose items are printed one per line in both forms, so that each item is an anchor.
COUNTED = {"deadlines", "results", "flow"}


def yaml_comments(text: str) -> tuple[Comments, str | None]:
    """The comments of a YAML text that loads, and the schema its modeline names (if any)."""
    found, schema = scan_yaml(text)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    anchors: list[Anchor] = []
    if isinstance(root, yaml.MappingNode):
        _document_anchors(root, anchors)
    return attach(anchors, found, blank_lines(text)), schema


def scan_yaml(text: str) -> tuple[list[Found], str | None]:
    """The comments `comment_scan` finds (the scanner the suppressions read too), and the
    schema path of the first modeline, which is not kept as a comment."""
    found: list[Found] = []
    schema = None
    for comment in find_comments(text, yaml=True):
        modeline = MODELINE.fullmatch("#" + comment.text.rstrip())
        if modeline and comment.alone:
            schema = schema or modeline.group(1)
        else:
            found.append(Found(comment.line, "#" + comment.text.rstrip(), not comment.alone))
    return found, schema


def _document_anchors(root: yaml.MappingNode, anchors: list[Anchor]) -> None:
    counts: Counter[str] = Counter()
    for key, value in root.value:
        field = TOP_LEVEL.get(str(key.value))
        if field is None:
            continue
        model = get_args(fields_of(ast.Document)[field].annotation)[0]
        if key.value == "procedure":
            items: list[tuple[yaml.Node, yaml.Node]] = [(key, value)]
        else:
            nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
            items = [(node, node) for node in nodes]
        for start, node in items:
            own: Key = (field, counts[field])
            counts[field] += 1
            anchors.append(_anchor(own, start, node))
            _model_anchors(node, model, own, anchors, item=start is node)


def _model_anchors(
    node: yaml.Node, model: type[Frozen], key: Key, anchors: list[Anchor], item: bool = False
) -> None:
    """Anchors for the fields of a mapping. The first field of a list item shares the item's
    line (`- id: a`), which the printers key by the item itself: it gets no anchor."""
    if not isinstance(node, yaml.MappingNode):
        return
    names = {(info.alias or name): name for name, info in fields_of(model).items()}
    for position, (key_node, value) in enumerate(node.value):
        name = names.get(str(key_node.value))
        if name is None:
            continue
        own: Key = (*key, name)
        if not (item and position == 0):
            anchors.append(_anchor(own, key_node, value))
        inner, many = _unwrap(fields_of(model)[name].annotation)
        items = value.value if many and isinstance(value, yaml.SequenceNode) else [value]
        is_model = isinstance(inner, type) and issubclass(inner, Frozen)
        if many and (name in COUNTED or is_model):
            for index, element in enumerate(items):
                anchors.append(_anchor((*own, index), element, element))
                if is_model:
                    _model_anchors(element, inner, (*own, index), anchors, item=True)
        elif is_model:
            _model_anchors(value, inner, own, anchors)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The item type of a field and whether the field is a list."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    if get_origin(annotation) is tuple:
        return get_args(annotation)[0], True
    return annotation, False


def _anchor(key: Key, start: yaml.Node, end: yaml.Node) -> Anchor:
    last = _last_line(end)
    return Anchor(key, start.start_mark.line + 1, start.start_mark.column + 1, last)


def _last_line(node: yaml.Node) -> int:
    """The last line (1-based) of a node's text. A block collection's end mark is where the
    next token starts, possibly on the next item's line, so its last child is used instead."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    mark = node.end_mark
    return mark.line + 1 if mark.column > 0 or mark.line == node.start_mark.line else mark.line
