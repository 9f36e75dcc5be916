"""Syntax errors worded for drafters: what went wrong, where, what to do and what was expected.

Input: a Lark `UnexpectedInput` and the text. Output: one `Diagnostic`: TT001, TT002 for a
misspelled or upper-case keyword, TT003 for a misspelled or upper-case value. The wording comes
from, in order: the characters at the error (`LEXICAL`: curly quotes, `=>`, `Tiếp_nhận`…), a
keyword or value close to the word found, the catalogue of mistakes matched by parser state with
Lark's `match_examples` (`CATALOGUE`), and the shape of the error (end of file inside a block…).

Parser states are numbered afresh each time Lark builds a parser, so the file is read once more
by the one tree-building parser that also reads the catalogue examples: states then compare.

Why just over 400 lines: the four sources of wording above are tried in one order on one error,
and every helper here serves one of them; the data they read (the catalogue, the lexical
mistakes) is already apart in `syntax_catalogue.py`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Related
from tthc.dsl.glossary import keywords_for, term
from tthc.dsl.reading.aliases import ALIASES, gloss, plain
from tthc.dsl.reading.grammar import tree_parser
from tthc.dsl.reading.limits import unclosed_brace
from tthc.dsl.reading.syntax_catalogue import CATALOGUE, LEXICAL, Mistake
from tthc.dsl.span import SourceFile, Span

# How terminals that carry a value read in a message: Vietnamese, English.
TERMINAL_WORDS: dict[str, tuple[str, str]] = {
    "NAME": ("một định danh (ví dụ tiep_nhan)", "an identifier (e.g. tiep_nhan)"),
    "STRING": ('một chuỗi trong ngoặc kép (ví dụ "Hộ tịch")', 'a quoted text (e.g. "Hộ tịch")'),
    "DATE": ("một ngày dạng 2025-07-01", "a date such as 2025-07-01"),
    "NUMBER": ("một số", "a number"),
    "INT": ("một số nguyên", "a whole number"),
    "ARTICLE": ("số điều, khoản", "an article or clause number"),
    "LEVEL": ("cấp", "a level"),
    "CHANNEL": ("cách nộp hồ sơ", "a channel"),
    "ONLINE_LEVEL": ("mức trực tuyến", "an online level"),
    "BOOL": ("yes hoặc no", "yes or no"),
    "STEP_KIND": ("loại bước", "a kind of step"),
    "SIGNATURE": ("cách ký", "a kind of signature"),
    "AUTHORITY_KIND": ("loại cơ quan", "a kind of authority"),
    "INSTRUMENT_KIND": ("loại văn bản", "a kind of instrument"),
    "GRANT_MODE": ("hình thức giao quyền", "a mode of grant"),
    "CONFIDENCE": ("mức tin cậy", "a confidence"),
    "DURATION_UNIT": ("đơn vị thời gian", "a time unit"),
    "LBRACE": ("dấu {", "'{'"),
    "RBRACE": ("dấu }", "'}'"),
    "LPAR": ("dấu (", "'('"),
    "RPAR": ("dấu )", "')'"),
    "COMMA": ("dấu phẩy", "a comma"),
    "PLUS": ("dấu + (phần kéo dài)", "'+' (an extension)"),
    "$END": ("hết tệp", "the end of the file"),
}
# Keywords written with a space, which the grammar matches with a pattern.
SPACED_KEYWORDS = {
    "NOTIFIES_APPLICANT": "notifies applicant",
    "CLOCK_PAUSED": "clock paused",
    "HEAD_OF": "head of",
    "NOT_COUNTED": "not counted",
}
DECLARATIONS = {"PROCEDURE", "AUTHORITY", "INSTRUMENT", "GRANT", "TRANSFER"}
_ENUMERATION = re.compile(r"\(\?:([a-z_]+(?:\|[a-z_]+)*)\)")
_WORD = re.compile(r"[\w.\-]")
_ARROWS = ("=>", "→", "⇒", "⟶", "➔", "—>", "–>")
_NUMBER_LIKE = re.compile(r"\d+(?:[/.\-]\d+)+")


@cache
def terminal_values() -> dict[str, tuple[str, ...]]:
    """Terminal → the words it stands for: a keyword's text, or each value of an enumeration."""
    table: dict[str, tuple[str, ...]] = {}
    for terminal in tree_parser().terminals:
        pattern = terminal.pattern
        if isinstance(pattern, PatternStr):
            table[terminal.name] = (pattern.value,)
        elif (match := _ENUMERATION.fullmatch(pattern.value)) is not None:
            table[terminal.name] = tuple(sorted(match.group(1).split("|")))
    for name, words in SPACED_KEYWORDS.items():
        table[name] = (words,)
    return table


