"""The deployment bundle (`bundle`, `load_bundle`): an error-free project → one versioned, content-hashed JSON document.

Input: a resolved `Model` and the diagnostics the checks found (`bundle(model, diagnostics)`;
the compiler never runs the checks itself: `tthc compile` runs `tthc.rules.load_and_check` and
hands their diagnostics here). Output: `Outcome[Bundle]`: no bundle while any error remains.
`load_bundle(text)` reads one back (`Outcome[Bundle]`, a damaged or foreign file gives a
diagnostic, never an exception); the runtime loads only bundles.

The format (`tthc-bundle/2`; /1 wrote spans whole):
- `registry`: the authorities, instruments, grants and transfers as AST JSON (spans kept, so
  an answer can still point at the registry line);
- `procedures`: one entry per procedure *version*: code, name, effective from / until, the
  SHA-256 of its AST JSON and that JSON as a string (each span written as a short list, the
  file's path once: `_compact`). Kept as a string, a procedure is read
  (`json.loads` + pydantic) only when a case first needs it: loading 10,000 procedures is a
  scan of strings, not 10,000 validations;
- `calendar`: the extra days off and working days (`CalendarData`);
- `version`: `sha256:` of the canonical registry, calendar and procedure digests: two bundles
  of the same content have the same version whatever tthc or machine made them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tthc.compiler.analysis.calendar import CalendarData
from tthc.compiler.model import Model, ProcedureModel
from tthc.dsl import Diagnostic, Message, Outcome, Severity, Span, ast, make_diagnostic

FORMAT = "tthc-bundle/2"
_REGISTRY: dict[str, type[ast.Node]] = {
    "authorities": ast.Authority,
    "instruments": ast.Instrument,
    "grants": ast.Grant,
    "transfers": ast.Transfer,
}


def _canonical(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # an undecodable byte of a file name: escaped, losslessly
            return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class BundledProcedure:
    """One procedure version of a bundle; its AST is read when first asked for."""

    code: str
    name: str
    effective: dt.date | None
    until: dt.date | None
    digest: str
    source: str  # the AST as canonical JSON
    _model: ProcedureModel | None = field(default=None, repr=False, compare=False)

    def in_force(self, on: dt.date) -> bool:
        return (self.effective is None or self.effective <= on) and (
            self.until is None or on <= self.until
        )

    def model(self) -> ProcedureModel:
        if self._model is None:
            from tthc.dsl.models import load  # pydantic: only when a case needs the procedure

            node = load(ast.Procedure, _expand(json.loads(self.source)))
            steps: dict[str, ast.Step] = {}
            for step in node.steps:
                steps.setdefault(step.id.value, step)
            components: dict[str, ast.Component] = {}
            for component in node.dossier:
                components.setdefault(component.id.value, component)
            self._model = ProcedureModel(node, steps, components)
        return self._model

    def entry(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "effective": self.effective.isoformat() if self.effective else None,
            "until": self.until.isoformat() if self.until else None,
            "digest": self.digest,
            "ast": self.source,
        }


@dataclass
class Bundle:
    """What the runtime runs: the registry, every procedure version, the calendar data."""

    version: str
    registry: Model
    procedures: tuple[BundledProcedure, ...]
    calendar: CalendarData
    _registry_json: dict[str, list[Any]] = field(repr=False, compare=False)

    @cached_property
    def _by_code(self) -> dict[str, list[BundledProcedure]]:
        found: dict[str, list[BundledProcedure]] = {}
        for procedure in self.procedures:
            found.setdefault(procedure.code, []).append(procedure)
        return found

    @cached_property
    def _by_digest(self) -> dict[str, BundledProcedure]:
        return {p.digest: p for p in self.procedures}

    def versions(self, code: str) -> list[BundledProcedure]:
        return list(self._by_code.get(code, ()))

    def by_digest(self, digest: str) -> BundledProcedure | None:
        """The procedure version with this digest (what a case pins)."""
        return self._by_digest.get(digest)

    def in_force(self, code: str, on: dt.date) -> BundledProcedure | None:
        """The version of the procedure in force on `on` (the latest effective, if several)."""
        found = [p for p in self.versions(code) if p.in_force(on)]
        return max(found, key=lambda p: p.effective or dt.date.min, default=None)

    def to_json(self) -> str:
        return _canonical(
            {
                "format": FORMAT,
                "version": self.version,
                "registry": self._registry_json,
                "calendar": self.calendar.to_json(),
                "procedures": [p.entry() for p in self.procedures],
            }
        )


def _compact(value: Any) -> Any:
    """AST JSON with each span as `[path, line, column, end line, end column]` and the path
    given once per procedure as `{"@": path}` at the top: spans were three quarters of a
    bundle's bytes."""
    path = value["span"]["path"] if isinstance(value, dict) and "span" in value else ""

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            return {
                k: (_span(v, path) if k == "span" and isinstance(v, dict) else walk(v))
                for k, v in item.items()
            }
        if isinstance(item, list):
            return [walk(v) for v in item]
        return item

    return {"@": path, **walk(value)}


