"""The base of every screen that edits a post-mortem (the wizard, meeting mode): one
save path for both.

The screen registers its :class:`~pmtui.document.session.DraftSession` with the app, asks
it every :data:`~pmtui.document.autosave.POLL_INTERVAL` whether a save is due, and writes
a copy of the document in a worker thread, so a slow disk never delays a keystroke or the
meeting clock. Leaving the screen (or the app) saves and releases the lock.

On the same tick it looks at the file (one ``stat``; read and parsed in a thread only
when the stat differs): a change made on disk by someone else, or a save refused because
of one, opens :class:`~pmtui.tui.screens.external_change.ExternalChangeScreen`, which
asks whether to reload theirs, keep mine as a copy, or merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from pmtui.document.autosave import POLL_INTERVAL
from pmtui.tui.errors import report, reporting
from pmtui.tui.ordering import drain

if TYPE_CHECKING:
    from pmtui.document.external import ExternalChange
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
        self._checking_disk = False
        #: The version of the file last asked about (not asked twice for one version).
        self._asked: tuple[str, str] | None = None
        self._asking = False

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

    def reload_view(self) -> None:
        """Show ``session.doc`` again after it was replaced (reload, merge). The base
        refreshes the step panes' text fields; the wizard rebuilds itself."""
        from pmtui.tui.widgets.steps.base import StepPane

        for pane in self.query(StepPane):
            pane.refresh_view()
        self.show_status()

    # -- saving --------------------------------------------------------------------

    def autosave_tick(self) -> None:
        """Write the draft when a save is due (in a thread)."""
        if self._session_closed:
            return  # closed, or handed to the screen that replaced this one
        self.before_save()
        self.watch_disk()
        due = self.session.due_snapshot()
        if due is not None:
            self._write(*due, announce=False)
        self._report_new_error()
        self.show_status()

    def save_now(self, *, announce: bool = True) -> None:
        """Write the draft now (in a thread); ``announce`` says so when it is written."""
        if self.session.read_only:
            if announce:
                why = self.session.read_only_reason or "open in another pmtui"
                self.notify(f"Read-only: {why}.", severity="warning", markup=False)
            return
        if self.session.external is not None:
            self._asked = None
            self.ask_about(self.session.external)
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
        if self._session_closed:
            return  # this screen is going away: its widgets must not be touched
        if self.session.external is not None:
            self.ask_about(self.session.external)
        self._report_new_error()
        self.show_status()

    def _report_new_error(self) -> None:
        error = self.session.last_error
        if error and error != self._reported_error and self.session.external is None:
            report(self, "save", error)
        self._reported_error = error

    # -- changes made on disk by someone else ----------------------------------------

    def watch_disk(self) -> None:
        """One ``stat``; when the file may have changed, read it in a thread. A change
        found meanwhile by another screen on this session (the wizard it replaced) is
        asked about here."""
        if self._session_closed:
            return
        pending = self.session.external
        if pending is not None and pending.version != self._asked:
            self.ask_about(pending)
            return
        if self._checking_disk or not self.session.disk_may_have_changed():
            return
        self._checking_disk = True
        session = self.session

        def check() -> None:
            change = None
            try:
                change = session.check_disk()
            finally:
                self.app.call_from_thread(self._disk_checked, change)

        self.run_worker(check, thread=True, group="disk", description="look at the file")

    def _disk_checked(self, change: ExternalChange | None) -> None:
        self._checking_disk = False
        if change is not None:
            self.ask_about(change)
        if not self._session_closed:  # not replaced by a rebuilt screen meanwhile
            self.show_status()

    def ask_about(self, change: ExternalChange) -> None:
        """Ask what to do about ``change`` (once per version of the file). A read-only
        view has nothing to lose: it shows theirs."""
        from pmtui.tui.screens.external_change import ExternalChangeScreen

        if self._asking or self._asked == change.version or self._session_closed:
            return
        self._asked = change.version
        if self.session.read_only:
            if change.usable:
                self.notify(f"{self.session.path.name} changed on disk; showing the new version.")
                self.session.reload()
                self.reload_view()
            return
        self._asking = True
        self.app.push_screen(ExternalChangeScreen(change, self.session.doc), self._answered)

    def _answered(self, choice: str | None) -> None:
        from pmtui.tui.screens.external_change import KEEP_MINE, MERGE, RELOAD

        self._asking = False
        session = self.session
        name = session.path.name
        pending = session.external
        if pending is None:
            return  # resolved meanwhile (the file went back to our version)
        if choice == RELOAD:
            with reporting(self, "reload") as outcome:
                session.reload()
            if outcome.ok:
                self.notify(f"Reloaded {name}: their version, your changes dropped.")
                self.reload_view()
        elif choice == MERGE:
            with reporting(self, "merge") as outcome:
                session.merge()
            if outcome.ok:
                self.notify(f"Merged their changes into {name}; saving.")
                self.reload_view()
        elif choice == KEEP_MINE:
            with reporting(self, "keep your version") as outcome:
                copy = session.keep_mine()
            if outcome.ok:
                self.notify(
                    f"Your version is saved as {copy.name}, and you are now editing it. "
                    f"{name} stays as they left it.",
                    timeout=12,
                    markup=False,
                )
        else:
            self.notify(
                f"Not saved: {name} changed on disk. Press ctrl+s to decide.",
                severity="warning",
                markup=False,
            )
        if self._session_closed:
            return  # a rebuilt screen shows the session now (and asks about what is new)
        if session.external is not None and session.external is not pending:
            self.ask_about(session.external)  # it changed again while we asked
        self.show_status()

    def detach_session(self) -> None:
        """Leave the session open for another screen (the wizard rebuilding itself):
        this screen going away no longer saves and unlocks it."""
        self._session_closed = True

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
            self.pmtui.closing_failed(self.session.path, exc)

    def on_unmount(self) -> None:
        self.close_session()
