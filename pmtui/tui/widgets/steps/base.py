"""The base of every wizard step pane.

A step pane is a widget (not a screen) built on a shared ``DraftSession``: the wizard and
meeting mode embed the same panes. Its fields change ``session.doc`` as keys arrive
(:mod:`pmtui.tui.widgets.fields`), and it posts messages (``DocumentEdited``,
``FieldFindings``, ``FieldFocused``) for its host screen. Blame checks are debounced, and
a large field is scanned in a thread, so typing is never slowed.

A list step (:class:`ListStepPane`) shows every row in a :class:`RowTable` and edits the
current row in a form of fields that stay mounted: adding, deleting, moving, sorting and
undoing change the model and redraw the table, nothing is mounted or removed, and focus
stays on (or moves synchronously to) a field of the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from pmtui.document import rows as row_ops
from pmtui.document.fields import get_text, set_text, split_path
from pmtui.tui.messages import DocumentEdited, FieldFindings, FieldFocused
from pmtui.tui.ordering import drain
from pmtui.tui.widgets.fields import (
    BlameInput,
    BlameTextArea,
    FieldCheckbox,
    FieldInput,
    FieldSelect,
    TextField,
)
from pmtui.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from pmtui.blame import Finding
    from pmtui.document.model import Postmortem
    from pmtui.document.session import DraftSession

#: Seconds of quiet after a keystroke before the field is scanned for blame.
#: Short: it only coalesces bursts (paste, key repeat); a scan costs ~1 ms.
BLAME_DEBOUNCE = 0.01
#: Fields longer than this (characters) are scanned in a thread, stale results dropped.
LARGE_FIELD = 20_000

FOCUS_LINE = "[b]Focus on what happened, not who did it.[/b]"


class Guidance(Static):
    """The spec's guidance for a step, shown beside its fields."""


