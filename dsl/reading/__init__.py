"""Reading: bytes on disk → decoded `SourceFile` → `Outcome[ast.Document]`.

`source` (size, encoding, NFC), `limits` (TT006), `reader` (dispatch by suffix), and the DSL
front end: `grammar.lark` and `grammar` (its Lark parsers), `grammar_cache`, `lalr_tables` and
`lalr_driver` (the fast parse), `transformer` and `built_nodes` (the AST as the parse runs),
`parser` (the run), `syntax_errors` and `syntax_catalogue` (the wording of TT001/TT002).
The public names are re-exported by `tthc.dsl`.
"""
