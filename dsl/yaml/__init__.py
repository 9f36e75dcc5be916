"""The YAML form: `SourceFile` (`.yaml`) → `Outcome[ast.Document]`, and its JSON Schema.

`safety` composes the YAML safely within the limits (TT006), `loader` maps the node tree onto
the AST (values in DSL notation go to `tthc.dsl.reading.parser.parse_fragment`), `schema`
derives the JSON Schema that editors use from the AST models.
"""
