"""Step 6: key learnings, one per line."""

from __future__ import annotations

from textual.app import ComposeResult

from pmtui.tui.widgets.fields import BlameInput
from pmtui.tui.widgets.steps.base import ListStepPane


class LearningsPane(ListStepPane):
    STEP = "learnings"
    TITLE = "6 · Key learnings"
    ITEM_NAME = "learning"
    GUIDANCE = (
        "[b]About Learning[/b]\n"
        "• Failure is tuition for future success\n"
        "• Shared learnings multiply value across the organization\n"
        "• The goal is to fail safely, learn quickly, and improve continuously\n\n"
        "What did this incident teach us about our [b]system[/b]? "
        "What would we tell another team?\n\n"
        "[i]Every incident is a gift: it shows us where our system is weak.[/i]"
    )
    GUIDANCE_SHORT = "What did this incident teach us about our [b]system[/b]?"

    def rows(self) -> list[str]:
        return self.doc.learnings

    def set_rows(self, rows: list[str]) -> None:
        self.doc.learnings = rows

    def new_row(self, after: int | None) -> str:
        return ""

    def compose_row(self, index: int) -> ComposeResult:
        yield BlameInput(
            f"learnings[{index}]",
            f"Learning {index + 1}",
            self.doc.learnings[index],
            id=f"learning-{index}",
            placeholder="e.g. Config changes need the same checks as code",
        )