# A terminal of Vietnamese words stands, in a list of what is expected, for its English one.
_VIETNAMESE_OF = {
    **{f"{terminal}_VI": terminal for terminal in ALIASES},
    "ARTICLE_VI": "ART",
    "CLAUSE_VI": "CLAUSE",
}


def _is_keyword(terminal: str) -> bool:
    values = terminal_values().get(terminal, ())
    return terminal not in TERMINAL_WORDS and len(values) == 1 and values[0][:1].isalpha()


def expected_words(expected: Iterable[str], lang: str) -> list[str]:
    """The expected terminals in plain words: values and punctuation first, then keywords."""
    index = 0 if lang == "vi" else 1
    order = list(TERMINAL_WORDS)
    expected = {_VIETNAMESE_OF.get(t, t) for t in expected}
    values, keywords = [], []
    for terminal in sorted(set(expected) & set(order), key=order.index):
        words = terminal_values().get(terminal, ())
        if lang == "vi":  # each value with its Vietnamese term: `commune` (cấp xã)
            words = tuple(_glossed(w, gloss(terminal, w)) for w in words)
        text = TERMINAL_WORDS[terminal][index]
        values.append(f"{text} ({', '.join(words)})" if len(words) > 1 else text)
    for terminal in set(expected) - set(order):
        words = terminal_values().get(terminal, ())
        if words:
            word = "->" if words[0] == "->" else f"'{words[0]}'"
            keywords.append(_glossed(word, term(words[0])) if lang == "vi" else word)
    return values + sorted(keywords)


def _glossed(word: str, vietnamese: str | None) -> str:
    return f"{word} = {vietnamese}" if vietnamese else word


def describe_syntax_error(error: UnexpectedInput, path: str, text: str) -> Diagnostic:
    error = _reread(error, text)
    source = SourceFile.from_text(path, text)
    start, end = _found_range(error, text)
    found = text[start:end]
    span = source.span(start, end)
    if isinstance(error, UnexpectedToken) and error.token.type == "$END":
        span = Span.point(path, *source.position(start))
    expected = _expected(error)
    fragment = _start_of(error) != "start"
    accepted = _accepted_at(error, text, start, expected)
    slip = _vietnamese_keyword(text, start, accepted)
    if slip is not None:
        return slip_diagnostic(source, start, slip)
    if "NAME" in expected and plain(found) in {"dieu", "khoan"}:
        example = _citation_example(text, start)
        return _worded_mistake("citation-order", span, found, example)
    in_citation = _start_of(error) == "citation" or _previous_word(text, start) == "basis"
    if "NAME" in expected and in_citation and found[:1].isalpha() and not found.isascii():
        identifier = ascii_identifier(_phrase(text, start)).replace("_", "-")
        return _worded_mistake("citation-not-identifier", span, found, identifier)
    value = _vietnamese_value(text, start, accepted)
    if value is not None:
        return value_diagnostic(source, start, value, expected)
    label, mistake, suggestion = _lexical(error, text, start, found, expected)
    close_value = None
    if mistake is None:
        close = _close_word(found, expected, keywords=True)
        if close is not None:
            return _suggestion("TT002", span, found, close, expected)
        close_value = _close_word(found, expected, keywords=False)
        label = match_catalogue(error) or _by_shape(error, expected)
        mistake = CATALOGUE.get(label) if label else None
        if close_value is not None and (mistake is None or mistake.code != "TT003"):
            return _suggestion("TT003", span, found, close_value, expected)
        if mistake is None and isinstance(error, UnexpectedCharacters):
            label, mistake = "stray-character", LEXICAL["stray-character"]
    if label == "quoted-citation":
        suggestion = ascii_identifier(found.strip('"')).replace("_", "-")
    words = {"found": found, "previous": _previous_word(text, start), "suggestion": suggestion}
    if mistake is not None:
        message = Message(vi=_fill(mistake.vi, words), en=_fill(mistake.en, words))
        if found and "{found}" not in mistake.en:
            message = Message(
                vi=f"{message.vi} (gặp '{found}')", en=f"{message.en} (found '{found}')"
            )
        help = Message(vi=_fill(mistake.help_vi, words), en=_fill(mistake.help_en, words))
        if close_value is not None:
            help = Message(
                vi=f"Có phải ý bạn là '{close_value}'? {help.vi}",
                en=f"Did you mean '{close_value}'? {help.en}",
            )
    elif found:
        message = Message(vi=f"Không đọc được '{found}' ở đây", en=f"Unexpected '{found}' here")
        help = None
    elif fragment:
        message = Message(vi="Giá trị chưa đủ", en="The value is incomplete")
        help = None
    else:
        message = Message(vi="Tệp kết thúc quá sớm", en="The file ends too early")
        help = None
    code = "TT001" if mistake is None else "TT003" if close_value else mistake.code
    related = _open_block(source, start) if label == "missing-closing-brace" else ()
    if mistake is not None and not mistake.lists_expected:
        return make_diagnostic(code, span, message, help, related)
    return make_diagnostic(code, span, message, _with_expected(help, expected), related)


