"""The DSL parser builds AST nodes without pydantic's validation (the grammar already fixes the
types); every node it builds must be the node validation would build, in every respect a
caller can see: equality, hash, field order, the set of fields given, the type of each value
and the dump.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from tthc.dsl.reading.parser import parse_dsl

HERE = Path(__file__).resolve().parent
FILES = sorted([*(HERE / "constructs").glob("*.tthc"), *(HERE / "twins").glob("*.tthc")])


def nodes(value: object) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from nodes(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from nodes(item)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_node_is_the_node_validation_would_build(path: Path) -> None:
    document = parse_dsl(path.name, path.read_text(encoding="utf-8")).value
    seen = 0
    for node in nodes(document):
        given = {name: getattr(node, name) for name in node.model_fields_set}
        validated = type(node)(**given)
        assert node == validated
        assert hash(node) == hash(validated)
        assert node.model_fields_set == validated.model_fields_set
        assert list(vars(node)) == list(vars(validated))
        assert [type(v) for v in vars(node).values()] == [type(v) for v in vars(validated).values()]
        assert node.model_dump_json() == validated.model_dump_json()
        seen += 1
    assert seen > 10
