"""The resolved model of a project: every name bound once, by `tthc.compiler.resolve`.

Input: the documents of a project. Output: `Registry` (the registry tables) and `Model` (the
registry and the procedures),
with accessors that return the declarations a name refers to. Checks read names through these
accessors and never look anything up themselves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from tthc.dsl import ast

START, END = "start", "end"  # the two flow names that are not steps


@dataclass(frozen=True)
class ProcedureModel:
    """One procedure with its steps and dossier components by id."""

    node: ast.Procedure
    steps: dict[str, ast.Step]
    components: dict[str, ast.Component]
    # In a summary (`tthc.rules.engine.summary`), a digest of the internal process whose steps
    # the summary leaves out: equal digests, equal steps and times (TT606). Else empty.
    process: str = ""

    @property
    def code(self) -> str:
        return self.node.code.value

    @property
    def path(self) -> str:
        return self.node.span.path


@dataclass(frozen=True)
class Registry:
    """The registry of a project, names bound: authorities, instruments, grants, transfers.
    What one procedure is resolved and checked against, wherever it is checked (in this
    process or a worker's): it holds no procedure, so nothing can read an empty list of them
    as "the project has none"."""

    authorities: dict[str, ast.Authority] = field(default_factory=dict)
    instruments: dict[str, ast.Instrument] = field(default_factory=dict)
    grants: dict[str, ast.Grant] = field(default_factory=dict)
    transfers: dict[str, ast.Transfer] = field(default_factory=dict)

    def with_procedures(self, procedures: Iterable[ProcedureModel]) -> Model:
        """The model of a project: this registry and its procedures."""
        return Model(
            self.authorities, self.instruments, self.grants, self.transfers, tuple(procedures)
        )

    def authority(self, name: ast.Name | None) -> ast.Authority | None:
        return None if name is None else self.authorities.get(name.value)

    def instrument(self, citation: ast.Citation) -> ast.Instrument | None:
        return self.instruments.get(citation.instrument.value)

    def actor(self, step: ast.Step) -> ast.Authority | None:
        return self.authority(step.actor)

    def named(self, text: str) -> ast.Authority | None:
        """The authority a published record names by `text`: its title or one of its
        `aliases`, case and spacing aside (the importer's unit names, issue 11)."""
        wanted = " ".join(unicodedata.normalize("NFC", text).casefold().split())
        for authority in self.authorities.values():
            for written in (authority.title, *authority.aliases):
                if " ".join(unicodedata.normalize("NFC", written).casefold().split()) == wanted:
                    return authority
        return None

    def grants_to(self, authority: str) -> list[ast.Grant]:
        return [g for g in self.grants.values() if g.receiver.value == authority]

    def grants_from(self, authority: str) -> list[ast.Grant]:
        return [
            g for g in self.grants.values() if g.giver is not None and g.giver.value == authority
        ]

    def transfers_to(self, authority: str) -> list[ast.Transfer]:
        return [t for t in self.transfers.values() if t.receiver.value == authority]

    def links_to(self, authority: str) -> list[ast.Grant | ast.Transfer]:
        """Everything that gives an authority a power: its grants, then its transfers."""
        return [*self.grants_to(authority), *self.transfers_to(authority)]

    def members(self, authority: str) -> list[ast.Authority]:
        """The authorities declared `of` this one: its head and deputies, its units."""
        return [
            a for a in self.authorities.values() if a.of is not None and a.of.value == authority
        ]

    def replaced_by(self, instrument: str) -> list[ast.Instrument]:
        """The instruments that declare `replaces` this one."""
        return [
            i for i in self.instruments.values() if any(r.value == instrument for r in i.replaces)
        ]


@dataclass(frozen=True)
class Model(Registry):
    """The registry and the procedures of a project, names bound."""

    procedures: tuple[ProcedureModel, ...] = ()

    def procedure(self, code: str) -> ProcedureModel | None:
        return next((p for p in self.procedures if p.code == code), None)

    @property
    def registry(self) -> Registry:
        """The registry alone, as a procedure is checked against it."""
        return Registry(self.authorities, self.instruments, self.grants, self.transfers)
