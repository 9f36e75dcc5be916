"""Rendering view models with jinja2: HTML autoescaped, Markdown escaped, undefined is an error.

Input: a view model (`CardView`, `GuideView`, the site's pages) and the name of a template in
`templates/`. Output: text. Two environments, both with `StrictUndefined` (a misspelt field
fails the render instead of printing nothing):
- HTML: autoescape on, so any text of a procedure (names, titles, descriptions) is inert;
- Markdown: every printed value passes `markdown_text`, which escapes Markdown's and HTML's
  special characters; values the code built as markup (`Markup`: the Mermaid block, anchors)
  are printed as they are.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def markdown_text(value: Any) -> Any:
    """A value as inert Markdown text (`Markup` is left alone)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))


def _environment(**settings: Any) -> jinja2.Environment:
    """The templates of `templates/`, an undefined value an error, the last newline kept."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        **settings,
    )


@cache
def html_environment() -> jinja2.Environment:
    return _environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


@cache
def markdown_environment() -> jinja2.Environment:
    return _environment(autoescape=False, finalize=markdown_text)


@cache
def style() -> Markup:
    """The pages' one style sheet, inlined: a page fetches nothing."""
    return Markup((TEMPLATES / "style.css").read_text(encoding="utf-8"))


def render_html(template: str, **values: Any) -> str:
    return html_environment().get_template(template).render(style=style(), **values)


def render_markdown(template: str, **values: Any) -> str:
    return markdown_environment().get_template(template).render(**values)
