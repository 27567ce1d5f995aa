"""The one Jinja2 environment: ``postmortem.md.j2`` (the spec's layout) and
``postmortem.html.j2`` (a standalone page). HTML templates are autoescaped; the
Markdown template receives values already written as Markdown source."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from pmtui import paths
from pmtui.document.errors import DocumentError

#: Section bodies are Markdown; rendered without raw HTML so a page never runs a script.
_SAFE_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def _cell(source: str) -> str:
    """A table cell with one space either side; an empty cell is ``| |``."""
    return f" {source} " if source else " "


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates_dir())),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cell"] = _cell
    env.filters["markdown"] = lambda text: Markup(_SAFE_MD.render(text))
    return env


def render(name: str, **context: Any) -> str:
    """Render one of the templates; a missing template is one line, not a traceback."""
    try:
        template = environment().get_template(name)
    except jinja2.TemplateNotFound:
        raise DocumentError(
            f"template {name} not found in {paths.templates_dir()}; reinstall pmtui"
        ) from None
    return template.render(**context)
