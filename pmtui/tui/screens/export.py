"""Ask where to export the post-mortem as Markdown; dismisses with a Path or None."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ExportScreen(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 72; max-width: 95%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    ExportScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ExportScreen Button { margin-left: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Cancel")]

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Export Markdown[/b]: write a copy of the post-mortem to")
            yield Input(str(self.default), id="export-path")
            with Horizontal():
                yield Button("Cancel", id="export-no")
                yield Button("Export", id="export-yes", variant="primary")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-yes")
    def _export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        self.dismiss(Path(text).expanduser() if text else None)

    @on(Button.Pressed, "#export-no")
    def action_cancel(self) -> None:
        self.dismiss(None)
