"""A post-mortem as Markdown: written after the spec's template, read back with nothing lost.

- :func:`to_markdown` (:mod:`.writer`) renders ``templates/postmortem.md.j2``;
- :func:`from_markdown` / :func:`read_markdown` (:mod:`.reader`) parse with markdown-it-py,
  one function per known section (:data:`.sections.READERS`), and say where each field
  came from (:mod:`.sourcemap`);
- :func:`patch` (:mod:`.patch`) writes a changed document over the text it was read
  from, changing only the lines of what changed (git-friendly saves);
- :mod:`.text` turns one field's plain text into Markdown source and back;
- :mod:`.syntax` holds the shapes both sides know (headings, fields, placeholders);
- :mod:`.tables`, :mod:`.blocks` and :mod:`.meeting` (the ``## Meeting`` section).

pmtui's own notes live in HTML comments (:mod:`pmtui.document.comments`).
"""

from pmtui.document.markdown.blocks import close_open_blocks
from pmtui.document.markdown.patch import patch, patched
from pmtui.document.markdown.reader import from_markdown, read_markdown
from pmtui.document.markdown.sourcemap import SourceMap, Span
from pmtui.document.markdown.writer import to_markdown

__all__ = [
    "SourceMap",
    "Span",
    "close_open_blocks",
    "from_markdown",
    "patch",
    "patched",
    "read_markdown",
    "to_markdown",
]
