"""Big text that grows with the screen: the countdown and the current item's name.

Each widget draws :mod:`pmtui.meeting.font` at the largest scale that fits its width and
a share of the screen's height (``HEIGHT_SHARE``), so the numbers are three rows on an
80x24 terminal and ten on a 200x55 projector. The text takes the widget's CSS colour.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from pmtui.meeting import font


class BigText(Widget):
    """Text in the block font, wrapped at spaces onto at most ``MOST_LINES`` lines;
    plain bold text when even the smallest scale does not fit."""

    DEFAULT_CSS = """
    BigText { height: auto; width: 1fr; }
    """
    #: The largest share of the screen's height the text may take.
    HEIGHT_SHARE: ClassVar[float] = 0.3
    MOST_LINES: ClassVar[int] = 1
    MOST_SCALE: ClassVar[int] = 8

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = value

    @property
    def value(self) -> str:
        return self._value

    def update(self, value: str) -> None:
        """Show ``value`` (a new size is worked out when its width changes)."""
        if value == self._value:
            return
        resize = self._sized_text(value) != self._sized_text(self._value)
        self._value = value
        self.refresh(layout=resize)

    def _sized_text(self, value: str) -> str:
        """The text the scale is chosen for (the widget is as big as it needs)."""
        return value

    def fit(self, width: int, rows: int) -> tuple[int, list[str]]:
        """(scale, lines) for a ``width`` x ``rows`` box; scale 0: too small."""
        sized = self._sized_text(self._value)
        scale, lines = font.fit_lines(
            sized, width, rows, most_lines=self.MOST_LINES, most=self.MOST_SCALE
        )
        if scale and sized != self._value:
            lines = font.wrap(self._value, width, scale) or [self._value]
        return scale, lines

    def scale(self) -> int:
        """The scale drawn now (0: plain text)."""
        return self.fit(self.content_size.width, self.content_size.height)[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = max(1, int(viewport.height * self.HEIGHT_SHARE))
        scale, lines = self.fit(width, rows)
        if not scale:
            return 1
        return len(lines) * font.rows_for(scale) + len(lines) - 1

    def render(self) -> Content:
        scale, lines = self.fit(self.content_size.width, self.content_size.height)
        if not scale:
            return Content.styled(self._value, "bold")
        return Content("\n".join(font.render_lines(lines, scale)))


class BigNumbers(BigText):
    """The countdown. Sized for its overtime form (``+MM:SS``), so the numbers do not
    shrink the moment time runs out. Same API as Textual's ``Digits``."""

    HEIGHT_SHARE = 0.28

    def _sized_text(self, value: str) -> str:
        return "+" + value.lstrip("+")


class BigTitle(BigText):
    """The current item's name in capitals, on up to three lines; nothing when it does
    not fit (the item's name is also on the line above, in ordinary text)."""

    HEIGHT_SHARE = 0.32
    MOST_LINES = 3
    MOST_SCALE = 3

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = max(1, int(viewport.height * self.HEIGHT_SHARE))
        scale, lines = self.fit(width, rows)
        return len(lines) * font.rows_for(scale) + len(lines) if scale else 0

    def render(self) -> Content:
        scale, lines = self.fit(self.content_size.width, self.content_size.height)
        if not scale:
            return Content("")
        return Content("\n".join(["", *font.render_lines(lines, scale)]))
