"""The wizard: the step list, one pane per step, live warnings, autosave."""

from __future__ import annotations

import datetime as dt
import gc
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Footer, Header, OptionList

from pmtui.document.autosave import POLL_INTERVAL
from pmtui.document.fields import step_of
from pmtui.document.model import STEPS
from pmtui.tui.messages import AllowFinding, DocumentEdited, FieldFindings, FieldFocused, JumpToField
from pmtui.tui.widgets.step_list import StepList
from pmtui.tui.widgets.steps import STEP_PANES, STEP_TITLES, StepPane
from pmtui.tui.widgets.warning_panel import WarningPanel

if TYPE_CHECKING:
    from pmtui.document.session import DraftSession

#: Seconds of quiet before the step list's counts are recomputed.
COUNTS_DEBOUNCE = 0.25


class WizardScreen(Screen[None]):
    """Draft a post-mortem step by step. Built on a ``DraftSession``."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="save",
            tooltip="Save now (it autosaves too)",
            priority=True,
        ),
        Binding(
            "ctrl+b",
            "previous_step",
            "Back",
            id="previous-step",
            tooltip="Previous step",
            priority=True,
        ),
        Binding("ctrl+n", "next_step", "Next", id="next-step", tooltip="Next step", priority=True),
        Binding(
            "ctrl+r",
            "review",
            "Review",
            id="review",
            tooltip="Go to the review step",
            priority=True,
        ),
        Binding(
            "ctrl+l",
            "allow_warning",
            "Allow",
            id="allow-warning",
            tooltip="Allow the shown blame warning (saved in the file)",
            priority=True,
        ),
        Binding(
            "ctrl+o",
            "export",
            "Export",
            id="export",
            tooltip="Export the post-mortem as Markdown",
            priority=True,
        ),
        Binding("escape", "home", "Home", id="home", tooltip="Save and go to the list"),
    ]

    def __init__(self, session: DraftSession, *, focus_field: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.initial_field = focus_field
        self.step = session.doc.wizard_step or "facts"
        #: Warning counts per step from the last whole-document scan.
        self.warning_counts: dict[str, int] = {}
        self._counts_timer: Timer | None = None
        self._reported_error: str | None = None
        self._session_closed = False

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
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sessions = getattr(self.app, "open_sessions", None)
        if sessions is not None and self.session not in sessions:
            sessions.append(self.session)
        self.title = self.session.doc.title or "Untitled post-mortem"
        self._show_status()
        self.refresh_counts()
        self.set_interval(POLL_INTERVAL, self.autosave_tick)
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
        if record and not self.session.read_only and self.session.doc.wizard_step != step:
            self.session.doc.wizard_step = step
            self.session.changed()
        self.query_one("#panes", ContentSwitcher).current = f"step-{step}"
        pane = self.pane(step)
        pane.refresh_view()
        panel = self.query_one(WarningPanel)
        panel.reset()
        panel.display = step != "review"  # the review lists every warning itself
        pane.focus_field(field)
        self.query_one(StepList).highlighted = STEPS.index(step)
        self.sub_title = f"{STEP_TITLES[step]} · {self._status_text()}"

    def action_next_step(self) -> None:
        index = STEPS.index(self.step)
        if index + 1 < len(STEPS):
            self.show_step(STEPS[index + 1])

    def action_previous_step(self) -> None:
        index = STEPS.index(self.step)
        if index > 0:
            self.show_step(STEPS[index - 1])

    def action_review(self) -> None:
        self.show_step("review")

    def action_go_to_step(self, step: str) -> None:
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
        self.query_one(WarningPanel).show(message.field, message.label, message.findings)

    @on(FieldFocused)
    def _field_focused(self, message: FieldFocused) -> None:
        self.query_one(WarningPanel).show(message.field, message.label, message.findings)

    @on(DocumentEdited)
    def _document_edited(self, message: DocumentEdited) -> None:
        if message.field == "title":
            self.title = self.session.doc.title or "Untitled post-mortem"
        if self._counts_timer is not None:
            self._counts_timer.stop()
        self._counts_timer = self.set_timer(COUNTS_DEBOUNCE, self.refresh_counts)

    def refresh_counts(self) -> None:
        """Recompute completeness and warning counts for the step list."""
        counts: dict[str, int] = {}
        for found in self.session.findings():
            counts[found.step] = counts.get(found.step, 0) + 1
        self.warning_counts = counts
        self.query_one(StepList).update_steps(self.session.doc, counts, self.step)

    def action_allow_warning(self) -> None:
        panel = self.query_one(WarningPanel)
        if not panel.findings:
            self.notify("No warning to allow in this field.")
            return
        self.post_message(AllowFinding(panel.findings[0]))

    @on(AllowFinding)
    def _allow(self, message: AllowFinding) -> None:
        if self.session.read_only:
            return
        self.session.allow(message.finding)
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
        if self.session.last_error:
            return f"{self.session.path.name} · NOT SAVED"
        return f"{self.session.path.name}{' · edited' if self.session.dirty else ' · saved'}"

    def _show_status(self) -> None:
        self.sub_title = f"{STEP_TITLES[self.step]} · {self._status_text()}"

    def autosave_tick(self) -> None:
        """Called every POLL_INTERVAL: write the draft when a save is due.

        The document is copied here and written in a thread, so a slow disk
        (fsync) never delays a keystroke."""
        due = self.session.due_snapshot()
        if due is not None:
            self.run_worker(
                partial(self.session.write_snapshot, *due),
                thread=True,
                group="autosave",
                description="autosave",
            )
        error = self.session.last_error
        if error and error != self._reported_error:
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
        self._reported_error = error
        self._show_status()

    def action_save(self) -> None:
        if self.session.read_only:
            self.notify("Read-only: this file is open in another pmtui.", severity="warning")
            return
        from pmtui.errors import UserError

        try:
            self.session.save()
        except (UserError, OSError) as exc:
            self.notify(f"Could not save: {exc}", severity="error", timeout=10)
            return
        self._show_status()
        self.notify(f"Saved {self.session.path}")

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
        from pmtui.errors import UserError

        try:
            if path.is_dir():
                path = path / self.session.path.name
            atomic_write_text(path, to_markdown(self.session.doc))
        except (UserError, OSError) as exc:
            self.notify(f"Could not export: {exc}", severity="error", timeout=10)
            return
        self.notify(f"Exported to {path}")

    def close_session(self) -> None:
        """Save and release the lock (safe to call twice)."""
        if self._session_closed:
            return
        self._session_closed = True
        from pmtui.errors import UserError

        sessions = getattr(self.app, "open_sessions", None)
        if sessions is not None and self.session in sessions:
            sessions.remove(self.session)
        try:
            self.session.close()
        except (UserError, OSError) as exc:
            self.app.notify(f"Could not save: {exc}", severity="error", timeout=10)

    def action_home(self) -> None:
        self.close_session()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.close_session()

    # -- used by the screenshots script and tests --------------------------------------

    def today(self) -> dt.date:
        return self.session.today()