class StepPane(Vertical):
    """One wizard step: its fields on the left, the spec's guidance beside them."""

    STEP: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    GUIDANCE: ClassVar[str] = ""
    #: One or two lines shown instead of GUIDANCE on narrow terminals.
    GUIDANCE_SHORT: ClassVar[str] = ""

    DEFAULT_CSS = """
    StepPane { height: 1fr; }
    StepPane .step-body { height: 1fr; }
    StepPane .step-fields { width: 1fr; height: 1fr; padding: 0 1; }
    StepPane Guidance { color: $text-muted; padding: 0 1; }
    StepPane .guidance {
        dock: right; width: 42; height: 1fr;
        border-left: vkey $primary 50%; overflow-y: auto;
    }
    StepPane .guidance-short { display: none; }
    StepPane .step-heading { text-style: bold; color: $accent; }
    StepPane .field-label { color: $text-muted; margin-top: 1; }
    StepPane .field-error { color: $error; height: auto; }
    StepPane .field-error.-empty { display: none; }
    StepPane .field-hint { color: $text-muted; height: auto; }
    StepPane .field-hint.-empty { display: none; }
    StepPane BlameInput.-blame, StepPane BlameTextArea.-blame { border-left: outer $warning; }
    StepPane BlameTextArea { height: 4; }
    StepPane .buttons { height: auto; margin-top: 1; }
    StepPane .buttons Button { margin-right: 1; }
    """

    def __init__(self, session: DraftSession, *, id: str | None = None) -> None:
        super().__init__(id=id or f"step-{self.STEP}", classes="step-pane")
        self.session = session
        #: Last blame findings per field path.
        self.field_findings: dict[str, list[Finding]] = {}
        self._pending_scans: dict[str, TextField] = {}
        self._scan_timer: Timer | None = None

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(classes="step-body"):
            yield Guidance(self.guidance(), classes="guidance")
            yield Guidance(self.GUIDANCE_SHORT or FOCUS_LINE, classes="guidance-short")
            yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="step-fields"):
            yield Static(self.heading(), classes="step-heading")
            yield from self.compose_fields()

    def heading(self) -> str:
        """The step's heading (default :attr:`TITLE`)."""
        return self.TITLE

    def compose_fields(self) -> ComposeResult:
        """The step's fields (subclasses)."""
        yield from ()

    def guidance(self) -> str:
        """The spec's guidance, as Textual markup."""
        return self.GUIDANCE

    def on_mount(self) -> None:
        self.apply_read_only()
        self.call_after_refresh(self.scan_all)

    def apply_read_only(self) -> None:
        """In read-only mode nothing can be edited."""
        if not self.session.read_only:
            return
        for widget in self.query("Input, Select, Checkbox, Button.edit"):
            widget.disabled = True
        for area in self.query(BlameTextArea):
            area.read_only = True

    # -- editing ---------------------------------------------------------------

    @property
    def doc(self) -> Postmortem:
        return self.session.doc

    def edited(self, field: str) -> None:
        """Record an edit: autosave is told, the host refreshes counts."""
        self.session.changed()
        self.post_message(DocumentEdited(field))

    def text_field(self, field_path: str, label: str, value: str, **kwargs: Any) -> BlameInput:
        """A one-line free-text field bound to ``field_path``."""
        widget = BlameInput(field_path, label, value, **kwargs)
        widget.on_edit = lambda text: self.text_edited(widget, text)
        return widget

    def text_area(self, field_path: str, label: str, value: str, **kwargs: Any) -> BlameTextArea:
        """A multi-line free-text field bound to ``field_path``."""
        widget = BlameTextArea(field_path, label, value, **kwargs)
        widget.on_edit = lambda text: self.text_edited(widget, text)
        return widget

    def text_edited(self, widget: TextField, text: str) -> None:
        """A free-text field changed (as the key arrived): the model follows."""
        if self.session.read_only or get_text(self.doc, widget.field_path) == text.strip():
            return
        set_text(self.doc, widget.field_path, text)
        self.edited(widget.field_path)
        self.schedule_scan(widget)

    # -- blame warnings --------------------------------------------------------

    def schedule_scan(self, widget: TextField) -> None:
        """Scan ``widget`` once typing pauses (restarted on every change)."""
        self._pending_scans[widget.field_path] = widget
        if self._scan_timer is not None:
            self._scan_timer.stop()
        self._scan_timer = self.set_timer(BLAME_DEBOUNCE, self._flush_scans)

    def _flush_scans(self) -> None:
        pending, self._pending_scans = self._pending_scans, {}
        for path, widget in pending.items():
            if widget.field_path != path:
                continue  # the field shows another row now; its own scan is pending
            text = widget.text_value
            if len(text) > LARGE_FIELD:
                self._scan_in_thread(widget, path, text)
                continue
            findings = self._scan_widget(widget)
            self.post_message(FieldFindings(path, widget.field_label, findings))

    @work(thread=True, group="blame-scan", exclusive=True)
    def _scan_in_thread(self, widget: TextField, path: str, text: str) -> None:
        findings = self.session.scan(text)
        self.app.call_from_thread(self._scanned, widget, path, text, findings)

    def _scanned(self, widget: TextField, path: str, text: str, findings: list[Finding]) -> None:
        if widget.field_path != path or widget.text_value != text:
            return  # stale: the text changed meanwhile, a newer scan is on its way
        self._show_findings(widget, findings)
        self.post_message(FieldFindings(path, widget.field_label, findings))

    def _scan_widget(self, widget: TextField) -> list[Finding]:
        text = widget.text_value
        if len(text) > LARGE_FIELD:
            self._scan_in_thread(widget, widget.field_path, text)
            return self.field_findings.get(widget.field_path, [])
        findings = self.session.scan(text) if text.strip() else []
        self._show_findings(widget, findings)
        return findings

    def _show_findings(self, widget: TextField, findings: list[Finding]) -> None:
        self.field_findings[widget.field_path] = findings
        widget.set_class(bool(findings), "-blame")
        subtitle = f"⚠ {len(findings)}" if findings else ""
        if widget.border_subtitle != subtitle:
            widget.border_subtitle = subtitle

    def scan_all(self) -> None:
        """Rescan every field (on mount and after a warning is allowed)."""
        for widget in self.text_fields():
            self._scan_widget(widget)

    def text_fields(self) -> list[TextField]:
        return [w for w in self.query("BlameInput, BlameTextArea") if isinstance(w, TextField)]

    def findings_for(self, field: str) -> list[Finding]:
        return self.field_findings.get(field, [])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, BlameInput | BlameTextArea):
            findings = self.field_findings.get(widget.field_path)
            if findings is None:  # focused before the pane's first scan
                findings = self._scan_widget(widget)
            self.post_message(FieldFocused(widget.field_path, widget.field_label, findings))

    # -- navigation --------------------------------------------------------------

    def focusable_fields(self) -> list[Widget]:
        return [w for w in self.query("Input, TextArea, Select, Checkbox") if w.focusable]

    def focus_field(self, field: str | None = None) -> bool:
        """Focus the widget editing ``field`` (exact path, then prefix, then the first)."""
        widgets = self.focusable_fields()
        paths = [getattr(w, "field_path", "") for w in widgets]
        chosen = None
        if field:
            chosen = next((w for w, p in zip(widgets, paths, strict=True) if p == field), None)
            chosen = chosen or next(
                (w for w, p in zip(widgets, paths, strict=True) if p.startswith(field)), None
            )
        chosen = chosen or (widgets[0] if widgets else None)
        if chosen is None:  # an empty list step: focus its "Add" button
            chosen = next((b for b in self.query(Button) if b.focusable), None)
        if chosen is None:
            return False
        if isinstance(chosen, BlameTextArea) and chosen.cursor_location == (0, 0):
            chosen.move_cursor(chosen.document.end)  # typing goes after what is there
        self.screen.set_focus(chosen)
        return True

    def refresh_view(self) -> None:
        """Called when the pane is shown: text fields catch up with edits made
        elsewhere (e.g. Duration filled from the timeline). The model follows every
        keystroke, so this never takes back what was typed."""
        for widget in self.text_fields():
            widget.load(get_text(self.doc, widget.field_path))


