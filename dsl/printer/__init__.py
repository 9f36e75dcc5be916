"""The printer: `ast.Document` (+ the comments of its source) → canonical text, either form.

`canonical` is the entry (`tthc fmt`, `tthc convert`); `dsl` and `yaml` print each form from
`procedure`, `blocks`, `fields` and `values`; `lines` and `wrap` lay out lines within the width;
`comments` and `yaml_comments` find a source's comments and anchor them to the items they
annotate, so that formatting never loses one.
"""
