"""Meeting mode: the timed agenda of a live post-mortem, for a shared screen.

A big countdown for the current agenda item sits beside that item's wizard step pane(s),
so the room edits the document while the clock runs. All timing comes from
:class:`~pmtui.meeting.agenda.MeetingTimer` and its injected clock; what the screen says
is built in :mod:`pmtui.meeting.text` and drawn by the widgets in
``pmtui/tui/widgets/meeting/``. This screen wires them: it redraws on a timer, runs the
controls, and saves through :class:`~pmtui.tui.screens.session_screen.SessionScreen`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.notifications import Notification, Notify
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static

from pmtui.document.fields import get_text
from pmtui.document.session import DraftSession
from pmtui.meeting import text
from pmtui.meeting.agenda import (
    DEFAULT_MINUTES,
    MeetingStateError,
    MeetingTimer,
    TimerState,
)
from pmtui.meeting.clock import Clock, SystemClock
from pmtui.meeting.guidance import facilitation_question
from pmtui.meeting.warnings import ShownWarning, WarningBoard
from pmtui.tui.messages import DocumentEdited, FieldFindings
from pmtui.tui.screens.meeting_entry import FACILITATION_BINDINGS, FACILITATION_LIVE
from pmtui.tui.screens.session_screen import SessionScreen
from pmtui.tui.widgets.meeting.agenda import AgendaPlan, AgendaProgress, MeetingRecordView
from pmtui.tui.widgets.meeting.clock import MeetingClock, colour_pane
from pmtui.tui.widgets.meeting.prompts import (
    BlameAlert,
    RoomQuestion,
    TipLine,
    rules_markup,
    tips_markup,
)
from pmtui.tui.widgets.steps import STEP_PANES, StepPane

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

#: How often the screen redraws (the figures come from the clock, not from this).
REDRAW_SECONDS = 0.25
#: While the clock runs, the meeting record reaches the document this often.
SYNC_SECONDS = 2.0

#: (palette name, screen action, help) for every meeting control.
CONTROLS: tuple[tuple[str, str, str], ...] = (
    ("Start meeting", "start", "Start the agenda clock on the first item"),
    ("Pause timer", "pause", "Stop the clock; nothing is counted until it resumes"),
    ("Resume timer", "resume", "Start the clock again on the current item"),
    ("Next agenda item", "next_item", "Move on; time now counts for the next item"),
    ("Previous agenda item", "previous_item", "Go back; time now counts for that item"),
    ("Add 5 minutes", "add_time", "Give the current item five more minutes"),
    ("End meeting", "end", "Stop the clock and save the meeting record"),
    (
        "Allow warning",
        "allow_warning",
        "Allow the warning shown (saved in the file, as in the wizard)",
    ),
    ("Dismiss warning", "dismiss_warning", "Hide the warning shown for the rest of this meeting"),
)
#: The controls that move the clock on: a "Time's up" no longer applies after them.
MOVES_ON = frozenset({"next_item", "previous_item", "add_time", "end"})


class MeetingScreen(SessionScreen):
    """The agenda clock beside the current item's wizard steps."""

    CSS_PATH = "meeting.tcss"
    DEFAULT_CLASSES = "meeting-room"
    #: Under 110 columns the clock is a strip above the step; from 110 it sits
    #: beside it, and from 150 the step pane has room for its full guidance.
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (110, "-wide"),
        (150, "-huge"),
    ]
    TITLE = "Post-mortem meeting"

    # Priority: F6/F7 would otherwise select text in a focused TextArea.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f5",
            "start",
            "Start",
            id="meeting.start",
            tooltip="Start the meeting clock",
            priority=True,
        ),
        Binding(
            "f6", "pause", "Pause", id="meeting.pause", tooltip="Pause the timer", priority=True
        ),
        Binding(
            "f6", "resume", "Resume", id="meeting.resume", tooltip="Resume the timer", priority=True
        ),
        Binding(
            "f7",
            "previous_item",
            "Prev item",
            id="meeting.previous",
            tooltip="Previous agenda item",
            priority=True,
        ),
        Binding(
            "f8",
            "next_item",
            "Next item",
            id="meeting.next",
            tooltip="Next agenda item",
            priority=True,
        ),
        Binding(
            "f9",
            "add_time",
            "+5 min",
            id="meeting.add",
            tooltip="Add 5 minutes to this item",
            priority=True,
        ),
        Binding(
            "f10", "end", "End", id="meeting.end", tooltip="End the meeting and save", priority=True
        ),
        Binding(
            "ctrl+l",
            "allow_warning",
            "Allow",
            id="meeting.allow-warning",
            tooltip="Allow the warning shown (saved in the file)",
            priority=True,
        ),
        Binding(
            "ctrl+g",
            "dismiss_warning",
            "Dismiss",
            id="meeting.dismiss-warning",
            tooltip="Hide the warning shown for the rest of this meeting",
            priority=True,
        ),
        Binding(
            "escape", "leave", "Back", id="meeting.leave", tooltip="Pause and go to the wizard"
        ),
        *FACILITATION_BINDINGS,
    ]

    def __init__(
        self,
        session: DraftSession,
        *,
        minutes: tuple[float, ...] = DEFAULT_MINUTES,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(session)
        self.clock: Clock = clock or SystemClock()
        self.timer = MeetingTimer.from_record(session.doc.meeting, self.clock, minutes)
        self._last_sync = self.clock.monotonic()
        self._shown_steps: tuple[str, ...] | None = None
        self._findings_stale = True
        #: The current item's warnings, the one the banner shows first.
        self.warnings = WarningBoard()
        self._edited_field: str | None = None
        #: The "Time's up" on screen, cleared when the meeting moves on.
        self._time_up: Notification | None = None

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-body"):
            with Vertical(id="timer-pane"):
                yield MeetingClock()
                yield BlameAlert(id="blame-alert", classes="-empty")
                yield RoomQuestion(id="question", classes="-empty")
                yield TipLine(id="tip-line")
                yield Static(tips_markup(), id="tips")
                yield AgendaProgress(id="agenda-progress")
            with ContentSwitcher(id="stage", initial="rules"):
                with VerticalScroll(id="rules"):
                    yield Static(
                        "Read these together, then press [b]F5[/b] "
                        "(or ctrl+p [b]Start meeting[/b]) to start the clock.",
                        id="start-hint",
                    )
                    yield Static(rules_markup(), id="rules-text")
                    yield AgendaPlan(id="agenda-table")
                yield VerticalScroll(id="steps")
                with VerticalScroll(id="summary"):
                    yield MeetingRecordView(id="summary-text")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = self.session.doc.title or self.session.path.name
        self.set_interval(REDRAW_SECONDS, self._tick)
        if self.timer.state is TimerState.PAUSED:
            self.notify(text.resumed_text(self.timer), title="Meeting resumed", timeout=8)
        self._refresh_all()

    # -- the clock ---------------------------------------------------------------

    def _tick(self) -> None:
        timer = self.timer
        for event in timer.poll():
            self._clear_time_up()
            self._time_up = Notification(
                text.time_up_text(event.name), "Time's up", "warning", timeout=10
            )
            self.app.post_message(Notify(self._time_up))
            self.app.bell()
        if self._findings_stale:
            self._refresh_findings()
        self._refresh_clock()

    def before_save(self) -> None:
        """The timer's record goes into the document every SYNC_SECONDS while it runs
        (and on every control, and on the way out)."""
        running = self.timer.state is TimerState.RUNNING
        if running and self.clock.monotonic() - self._last_sync < SYNC_SECONDS:
            return
        self._sync_record()

    def _sync_record(self) -> None:
        self._last_sync = self.clock.monotonic()
        record = self.timer.to_record()
        if record is not None and record != self.session.doc.meeting:
            self.session.doc.meeting = record
            self.session.changed()

    def _refresh_clock(self) -> None:
        timer = self.timer
        colour_pane(self.query_one("#timer-pane"), timer, self.query_one(MeetingClock).show(timer))
        self.query_one(AgendaProgress).show(timer)
        # The question fits the warning shown, else a quiet room.
        top = self.warnings.shown
        shown = [(top.found.finding.category, top.found.finding.match)] if top else []
        question = facilitation_question(shown, timer.quiet_for())
        self.query_one(RoomQuestion).show(question)
        self.query_one(TipLine).show(timer.total_elapsed(), hidden=question is not None)

    def _refresh_all(self) -> None:
        self._refresh_stage()
        self._refresh_clock()
        self.refresh_bindings()

    def _refresh_stage(self) -> None:
        switcher = self.query_one("#stage", ContentSwitcher)
        state = self.timer.state
        if state is TimerState.READY:
            switcher.current = "rules"
            self.query_one(AgendaPlan).show(self.timer)
        elif state is TimerState.ENDED:
            switcher.current = "summary"
            self.query_one(MeetingRecordView).show(self.timer, str(self.session.path))
        else:
            switcher.current = "steps"
            self._show_steps(self.timer.steps())

    # -- the step beside the clock -----------------------------------------------

    def _show_steps(self, steps: tuple[str, ...]) -> None:
        if steps == self._shown_steps:
            return
        self._shown_steps = steps
        container = self.query_one("#steps", VerticalScroll)
        container.remove_children()
        panes: list[StepPane] = [
            STEP_PANES[step](self.session) for step in steps if step in STEP_PANES
        ]
        if panes:
            mounted = container.mount_all(panes)

            async def focus_first_field() -> None:
                # The room can type straight away: focus the item's first field.
                await mounted
                if not panes[0].is_mounted:
                    return
                fields = panes[0].query("Input, TextArea, Select, Checkbox")
                first_field = next((w for w in fields if w.focusable), None)
                if first_field is not None:
                    # Not scrolled to: the step's heading and the field's label stay in view.
                    first_field.focus(scroll_visible=False)
                    self.call_after_refresh(self._cursor_to_end)

            self.call_after_refresh(focus_first_field)
        else:
            container.mount(
                Static("No wizard step for this agenda item.", classes="step-placeholder")
            )
        self.set_class(len(panes) > 1, "-multi-step")
        self._findings_stale = True

    def _cursor_to_end(self) -> None:
        """An Input selects all on focus; the room's first key must not replace it."""
        focused = self.app.focused
        if isinstance(focused, Input):
            focused.action_end()

    @on(DocumentEdited)
    def _edited(self, event: DocumentEdited) -> None:
        self.timer.touch()
        self._edited_field = event.field
        self._findings_stale = True

    @on(FieldFindings)
    def _field_findings(self, event: FieldFindings) -> None:
        self._findings_stale = True

    def _refresh_findings(self) -> None:
        """Warnings in the current item's steps, the most recent shown large."""
        self._findings_stale = False
        steps = self.timer.steps() if text.live(self.timer) else ()
        found = [f for f in self.session.findings() if f.step in steps] if steps else []
        had_warnings = self.warnings.shown is not None
        self.warnings.update(found, self._edited_field)
        shown = self.warnings.shown
        if had_warnings != (shown is not None):
            self.refresh_bindings()  # Allow and Dismiss apply only while one shows
        self.query_one(BlameAlert).show(shown, self.warnings.more)

    # -- controls ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only controls that can act are shown (``None``: shown, greyed out)."""
        timer = self.timer
        state = timer.state
        live = state in (TimerState.RUNNING, TimerState.PAUSED)
        if action == "start":
            return state is TimerState.READY
        if action == "pause":
            return state is TimerState.RUNNING
        if action == "resume":
            return state is TimerState.PAUSED
        if action == "next_item":
            return live and (not timer.is_last or None)
        if action == "previous_item":
            return live and (timer.current > 0 or None)
        if action == "end":
            return live
        if action == "add_time":
            return state is not TimerState.ENDED
        if action in ("allow_warning", "dismiss_warning"):
            return self.warnings.shown is not None and live
        if action == "leave":
            return len(self.app.screen_stack) > 1
        if action in FACILITATION_LIVE:
            return state in (TimerState.RUNNING, TimerState.PAUSED) or None
        return True

    def control(self, action: str, *, recapped: bool = False) -> None:
        """Run a meeting control; a control that does not apply says why. End shows
        the action-item recap first (``recapped``: it was shown and confirmed)."""
        if action == "end" and not recapped and self.check_action("end", ()):
            self.action_recap()
            return
        timer = self.timer
        try:
            match action:
                case "start":
                    timer.start()
                case "pause":
                    timer.pause()
                case "resume":
                    timer.resume()
                case "next_item":
                    timer.next()
                case "previous_item":
                    timer.previous()
                case "add_time":
                    timer.add_minutes(5)
                    self.notify(f"5 minutes added to “{timer.name}”.", timeout=3)
                case "end":
                    timer.end()
                case _:
                    raise ValueError(action)
        except MeetingStateError as exc:
            self.notify(str(exc), severity="warning", timeout=4)
            return
        if action in MOVES_ON:
            self._clear_time_up()
        self._findings_stale = True
        self._sync_record()  # a control reaches the file at once (followers read it)
        self.save_now(announce=False)
        self._refresh_all()
        if action == "end":
            self.notify(f"Meeting record saved to {self.session.path}.", title="Meeting ended")

    def action_start(self) -> None:
        self.control("start")

    def action_pause(self) -> None:
        self.control("pause")

    def action_resume(self) -> None:
        self.control("resume")

    def action_next_item(self) -> None:
        self.control("next_item")

    def action_previous_item(self) -> None:
        self.control("previous_item")

    def action_add_time(self) -> None:
        self.control("add_time")

    def action_end(self) -> None:
        self.control("end")

    def _clear_time_up(self) -> None:
        if self._time_up is not None:
            # Textual has no public way to withdraw one notification.
            self.app._unnotify(self._time_up)
            self._time_up = None

    def shown_warning(self) -> ShownWarning | None:
        """The warning the banner shows."""
        return self.warnings.shown

    def action_allow_warning(self) -> None:
        """Allow the warning shown: saved in the file as the wizard saves it (in the
        sentence it stands in)."""
        shown = self.shown_warning()
        if shown is None:
            self.notify("No warning to allow.")
            return
        if self.session.read_only:
            self.notify("This post-mortem is read-only; nothing can be allowed.")
            return
        finding = shown.found.finding
        self.session.allow(finding, text=get_text(self.session.doc, shown.found.field))
        for pane in self.query(StepPane):
            pane.scan_all()
        self.save_now(announce=False)
        self._after_warning_change()
        self.notify(f"Allowed “{finding.match}” (saved in the file).", timeout=4)

    def action_dismiss_warning(self) -> None:
        """Hide the warning shown until this meeting screen closes (nothing is saved)."""
        shown = self.shown_warning()
        if shown is None:
            self.notify("No warning to dismiss.")
            return
        self.warnings.dismiss(shown)
        self._after_warning_change()
        self.notify(f"Dismissed “{shown.found.finding.match}” for this meeting.", timeout=4)

    def _after_warning_change(self) -> None:
        self._refresh_findings()
        self._refresh_clock()
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Pause, save, and go to the wizard on the same post-mortem."""
        if self.timer.state is TimerState.RUNNING:
            self.timer.pause()
        path, read_only = self.session.path, self.session.read_only
        self.close_session()
        from pmtui.tui.screens.wizard import WizardScreen

        session = _open_session(self.app, path, read_only=read_only)
        if session is not None:
            self.app.switch_screen(WizardScreen(session))
            note = text.paused_note(session.doc.meeting)
            if note is not None:
                self.app.notify(
                    f"{note[0].upper()}{note[1:]}. ctrl+p “Start meeting” goes back to it.",
                    title="Meeting paused",
                    timeout=8,
                )
        else:
            self.dismiss()

    # -- the facilitation record (dialogs in meeting_entry.py and meeting_recap.py) --

    def _record(self, what: str, run: Callable[[], object]) -> bool:
        """Run a change to the timer's facilitation record and save it at once."""
        try:
            run()
        except MeetingStateError as exc:
            self.notify(str(exc), severity="warning", timeout=4)
            return False
        self._sync_record()
        self.save_now(announce=False)
        self.notify(what, timeout=3, markup=False)
        return True

    def _ask(self, kind: str, add: Callable[[str], str]) -> None:
        from pmtui.tui.screens.meeting_entry import ENTRY_PROMPTS, EntryScreen

        title, help_text = ENTRY_PROMPTS[kind]

        def done(entry: object) -> None:
            if isinstance(entry, str):
                self._record(f"{kind.capitalize()} added: {entry}", lambda: add(entry))

        self.app.push_screen(EntryScreen(title.format(item=self.timer.name), help_text), done)

    def action_add_note(self) -> None:
        self._ask("note", self.timer.add_note)

    def action_add_decision(self) -> None:
        self._ask("decision", self.timer.add_decision)

    def action_add_parking(self) -> None:
        self._ask("parking-lot entry", self.timer.add_parking)

    def action_roles(self) -> None:
        from pmtui.tui.screens.meeting_entry import Roles, RolesScreen

        t = self.timer
        current = Roles(t.facilitator, t.scribe, t.owner, list(t.attendees))

        def done(roles: object) -> None:
            if isinstance(roles, Roles):
                self._record("Roles and attendees saved.", lambda: t.set_roles(*roles))

        self.app.push_screen(RolesScreen(current), done)

    def action_safe_word(self) -> None:
        """ "Enough, let's move on" to the room; the topic goes to the parking lot."""
        from pmtui.tui.screens.meeting_entry import SafeWordFlash

        filed: list[str] = []
        if self._record("Filed in the parking lot.", lambda: filed.append(self.timer.safe_word())):
            self.app.push_screen(SafeWordFlash(filed[0]))

    def action_recap(self) -> None:
        """The action items, owner, due date and verification, before the End."""
        from pmtui.meeting.recap import recap
        from pmtui.tui.screens.meeting_recap import RecapScreen

        def done(end: bool | None) -> None:
            if end:
                self.control("end", recapped=True)

        self.app.push_screen(RecapScreen(recap(self.session.doc.action_items)), done)


def _open_session(app: App[Any], path: Path, *, read_only: bool = False) -> DraftSession | None:
    """Open ``path`` (locked unless read-only); a problem is a notification."""
    from pmtui.document.lock import LockHeld
    from pmtui.errors import UserError
    from pmtui.tui.app import pmtui_app
    from pmtui.tui.errors import report

    try:
        return pmtui_app(app).open_session(path, read_only=read_only)
    except LockHeld as held:
        app.notify(
            f"{path.name} is open in another pmtui (pid {held.pid}); close it there first.",
            severity="error",
            timeout=15,
        )
    except UserError as exc:
        report(app, "open", exc)
    return None


def open_meeting(app: App[Any], screen: SessionScreen) -> None:
    """The palette's "Start meeting" on the wizard: meeting mode replaces the
    wizard on the same file (agenda minutes from the settings)."""
    from pmtui.tui.app import pmtui_app
    from pmtui.tui.errors import reporting

    session = screen.session
    path, read_only = session.path, session.read_only
    with reporting(app, "save") as outcome:
        if not read_only and not path.exists():
            session.save()  # a new draft: the meeting needs its file
        screen.close_session()  # saved, and the lock released so meeting mode can take it
    if not outcome.ok:
        return
    opened = _open_session(app, path, read_only=read_only)
    if opened is not None:
        minutes = pmtui_app(app).settings.meeting.agenda
        app.switch_screen(MeetingScreen(opened, minutes=minutes))


def start_meeting_mode(
    app: App[Any], path: Path | None, minutes: tuple[float, ...] = DEFAULT_MINUTES
) -> None:
    """``pmtui meeting [PATH]``: meeting mode on ``path``, or on a new draft."""
    from pmtui.tui.app import pmtui_app

    session = pmtui_app(app).new_session("") if path is None else _open_session(app, path)
    if session is not None:
        app.push_screen(MeetingScreen(session, minutes=minutes))
