"""The base of every screen that edits a post-mortem (the wizard, meeting mode): one
save path for both.

The screen registers its :class:`~pmtui.document.session.DraftSession` with the app, asks
it every :data:`~pmtui.document.autosave.POLL_INTERVAL` whether a save is due, and writes
a copy of the document in a worker thread, so a slow disk never delays a keystroke or the
meeting clock. Leaving the screen (or the app) saves and releases the lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from pmtui.document.autosave import POLL_INTERVAL
from pmtui.tui.errors import report
from pmtui.tui.ordering import drain

if TYPE_CHECKING:
    from pmtui.document.model import Postmortem
    from pmtui.document.session import DraftSession
    from pmtui.tui.app import PmtuiApp


class SessionScreen(Screen[None]):
    """A screen built on one open draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Tab moves focus at the app, before later keys are sent on: Textual's own
        # tab binding runs only after the key bubbled up from the field, by which time
        # the next keys of a burst (or of quick typing) went into the old field.
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
    ]

    def __init__(self, session: DraftSession) -> None:
        super().__init__()
        self.session = session
        self._session_closed = False
        self._reported_error: str | None = None

    @property
    def pmtui(self) -> PmtuiApp:
        from pmtui.tui.app import pmtui_app

        return pmtui_app(self)

    def on_mount(self) -> None:
        self.pmtui.sessions.add(self.session)
        self.set_interval(POLL_INTERVAL, self.autosave_tick)

    async def action_next_field(self) -> None:
        await drain(self)
        self.focus_next()

    async def action_previous_field(self) -> None:
        await drain(self)
        self.focus_previous()

    # -- hooks for subclasses ------------------------------------------------------

    def before_save(self) -> None:
        """Bring the document up to date before it is copied (meeting mode puts the
        clock's record in)."""

    def show_status(self) -> None:
        """Show whether the draft is saved (the wizard's subtitle)."""

    # -- saving --------------------------------------------------------------------

    def autosave_tick(self) -> None:
        """Write the draft when a save is due (in a thread)."""
        self.before_save()
        due = self.session.due_snapshot()
        if due is not None:
            self._write(*due, announce=False)
        self._report_new_error()
        self.show_status()

    def save_now(self, *, announce: bool = True) -> None:
        """Write the draft now (in a thread); ``announce`` says so when it is written."""
        if self.session.read_only:
            if announce:
                self.notify("Read-only: this file is open in another pmtui.", severity="warning")
            return
        self.before_save()
        snapshot = self.session.snapshot()
        if snapshot is not None:
            self._write(*snapshot, announce=announce)

    def _write(self, snapshot: Postmortem, number: int, *, announce: bool) -> None:
        def write() -> None:
            ok = self.session.write_snapshot(snapshot, number)
            if announce and ok:
                self.app.call_from_thread(self.notify, f"Saved {self.session.path}")
            self.app.call_from_thread(self._after_write)

        self.run_worker(write, thread=True, group="save", description="save")

    def _after_write(self) -> None:
        self._report_new_error()
        self.show_status()

    def _report_new_error(self) -> None:
        error = self.session.last_error
        if error and error != self._reported_error:
            report(self, "save", error)
        self._reported_error = error

    def close_session(self) -> None:
        """Save and release the lock (safe to call twice)."""
        if self._session_closed:
            return
        self._session_closed = True
        self.before_save()
        from pmtui.errors import UserError

        try:
            self.pmtui.sessions.close(self.session)
        except UserError as exc:
            report(self.app, "save", exc)

    def on_unmount(self) -> None:
        self.close_session()
