"""Inline suppressions, as the engine applies them: the directives of a file and their effects.

    directives.py  the `tthc:` comments of one file (`scan_directives`)
    effects.py     what they suppress and what each code did (`suppress`, `SuppressionContext`)

The rules that report on the directives themselves (TT901, TT902) are `tthc.rules.suppressions`.
"""
