"""Fields that know which document field they edit: text fields (with blame checks), and
the select and checkbox widgets of list rows. Each carries its field path
(``timeline[2].event``) and, in a list step, the row index it edits."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox, Input, Select, TextArea


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


class FieldInput(Input):
    """A validated one-line field (a time, a date) bound to a field path."""

    def __init__(
        self, field_path: str, value: str = "", *, row_index: int = -1, **kwargs: Any
    ) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value=value, **kwargs)
        self.field_path = field_path
        self.row_index = row_index


class FieldSelect(Select[Any]):
    """A choice (severity, gap type, status) bound to a field path."""

    def __init__(
        self, field_path: str, options: Any, *, row_index: int = -1, **kwargs: Any
    ) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(options, **kwargs)
        self.field_path = field_path
        self.row_index = row_index


class FieldCheckbox(Checkbox):
    """A yes/no field (a gap is fixed) bound to a field path."""

    def __init__(
        self,
        field_path: str,
        label: str,
        value: bool = False,
        *,
        row_index: int = -1,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(label, value, **kwargs)
        self.field_path = field_path
        self.row_index = row_index