def _span(span: dict[str, Any], path: str) -> list[Any]:
    position = [span["line"], span["column"], span["end_line"], span["end_column"]]
    return position if span["path"] == path else [span["path"], *position]


def _expand(value: dict[str, Any]) -> Any:
    """The inverse of `_compact`: plain AST JSON for pydantic."""
    value = dict(value)
    path = value.pop("@")
    names = ("line", "column", "end_line", "end_column")

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            out = {}
            for k, v in item.items():
                if k == "span" and isinstance(v, list):
                    where = v[0] if len(v) == 5 else path
                    out[k] = {"path": where, **dict(zip(names, v[-4:], strict=True))}
                else:
                    out[k] = walk(v)
            return out
        if isinstance(item, list):
            return [walk(v) for v in item]
        return item

    return walk(value)


def _version(registry: dict[str, list[Any]], calendar: CalendarData, digests: list[str]) -> str:
    whole = _canonical({"registry": registry, "calendar": calendar.to_json(), "digests": digests})
    return "sha256:" + _sha256(whole)


def bundle(
    model: Model,
    diagnostics: Sequence[Diagnostic] = (),
    calendar: CalendarData | None = None,
) -> Outcome[Bundle]:
    """The bundle of a model, or none while any of `diagnostics` is an error."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        return Outcome(None, list(diagnostics))
    calendar = calendar or CalendarData()
    registry = {
        key: [node.model_dump(mode="json") for node in getattr(model, key).values()]
        for key in _REGISTRY
    }
    procedures = []
    for procedure in model.procedures:
        node = procedure.node
        source = _canonical(_compact(node.model_dump(mode="json")))
        procedures.append(
            BundledProcedure(
                node.code.value, node.name, node.effective, node.until, _sha256(source), source
            )
        )
    version = _version(registry, calendar, [p.digest for p in procedures])
    return Outcome(
        Bundle(version, _registry_model(registry), tuple(procedures), calendar, registry),
        list(diagnostics),
    )


def _registry_model(registry: dict[str, list[Any]]) -> Model:
    from tthc.dsl.models import load

    tables: dict[str, dict[str, Any]] = {}
    for key, kind in _REGISTRY.items():
        table: dict[str, Any] = {}
        for item in registry.get(key, []):
            node: Any = load(kind, item)
            table.setdefault(node.id.value, node)
        tables[key] = table
    return Model(
        authorities=tables["authorities"],
        instruments=tables["instruments"],
        grants=tables["grants"],
        transfers=tables["transfers"],
    )


def _problem(where: str, vi: str, en: str, code: str = "TT001") -> Outcome[Bundle]:
    message = Message(vi=vi, en=en)
    return Outcome(None, [make_diagnostic(code, Span.point(where), message)])


def load_bundle(text: str, where: str = "<bundle>") -> Outcome[Bundle]:
    """A bundle read back from its JSON, its version checked against its content."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return _problem(
                where,
                f"Tệp không phải gói triển khai tthc ({FORMAT})",
                f"Not a tthc deployment bundle ({FORMAT})",
            )
        registry = data["registry"]
        calendar = CalendarData.from_json(data.get("calendar", {}))
        procedures = tuple(
            BundledProcedure(
                p["code"],
                p["name"],
                dt.date.fromisoformat(p["effective"]) if p["effective"] else None,
                dt.date.fromisoformat(p["until"]) if p["until"] else None,
                p["digest"],
                p["ast"],
            )
            for p in data["procedures"]
        )
        model = _registry_model(registry)
    except (ValueError, KeyError, TypeError) as error:
        return _problem(
            where, f"Gói triển khai bị hỏng: {error}", f"The bundle is damaged: {error}"
        )
    damaged = next((p for p in procedures if not verify_procedure(p)), None)
    if damaged is not None:
        return _problem(
            where,
            f"Thủ tục {damaged.code} trong gói không khớp mã băm của nó (gói đã bị sửa)",
            f"Procedure {damaged.code} does not match its digest (the bundle was edited)",
            "TT003",
        )
    version = _version(registry, calendar, [p.digest for p in procedures])
    if version != data.get("version"):
        return _problem(
            where,
            "Phiên bản của gói không khớp nội dung (gói đã bị sửa sau khi biên dịch)",
            "The bundle's version does not match its content (edited after compiling)",
            "TT003",
        )
    return Outcome(Bundle(version, model, procedures, calendar, registry), [])


def verify_procedure(procedure: BundledProcedure) -> bool:
    """Whether a procedure's AST is the one its digest names (checked before first use)."""
    return _sha256(procedure.source) == procedure.digest
