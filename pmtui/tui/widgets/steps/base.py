"""The base of every wizard step pane.

A step pane is a widget (not a screen) built on a shared ``DraftSession``: it
edits ``session.doc`` in place, calls ``session.changed()``, and posts messages
(``DocumentEdited``, ``FieldFindings``, ``FieldFocused``) for its host screen,
which is the wizard or the meeting screen. Blame checks are debounced per pane
so typing is never slowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Input, Static, TextArea

from pmtui.document.fields import get_text, set_text
from pmtui.tui.messages import DocumentEdited, FieldFindings, FieldFocused
from pmtui.tui.widgets.fields import BlameInput, BlameTextArea

if TYPE_CHECKING:
    from pmtui.blame import Finding
    from pmtui.document.model import Postmortem
    from pmtui.document.session import DraftSession

#: Seconds of quiet after a keystroke before the field is scanned for blame.
#: Short: it only coalesces bursts (paste, key repeat); a scan costs ~1 ms.
BLAME_DEBOUNCE = 0.01

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
    StepPane BlameInput.-blame, StepPane BlameTextArea.-blame { border-left: outer $warning; }
    StepPane BlameTextArea { height: 4; }
    StepPane .row { height: auto; }
    StepPane .rows { height: auto; }
    StepPane .buttons { height: auto; margin-top: 1; }
    StepPane .buttons Button { margin-right: 1; }
    """

    def __init__(self, session: DraftSession, *, id: str | None = None) -> None:
        super().__init__(id=id or f"step-{self.STEP}", classes="step-pane")
        self.session = session
        #: Last blame findings per field path.
        self.field_findings: dict[str, list[Finding]] = {}
        self._pending_scans: dict[str, BlameInput | BlameTextArea] = {}
        self._scan_timer: Timer | None = None

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(classes="step-body"):
            yield Guidance(self.guidance(), classes="guidance")
            yield Guidance(self.GUIDANCE_SHORT or FOCUS_LINE, classes="guidance-short")
            with VerticalScroll(classes="step-fields"):
                yield Static(self.TITLE, classes="step-heading")
                yield from self.compose_fields()

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
        for area in self.query(TextArea):
            area.read_only = True

    # -- editing ---------------------------------------------------------------

    @property
    def doc(self) -> Postmortem:
        return self.session.doc

    def edited(self, field: str) -> None:
        """Record an edit: autosave is told, the host refreshes counts."""
        self.session.changed()
        self.post_message(DocumentEdited(field))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, BlameInput):
            self._text_changed(event.input, event.value)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, BlameTextArea):
            self._text_changed(event.text_area, event.text_area.text)

    def _text_changed(self, widget: BlameInput | BlameTextArea, text: str) -> None:
        if self.session.read_only or get_text(self.doc, widget.field_path) == text.strip():
            return  # the Changed an Input posts on mount, or nothing new
        set_text(self.doc, widget.field_path, text)
        self.edited(widget.field_path)
        self.schedule_scan(widget)

    # -- blame warnings --------------------------------------------------------

    def schedule_scan(self, widget: BlameInput | BlameTextArea) -> None:
        """Scan ``widget`` once typing pauses (restarted on every change)."""
        self._pending_scans[widget.field_path] = widget
        if self._scan_timer is not None:
            self._scan_timer.stop()
        self._scan_timer = self.set_timer(BLAME_DEBOUNCE, self._flush_scans)

    def _flush_scans(self) -> None:
        pending, self._pending_scans = self._pending_scans, {}
        for path, widget in pending.items():
            findings = self._scan_widget(widget)
            self.post_message(FieldFindings(path, widget.label, findings))

    def _scan_widget(self, widget: BlameInput | BlameTextArea) -> list[Finding]:
        findings = self.session.scan(widget.text_value) if widget.text_value.strip() else []
        self.field_findings[widget.field_path] = findings
        widget.set_class(bool(findings), "-blame")
        count = len(findings)
        widget.border_subtitle = f"⚠ {count}" if count else ""
        return findings

    def scan_all(self) -> None:
        """Rescan every field (on mount and after a warning is allowed)."""
        for widget in self.text_fields():
            self._scan_widget(widget)

    def text_fields(self) -> list[BlameInput | BlameTextArea]:
        return [w for w in self.query("BlameInput, BlameTextArea")]  # type: ignore[misc]

    def findings_for(self, field: str) -> list[Finding]:
        return self.field_findings.get(field, [])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, BlameInput | BlameTextArea):
            self.post_message(
                FieldFocused(widget.field_path, widget.label, self.findings_for(widget.field_path))
            )

    # -- navigation --------------------------------------------------------------

    def focus_field(self, field: str | None = None) -> bool:
        """Focus the widget editing ``field`` (exact path, then prefix, then the first)."""
        widgets = [w for w in self.query("Input, TextArea, Select, Checkbox") if w.focusable]
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
        chosen.focus()
        chosen.scroll_visible()
        return True

    def refresh_view(self) -> None:
        """Called when the pane is shown: text fields catch up with edits made
        elsewhere (e.g. Duration filled from the timeline)."""
        for widget in self.text_fields():
            text = get_text(self.doc, widget.field_path)
            if widget.text_value == text:
                continue
            if isinstance(widget, BlameInput):
                with widget.prevent(Input.Changed):
                    widget.value = text
            else:
                with widget.prevent(TextArea.Changed):
                    widget.text = text


