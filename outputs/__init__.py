"""tthc.outputs — artefacts for people and for other engines, generated from the checked source.

    load(paths, registry)            -> Loaded        procedures with the registry they cite
    card_html / card_markdown        (model, workflow) -> str   the procedure card (CSDL layout)
    guide_html / guide_markdown      (model, workflow) -> str   the citizen guide, plain words
    flow_svg(workflow, model)        -> Markup        the flow drawn by our own layout
    to_mermaid(workflow, model)      -> str           the flow as a Mermaid flowchart

Templates (`templates/`) receive small view models (`view.py`, `guide.py`), never the graph;
HTML is autoescaped and every template runs with `StrictUndefined` (`render.py`). Imports stay
inside the functions that need them in `tthc.cli`, so `tthc --version` never loads jinja2.
"""
