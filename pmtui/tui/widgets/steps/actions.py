"""Step 4 of the spec: Action Items (Systemic Fixes), with live action-item checks."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, Static

from pmtui import times
from pmtui.document.fields import split_path
from pmtui.document.model import ActionItem, Status
from pmtui.tui.widgets.fields import BlameInput, FieldInput, FieldSelect
from pmtui.tui.widgets.steps.base import ListStepPane, field_error, show_error

GOOD_EXAMPLES = (
    "Add automated config validation to CI pipeline",
    "Create runbook for this failure scenario",
    "Add monitoring for [specific metric]",
)
BAD_EXAMPLES = (
    "Be more careful",
    "Review changes more thoroughly",
    "Remember to check this next time",
)


class ActionsPane(ListStepPane):
    STEP = "actions"
    TITLE = "5 · Action items"
    ITEM_NAME = "action item"
    GUIDANCE = (
        "[b]Every action item must:[/b]\n"
        "• Fix the [b]system[/b], not blame the [b]individual[/b]\n"
        "• Have a clear [b]owner[/b] and [b]due date[/b]\n"
        "• Be [b]verifiable[/b] (how will we know it's done?)\n\n"
        "[b]Good action items[/b]\n"
        + "\n".join(f"✓ {x}" for x in GOOD_EXAMPLES)
        + "\n\n[b]Bad action items[/b]\n"
        + "\n".join(f'✗ "{x}"' for x in BAD_EXAMPLES)
        + '\n\n"Let\'s make this impossible to get wrong."'
    )
    GUIDANCE_SHORT = "Fix the [b]system[/b]; owner, due date, and how we will know it's done."

    def rows(self) -> list[ActionItem]:
        return self.doc.action_items

    def set_rows(self, rows: list[ActionItem]) -> None:
        self.doc.action_items = rows

    def new_row(self, after: int | None) -> ActionItem:
        return ActionItem(action="")

    def compose_row(self, index: int) -> ComposeResult:
        item = self.doc.action_items[index]
        yield Label(f"[b]Action item {index + 1}[/b]", classes="field-label")
        yield BlameInput(
            f"action_items[{index}].action",
            f"Action item {index + 1}",
            item.action,
            id=f"action-{index}",
            placeholder=f"e.g. {GOOD_EXAMPLES[index % len(GOOD_EXAMPLES)]}",
        )
        with Horizontal(classes="action-meta"):
            yield BlameInput(
                f"action_items[{index}].owner",
                f"Owner of action item {index + 1}",
                item.owner,
                id=f"owner-{index}",
                classes="owner",
                placeholder="Owner, e.g. @sam",
            )
            yield FieldInput(
                f"action_items[{index}].due",
                times.format_date(item.due),
                row_index=index,
                id=f"due-{index}",
                classes="due",
                placeholder="Due YYYY-MM-DD",
            )
            yield FieldSelect(
                f"action_items[{index}].status",
                [(s.value, s) for s in Status],
                row_index=index,
                value=item.status,
                allow_blank=False,
                id=f"status-{index}",
                classes="status",
            )
        yield field_error(f"due-error-{index}")
        yield BlameInput(
            f"action_items[{index}].verification",
            f"Verification of action item {index + 1}",
            item.verification,
            id=f"verification-{index}",
            placeholder="How will we know it is done?",
        )
        yield Static(self.checks_text(index), id=f"checks-{index}", classes="action-checks")

    def checks_text(self, index: int) -> str:
        """The engine's action-item checks for one item, as markup."""
        item = self.doc.action_items[index]
        findings = self.session.checker.action_item(item, doc=self.doc)
        if not findings:
            return "[$success]✓ owner, due date and a systemic action[/]"
        return "\n".join(
            f"[$warning]⚠ {f.message}[/]" + (f" [i]→ {f.suggestion}[/i]" if f.suggestion else "")
            for f in findings
        )

    def edited(self, field: str) -> None:
        super().edited(field)
        if field.startswith("action_items["):
            index = split_path(field)[1]
            if index is not None and index < len(self.doc.action_items):
                for checks in self.query(f"#checks-{index}").results(Static):
                    checks.update(self.checks_text(index))

    @on(Input.Changed, ".due")
    def _due_changed(self, event: Input.Changed) -> None:
        assert isinstance(event.input, FieldInput)
        index = event.input.row_index
        error = self.query_one(f"#due-error-{index}", Static)
        text = event.value.strip()
        value: dt.date | None = None
        if text:
            try:
                value = times.parse_date(text)
            except ValueError as exc:
                show_error(error, f"Due date: {exc}")
                return
        show_error(error, None)
        if not self.session.read_only and self.doc.action_items[index].due != value:
            self.doc.action_items[index].due = value
            self.edited(f"action_items[{index}].due")

    @on(Select.Changed, ".status")
    def _status_changed(self, event: Select.Changed) -> None:
        assert isinstance(event.select, FieldSelect)
        index = event.select.row_index
        if not isinstance(event.value, Status):
            return
        value = event.value
        if not self.session.read_only and self.doc.action_items[index].status != value:
            self.doc.action_items[index].status = value
            self.edited(f"action_items[{index}].status")
