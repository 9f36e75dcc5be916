"""Lark parse callbacks → AST nodes, applied while the LALR parser runs (no tree is built).

Input: the rules of `grammar.lark`, with positions. Output: `ast.Document`. Values that the
grammar cannot check (an impossible date, a field given twice) become diagnostics, collected
in `problems`; the node is then built without the bad value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from lark import Token, Transformer

from tthc.dsl import ast
from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Related
from tthc.dsl.span import Span

# Header fields that may appear more than once; their values are concatenated in order.
REPEATABLE = {
    "basis", "applicants", "channels", "deadlines", "results", "fees", "links",
    "dossier", "steps", "flow", "reads", "replaces",
}  # fmt: skip


class Item:
    """One `key value` line inside a block, before the block's node is assembled."""

    __slots__ = ("key", "span", "value")

    def __init__(self, key: str, value: Any, span: Span) -> None:
        self.key, self.value, self.span = key, value, span


def _unquote(token: str) -> str:
    body = token[1:-1]
    if "\\" not in body:
        return body
    return body.replace('\\"', '"').replace("\\\\", "\\")


# Terminals that carry a value; every other token (keywords, braces, arrows) only marks a
# position. The parser keeps all tokens so that a node's span covers its keywords too.
VALUE_TERMINALS = frozenset(
    [
        "STRING",
        "NAME",
        "DATE",
        "NUMBER",
        "INT",
        "ARTICLE",
        "LEVEL",
        "CHANNEL",
        "ONLINE_LEVEL",
        "BOOL",
        "IMMEDIATELY",
        "DAY_RULE",
        "REQUIRED",
        "OPTIONAL",
        "PERSONAL",
        "OTHERWISE",
        "STEP_KIND",
        "SIGNATURE",
        "AUTHORITY_KIND",
        "INSTRUMENT_KIND",
        "GRANT_MODE",
        "CONFIDENCE",
        "DURATION_UNIT",
        "NOTIFIES_APPLICANT",
        "CLOCK_PAUSED",
    ]
)


class Meta:
    """Where a rule's text starts and ends (Lark gives no `meta` to an inline transformer)."""

    __slots__ = ("column", "empty", "end_column", "end_line", "line")

    def __init__(self, children: list[Any]) -> None:
        first = next((c for c in children if _has_position(c)), None)
        last = next((c for c in reversed(children) if _has_position(c)), None)
        self.empty = first is None or last is None
        if first is None or last is None:
            return
        self.line, self.column = _start_of(first)
        self.end_line, self.end_column = _end_of(last)


def _has_position(child: Any) -> bool:
    return isinstance(child, (Token, ast.Node, Item)) and not (
        isinstance(child, Token) and child.line is None
    )


def _start_of(child: Any) -> tuple[int, int]:
    if isinstance(child, Token):
        return child.line or 1, child.column or 1
    span = child.span
    return span.line, span.column


def _end_of(child: Any) -> tuple[int, int]:
    if isinstance(child, Token):
        return child.end_line or 1, child.end_column or 1
    span = child.span
    return span.end_line, span.end_column


Callback = Callable[[Any, Meta, list[Any]], Any]
Declaration = TypeVar("Declaration", ast.Grant, ast.Transfer)


def rule(method: Callback) -> Callable[[Any, list[Any]], Any]:
    """Gives a callback its span (`Meta`) and only the children that carry values."""

    def callback(self: Any, children: list[Any]) -> Any:
        values = [
            (self.name_of(c) if c.type == "NAME" else c) if isinstance(c, Token) else c
            for c in children
            if not isinstance(c, Token) or c.type in VALUE_TERMINALS
        ]
        return method(self, Meta(children), values)

    callback.__name__ = method.__name__
    return callback


