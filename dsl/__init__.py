"""tthc.dsl — source text → AST.

    read_source(path) -> Outcome[SourceFile]     size, encoding (TT006, TT008), NFC (TT007)
    parse(source)     -> Outcome[ast.Document]   `.tthc` by the Lark grammar, `.yaml` by yaml.compose
    parse_path(path)  -> Outcome[ast.Document]   both of the above

Every node of the AST carries a `Span`; every problem is a `Diagnostic` with a code of `CODES`.
"""

from tthc.dsl import ast
from tthc.dsl.codes import CODES, Code, make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome, Related, Severity
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.reading.reader import SUFFIXES, parse, parse_path
from tthc.dsl.reading.source import decode_source, read_source
from tthc.dsl.span import SourceFile, Span

__all__ = [
    "CODES",
    "DEFAULT_LIMITS",
    "SUFFIXES",
    "Code",
    "Diagnostic",
    "Limits",
    "Message",
    "Outcome",
    "Related",
    "Severity",
    "SourceFile",
    "Span",
    "ast",
    "decode_source",
    "make_diagnostic",
    "parse",
    "parse_path",
    "read_source",
]
