"""Reading YAML text into a node graph safely: `compose(path, text, limits)` → `Outcome[Node]`.

Input: YAML text and the `Limits`. Output: the root node (keeping lines and columns), `None`
for a file with no content, or `None` with one diagnostic: malformed YAML (TT001, the parser's
words with a Vietnamese reading), a tag that asks for a Python object (TT003), control
characters or a lone surrogate escape such as `"\\uD800"` (TT008), collections nested too deep, an
alias that contains itself or aliases that multiply the file past the node limit (TT006,
"billion laughs"). Aliases are never expanded here: the graph is measured with each node
counted once per place it appears, so a hostile file is refused in time linear in its size.
"""

from __future__ import annotations

from typing import Any

import yaml

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome
from tthc.dsl.reading.limits import Limits
from tthc.dsl.span import SourceFile, Span

# The tags the safe loader resolves plain YAML to; any other asks for something else.
PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge", "value")
)

# PyYAML's problem texts → what they mean for a drafter (Vietnamese, English).
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "Dùng ký tự tab để thụt lề", "A tab is used for indentation"),
    (
        "mapping values are not allowed",
        "Dấu ':' không đặt được ở đây (văn bản có dấu ':' cần đặt trong ngoặc kép)",
        "A ':' cannot stand here (text holding ':' must be in quotes)",
    ),
    ("could not find expected ':'", "Thiếu dấu ':' sau khóa", "A ':' is missing after a key"),
    ("undefined alias", "Bí danh * chưa được khai báo bằng &", "An alias * has no anchor &"),
    ("duplicate anchor", "Hai neo & trùng tên", "Two anchors & have one name"),
    (
        "end of stream",
        "Tệp kết thúc khi chuỗi hoặc ngoặc chưa được đóng",
        "The file ends inside a quoted text or a bracket",
    ),
    (
        "expected ',' or",
        "Thiếu dấu ',' hoặc dấu đóng ngoặc",
        "A ',' or a closing bracket is missing",
    ),
    ("expected <block end>", "Thụt lề không thẳng hàng", "The indentation does not line up"),
    ("expected key", "Thụt lề không thẳng hàng", "The indentation does not line up"),
    ("expected the node content", "Thiếu giá trị", "A value is missing"),
)


class _Refused(Exception):
    """A limit was hit while composing; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message.en)
        self.diagnostic = diagnostic


class _Composer(yaml.SafeLoader):
    """The safe loader, refusing deep nesting and self-containing aliases while it composes."""

    def __init__(self, text: str, path: str, limits: Limits) -> None:
        super().__init__(text)
        self.path, self.limits = path, limits
        self.depth = 0
        self.open_anchors: set[str] = set()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open_anchors:
                raise _Refused(
                    limit_problem(_mark_span(self.path, event.start_mark), "recursive", 0)
                )
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > self.limits.max_depth:
            span = _mark_span(self.path, event.start_mark)
            raise _Refused(limit_problem(span, "nesting", self.limits.max_depth))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            self.open_anchors.discard(anchor or "")


def compose(path: str, text: str, limits: Limits) -> Outcome[yaml.Node]:
    loader: _Composer | None = None
    try:
        loader = _Composer(text, path, limits)  # checks the characters first
        root = loader.get_single_node()
    except _Refused as refused:
        return Outcome(None, [refused.diagnostic])
    except yaml.MarkedYAMLError as error:
        return Outcome(None, [_syntax_error(path, error)])
    except yaml.reader.ReaderError as error:
        span = SourceFile.from_text(path, text).span(error.position, error.position + 1)
        return Outcome(None, [_reader_error(span, error)])
    except yaml.YAMLError as error:
        message = Message(vi=f"YAML không hợp lệ: {error}", en=f"Invalid YAML: {error}")
        return Outcome(None, [make_diagnostic("TT001", Span.point(path), message)])
    except RecursionError:
        return Outcome(None, [limit_problem(Span.point(path), "nesting", limits.max_depth)])
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:  # an empty file, or only comments: an empty document, as in the DSL
        return Outcome(None, [])
    problem = _measure(path, root, limits)
    return Outcome(None, [problem]) if problem is not None else Outcome(root, [])


def _measure(path: str, root: yaml.Node, limits: Limits) -> Diagnostic | None:
    """Walks the graph once per distinct node: tags, depth and size with aliases expanded."""
    sizes: dict[int, tuple[int, int]] = {}  # node → (expanded size, expanded height)

    def walk(node: yaml.Node, depth: int) -> tuple[int, int]:
        known = sizes.get(id(node))
        if known is None:
            if node.tag not in PLAIN_TAGS:
                raise _Refused(_custom_tag(_span(path, node), _written(node.tag)))
            if isinstance(node, yaml.SequenceNode):
                children = list(node.value)
            elif isinstance(node, yaml.MappingNode):
                children = [part for pair in node.value for part in pair]
            else:
                children = []
                if not node.value.isascii():
                    _refuse_surrogates(path, node)
            size, height = 1, 1
            for child in children:
                child_size, child_height = walk(child, depth + 1)
                size, height = size + child_size, max(height, child_height + 1)
                if size > limits.max_yaml_nodes:
                    raise _Refused(limit_problem(_span(path, node), "nodes", limits.max_yaml_nodes))
            known = sizes[id(node)] = (size, height)
        if depth + known[1] - 1 > limits.max_depth:
            raise _Refused(limit_problem(_span(path, node), "nesting", limits.max_depth))
        return known

    try:
        walk(root, 1)
    except _Refused as refused:
        return refused.diagnostic
    return None


def _refuse_surrogates(path: str, node: yaml.Node) -> None:
    """A quoted scalar may write `"\\uD800"`: half of a UTF-16 pair, no character at all, which
    no output (UTF-8 text, JSON, XML) can hold. Refused like any character YAML forbids."""
    try:
        node.value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(node.value[error.start])
        raise _Refused(
            make_diagnostic(
                "TT008",
                _span(path, node),
                Message(
                    vi=f"Giá trị chứa \\u{code:04X}, nửa của một cặp UTF-16, không phải một ký tự",
                    en=f"The value holds \\u{code:04X}, half of a UTF-16 pair, not a character",
                ),
                Message(vi="Viết chính ký tự cần dùng", en="Write the character itself"),
            )
        ) from None


def _written(tag: str) -> str:
    """A tag as the file wrote it: `tag:yaml.org,2002:python/object` → `!!python/object`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _span(path: str, node: yaml.Node) -> Span:
    return _mark_span(path, node.start_mark)