class ToAst(Transformer[Token, ast.Document]):
    """Builds AST nodes. `path` is set before each parse; one instance serves one thread."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        self.path = "<string>"
        self.problems: list[Diagnostic] = []

    # -- helpers ---------------------------------------------------------------------------

    def span(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span.point(self.path)
        return Span(
            path=self.path,
            line=meta.line,
            column=meta.column,
            end_line=meta.end_line,
            end_column=meta.end_column,
        )

    def token_span(self, token: Token) -> Span:
        return Span(
            path=self.path,
            line=token.line or 1,
            column=token.column or 1,
            end_line=token.end_line or token.line or 1,
            end_column=token.end_column or (token.column or 1) + 1,
        )

    def date(self, token: Token) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(token))
        except ValueError:
            self.problems.append(
                make_diagnostic(
                    "TT003",
                    self.token_span(token),
                    Message(
                        vi=f"'{token}' không phải là một ngày có thật",
                        en=f"'{token}' is not a real date",
                    ),
                    Message(
                        vi="Viết ngày theo dạng năm-tháng-ngày, ví dụ 2025-07-01",
                        en="Write dates as year-month-day, for example 2025-07-01",
                    ),
                )
            )
            return None

    def assemble(self, meta: Meta, items: list[Any], **fixed: Any) -> dict[str, Any]:
        """Collects block items into constructor arguments; a repeated scalar is TT004."""
        fields: dict[str, Any] = dict(fixed)
        seen: dict[str, Span] = {}
        for item in items:
            if not isinstance(item, Item) or item.value is None:
                continue
            if item.key in REPEATABLE:
                fields[item.key] = (*fields.get(item.key, ()), *item.value)
            elif item.key in seen:
                self.problems.append(_repeated(item, seen[item.key]))
            else:
                seen[item.key] = item.span
                fields[item.key] = item.value
        fields["span"] = self.span(meta)
        return fields

    # -- declarations ----------------------------------------------------------------------

    @rule
    def start(self, meta: Meta, children: list[Any]) -> ast.Document:
        groups: dict[str, list[Any]] = {
            "authorities": [], "instruments": [], "grants": [], "transfers": [], "procedures": [],
        }  # fmt: skip
        kinds: dict[type, str] = {
            ast.Authority: "authorities", ast.Instrument: "instruments", ast.Grant: "grants",
            ast.Transfer: "transfers", ast.Procedure: "procedures",
        }  # fmt: skip
        for child in children:
            if child is not None:
                groups[kinds[type(child)]].append(child)
        return ast.Document(span=self.span(meta), **{k: tuple(v) for k, v in groups.items()})

    @rule
    def procedure(self, meta: Meta, children: list[Any]) -> ast.Procedure:
        code, name, *items = children
        return ast.Procedure(**self.assemble(meta, items, code=code, name=_unquote(name)))

    @rule
    def authority(self, meta: Meta, children: list[Any]) -> ast.Authority:
        ident, title, *items = children
        return ast.Authority(**self.assemble(meta, items, id=ident, title=_unquote(title)))

    @rule
    def instrument(self, meta: Meta, children: list[Any]) -> ast.Instrument:
        ident, kind, number, *items = children
        fixed = {"id": ident, "kind": ast.InstrumentKind(kind), "number": _unquote(number)}
        return ast.Instrument(**self.assemble(meta, items, **fixed))

    @rule
    def grant(self, meta: Meta, children: list[Any]) -> ast.Grant | None:
        ident, *items = children
        fields = self.assemble(meta, items, id=ident)
        return self.required(ast.Grant, fields, ("power", "receiver", "mode"), "grant")

    @rule
    def transfer(self, meta: Meta, children: list[Any]) -> ast.Transfer | None:
        ident, *items = children
        fields = self.assemble(meta, items, id=ident)
        return self.required(ast.Transfer, fields, ("power", "giver", "receiver"), "transfer")

    def required(
        self, model: type[Declaration], fields: dict[str, Any], keys: tuple[str, ...], word: str
    ) -> Declaration | None:
        missing = [key for key in keys if key not in fields]
        if not missing:
            return model(**fields)
        words = ", ".join(KEYWORD_OF.get(key, key) for key in missing)
        self.problems.append(
            make_diagnostic(
                "TT003",
                fields["id"].span,
                Message(
                    vi=f"Khai báo {word} '{fields['id'].value}' thiếu: {words}",
                    en=f"The {word} '{fields['id'].value}' is missing: {words}",
                ),
                Message(vi=f"Thêm dòng {words} vào khối", en=f"Add a {words} line to the block"),
            )
        )
        return None

    # -- header items ----------------------------------------------------------------------

    @rule
    def code(self, meta: Meta, children: list[Any]) -> ast.Text:
        return ast.Text(span=self.span(meta), value=_unquote(children[0]))

    @rule
    def text(self, meta: Meta, children: list[Any]) -> ast.Text:
        return ast.Text(span=self.span(meta), value=_unquote(children[0]))

    def name_of(self, token: Token) -> ast.Name:
        """Identifiers are tokens in the grammar (a shared `name` rule would make the LALR
        lookahead after it ambiguous with keywords); they become `Name` nodes here."""
        return ast.Name(span=self.token_span(token), value=str(token))

    def _item(self, meta: Meta, key: str, value: Any) -> Item:
        return Item(key, value, self.span(meta))

    @rule
    def field(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "field", _unquote(c[0]))

    @rule
    def level(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "level", ast.Level(c[0]))

    @rule
    def effective(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "effective", self.date(c[0]))

    @rule
    def until(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "until", self.date(c[0]))

    @rule
    def starts(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "starts", self.date(c[0]))

    @rule
    def signed(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "signed", self.date(c[0]))

    @rule
    def in_force(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "in_force", self.date(c[0]))

    @rule
    def power(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "power", c[0])

    @rule
    def moved(self, meta: Meta, c: list[Any]) -> Item | None:
        fields = self.assemble(meta, c)
        if "level" not in fields:
            self.problems.append(
                make_diagnostic(
                    "TT003",
                    fields["span"],
                    Message(vi="Khối 'moved' thiếu dòng 'from'", en="'moved' has no 'from' line"),
                    Message(
                        vi="Ghi cấp cũ, ví dụ: from district",
                        en="Name the former level, for example: from district",
                    ),
                )
            )
            return None
        return self._item(meta, "moved", ast.Moved(**fields))

    @rule
    def moved_from(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "level", ast.Level(c[0]))

    @rule
    def moved_deadline(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "deadline", c[0])

    @rule
    def basis(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "basis", tuple(c))

    step_basis = basis

    @rule
    def applicants(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "applicants", tuple(_unquote(s) for s in c))

    @rule
    def channels(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "channels", tuple(c))

    @rule
    def channel(self, meta: Meta, c: list[Any]) -> ast.Channel:
        online = ast.OnlineLevel(c[1]) if len(c) > 1 else None
        return ast.Channel(span=self.span(meta), kind=ast.ChannelKind(c[0]), online=online)

    @rule
    def anywhere(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "anywhere", c[0] == "yes")

    @rule
    def deadline(self, meta: Meta, c: list[Any]) -> Item:
        return Item("deadlines", c[0].value, self.span(meta))

    @rule
    def deadline_immediate(self, meta: Meta, c: list[Any]) -> Item:
        node = ast.Deadline(span=self.span(meta), immediate=True)
        return self._item(meta, "deadlines", (node,))

    @rule
    def deadline_duration(self, meta: Meta, c: list[Any]) -> Item:
        condition = _unquote(c[1]) if len(c) > 1 else None
        node = ast.Deadline(span=self.span(meta), duration=c[0], condition=condition)
        return self._item(meta, "deadlines", (node,))

    @rule
    def day_rule(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "day_rule", ast.DayRule(c[0]))

    @rule
    def result(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "results", (_unquote(c[0]),))

    @rule
    def fee(self, meta: Meta, c: list[Any]) -> Item:
        amount, description, *basis = c
        node = ast.Fee(
            span=self.span(meta),
            amount=int(amount),
            description=_unquote(description),
            basis=tuple(basis),
        )
        return self._item(meta, "fees", (node,))

    @rule
    def links(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "links", tuple(c))

    @rule
    def two_persons(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "two_persons", c[0] == "yes")

    # -- dossier, steps, flow --------------------------------------------------------------

    @rule
    def dossier(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "dossier", tuple(c))

    @rule
    def component(self, meta: Meta, c: list[Any]) -> ast.Component:
        ident, title, *rest = c
        items: list[Any] = []
        for attr in rest:
            if isinstance(attr, Token):
                key, value = (
                    ("personal", True) if attr == "personal" else ("required", attr == "required")
                )
                items.append(Item(key, value, self.token_span(attr)))
            else:
                items.append(attr)
        return ast.Component(**self.assemble(meta, items, id=ident, title=_unquote(title)))

    @rule
    def form(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "form", _unquote(c[0]))

    @rule
    def copies(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "copies", int(c[0]))

    @rule
    def steps(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "steps", tuple(c))

    @rule
    def step(self, meta: Meta, c: list[Any]) -> ast.Step:
        ident, kind, title, *rest = c
        items = [
            Item("notifies", True, self.token_span(a)) if isinstance(a, Token) else a for a in rest
        ]
        fixed = {"id": ident, "kind": ast.StepKind(kind), "title": _unquote(title)}
        return ast.Step(**self.assemble(meta, items, **fixed))

    @rule
    def actor(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "actor", c[0])

    @rule
    def takes(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "duration", c[0])

    @rule
    def reads(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "reads", tuple(c))

    @rule
    def signs(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "signs", ast.SignatureKind(c[0]))

    @rule
    def counterpart(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "counterpart", c[0])

    @rule
    def flow(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "flow", tuple(c))

    @rule
    def flow_line(self, meta: Meta, c: list[Any]) -> ast.FlowLine:
        path = tuple(x for x in c if isinstance(x, ast.Endpoint))
        fields: dict[str, Any] = {"span": self.span(meta), "path": path}
        for x in c:
            if isinstance(x, Item):
                fields["when"] = x.value
            elif isinstance(x, Token):
                fields["otherwise" if x.type == "OTHERWISE" else "paused"] = True
        return ast.FlowLine(**fields)

    @rule
    def when(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "when", c[0])

    @rule
    def single(self, meta: Meta, c: list[Any]) -> ast.Endpoint:
        return ast.Endpoint(span=self.span(meta), steps=(c[0],))

    @rule
    def parallel(self, meta: Meta, c: list[Any]) -> ast.Endpoint:
        return ast.Endpoint(span=self.span(meta), steps=tuple(c), parallel=True)

    # -- registry items --------------------------------------------------------------------

    @rule
    def authority_kind(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "kind", ast.AuthorityKind(c[0]))

    @rule
    def of(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "of", c[0])

    @rule
    def one_stop(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "one_stop", c[0] == "yes")

    @rule
    def staff(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "staff", int(c[0]))

    @rule
    def title(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "title", _unquote(c[0]))

    @rule
    def issuer(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "issuer", _unquote(c[0]))

    @rule
    def replaces(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "replaces", tuple(c))

    @rule
    def confidence(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "confidence", ast.Confidence(c[0]))

    @rule
    def source(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "source", _unquote(c[0]))

    @rule
    def giver(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "giver", c[0])

    @rule
    def receiver(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "receiver", c[0])

    @rule
    def mode(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "mode", ast.GrantMode(c[0]))

    @rule
    def conditions(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "conditions", _unquote(c[0]))

    @rule
    def resources(self, meta: Meta, c: list[Any]) -> Item:
        return self._item(meta, "resources", _unquote(c[0]))

    # -- shared pieces ---------------------------------------------------------------------

    @rule
    def citation(self, meta: Meta, c: list[Any]) -> ast.Citation:
        article = str(c[1]) if len(c) > 1 else None
        clause = str(c[2]) if len(c) > 2 else None
        return ast.Citation(span=self.span(meta), instrument=c[0], article=article, clause=clause)

    @rule
    def duration(self, meta: Meta, c: list[Any]) -> ast.Duration:
        unit = ast.DurationUnit(c[1])
        return ast.Duration(span=self.span(meta), amount=Decimal(str(c[0])), unit=unit)


# The DSL keyword that sets each AST field, for messages about missing or repeated lines.
KEYWORD_OF = {
    "giver": "from", "receiver": "to", "duration": "takes", "actor": "by",
    "counterpart": "with", "deadlines": "deadline", "results": "result", "fees": "fee",
    "notifies": "notifies applicant", "level": "level",
}  # fmt: skip


def _repeated(item: Item, first: Span) -> Diagnostic:
    word = KEYWORD_OF.get(item.key, item.key)
    return make_diagnostic(
        "TT004",
        item.span,
        Message(vi=f"Dòng '{word}' được khai báo hai lần", en=f"'{word}' is given twice"),
        Message(vi=f"Giữ một dòng '{word}' và xóa dòng còn lại", en=f"Keep one '{word}' line"),
        related=(
            Related(
                span=first, message=Message(vi="Khai báo lần đầu ở đây", en="First given here")
            ),
        ),
    )
