"""Step 6: key learnings, one per row."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from pmtui.tui.widgets.fields import FieldInput
from pmtui.tui.widgets.steps.base import ListStepPane


class LearningsPane(ListStepPane):
    STEP = "learnings"
    TITLE = "6 · Key learnings"
    FIELD = "learnings"
    ITEM_NAME = "learning"
    ROW_LABEL = "Learning"
    HEADER = "  Learning"
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

    def new_row(self, after: int | None) -> str:
        return ""

    def render_row(self, index: int) -> Content:
        text = self.doc.learnings[index].replace("\n", " ")
        return Content(text) if text else Content.styled("…", "dim")

    def row_texts(self, index: int) -> list[tuple[str, str]]:
        return [(f"learnings[{index}]", self.doc.learnings[index])]

    def compose_editor(self) -> ComposeResult:
        yield self.text_field(
            "learnings[0]",
            "Learning 1",
            "",
            id="learning",
            placeholder="e.g. Config changes need the same checks as code",
        )

    def load_row(self, index: int) -> None:
        self.query_one("#learning", FieldInput).load(
            self.doc.learnings[index], field_path=f"learnings[{index}]", label=self.row_label(index)
        )
