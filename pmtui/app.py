"""The Textual app (a placeholder home screen until the wizard lands)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class PmtuiApp(App[None]):
    TITLE = "pmtui"
    SUB_TITLE = "blameless post-mortems"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("pmtui guides a team through a blameless post-mortem.", id="welcome")
        yield Footer()


def run(
    *,
    new_title: str | None = None,
    open_path: Path | None = None,
    meeting: bool = False,
    agenda: str | None = None,
    theme: str | None = None,
) -> int:
    PmtuiApp().run()
    return 0
