"""A list of rows drawn one line each, only the visible ones (Textual's Line API).

A list step (timeline, gaps, actions, learnings) shows all its rows here and edits the
current one in a form beside it: rows are never widgets, so a 1,000-row timeline costs
the same to open, scroll and edit as a 10-row one, and adding or moving a row never
mounts or removes anything (no key can fall between widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowTable(ScrollView, can_focus=True):
    """Rows from ``render_row(index) -> Content``; ``count()`` says how many there are.

    The owner calls :meth:`rows_changed` after it changes the rows. The cursor is the
    current row; :class:`RowTable.Highlighted` says when the user moves it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--row",
        "row-table--cursor",
        "row-table--empty",
    }
    DEFAULT_CSS = """
    RowTable { height: 1fr; min-height: 3; background: $surface; }
    RowTable > .row-table--row { color: $text; }
    RowTable > .row-table--cursor { background: $boost; text-style: bold; }
    RowTable:focus > .row-table--cursor { background: $accent 30%; }
    RowTable > .row-table--empty { color: $text-muted; text-style: italic; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "choose", "Edit", show=False),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    @dataclass
    class Highlighted(Message):
        """The user moved to another row."""

        table: RowTable
        index: int

        @property
        def control(self) -> RowTable:
            return self.table

    @dataclass
    class Chosen(Message):
        """Enter (or a click) on a row: edit it."""

        table: RowTable
        index: int

        @property
        def control(self) -> RowTable:
            return self.table

    def __init__(
        self,
        count: Callable[[], int],
        render_row: Callable[[int], Content],
        *,
        empty: str = "No rows yet.",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._count = count
        self._render_row = render_row
        self._empty = empty

    # -- the owner's calls --------------------------------------------------------

    def rows_changed(self, cursor: int | None = None) -> None:
        """The rows changed (added, deleted, moved, edited); redraw and keep the cursor
        on a row that exists (on ``cursor`` when given). Costs the visible lines only."""
        count = self._count()
        if cursor is not None:
            self.set_cursor(cursor, announce=False)
        elif self.cursor >= count:
            self.set_cursor(max(0, count - 1), announce=False)
        self.virtual_size = Size(self.size.width, max(count, 1))
        self.refresh()

    def row_changed(self, index: int) -> None:
        """One row's text changed: redraw that line only."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def set_cursor(self, index: int, *, announce: bool = True) -> None:
        """Move the cursor (scrolled into view); ``announce`` posts Highlighted."""
        count = self._count()
        index = max(0, min(index, count - 1)) if count else 0
        with self.prevent(RowTable.Highlighted) if not announce else nullcontext():
            self.cursor = index
        self._scroll_to_cursor()
        self.refresh()

    # -- drawing ----------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, max(self._count(), 1))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        count = self._count()
        if count == 0 and y == 0:
            style = self.get_visual_style("row-table--empty")
            return _strip(Content(self._empty), style, width)
        if not 0 <= index < count:
            return Strip.blank(width, self.get_visual_style("row-table--row").rich_style)
        names = (
            ("row-table--row", "row-table--cursor") if index == self.cursor else ("row-table--row",)
        )
        style = self.get_visual_style(*names)
        return _strip(self._render_row(index), style, width)

    def _scroll_to_cursor(self) -> None:
        if self.size.height:
            self.scroll_to_region(
                Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
            )

    def watch_cursor(self, index: int) -> None:
        self.post_message(RowTable.Highlighted(self, index))

    # -- keys and mouse ---------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.set_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.set_cursor(self.cursor + direction * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        self.set_cursor(where if where >= 0 else self._count() - 1)

    def action_choose(self) -> None:
        if self._count():
            self.post_message(RowTable.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self._count():
            self.set_cursor(index)
            self.post_message(RowTable.Chosen(self, index))


def _strip(content: Content, style: object, width: int) -> Strip:
    from textual.style import Style

    assert isinstance(style, Style)
    segments: list[Segment] = content.render_segments(style)
    strip = Strip(segments).crop(0, width)
    return strip.extend_cell_length(width, style.rich_style)
