"""The DSL parser builds AST nodes without validation (the grammar already fixes the types);
every node it builds must be the node validation would build, in every respect a caller can
see: equality, hash, the type of each value, and the dump (what a deploy bundle stores).
Validation here is the pydantic mirror of the AST (`tthc.dsl.models`), which the YAML front
end and deploy bundles use.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tthc.dsl import models
from tthc.dsl.frozen import Frozen
from tthc.dsl.reading.parser import parse_dsl

HERE = Path(__file__).resolve().parent
FILES = sorted([*(HERE / "constructs").glob("*.tthc"), *(HERE / "twins").glob("*.tthc")])


def nodes(value: object) -> Iterator[Frozen]:
    if isinstance(value, Frozen):
        yield value
        for name in type(value)._fields:
            yield from nodes(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from nodes(item)


def types(value: object) -> object:
    """The type of every value of a node, nested nodes and tuples opened."""
    if isinstance(value, Frozen):
        return (type(value), [types(getattr(value, name)) for name in type(value)._fields])
    if isinstance(value, tuple):
        return [types(item) for item in value]
    return type(value)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_node_is_the_node_validation_would_build(path: Path) -> None:
    document = parse_dsl(path.name, path.read_text(encoding="utf-8")).value
    seen = 0
    for node in nodes(document):
        dumped = node.model_dump(mode="json")
        validated = models.load(type(node), dumped)
        assert node == validated
        assert hash(node) == hash(validated)
        assert types(node) == types(validated)
        # pydantic writes the node as the node writes itself (deploy bundles, JSON outputs)
        assert models.model(type(node)).model_validate(node).model_dump(mode="json") == dumped
        seen += 1
    assert seen > 10