def _mark_span(path: str, mark: Any) -> Span:
    line, column = mark.line + 1, mark.column + 1
    return Span(path=path, line=line, column=column, end_line=line, end_column=column + 1)


def limit_problem(span: Span, what: str, limit: int) -> Diagnostic:
    """TT006 for a YAML file over a limit: `nodes` (alias expansion), `recursive`, `nesting`."""
    if what == "nodes":
        message = Message(
            vi=f"Bí danh (&, *) làm tệp YAML phình ra quá {limit} nút từ chỗ này",
            en=f"Aliases (&, *) make the YAML file expand past {limit} nodes from here",
        )
    elif what == "recursive":
        message = Message(
            vi="Bí danh * trỏ tới chính khối đang chứa nó",
            en="An alias * refers to the collection that contains it",
        )
    else:
        message = Message(
            vi=f"Các khối YAML lồng nhau sâu hơn giới hạn {limit}",
            en=f"YAML collections nest deeper than the limit of {limit}",
        )
    help = Message(
        vi="Không dùng bí danh để nhân bản nội dung; viết thẳng nội dung cần thiết",
        en="Do not use aliases to multiply content; write out what is needed",
    )
    if what == "nesting":
        help = Message(
            vi="Giảm độ lồng nhau; giới hạn max_depth có thể nâng trong cấu hình",
            en="Nest less deeply; the max_depth limit can be raised in the configuration",
        )
    return make_diagnostic("TT006", span, message, help)


def _custom_tag(span: Span, tag: str) -> Diagnostic:
    return make_diagnostic(
        "TT003",
        span,
        Message(
            vi=f"Thẻ YAML '{tag}' không được phép; tệp tthc chỉ chứa giá trị thường",
            en=f"The YAML tag '{tag}' is not allowed; tthc files hold plain values only",
        ),
        Message(vi="Xóa thẻ bắt đầu bằng '!'", en="Remove the tag starting with '!'"),
    )


def _syntax_error(path: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    vi, en = next(((v, e) for key, v, e in _PROBLEMS if key in problem), ("", ""))
    tab = "'\\t'" in problem
    return make_diagnostic(
        "TT001",
        Span(path=path, line=line, column=column, end_line=line, end_column=column + 1),
        Message(vi=f"YAML không hợp lệ: {vi or problem}", en=f"Invalid YAML: {en or problem}"),
        Message(
            vi="Dùng dấu cách (không dùng tab) để thụt lề"
            if tab
            else "Kiểm tra thụt lề, dấu ':' và dấu ngoặc quanh dòng này",
            en="Indent with spaces, not tabs"
            if tab
            else "Check the indentation, ':' and brackets around this line",
        ),
    )


def _reader_error(span: Span, error: yaml.reader.ReaderError) -> Diagnostic:
    return make_diagnostic(
        "TT008",
        span,
        Message(
            vi=f"Ký tự không được phép trong YAML (U+{error.character:04X})"
            if isinstance(error.character, int)
            else "Byte không đọc được trong YAML",
            en=f"A character YAML does not allow (U+{error.character:04X})"
            if isinstance(error.character, int)
            else "A byte YAML cannot read",
        ),
        Message(vi="Xóa ký tự này", en="Remove this character"),
    )
