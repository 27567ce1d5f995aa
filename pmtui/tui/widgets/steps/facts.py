"""Step 1: Gather Facts (Not Fault) - title, date, duration, severity, author,
summary and customer impact."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from pmtui import times
from pmtui.document.model import Severity
from pmtui.tui.widgets.fields import FieldInput, FieldSelect, as_choice
from pmtui.tui.widgets.steps.base import FOCUS_LINE, StepPane, field_error, show_error


class FactsPane(StepPane):
    STEP = "facts"
    TITLE = "1 · Facts"
    GUIDANCE = (
        "[b]Step 1: Gather Facts (Not Fault)[/b]\n\n"
        f"{FOCUS_LINE}\n\n"
        "[b]Summary[/b]: one paragraph: what happened, the impact, the key fix.\n"
        "[b]Severity[/b]: SEV-1 (worst) to SEV-3.\n"
        "[b]Duration[/b]: e.g. 2 hours; the timeline step can fill it in.\n\n"
        "[b]Ask[/b]\n"
        "• What was the customer impact?\n"
        '• What allowed this to happen? (not "Who caused this?")\n'
        '• "Our system didn\'t prevent this error", not "This was human error"'
    )
    GUIDANCE_SHORT = f"{FOCUS_LINE} Summary: what happened, impact, key fix."

    def compose_fields(self) -> ComposeResult:
        doc = self.doc
        yield Label("Incident title", classes="field-label")
        yield self.text_field("title", "Title", doc.title, id="title", placeholder="What happened?")
        yield Label("Date (YYYY-MM-DD)", classes="field-label")
        yield FieldInput(
            "date", times.format_date(doc.date), label="Date", id="date", on_edit=self._date_edited
        )
        yield field_error("date-error")
        yield Label("Duration", classes="field-label")
        yield self.text_field(
            "duration", "Duration", doc.duration, id="duration", placeholder="e.g. 2 hours"
        )
        yield Label("Severity", classes="field-label")
        yield FieldSelect(
            "severity",
            [(s.value, s) for s in Severity],
            value=doc.severity if doc.severity else Select.NULL,
            prompt="Choose SEV-1/2/3",
            id="severity",
            on_edit=self._severity_edited,
        )
        yield Label("Author", classes="field-label")
        yield self.text_field("author", "Author", doc.author, id="author", placeholder="Your name")
        yield Label("Summary: what happened, impact, key fix", classes="field-label")
        yield self.text_area("summary", "Summary", doc.summary, id="summary")
        yield Label("Customer impact", classes="field-label")
        yield self.text_area("impact", "Impact", doc.impact or "", id="impact")
        yield Static("")

    def _date_edited(self, text: str) -> None:
        if self.session.read_only:
            return
        error = self.query_one("#date-error", Static)
        value = None
        if text.strip():
            try:
                value = times.parse_date(text)
            except ValueError as exc:
                show_error(error, f"{exc} (the last good date is kept)")
                return
        show_error(error, None)
        if value != self.doc.date:
            self.doc.date = value
            self.edited("date")

    def _severity_edited(self, value: Any) -> None:
        severity = as_choice(Severity, value)
        if severity != self.doc.severity and not self.session.read_only:
            self.doc.severity = severity
            self.edited("severity")
