"""Text fields that know which document field they edit (and get blame checks)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea


class BlameInput(Input):
    """A one-line field bound to a document field path such as ``timeline[2].event``."""

    def __init__(self, field_path: str, label: str, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        # Focus must not select the text: the first key typed would replace it.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value=value, **kwargs)
        self.field_path = field_path
        self.label = label

    @property
    def text_value(self) -> str:
        return self.value


class BlameTextArea(TextArea):
    """A multi-line field bound to a document field path such as ``summary``."""

    def __init__(self, field_path: str, label: str, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("highlight_cursor_line", False)
        super().__init__(text, **kwargs)
        self.field_path = field_path
        self.label = label

    @property
    def text_value(self) -> str:
        return self.text


TextField = BlameInput | BlameTextArea
