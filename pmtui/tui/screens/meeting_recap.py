"""The recap at End: the action items the room committed to, with owner, due date and
verification, marking what each lacks, before the meeting's record is saved. Dismisses
with True (end the meeting) or False (back to the clock to fill them in)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from pmtui.meeting.recap import RecapLine, recap_summary

_MISSING = "✗ missing"


class RecapScreen(ModalScreen[bool]):
    """The action items, one row each; the cells an item lacks say so."""

    DEFAULT_CSS = """
    RecapScreen { align: center middle; }
    RecapScreen > Vertical {
        width: 95%; max-width: 140; height: auto; max-height: 95%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    RecapScreen #recap-title { text-style: bold; }
    RecapScreen #recap-table { height: auto; max-height: 20; margin: 1 0; }
    RecapScreen Horizontal { height: auto; align-horizontal: right; }
    RecapScreen Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="meeting-recap.back", tooltip="Back to the meeting"),
        Binding(
            "f10",
            "end",
            "End and save",
            id="meeting-recap.end",
            tooltip="End the meeting and save its record",
            priority=True,
        ),
    ]

    def __init__(self, lines: list[RecapLine]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Before we end: the action items", id="recap-title")
            yield Static(recap_summary(self.lines), id="recap-summary")
            table: DataTable[Text] = DataTable(
                id="recap-table", cursor_type="row", zebra_stripes=True
            )
            yield table
            with Horizontal():
                yield Button("Back to the meeting (esc)", id="recap-back", compact=True)
                yield Button("End and save (F10)", id="recap-end", variant="warning", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#recap-table", DataTable)
        table.add_columns("", "Action", "Owner", "Due", "Verification")
        for line in self.lines:
            mark = Text("✗", style="bold red") if line.missing else Text("✓", style="green")
            table.add_row(
                mark,
                Text(line.action),
                _cell(line.owner),
                _cell(line.due),
                _cell(line.verification),
            )
        self.query_one("#recap-end", Button).focus()

    @on(Button.Pressed, "#recap-end")
    def action_end(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#recap-back")
    def action_back(self) -> None:
        self.dismiss(False)


def _cell(value: str) -> Text:
    return Text(value) if value else Text(_MISSING, style="bold red")
