"""Step 7: review - the document rendered, the completeness checklist, every
warning (select one to jump to its field), save and export."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from pmtui.document.completeness import checklist, percent_complete
from pmtui.document.fields import describe_field
from pmtui.document.model import STEP_TITLES
from pmtui.tui.messages import JumpToField
from pmtui.tui.widgets.document_view import DocumentView, document_lines
from pmtui.tui.widgets.steps.base import StepPane


class ReviewPane(StepPane):
    STEP = "review"
    TITLE = "7 · Review"

    DEFAULT_CSS = """
    ReviewPane .review-body { height: 1fr; }
    ReviewPane .review-doc { width: 1fr; height: 1fr; padding: 0 1; }
    ReviewPane .review-side {
        dock: right; width: 46; height: 1fr; border-left: vkey $primary 50%;
    }
    ReviewPane #review-checklist { height: auto; max-height: 12; overflow-y: auto; }
    ReviewPane .review-side Static { padding: 0 1; }
    ReviewPane #review-warnings { height: 1fr; min-height: 3; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(classes="review-body"):
            with Vertical(classes="review-side"):
                with Horizontal(classes="buttons"):
                    yield Button("Save (ctrl+s)", id="review-save", compact=True)
                    yield Button("Export (ctrl+o)", id="review-export", compact=True)
                with Vertical(classes="review-side-body"):
                    yield Static("", id="review-checklist")
                    with Vertical(id="review-warnings-box"):
                        yield Static("", id="review-warnings-title")
                        yield OptionList(id="review-warnings", compact=True)
            yield DocumentView(id="review-doc")

    def on_mount(self) -> None:
        """Rendered when shown (``refresh_view``), not at start-up."""

    def refresh_view(self) -> None:
        doc = self.doc
        self.query_one(DocumentView).show(document_lines(doc))
        items = checklist(doc)
        missing = [item for item in items if not item.done]
        lines = [
            f"[b]Complete: {percent_complete(doc)}%[/b] ({len(items) - len(missing)} of "
            f"{len(items)} checks)"
        ]
        for item in missing:
            lines.append(f"[$warning]○[/] {STEP_TITLES[item.step]}: {item.label}")
        if not missing:
            lines.append("[$success]✓ Every step is complete.[/]")
        self.query_one("#review-checklist", Static).update("\n".join(lines))
        findings = self.session.findings()
        options = self.query_one("#review-warnings", OptionList)
        options.clear_options()
        for i, found in enumerate(findings):
            f = found.finding
            options.add_option(
                Option(
                    f"⚠ {describe_field(found.field)}: “{escape(f.match)}” → "
                    f"{escape(f.suggestion or f.message)}",
                    id=f"w{i}:{found.field}",
                )
            )
        allowed = self.session.checker.allowed_count(doc)
        waved = f" · allowed: {allowed}" if allowed else ""
        title = (
            f"[b]Warnings: {len(findings)}[/b]{waved} (enter: go to the field)"
            if findings
            else f"[b]No warnings.[/b]{waved} The language is blameless."
        )
        self.query_one("#review-warnings-title", Static).update(title)

    @on(OptionList.OptionSelected, "#review-warnings")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        field = option_id.split(":", 1)[1] if ":" in option_id else ""
        if field:
            self.post_message(JumpToField(field))

    def focus_field(self, field: str | None = None) -> bool:
        warnings = self.query_one("#review-warnings", OptionList)
        if warnings.option_count and warnings.highlighted is None:
            warnings.highlighted = 0  # enter goes straight to the first warning
        warnings.focus()
        return True
