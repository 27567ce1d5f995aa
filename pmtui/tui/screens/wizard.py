"""The wizard: the step list, one pane per step, live warnings, autosave."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Header, OptionList

from pmtui import state
from pmtui.document.fields import get_text, step_of
from pmtui.document.model import STEP_TITLES, STEPS
from pmtui.tui.errors import reporting
from pmtui.tui.messages import (
    AllowFinding,
    DocumentEdited,
    FieldFindings,
    FieldFocused,
    JumpToField,
)
from pmtui.tui.ordering import drain
from pmtui.tui.screens.session_screen import SessionScreen
from pmtui.tui.widgets.footer import PmtuiFooter
from pmtui.tui.widgets.step_list import StepList
from pmtui.tui.widgets.steps import STEP_PANES, StepPane
from pmtui.tui.widgets.warning_panel import WarningPanel

if TYPE_CHECKING:
    from pmtui.blame import Finding
    from pmtui.document.session import DraftSession

#: Seconds of quiet before the step list's counts are recomputed.
COUNTS_DEBOUNCE = 0.25


class WizardScreen(SessionScreen):
    """Draft a post-mortem step by step. Built on a ``DraftSession``."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="wizard.save",
            tooltip="Save now (it autosaves too)",
            priority=True,
        ),
        Binding(
            "ctrl+b",
            "previous_step",
            "Back",
            id="wizard.previous-step",
            tooltip="Previous step",
            priority=True,
        ),
        Binding(
            "ctrl+n", "next_step", "Next", id="wizard.next-step", tooltip="Next step", priority=True
        ),
        Binding(
            "ctrl+r",
            "review",
            "Review",
            id="wizard.review",
            tooltip="Go to the review step",
            priority=True,
        ),
        Binding(
            "ctrl+l",
            "allow_warning",
            "Allow",
            id="wizard.allow-warning",
            tooltip="Allow the shown blame warning (saved in the file)",
            priority=True,
        ),
        Binding(
            "ctrl+o",
            "export",
            "Export",
            id="wizard.export",
            tooltip="Export the post-mortem as Markdown",
            priority=True,
        ),
        Binding("escape", "home", "Home", id="wizard.home", tooltip="Save and go to the list"),
    ]

    def __init__(self, session: DraftSession, *, focus_field: str | None = None) -> None:
        super().__init__(session)
        self.initial_field = focus_field
        self.step = state.last_step(session.path) or session.doc.wizard_step or "facts"
        #: Warning counts per step from the last whole-document scan.
        self.warning_counts: dict[str, int] = {}
        self._counts_timer: Timer | None = None

    # -- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="wizard-body"):
            yield StepList()
            with Vertical(id="wizard-main"):
                with ContentSwitcher(initial=f"step-{self.step}", id="panes"):
                    for step in STEPS:
                        yield STEP_PANES[step](self.session)
                yield WarningPanel()
        yield PmtuiFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.session.doc.title or "Untitled post-mortem"
        self.show_status()
        # After the first paint: the first scan may still wait for the blame model.
        self.call_after_refresh(self.refresh_counts)
        self.call_after_refresh(self.show_step, self.step, self.initial_field, False)
        # The screen's thousands of long-lived objects leave the garbage
        # collector's scans: a full collection then takes ~7 ms instead of
        # ~45 ms, which would otherwise show as a stutter while typing.
        self.call_after_refresh(gc.freeze)

    def pane(self, step: str | None = None) -> StepPane:
        return self.query_one(f"#step-{step or self.step}", StepPane)

    # -- steps -----------------------------------------------------------------------

    def show_step(self, step: str, field: str | None = None, record: bool = True) -> None:
        """Switch to ``step`` and focus ``field`` (or its first field)."""
        self.step = step
        if record:
            state.remember_step(self.session.path, step)
        self.query_one("#panes", ContentSwitcher).current = f"step-{step}"
        pane = self.pane(step)
        pane.refresh_view()
        panel = self.query_one(WarningPanel)
        panel.reset()
        panel.display = step != "review"  # the review lists every warning itself
        pane.focus_field(field)
        self.query_one(StepList).highlighted = STEPS.index(step)
        self.sub_title = f"{STEP_TITLES[step]} · {self._status_text()}"

    async def action_next_step(self) -> None:
        await drain(self)  # keys typed before ctrl+n stay in this step's field
        index = STEPS.index(self.step)
        if index + 1 < len(STEPS):
            self.show_step(STEPS[index + 1])

    async def action_previous_step(self) -> None:
        await drain(self)
        index = STEPS.index(self.step)
        if index > 0:
            self.show_step(STEPS[index - 1])

    async def action_review(self) -> None:
        await drain(self)
        self.show_step("review")

    async def action_go_to_step(self, step: str) -> None:
        await drain(self)
        self.show_step(step)

    @on(OptionList.OptionSelected, "#step-list")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.show_step(event.option.id)

    @on(JumpToField)
    def _jump(self, message: JumpToField) -> None:
        self.show_step(step_of(message.field), message.field)

    # -- warnings --------------------------------------------------------------------

    @on(FieldFindings)
    def _field_findings(self, message: FieldFindings) -> None:
        self._show_warnings(message.field, message.label, message.findings)

    @on(FieldFocused)
    def _field_focused(self, message: FieldFocused) -> None:
        self._show_warnings(message.field, message.label, message.findings)

    def _show_warnings(self, field: str, label: str, findings: list[Finding]) -> None:
        self.query_one(WarningPanel).show(field, label, findings)
        # The panel grows with its warnings; the field being edited stays in view.
        self.call_after_refresh(self._focused_in_view)

    def _focused_in_view(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    @on(DocumentEdited)
    def _document_edited(self, message: DocumentEdited) -> None:
        if message.field == "title":
            self.title = self.session.doc.title or "Untitled post-mortem"
        if self._counts_timer is not None:
            self._counts_timer.stop()
        self._counts_timer = self.set_timer(COUNTS_DEBOUNCE, self.refresh_counts)

    def refresh_counts(self) -> None:
        """Recompute completeness and warning counts for the step list."""
        counts = self.session.checker.counts(self.session.doc)
        self.warning_counts = counts
        self.query_one(StepList).update_steps(self.session.doc, counts, self.step)

    def action_allow_warning(self) -> None:
        panel = self.query_one(WarningPanel)
        if not panel.findings:
            self.notify("No warning to allow in this field.")
            return
        self.post_message(AllowFinding(panel.findings[0], panel.field))

    @on(AllowFinding)
    def _allow(self, message: AllowFinding) -> None:
        if self.session.read_only:
            return
        text = get_text(self.session.doc, message.field) if message.field else None
        self.session.allow(message.finding, text=text)
        pane = self.pane()
        pane.scan_all()
        panel = self.query_one(WarningPanel)
        if panel.field is not None:
            panel.show(panel.field, panel.label, pane.findings_for(panel.field))
        self.refresh_counts()
        self.notify(f"Allowed “{message.finding.match}” (saved in the file).")

    # -- saving --------------------------------------------------------------------

    def _status_text(self) -> str:
        if self.session.read_only:
            return f"{self.session.path.name} (read-only)"
        if self.session.external is not None:
            return f"{self.session.path.name} · CHANGED ON DISK, not saved"
        if self.session.last_error:
            return f"{self.session.path.name} · NOT SAVED"
        from pmtui.meeting.text import paused_note

        status = f"{self.session.path.name}{' · edited' if self.session.dirty else ' · saved'}"
        paused = paused_note(self.session.doc.meeting)
        return f"{status} · {paused.upper()}" if paused else status

    def show_status(self) -> None:
        self.sub_title = f"{STEP_TITLES[self.step]} · {self._status_text()}"

    def action_save(self) -> None:
        self.save_now()

    def reload_view(self) -> None:
        """The document was replaced (reload, merge): a fresh wizard on the same
        session and step shows it (rows and all)."""
        self.session.doc.wizard_step = self.step
        self.detach_session()
        self.app.switch_screen(WizardScreen(self.session))

    @on(Button.Pressed, "#review-save")
    def _review_save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#review-export")
    def _review_export(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        from pmtui.tui.screens.export import ExportScreen

        default = Path.cwd() / self.session.path.name
        self.app.push_screen(ExportScreen(default), self._export_to)

    def _export_to(self, path: Path | None) -> None:
        if path is None:
            return
        from pmtui.document.markdown import to_markdown
        from pmtui.document.storage import atomic_write_text

        if path.is_dir():
            path = path / self.session.path.name
        with reporting(self, "export") as outcome:
            atomic_write_text(path, to_markdown(self.session.doc))
        if outcome.ok:
            self.notify(f"Exported to {path}")

    def action_home(self) -> None:
        self.close_session()
        self.dismiss(None)

    # -- used by the screenshots script and tests --------------------------------------

    def today(self) -> dt.date:
        return self.session.today()
