"""tthc.rules — the checks of RULES.md.

    check_project(project, config) -> list[Diagnostic]

One module per family (authority, delegation, steps, soundness, deadlines, corpus, duties),
one explicit table of rules (`registry.RULES`), configuration and suppressions.
"""