def _reread(error: UnexpectedInput, text: str) -> UnexpectedInput:
    """The same error from the tree parser, whose states the catalogue examples share."""
    try:
        tree_parser().parse(text, start=_start_of(error))
    except UnexpectedInput as again:
        return again
    return error


def _start_of(error: UnexpectedInput) -> str:
    conf = getattr(getattr(error, "state", None), "parse_conf", None)
    return str(getattr(conf, "start", "start"))


def _expected(error: UnexpectedInput) -> set[str]:
    if isinstance(error, UnexpectedToken):
        accepts = error.accepts if error.interactive_parser is not None else None
        return set(accepts or error.expected or ())
    return set(getattr(error, "allowed", None) or ())


def _found_range(error: UnexpectedInput, text: str) -> tuple[int, int]:
    """Offsets of what could not be read: the whole word, or the run of odd characters."""
    if isinstance(error, UnexpectedToken):
        token: Token = error.token
        if token.type == "$END":
            end = token.end_pos if token.end_pos is not None else len(text.rstrip())
            return end, end
        start = token.start_pos or 0
        end = token.end_pos if token.end_pos is not None else start + len(token)
        number = _NUMBER_LIKE.match(text, start) if token.type in {"NUMBER", "INT"} else None
        if number is not None:
            return start, number.end()
        if token.type == "STRING" or not _WORD.match(text, start):
            return start, end
    else:
        start = end = min(max(getattr(error, "pos_in_stream", 0) or 0, 0), len(text))
        if start < len(text) and not _WORD.match(text, start):
            arrow = next((a for a in _ARROWS if text.startswith(a, start)), None)
            length = len(arrow) if arrow else 2 if text.startswith("//", start) else 1
            return start, start + length
        while start > 0 and _WORD.match(text, start - 1):
            start -= 1
    end = max(end, start)
    while end < len(text) and _WORD.match(text, end):
        end += 1
    return start, min(end, start + 60)


