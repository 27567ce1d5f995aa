"""Where each field of a read post-mortem came from in its file, so a finding in a
field's text can be reported at its line and column (``pmtui lint``) without scanning
the file again by hand, and a save can rewrite only the lines of the fields that changed
(:class:`Layout`, used by :mod:`.patch`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A field's place in the source: 1-based ``line`` and ``column`` of its first
    character, ``end_line`` (exclusive), and ``anchors``: for a value wrapped over several
    source lines, (offset in the field's text, line, column) where each line starts."""

    line: int
    column: int
    end_line: int
    anchors: tuple[tuple[int, int, int], ...] = ()


@dataclass
class SourceMap:
    """Field path (``timeline[2].event``) -> :class:`Span`, plus the source lines."""

    lines: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    #: Where the title, header fields, comments, sections, rows and items are.
    layout: Layout | None = None

    def add(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int | None = None,
        anchors: tuple[tuple[int, int, int], ...] = (),
    ) -> None:
        """Record ``path`` at 0-based ``line``/``column`` (stored 1-based)."""
        end = (end_line if end_line is not None else line + 1) + 1
        self.spans[path] = Span(line + 1, column + 1, end, anchors)

    def span(self, path: str) -> Span | None:
        """The field's span, else its row's (``action_items[0]`` for ``…[0].owner``)."""
        found = self.spans.get(path)
        if found is None and "." in path:
            found = self.spans.get(path.rsplit(".", 1)[0])
        return found

    def locate(self, path: str, offset: int, match: str = "") -> tuple[int, int]:
        """1-based (line, column) of ``offset`` in the field's text. Escapes and entities
        make the source longer than the text; ``match`` (the text found there) is then
        looked up on that line, so the column points at it."""
        span = self.span(path)
        if span is None:
            return 1, 1
        line, column, base = span.line, span.column, 0
        if span.anchors:
            offsets = [a[0] for a in span.anchors]
            i = max(0, bisect.bisect_right(offsets, offset) - 1)
            base, line, column = span.anchors[i]
        column += offset - base
        if match and 0 < line <= len(self.lines):
            source_line = self.lines[line - 1]
            head = match.split()[0] if match.split() else match
            if not source_line[column - 1 :].startswith(head):
                found = source_line.find(head, max(0, span.column - 1 if line == span.line else 0))
                if found >= 0:
                    column = found + 1
        return line, max(1, column)


# --------------------------------------------------------------------------- layout

#: 0-based source lines ``[start, end)``.
Lines = tuple[int, int]


@dataclass
class Item:
    """One table row or list item of a section: its ``lines``, the ``index`` of the model
    entry it was read as (None for a template placeholder or blank row, which is kept but
    reads as nothing) and, for a table row, which ``table`` of the section it is in."""

    lines: Lines
    index: int | None
    table: int = 0


@dataclass
class Table:
    """A table read into the model: the line of its header row, each field's column, and
    the number of columns of its header."""

    header: int
    columns: dict[str, int]
    width: int


@dataclass
class SectionLayout:
    """A known section: its heading's lines, where it ends (the next ``##`` heading or the
    end of the file), the lines of the blocks its reader used (``content``, None when it
    has none), and its rows or items in source order."""

    heading: Lines
    end: int
    content: Lines | None = None
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    #: For a section of paragraphs (summary, impact): each block's lines and its text.
    paragraphs: list[tuple[Lines, str]] = field(default_factory=list)


@dataclass
class Layout:
    """Where each part of a read post-mortem sits in its file, so a save can rewrite the
    lines of the fields that changed and keep every other line (:mod:`.patch`)."""

    #: Lines of the ``# Post-Mortem:`` heading, and the columns of the title on its line.
    title: Lines = (0, 1)
    title_value: tuple[int, int] | None = None
    #: Header field key -> (line, column where its value starts); the last one read.
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: The line after the title and header fields.
    header_end: int = 1
    #: Each pmtui comment: (line, kind, arguments).
    comments: list[tuple[int, str, str]] = field(default_factory=list)
    #: Known section key (``summary``, ``timeline``...) -> its layout (the first such section).
    sections: dict[str, SectionLayout] = field(default_factory=dict)