def field_error(id: str) -> Static:
    """An (initially hidden) error line shown under a validated field."""
    return Static("", id=id, classes="field-error -empty")


def field_hint(id: str) -> Static:
    """An (initially hidden) line under a field saying what it made of the input."""
    return Static("", id=id, classes="field-hint -empty")


def show_error(widget: Static, message: str | None) -> None:
    widget.update(Content(message or ""))
    widget.set_class(not message, "-empty")


_MOVE = Binding.Group("Move", compact=True)


class ListStepPane(StepPane):
    """A step made of rows the user adds, deletes, reorders and edits one at a time."""

    #: The model list this step edits (one of ``pmtui.document.rows.LIST_FIELDS``).
    FIELD: ClassVar[str] = ""
    ITEM_NAME: ClassVar[str] = "row"
    #: The table's column titles, one line.
    HEADER: ClassVar[str] = ""
    #: The word for a row in messages: "Timeline row", "Gap", "Action item".
    ROW_LABEL: ClassVar[str] = "Row"

    DEFAULT_CSS = """
    ListStepPane .list-body { width: 1fr; height: 1fr; padding: 0 1; }
    ListStepPane .row-editor { height: auto; padding: 0 0 1 0; }
    ListStepPane .row-editor.-empty { display: none; }
    ListStepPane .row-title { color: $text-muted; height: 1; }
    ListStepPane .table-header { color: $text-muted; text-style: bold; height: 1; margin-top: 1; }
    ListStepPane .no-rows { color: $text-muted; height: auto; }
    ListStepPane .no-rows.-hidden { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "alt+n",
            "add_row",
            "Add",
            id="rows.add",
            tooltip="Add a row after this one",
            priority=True,
        ),
        Binding(
            "alt+d",
            "delete_row",
            "Delete",
            id="rows.delete",
            tooltip="Delete this row (ctrl+z brings it back)",
            priority=True,
        ),
        Binding(
            "alt+up",
            "move_row(-1)",
            "Up",
            id="rows.up",
            tooltip="Move this row up",
            group=_MOVE,
            priority=True,
        ),
        Binding(
            "alt+down",
            "move_row(1)",
            "Down",
            id="rows.down",
            tooltip="Move this row down",
            group=_MOVE,
            priority=True,
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            id="rows.undo",
            tooltip="Undo the last row delete, move, sort or duration fill",
            priority=True,
        ),
        Binding("up", "select_row(-1)", "Previous row", show=False, priority=True),
        Binding("down", "select_row(1)", "Next row", show=False, priority=True),
    ]

    def __init__(self, session: DraftSession, *, id: str | None = None) -> None:
        super().__init__(session, id=id)
        #: The row the form edits (-1 when there is none).
        self.current = 0 if self.rows() else -1

    # -- what a list step says about its rows (subclasses) ---------------------

    def rows(self) -> list[Any]:
        """The document list this pane edits."""
        return row_ops.rows(self.doc, self.FIELD)

    def new_row(self, after: int | None) -> Any:
        raise NotImplementedError

    def render_row(self, index: int) -> Content:
        """One line of the table for row ``index``."""
        raise NotImplementedError

    def compose_editor(self) -> ComposeResult:
        """The form's fields (bound to row 0; :meth:`load_row` rebinds them)."""
        yield from ()

    def load_row(self, index: int) -> None:
        """Show row ``index`` in the form's fields (their field paths follow)."""

    def compose_buttons(self) -> ComposeResult:
        yield from ()

    def header(self) -> str:
        """The table's column titles (default :attr:`HEADER`)."""
        return self.HEADER

    def row_label(self, index: int) -> str:
        return f"{self.ROW_LABEL} {index + 1}"

    def empty_text(self) -> str:
        return f"No {self.ITEM_NAME}s yet: press alt+n (or the button below) to add one."

    # -- layout ------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with Vertical(classes="list-body step-fields"):
            yield Static(self.heading(), classes="step-heading")
            yield Static(self.empty_text(), classes="no-rows")
            with Vertical(classes="row-editor"):
                yield Static("", classes="row-title")
                yield from self.compose_editor()
            with Horizontal(classes="buttons"):
                yield Button(
                    f"Add {self.ITEM_NAME}",
                    id="add-row",
                    classes="edit",
                    compact=True,
                    tooltip=f"Add a {self.ITEM_NAME} after the current one (alt+n)",
                )
                yield from self.compose_buttons()
            yield Static(Content(self.header()), classes="table-header")
            yield RowTable(
                lambda: len(self.rows()),
                self._table_line,
                empty=f"No {self.ITEM_NAME}s yet.",
                id="rows",
            )

    def on_mount(self) -> None:
        self.show_current()
        super().on_mount()

    def table(self) -> RowTable:
        return self.query_one("#rows", RowTable)

    def _table_line(self, index: int) -> Content:
        line = self.render_row(index)
        if self.row_has_warnings(index):
            line = Content.assemble(Content.from_markup("[$warning]⚠[/] "), line)
        else:
            line = Content.assemble("  ", line)
        return line

    def row_has_warnings(self, index: int) -> bool:
        """Whether any free text of row ``index`` has a blame warning (cached scans)."""
        return any(text.strip() and self.session.scan(text) for _, text in self.row_texts(index))

    def row_texts(self, index: int) -> list[tuple[str, str]]:
        """(field path, text) of the row's free-text fields."""
        return []

    # -- the current row ---------------------------------------------------------

    def show_current(self, index: int | None = None) -> None:
        """Bind the form to ``index`` (default: the current row, clamped) and redraw."""
        count = len(self.rows())
        if index is None:
            index = self.current
        index = max(0, min(index, count - 1)) if count else -1
        self.current = index
        editor = self.query_one(".row-editor")
        editor.set_class(index < 0, "-empty")
        self.query_one(".no-rows").set_class(index >= 0, "-hidden")
        if index >= 0:
            self.load_row(index)
            self.query_one(".row-title", Static).update(
                Content(f"{self.row_label(index)} of {count}")
            )
        self.table().rows_changed(cursor=max(index, 0))
        for widget in self.text_fields():
            self._scan_widget(widget)
        focused = self.screen.focused if self.is_mounted else None
        if isinstance(focused, BlameInput) and focused in self.text_fields():
            self.post_message(
                FieldFocused(
                    focused.field_path, focused.field_label, self.findings_for(focused.field_path)
                )
            )

    def row_edited(self, field: str) -> None:
        """A field of the current row changed."""
        self.edited(field)
        self.table().row_changed(self.current)

    def text_edited(self, widget: TextField, text: str) -> None:
        super().text_edited(widget, text)
        if widget.row_index >= 0 or f"{self.FIELD}[" in widget.field_path:
            self.table().row_changed(self.current)

    def current_row(self) -> int | None:
        return self.current if self.current >= 0 else None

    def _focused_column(self) -> str | None:
        """The attribute of the row the focused form field edits (``event``, ``owner``…)."""
        focused = self.screen.focused
        path = getattr(focused, "field_path", "")
        if not path.startswith(f"{self.FIELD}["):
            return None
        return split_path(path)[2] or ""

    def _focus_column(self, column: str | None) -> None:
        fields = self.focusable_fields()
        if not fields:
            button = self.query_one("#add-row", Button)
            self.screen.set_focus(button)
            return
        if column is not None:
            for widget in fields:
                path = getattr(widget, "field_path", "")
                if path.startswith(f"{self.FIELD}[") and (split_path(path)[2] or "") == column:
                    self.screen.set_focus(widget)
                    return
        self.screen.set_focus(fields[0])

    def focusable_fields(self) -> list[Widget]:
        if self.current < 0:
            return []
        return [
            w for w in self.query_one(".row-editor").query("Input, Select, Checkbox") if w.focusable
        ]

    def focus_field(self, field: str | None = None) -> bool:
        """Focus ``field`` (``timeline[3].event`` shows row 3 and focuses its event)."""
        column: str | None = None
        if field and field.startswith(f"{self.FIELD}["):
            _, index, attr = split_path(field)
            if index is not None and 0 <= index < len(self.rows()):
                self.show_current(index)
            column = attr or ""
        self._focus_column(column)
        return True

    def refresh_view(self) -> None:
        self.show_current()

    # -- row operations (all synchronous once earlier keys have landed) -------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_row":
            # up/down move between rows only from a one-line field of the form (a
            # Select's list, the table and other widgets keep their own arrows).
            focused = self.screen.focused
            return isinstance(focused, Input) and self._focused_column() is not None
        return True

    async def action_select_row(self, delta: int) -> None:
        await drain(self.screen)
        if self.current < 0:
            return
        column = self._focused_column()
        self.show_current(self.current + delta)
        self._focus_column(column)

    async def action_add_row(self) -> None:
        if self.session.read_only:
            return
        await drain(self.screen)
        current = self.current_row()
        at = len(self.rows()) if current is None else current + 1
        self.session.history.record(self.doc, self.FIELD, f"add {self.ITEM_NAME}", current)
        row_ops.insert(self.doc, self.FIELD, at, self.new_row(current))
        self.edited(self.FIELD)
        self.show_current(at)
        self._focus_column(None)
        focused = self.screen.focused
        if isinstance(focused, Input) and focused.value:
            focused.select_all()  # a prefilled value (the time above) is replaced by typing

    async def action_delete_row(self) -> None:
        current = self.current_row()
        if self.session.read_only or current is None:
            return
        await drain(self.screen)
        column = self._focused_column()
        self.session.history.record(self.doc, self.FIELD, f"delete {self.ITEM_NAME}", current)
        after = row_ops.delete(self.doc, self.FIELD, current)
        self.edited(self.FIELD)
        self.show_current(after if after is not None else -1)
        self._focus_column(column)
        self.notify(f"Deleted {self.row_label(current).lower()} (ctrl+z brings it back).")

    async def action_move_row(self, delta: int) -> None:
        current = self.current_row()
        if self.session.read_only or current is None:
            return
        await drain(self.screen)
        column = self._focused_column()
        target = max(0, min(current + delta, len(self.rows()) - 1))
        if target == current:
            return
        self.session.history.record(self.doc, self.FIELD, f"move {self.ITEM_NAME}", current)
        moved = row_ops.move(self.doc, self.FIELD, current, delta)
        self.edited(self.FIELD)
        self.show_current(moved)
        self._focus_column(column)

    async def action_undo(self) -> None:
        if self.session.read_only:
            return
        await drain(self.screen)
        column = self._focused_column()
        undone = self.session.history.undo(self.doc)
        if undone is None:
            self.notify("Nothing to undo.")
            return
        self.edited(undone.field)
        self.on_undone(undone)
        if undone.field == self.FIELD:
            self.show_current(undone.cursor if undone.cursor is not None else 0)
            self._focus_column(column)
        self.notify(f"Undid: {undone.label}.")

    def on_undone(self, undone: row_ops.Undone) -> None:
        """An undo changed ``undone.field`` (subclasses refresh what shows it)."""

    @on(Button.Pressed, "#add-row")
    async def _add_pressed(self) -> None:
        await self.action_add_row()

    @on(RowTable.Highlighted, "#rows")
    def _row_highlighted(self, event: RowTable.Highlighted) -> None:
        if event.index != self.current:
            self.show_current(event.index)

    @on(RowTable.Chosen, "#rows")
    def _row_chosen(self, event: RowTable.Chosen) -> None:
        self.show_current(event.index)
        self._focus_column(None)


__all__ = [
    "FieldCheckbox",
    "FieldInput",
    "FieldSelect",
    "ListStepPane",
    "StepPane",
    "field_error",
    "field_hint",
    "show_error",
]