def _lexical(
    error: UnexpectedInput, text: str, start: int, found: str, expected: set[str]
) -> tuple[str | None, Mistake | None, str]:
    """A mistake told by its characters: quotes, arrows, case and accents in words."""
    if not isinstance(error, UnexpectedCharacters) or not found:
        return None, None, ""
    char = found[0]
    if char in "“”„‟«»":
        return "smart-quotes", LEXICAL["smart-quotes"], ""
    if char in "'‘’":
        return "single-quotes", LEXICAL["single-quotes"], ""
    if char == '"':
        return "unterminated-string", LEXICAL["unterminated-string"], ""
    if text.startswith(_ARROWS, start):
        return "wrong-arrow", LEXICAL["wrong-arrow"], ""
    if char == ":":
        return "colon-after-keyword", LEXICAL["colon-after-keyword"], ""
    if found == "//":
        return "slash-comment", LEXICAL["slash-comment"], ""
    position = error.pos_in_stream or 0
    if not (found[0].isalpha() and text[position : position + 1].isalpha()):
        return None, None, ""
    lower = found.lower()
    if any(_is_keyword(t) and terminal_values()[t][0] == lower for t in expected):
        return "keyword-case", LEXICAL["keyword-case"], lower
    if any(lower in terminal_values().get(t, ()) for t in expected):
        return "value-case", LEXICAL["value-case"], lower
    if "NAME" in expected or start < position:  # or a word begun as an identifier
        expected.clear()
        expected.add("NAME")
        return "identifier-not-ascii", LEXICAL["identifier-not-ascii"], ascii_identifier(found)
    if "STRING" in expected:
        line_end = text.find("\n", start)
        phrase = text[start : len(text) if line_end < 0 else line_end].split("#")[0].strip()
        return "unquoted-words", LEXICAL["unquoted-words"], phrase
    return None, None, ""


def ascii_identifier(word: str) -> str:
    """`Tiếp_nhận` → `tiep_nhan`: the identifier a drafter most likely meant."""
    plain = word.replace("đ", "d").replace("Đ", "D")
    plain = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z0-9_.\-]+", "_", plain.lower()).strip("_.-")
    return plain if plain[:1].isalpha() else f"x_{plain}"


def _close_word(found: str, expected: set[str], keywords: bool) -> str | None:
    """A keyword (or a value) allowed here that the word found is a misspelling of."""
    if not re.fullmatch(r"[A-Za-z_]+", found):
        return None
    values = terminal_values()
    if keywords:
        words = [values[t][0] for t in expected if _is_keyword(t)]
    else:
        words = [w for t in expected if t in TERMINAL_WORDS for w in values.get(t, ())]
    if found in words:
        return None
    close = difflib.get_close_matches(found.lower(), words, n=1, cutoff=0.75)
    return close[0] if close else None


def _suggestion(code: str, span: Span, found: str, close: str, expected: set[str]) -> Diagnostic:
    if code == "TT002":
        message = Message(vi=f"Từ khóa không hợp lệ '{found}'", en=f"Unknown keyword '{found}'")
    else:
        message = Message(vi=f"Giá trị không hợp lệ '{found}'", en=f"Invalid value '{found}'")
    help = Message(vi=f"Có phải ý bạn là '{close}'?", en=f"Did you mean '{close}'?")
    return make_diagnostic(code, span, message, _with_expected(help, expected))


_EXAMPLE_ERRORS: dict[tuple[str, str], UnexpectedInput | None] = {}


def _example_error(sample: str, start: str) -> UnexpectedInput | None:
    """The error of a catalogue example, kept: examples never change and the parser is one."""
    key = (sample, start)
    if key not in _EXAMPLE_ERRORS:
        try:
            tree_parser().parse(sample, start=start)
            _EXAMPLE_ERRORS[key] = None
        except UnexpectedInput as error:
            if error.state is not None:
                error.state = _StateNumber(error.state.position)
            _EXAMPLE_ERRORS[key] = error
    return _EXAMPLE_ERRORS[key]


class _StateNumber:
    """An example's parser state, equal to any state with the same number.

    Lark's state also compares the depth of the parser stack, which differs between the first
    line of a block and the next ones, or a procedure first in its file and after another
    declaration: nothing a mistake depends on. Comparing numbers alone lets one example stand
    for all those places; the acceptable tokens are still compared.
    """

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, position: object) -> None:
        self.position = position

    def __eq__(self, other: object) -> bool:
        return getattr(other, "position", None) == self.position


