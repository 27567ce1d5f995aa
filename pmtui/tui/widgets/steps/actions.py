"""Step 4 of the spec: Action Items (Systemic Fixes), with live action-item checks."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from pmtui import times
from pmtui.document.model import ActionItem, Status
from pmtui.tui.widgets.fields import FieldInput, FieldSelect, as_choice
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
_STATUS_MARKS = {Status.PENDING: "○", Status.IN_PROGRESS: "◐", Status.DONE: "●"}


class ActionsPane(ListStepPane):
    STEP = "actions"
    TITLE = "5 · Action items"
    FIELD = "action_items"
    ITEM_NAME = "action item"
    ROW_LABEL = "Action item"
    HEADER = "  St  Action — owner · due"
    GUIDANCE = (
        "[b]Every action item must:[/b]\n"
        "• Fix the [b]system[/b], not blame the [b]individual[/b]\n"
        "• Have a clear [b]owner[/b] and [b]due date[/b]\n"
        "• Be [b]verifiable[/b] (how will we know it's done?)\n\n"
        "[b]Good action items[/b]\n"
        + "\n".join(f"✓ {escape(x)}" for x in GOOD_EXAMPLES)
        + "\n\n[b]Bad action items[/b]\n"
        + "\n".join(f'✗ "{escape(x)}"' for x in BAD_EXAMPLES)
        + '\n\n"Let\'s make this impossible to get wrong."'
    )
    GUIDANCE_SHORT = "Fix the [b]system[/b]; owner, due date, and how we will know it's done."

    def rows(self) -> list[ActionItem]:
        return self.doc.action_items

    def new_row(self, after: int | None) -> ActionItem:
        return ActionItem(action="")

    def render_row(self, index: int) -> Content:
        item = self.doc.action_items[index]
        action = item.action.replace("\n", " ") or "…"
        who = item.owner or "no owner"
        due = times.format_date(item.due) or "no due date"
        problems = self.session.checker.action_item(item, doc=self.doc)
        return Content.assemble(
            Content(f"{_STATUS_MARKS[item.status]}   "),
            Content(action) if item.action else Content.styled(action, "dim"),
            Content.styled(f" — {who} · {due}", "dim"),
            Content.from_markup(f"  [$warning]⚠{len(problems)}[/]") if problems else Content(""),
        )

    def row_texts(self, index: int) -> list[tuple[str, str]]:
        item = self.doc.action_items[index]
        return [
            (f"action_items[{index}].action", item.action),
            (f"action_items[{index}].owner", item.owner),
            (f"action_items[{index}].verification", item.verification),
        ]

    def compose_editor(self) -> ComposeResult:
        yield self.text_field(
            "action_items[0].action",
            "Action item 1",
            "",
            id="action",
            placeholder=f"e.g. {GOOD_EXAMPLES[0]}",
        )
        with Horizontal(classes="action-meta"):
            yield self.text_field(
                "action_items[0].owner",
                "Owner of action item 1",
                "",
                id="owner",
                classes="owner",
                placeholder="Owner, e.g. @sam",
            )
            yield FieldInput(
                "action_items[0].due",
                label="Due date",
                id="due",
                classes="due",
                placeholder="Due YYYY-MM-DD",
                on_edit=self._due_edited,
            )
            yield FieldSelect(
                "action_items[0].status",
                [(s.value, s) for s in Status],
                value=Status.PENDING,
                allow_blank=False,
                id="status",
                classes="status",
                on_edit=self._status_edited,
            )
        yield field_error("due-error")
        yield self.text_field(
            "action_items[0].verification",
            "Verification of action item 1",
            "",
            id="verification",
            placeholder="How will we know it is done?",
        )
        yield Static("", id="checks", classes="action-checks")

    def load_row(self, index: int) -> None:
        item = self.doc.action_items[index]
        n = index + 1
        self.query_one("#action", FieldInput).load(
            item.action, field_path=f"action_items[{index}].action", label=f"Action item {n}"
        )
        self.query_one("#owner", FieldInput).load(
            item.owner, field_path=f"action_items[{index}].owner", label=f"Owner of action item {n}"
        )
        self.query_one("#due", FieldInput).load(
            times.format_date(item.due), field_path=f"action_items[{index}].due"
        )
        self.query_one("#status", FieldSelect).load(
            item.status, field_path=f"action_items[{index}].status"
        )
        self.query_one("#verification", FieldInput).load(
            item.verification,
            field_path=f"action_items[{index}].verification",
            label=f"Verification of action item {n}",
        )
        show_error(self.query_one("#due-error", Static), None)
        self.update_checks()

    def checks_text(self, index: int) -> str:
        """The checker's action-item checks for one item, as markup."""
        item = self.doc.action_items[index]
        findings = self.session.checker.action_item(item, doc=self.doc)
        if not findings:
            return "[$success]✓ owner, due date and a systemic action[/]"
        return "\n".join(
            f"[$warning]⚠ {escape(f.message)}[/]"
            + (f" [i]→ {escape(f.suggestion)}[/i]" if f.suggestion else "")
            for f in findings
        )

    def update_checks(self) -> None:
        if 0 <= self.current < len(self.doc.action_items):
            self.query_one("#checks", Static).update(self.checks_text(self.current))

    def edited(self, field: str) -> None:
        super().edited(field)
        if field.startswith("action_items[") or field == "author":
            self.update_checks()

    def _due_edited(self, text: str) -> None:
        index = self.current
        if self.session.read_only or not 0 <= index < len(self.doc.action_items):
            return
        error = self.query_one("#due-error", Static)
        value = None
        if text.strip():
            try:
                value = times.parse_date(text)
            except ValueError as exc:
                show_error(error, f"Due date: {exc} (the last good date is kept)")
                return
        show_error(error, None)
        if self.doc.action_items[index].due != value:
            self.doc.action_items[index].due = value
            self.row_edited(f"action_items[{index}].due")

    def _status_edited(self, value: Any) -> None:
        index = self.current
        status = as_choice(Status, value)
        if self.session.read_only or status is None:
            return
        if (
            0 <= index < len(self.doc.action_items)
            and self.doc.action_items[index].status != status
        ):
            self.doc.action_items[index].status = status
            self.row_edited(f"action_items[{index}].status")
