"""Fields that edit one document field, and never lose or reorder a keystroke.

Two rules, for every field here:

1. **The model changes with the keystroke.** A field calls its ``on_edit`` callback from
   the widget's own edit (a reactive watcher, or TextArea's ``edit``) — synchronously, with
   the field path it is bound to at that moment. Nothing waits for a ``Changed`` message,
   so no late message can write into a row the field no longer shows, and nothing that
   reads the model (a step switch, an autosave, a refresh) can see it behind the screen.
   :meth:`load` shows a new value without calling ``on_edit``.
2. **Keys keep their order.** Textual runs a focused widget's own key bindings (backspace,
   delete, ctrl+u …) only after the key has bubbled up to the app, behind printable keys
   that arrived later in the same burst: 20 backspaces then "text", pasted at once, came
   out as text first. :class:`OrderedKeys` runs the widget's own bindings as the key
   arrives, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar

from textual import events
from textual.actions import parse
from textual.widgets import Checkbox, Input, Select, TextArea
from textual.widgets.text_area import Edit, EditResult

#: Called with the new value when the user edits a field.
EditCallback = Callable[[Any], None]


class OrderedKeys:
    """Mixin: a non-printable key bound by the widget itself runs when it arrives."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await self._own_binding(event):
            return
        await super()._on_key(event)  # type: ignore[misc]

    async def _own_binding(self, event: events.Key) -> bool:
        widget: Any = self
        for binding in widget._bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue  # the app already ran those before forwarding the key
            _, name, params = parse(binding.action)
            if widget.check_action(name, params) is False:
                continue
            event.stop()
            event.prevent_default()
            await widget.run_action(binding.action)
            return True
        return False


class _Bound:
    """What every field knows: its field path, a label for messages, its row (in a list
    step), and what to call on an edit."""

    field_path: str
    field_label: str
    row_index: int
    on_edit: EditCallback | None
    _loading: bool

    def _init_bound(
        self, field_path: str, label: str, row_index: int, on_edit: EditCallback | None
    ) -> None:
        self.field_path = field_path
        self.field_label = label
        self.row_index = row_index
        self.on_edit = on_edit
        self._loading = False

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def _edited(self, value: Any) -> None:
        # Not before the widget is up: Textual sets initial values while mounting.
        mounted = getattr(self, "is_mounted", False)
        if mounted and not self._loading and self.on_edit is not None:
            self.on_edit(value)


class FieldInput(OrderedKeys, _Bound, Input):
    """A one-line field (a title, a time, a date…)."""

    def __init__(
        self,
        field_path: str,
        value: str = "",
        *,
        label: str = "",
        row_index: int = -1,
        on_edit: EditCallback | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compact", True)
        # Focus must not select the text: the first key typed would replace it.
        kwargs.setdefault("select_on_focus", False)
        self._init_bound(field_path, label or field_path, row_index, on_edit)
        super().__init__(value=value, **kwargs)

    @property
    def text_value(self) -> str:
        return self.value

    def watch_value(self, value: str) -> None:
        self._edited(value)

    def load(self, value: str, *, field_path: str | None = None, label: str | None = None) -> None:
        """Show ``value`` (of ``field_path``, when the field now edits another row)."""
        if field_path is not None:
            self.field_path = field_path
        if label is not None:
            self.field_label = label
        # The model stores text without surrounding spaces: a field showing the same
        # text with a space typed at its end keeps it (the next word goes after it).
        if self.value != value and self.value.strip() != value:
            with self._quiet(), self.prevent(Input.Changed):
                self.value = value
                self.cursor_position = len(value)


class BlameInput(FieldInput):
    """A one-line free-text field, checked for blame as the user types."""

    def __init__(self, field_path: str, label: str, value: str = "", **kwargs: Any) -> None:
        super().__init__(field_path, value, label=label, **kwargs)


class BlameTextArea(OrderedKeys, _Bound, TextArea):
    """A multi-line free-text field (summary, impact, a why), checked for blame."""

    def __init__(
        self,
        field_path: str,
        label: str,
        text: str = "",
        *,
        on_edit: EditCallback | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("highlight_cursor_line", False)
        self._init_bound(field_path, label, -1, on_edit)
        super().__init__(text, **kwargs)

    @property
    def text_value(self) -> str:
        return self.text

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self._edited(self.text)
        return result

    def undo(self) -> None:
        super().undo()
        self._edited(self.text)

    def redo(self) -> None:
        super().redo()
        self._edited(self.text)

    def load(self, value: str) -> None:
        if self.text != value and self.text.strip() != value:
            with self._quiet(), self.prevent(TextArea.Changed):
                self.load_text(value)


TextField = BlameInput | BlameTextArea


E = TypeVar("E", bound=Enum)


def as_choice(kind: type[E], value: object) -> E | None:
    """A Select's value as the enum member it stands for (a member, or its string)."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        return None


class FieldSelect(OrderedKeys, _Bound, Select[Any]):
    """A choice (severity, gap type, status)."""

    def __init__(
        self,
        field_path: str,
        options: Any,
        *,
        label: str = "",
        row_index: int = -1,
        on_edit: EditCallback | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compact", True)
        self._init_bound(field_path, label or field_path, row_index, on_edit)
        super().__init__(options, **kwargs)

    def watch_value(self, value: Any) -> None:
        self._edited(None if value is Select.NULL else value)

    def load(self, value: Any, *, field_path: str | None = None) -> None:
        if field_path is not None:
            self.field_path = field_path
        shown = Select.NULL if value is None else value
        if self.value != shown:
            with self._quiet(), self.prevent(Select.Changed):
                self.value = shown


class FieldCheckbox(OrderedKeys, _Bound, Checkbox):
    """A yes/no field (a gap is fixed)."""

    def __init__(
        self,
        field_path: str,
        label: str,
        value: bool = False,
        *,
        row_index: int = -1,
        on_edit: EditCallback | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("compact", True)
        self._init_bound(field_path, label, row_index, on_edit)
        super().__init__(label, value, **kwargs)

    def watch_value(self) -> None:
        super().watch_value()
        self._edited(self.value)

    def load(self, value: bool, *, field_path: str | None = None) -> None:
        if field_path is not None:
            self.field_path = field_path
        if self.value != value:
            with self._quiet(), self.prevent(Checkbox.Changed):
                self.value = value