def match_catalogue(error: UnexpectedInput) -> str | None:
    """The label of the catalogue entry whose examples fail like `error` (from `tree_parser`)."""
    if getattr(error, "state", None) is None:
        return None
    start = _start_of(error)
    lexer_error = isinstance(error, UnexpectedCharacters)

    def parse(sample: str) -> None:
        failure = _example_error(sample, start)
        if failure is None or isinstance(failure, UnexpectedCharacters) != lexer_error:
            return  # an example counts only if it fails the same way: at characters or a token
        # Lark skips an example in the same state with other acceptable tokens, but its debug
        # log of that case raises TypeError (lark 1.3): the example is skipped here instead.
        if (
            isinstance(failure, UnexpectedToken)
            and isinstance(error, UnexpectedToken)
            and failure.state == error.state
            and failure.accepts != error.accepts
        ):
            return
        raise failure.with_traceback(None)

    label = error.match_examples(
        parse,  # type: ignore[arg-type]
        _examples(start),
        token_type_match_fallback=True,
        use_accepts=True,
    )
    return label if isinstance(label, str) else None


@cache
def _examples(start: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if start == "start":
        return tuple((label, mistake.examples) for label, mistake in CATALOGUE.items())
    return tuple(
        (label, tuple(text for rule, text in mistake.fragments if rule == start))
        for label, mistake in CATALOGUE.items()
        if any(rule == start for rule, _ in mistake.fragments)
    )


def _by_shape(error: UnexpectedInput, expected: set[str]) -> str | None:
    """The mistake told by the kind of token found and the tokens allowed, for states the
    catalogue does not list (a block left open after any kind of line, …)."""
    if not isinstance(error, UnexpectedToken) or _start_of(error) != "start":
        return None
    found = error.token.type
    if "RBRACE" in expected and (found == "$END" or found in DECLARATIONS):
        return "missing-closing-brace"
    if expected == {"LBRACE"}:
        return "missing-opening-brace"
    if expected and expected <= DECLARATIONS | {"$END"}:
        return "extra-closing-brace" if found == "RBRACE" else "outside-declaration"
    if found == "NAME" and "NAME" not in expected:
        if "STRING" in expected:
            return "unquoted-text"
        if "RBRACE" in expected and any(_is_keyword(t) for t in expected):
            return "unknown-keyword"
    return None


def _previous_word(text: str, start: int) -> str:
    """The last word before `start`. Not `re.search(r"(\\S+)\\s*$")`: it tries every start of a
    long word in turn (3 s for a 10 kB file, found by `make fuzz`); `rsplit` reads it once."""
    words = text[:start].rstrip().rsplit(None, 1)
    return words[-1][-40:] if words else ""


def _fill(template: str, words: dict[str, str]) -> str:
    for key, value in words.items():
        template = template.replace("{" + key + "}", value)
    return template


def _with_expected(help: Message | None, expected: set[str]) -> Message | None:
    vi, en = ", ".join(expected_words(expected, "vi")), ", ".join(expected_words(expected, "en"))
    if not vi:
        return help
    suffix = Message(vi=f"Cần: {vi}", en=f"Expected: {en}")
    if help is None:
        return suffix
    return Message(vi=f"{_sentence(help.vi)} {suffix.vi}", en=f"{_sentence(help.en)} {suffix.en}")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _open_block(source: SourceFile, end: int) -> tuple[Related, ...]:
    offset = unclosed_brace(source.text, end)
    if offset is None:
        return ()
    message = Message(vi="Khối này chưa được đóng", en="This block is not closed")
    return (Related(span=source.span(offset, offset + 1), message=message),)


_SLIP_WORD = re.compile(r"[^\W\d]\w*")


def _vietnamese_keyword(
    text: str, start: int, expected: set[str]
) -> tuple[int, str, str, str] | None:
    """A Vietnamese word typed where a keyword goes (`lĩnh_vực`, `thời hạn`, `ký số`): its
    end, the words typed, the keyword to write (with its value when the word holds both) and
    the keyword's Vietnamese term. Longer phrases first, up to four words of the line."""
    allowed = {terminal_values()[t][0] for t in expected if _is_keyword(t)}
    if not allowed:
        return None
    words: list[re.Match[str]] = []
    position = start
    while len(words) < 4:
        match = _SLIP_WORD.match(text, position)
        if match is None:
            break
        words.append(match)
        position = match.end()
        while position < len(text) and text[position] in " \t":
            position += 1
    for count in range(len(words), 0, -1):
        typed = text[start : words[count - 1].end()]
        for keyword, vietnamese in keywords_for(typed):
            if keyword.split(" ")[0] in allowed or keyword in allowed:
                return words[count - 1].end(), typed, keyword, vietnamese
    return None


def slip_diagnostic(source: SourceFile, start: int, slip: tuple[int, str, str, str]) -> Diagnostic:
    end, typed, keyword, vietnamese = slip
    return make_diagnostic(
        "TT002",
        source.span(start, end),
        Message(vi=f"'{typed}' không phải là từ khóa", en=f"'{typed}' is not a keyword"),
        Message(
            vi=f"Từ khóa viết bằng tiếng Anh: viết `{keyword}` ({vietnamese})",
            en=f"Keywords are English: write `{keyword}` ({vietnamese})",
        ),
    )


_CITATION_FIRST = re.compile(
    r"(?i)(?:điều|dieu)\s+(\d+[a-zđ]?)(?:\s*,?\s*(?:khoản|khoan)\s+(\d+[a-zđ]?))?"
    r"\s*,?\s*(?:của\s+)?([a-z][a-z0-9_.\-]*)?"
)


def _citation_example(text: str, start: int) -> str:
    """`Điều 16 khoản 1 luat-ho-tich-2014` → `luat-ho-tich-2014 art 16 clause 1`."""
    match = _CITATION_FIRST.match(text, start)
    if match is None:
        return "luat-ho-tich-2014 art 16 clause 1"
    article, clause, name = match.groups()
    example = f"{name or 'luat-ho-tich-2014'} art {article}"
    return f"{example} clause {clause}" if clause else example


def _accepted_at(error: UnexpectedInput, text: str, start: int, expected: set[str]) -> set[str]:
    """The terminals the grammar accepts where the word at `start` begins. The lexer may have
    read the word's first letters as an identifier (`k` of `ký số`) and failed after them,
    so the error's own expectations are those after that identifier: the text before the
    word is read again."""
    if not isinstance(error, UnexpectedCharacters) or (error.pos_in_stream or 0) <= start:
        return expected
    try:
        interactive = tree_parser().parse_interactive(text[:start], start=_start_of(error))
        interactive.exhaust_lexer()
        return set(interactive.accepts())  # type: ignore[no-untyped-call]
    except UnexpectedInput:
        return expected


def _phrase(text: str, start: int) -> str:
    """The words from `start` to the end of the line, a comment, a quote or a brace."""
    line = re.split(r'[\n#"{},]', text[start:], maxsplit=1)[0]
    return " ".join(line.split()[:4])


def _vietnamese_value(text: str, start: int, expected: set[str]) -> tuple[str, str] | None:
    """Vietnamese words typed where a value goes that are not a Vietnamese word of any value
    (`level thành phố`, `5 tuần`): the words and the kind of value expected."""
    kinds = [t for t in expected if t in ALIASES]
    phrase = _phrase(text, start)
    if len(kinds) != 1 or not phrase or phrase.isascii() or not phrase[0].isalpha():
        return None
    return phrase, kinds[0]


def value_diagnostic(
    source: SourceFile, start: int, value: tuple[str, str], expected: set[str]
) -> Diagnostic:
    phrase, kind = value
    vi_kind, en_kind = TERMINAL_WORDS[kind]
    help = Message(
        vi="Viết một giá trị dưới đây, bằng tiếng Anh hoặc bằng thuật ngữ tiếng Việt ghi bên"
        " cạnh (tthc fmt viết lại thành tiếng Anh)",
        en="Write one of the values below, in English or as the Vietnamese term beside it"
        " (tthc fmt writes it back in English)",
    )
    return make_diagnostic(
        "TT003",
        source.span(start, start + len(phrase)),
        Message(
            vi=f"'{phrase}' không phải là {vi_kind} dùng được",
            en=f"'{phrase}' is not {en_kind} tthc knows",
        ),
        _with_expected(help, {kind}),
    )


def _worded_mistake(label: str, span: Span, found: str, suggestion: str) -> Diagnostic:
    mistake = LEXICAL[label]
    words = {"found": found, "suggestion": suggestion}
    return make_diagnostic(
        mistake.code,
        span,
        Message(vi=_fill(mistake.vi, words), en=_fill(mistake.en, words)),
        Message(vi=_fill(mistake.help_vi, words), en=_fill(mistake.help_en, words)),
    )