_MOVE = Binding.Group("Move", compact=True)


class ListStepPane(StepPane):
    """A step made of rows the user adds, deletes and reorders."""

    ITEM_NAME: ClassVar[str] = "row"

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
            tooltip="Delete this row",
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
    ]

    def rows(self) -> list[Any]:
        """The document list this pane edits."""
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        raise NotImplementedError

    def new_row(self, after: int | None) -> Any:
        raise NotImplementedError

    def compose_row(self, index: int) -> ComposeResult:
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        yield from self.compose_intro()
        with Vertical(id="rows", classes="rows"):
            for index in range(len(self.rows())):
                yield StepRow(self, index)
        with Horizontal(classes="buttons"):
            label = f"Add {self.ITEM_NAME} (alt+n)"
            yield Button(label, id="add-row", classes="edit", compact=True)
            yield from self.compose_buttons()

    def compose_intro(self) -> ComposeResult:
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        yield from ()

    def current_row(self) -> int | None:
        """The index of the row holding focus."""
        node = self.screen.focused
        while node is not None and node is not self:
            if isinstance(node, StepRow):
                return node.index
            node = node.parent  # type: ignore[assignment]
        return None

    async def rebuild(self, focus_row: int | None = None) -> None:
        """Redraw the rows from the document, keeping focus on ``focus_row``."""
        container = self.query_one("#rows", Vertical)
        await container.remove_children()
        await container.mount_all([StepRow(self, i) for i in range(len(self.rows()))])
        self.apply_read_only()
        self.scan_all()
        if focus_row is not None and 0 <= focus_row < len(self.rows()):
            self.focus_row(focus_row)

    def focus_row(self, index: int) -> None:
        for widget in self.query_one(f"#row-{index}").query("Input, Select, Checkbox"):
            if widget.focusable:
                widget.focus()
                widget.scroll_visible()
                return

    async def action_add_row(self) -> None:
        if self.session.read_only:
            return
        current = self.current_row()
        rows = list(self.rows())
        at = len(rows) if current is None else current + 1
        rows.insert(at, self.new_row(current))
        self.set_rows(rows)
        self.edited(self.STEP)
        await self.rebuild(focus_row=at)

    async def action_delete_row(self) -> None:
        current = self.current_row()
        if self.session.read_only or current is None:
            return
        rows = list(self.rows())
        del rows[current]
        self.set_rows(rows)
        self.edited(self.STEP)
        await self.rebuild(focus_row=min(current, len(rows) - 1))

    async def action_move_row(self, delta: int) -> None:
        current = self.current_row()
        if self.session.read_only or current is None:
            return
        rows = list(self.rows())
        target = current + delta
        if not 0 <= target < len(rows):
            return
        rows[current], rows[target] = rows[target], rows[current]
        self.set_rows(rows)
        self.edited(self.STEP)
        await self.rebuild(focus_row=target)

    @on(Button.Pressed, "#add-row")
    async def _add_pressed(self) -> None:
        await self.action_add_row()


class StepRow(Vertical):
    """One row of a list step; its pane composes its content."""

    def __init__(self, pane: ListStepPane, index: int) -> None:
        super().__init__(classes="row", id=f"row-{index}")
        self.pane = pane
        self.index = index

    def compose(self) -> ComposeResult:
        yield from self.pane.compose_row(self.index)


def field_error(id: str) -> Static:
    """An (initially hidden) error line shown under a validated field."""
    return Static("", id=id, classes="field-error -empty")


def show_error(widget: Static, message: str | None) -> None:
    widget.update(message or "")
    widget.set_class(not message, "-empty")
