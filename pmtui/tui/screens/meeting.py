"""Meeting mode: the timed agenda of a live post-mortem, for a shared screen.

A big countdown for the current agenda item sits beside that item's wizard
step pane(s), so the room edits the document while the clock runs. All timing
comes from :class:`~pmtui.meeting.agenda.MeetingTimer` and its injected clock;
the interval timer here only redraws, polls for "time's up", and autosaves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Digits, Footer, Header, Input, Static

from pmtui.tui.palette import CommandListProvider
from pmtui.document.session import DraftSession
from pmtui.meeting.agenda import (
    DEFAULT_MINUTES,
    MeetingStateError,
    MeetingTimer,
    TimerState,
    Urgency,
    format_clock,
    format_duration,
    resolve_agenda,
)
from pmtui.meeting.clock import Clock, SystemClock
from pmtui.meeting.guidance import (
    FACILITATION_TIPS,
    GROUND_RULES,
    HOUSEKEEPING_CATEGORIES,
    SAFETY_EXPECTATIONS,
    SAFETY_PROMISES,
    facilitation_question,
    tip_at,
)
from pmtui.tui.messages import DocumentEdited, FieldFindings
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
)


def _rules_markup() -> str:
    rules = "\n".join(
        f"  {i}. [b]{rule}[/b] {text}" for i, (rule, text) in enumerate(GROUND_RULES, 1)
    )
    promises = "\n".join(f"  • [b]{what}[/b] {rest}" for what, rest in SAFETY_PROMISES)
    expect = "\n".join(f"  • [b]{what}[/b] {rest}" for what, rest in SAFETY_EXPECTATIONS)
    return (
        "[b $accent]Ground rules[/]\n"
        f"{rules}\n\n"
        "[b $accent]The psychological safety contract[/]\n"
        f"[b]We promise:[/b]\n{promises}\n"
        f"[b]We expect:[/b]\n{expect}\n\n"
        "[i]We don't fire people for making mistakes. "
        "We fire people for hiding them.[/i]"
    )


def _tips_markup() -> str:
    return "[b]Facilitation tips[/b]\n" + "\n".join(
        f"{tip.when}\n  [b]“{tip.ask}”[/b]" for tip in FACILITATION_TIPS
    )


class MeetingScreen(Screen[None]):
    """The agenda clock beside the current item's wizard steps."""

    CSS_PATH = "meeting.tcss"
    #: Under 110 columns the clock is a strip above the step; from 110 it sits
    #: beside it, and from 150 the step pane has room for its full guidance.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
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
            "escape", "leave", "Back", id="meeting.leave", tooltip="Pause and go to the wizard"
        ),
    ]

    def __init__(
        self,
        session: DraftSession,
        *,
        minutes: tuple[float, ...] = DEFAULT_MINUTES,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.clock: Clock = clock or SystemClock()
        self.timer = MeetingTimer.from_record(session.doc.meeting, self.clock, minutes)
        self._last_sync = self.clock.monotonic()
        self._shown_steps: tuple[str, ...] | None = None
        self._findings_stale = True
        self._warnings: list[tuple[str, str, str, str]] = []  # (category, match, message, fix)
        self._session_closed = False

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-body"):
            with Vertical(id="timer-pane"):
                with Horizontal(id="clock-box"):
                    yield Digits("00:00", id="countdown")
                    with Vertical(id="clock-info"):
                        yield Static(id="item-title")
                        yield Static(id="clock-state")
                        yield Static(id="up-next")
                        yield Static(id="totals")
                yield Static(id="blame-alert", classes="-empty")
                yield Static(id="question", classes="-empty")
                yield Static(id="tip-line")
                yield Static(_tips_markup(), id="tips")
                yield Static(id="agenda-progress")
            with ContentSwitcher(id="stage", initial="rules"):
                with VerticalScroll(id="rules"):
                    yield Static(
                        "Read these together, then press [b]F5[/b] "
                        "(or ctrl+p [b]Start meeting[/b]) to start the clock.",
                        id="start-hint",
                    )
                    yield Static(_rules_markup(), id="rules-text")
                    yield Static(id="agenda-table")
                yield VerticalScroll(id="steps")
                with VerticalScroll(id="summary"):
                    yield Static(id="summary-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.session.doc.title or self.session.path.name
        self.set_interval(REDRAW_SECONDS, self._tick)
        if self.timer.state is TimerState.PAUSED:
            self.notify(
                f"Meeting resumed at “{self.timer.name}” with its recorded time. "
                "The clock is paused: press F6 (Resume timer) to continue.",
                title="Meeting resumed",
                timeout=8,
            )
        self._refresh_all()

    # -- the clock ---------------------------------------------------------------

    def _tick(self) -> None:
        timer = self.timer
        for event in timer.poll():
            self.notify(
                f"Time's up for “{event.name}”. Add 5 minutes (F9) or move on (F8).",
                title="Time's up",
                severity="warning",
                timeout=10,
            )
            self.app.bell()
        if (
            timer.state is TimerState.RUNNING
            and self.clock.monotonic() - self._last_sync >= SYNC_SECONDS
        ):
            self._sync_record()
        self.session.autosave()
        if self._findings_stale:
            self._refresh_findings()
        self._refresh_clock()

    def _sync_record(self) -> None:
        """Put the timer's record into the document (autosaved shortly after)."""
        self._last_sync = self.clock.monotonic()
        record = self.timer.to_record()
        if record is not None and record != self.session.doc.meeting:
            self.session.doc.meeting = record
            self.session.changed()

    def _save_now(self) -> None:
        self._sync_record()
        if self.session.read_only:
            return
        from pmtui.errors import UserError

        try:
            self.session.save()
        except (UserError, OSError) as exc:
            self.notify(f"Could not save: {exc}", title="Not saved", severity="error")

    def _refresh_clock(self) -> None:
        timer = self.timer
        state = timer.state
        live = state in (TimerState.RUNNING, TimerState.PAUSED)
        urgency = timer.urgency() if live else Urgency.NORMAL
        digits = self.query_one("#countdown", Digits)
        if state is TimerState.ENDED:  # the whole meeting's length
            shown = format_duration(timer.total_elapsed())
        else:
            shown = format_clock(timer.remaining())
        if digits.value != shown:
            digits.update(shown)
        for node in (digits, self.query_one("#timer-pane")):
            node.set_class(urgency is Urgency.LAST_MINUTE, "-last-minute")
            node.set_class(urgency is Urgency.OVERTIME, "-overtime")
            node.set_class(state is TimerState.PAUSED, "-paused")
        total = len(timer.items)
        self.query_one("#item-title", Static).update(
            Content.from_markup(
                "[dim]$n/$total[/dim] [b]$name[/b]",
                n=str(timer.current + 1),
                total=str(total),
                name=timer.name,
            )
        )
        self.query_one("#clock-state", Static).update(self._state_text())
        nxt = timer.next_name
        if state is TimerState.ENDED:
            up_next = "The record is saved in the document."
        elif nxt is not None:
            minutes = timer.planned(timer.current + 1) / 60
            up_next = f"Next: {nxt} ({minutes:g} min)"
        else:
            up_next = "Next: wrap up and end the meeting"
        self.query_one("#up-next", Static).update(Content(up_next))
        self.query_one("#totals", Static).update(
            Content(
                f"Total {format_duration(timer.total_elapsed())} "
                f"of {format_duration(timer.total_planned())} planned"
            )
        )
        self.query_one("#agenda-progress", Static).update(self._progress_markup())
        # The question fits the warning shown (the first), else a quiet room.
        shown = [(category, match) for category, match, _, _ in self._warnings[:1]]
        question = facilitation_question(shown, timer.quiet_for())
        self._show_question(question)

    def _state_text(self) -> Content:
        timer = self.timer
        state = timer.state
        if state is TimerState.READY:
            return Content.from_markup("[b]Ready[/b] · press F5 to start")
        if state is TimerState.ENDED:
            return Content.from_markup("[b]■ Meeting ended[/b] · total time above")
        label = "▶ Running" if state is TimerState.RUNNING else "⏸ PAUSED"
        urgency = timer.urgency()
        if urgency is Urgency.OVERTIME:
            detail = f"over time by {format_duration(timer.overrun())}"
        elif urgency is Urgency.LAST_MINUTE:
            detail = "last minute"
        else:
            detail = f"{format_duration(timer.elapsed())} of {timer.planned() / 60:g} min"
        return Content.from_markup("[b]$label[/b] · $detail", label=label, detail=detail)

    def _refresh_all(self) -> None:
        self._refresh_stage()
        self._refresh_clock()
        self.refresh_bindings()

    def _refresh_stage(self) -> None:
        switcher = self.query_one("#stage", ContentSwitcher)
        state = self.timer.state
        if state is TimerState.READY:
            switcher.current = "rules"
            self.query_one("#agenda-table", Static).update(self._agenda_markup())
        elif state is TimerState.ENDED:
            switcher.current = "summary"
            self.query_one("#summary-text", Static).update(self._summary_markup())
        else:
            switcher.current = "steps"
            self._show_steps(self.timer.steps())

    def _agenda_markup(self) -> Content:
        lines = [Content.from_markup("[b $accent]Agenda[/]")]
        for item in self.timer.items:
            minutes = f"{item.planned_seconds / 60:g} min"
            lines.append(Content(f"  {minutes:>7}  {item.name}"))
        total = f"{self.timer.total_planned() / 60:g} min"
        lines.append(Content(f"  {total:>7}  in all"))
        return Content("\n").join(lines)

    def _progress_markup(self) -> Content:
        """Every agenda item with its time so far (shown on wide screens)."""
        timer = self.timer
        lines = [Content.from_markup("[b]Agenda[/b]")]
        for i, item in enumerate(timer.items):
            current = i == timer.current and timer.state is not TimerState.ENDED
            marker = "▶" if current else ("✓" if i < timer.current else " ")
            spent = format_duration(timer.elapsed(i))
            line = f"{marker} {item.name:<31}{spent} / {item.planned_seconds / 60:g}m"
            style = "bold" if current else ("dim" if i > timer.current else "")
            lines.append(Content.styled(line, style) if style else Content(line))
        return Content("\n").join(lines)

    def _summary_markup(self) -> Content:
        timer = self.timer
        lines = [Content.from_markup("[b $accent]Meeting record[/]")]
        ended = timer.ended_at.strftime("%Y-%m-%d %H:%M UTC") if timer.ended_at else "?"
        lines.append(Content(f"Ended {ended}; saved to {self.session.path}"))
        lines.append(Content(""))
        lines.append(Content(f"  {'Planned':>8}  {'Actual':>7}  {'Over':>6}  Agenda item"))
        for i, item in enumerate(timer.items):
            over = timer.overrun(i)
            lines.append(
                Content(
                    f"  {item.planned_seconds / 60:>6g} m  {format_duration(timer.elapsed(i)):>7}"
                    f"  {(format_duration(over) if over else '-'):>6}  {item.name}"
                )
            )
        lines.append(
            Content(
                f"  {timer.total_planned() / 60:>6g} m  "
                f"{format_duration(timer.total_elapsed()):>7}          in all"
            )
        )
        return Content("\n").join(lines)

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
        self._findings_stale = True

    @on(FieldFindings)
    def _field_findings(self, event: FieldFindings) -> None:
        self._findings_stale = True

    def _refresh_findings(self) -> None:
        """Blame warnings in the current item's steps, shown large."""
        self._findings_stale = False
        steps = (
            self.timer.steps()
            if self.timer.state in (TimerState.RUNNING, TimerState.PAUSED)
            else ()
        )
        warnings: list[tuple[str, str, str, str]] = []
        if steps:
            try:
                found = self.session.findings()
            except Exception:  # noqa: BLE001 - a checker bug must never stop the meeting
                found = []
            for item in found:
                if item.step in steps:
                    f = item.finding
                    warnings.append((f.category, f.match, f.message, f.suggestion))
        # Blame first; housekeeping checks (an action item with no owner) after.
        warnings.sort(key=lambda w: w[0] in HOUSEKEEPING_CATEGORIES)
        self._warnings = warnings
        alert = self.query_one("#blame-alert", Static)
        if not warnings:
            alert.update("")
            alert.add_class("-empty")
            return
        category, match, message, suggestion = warnings[0]
        more = f"  (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""
        alert.update(
            Content.from_markup(
                "[b]⚠ “$match”[/b]$more\n$message\n[b]Try:[/b] $suggestion",
                match=match,
                more=more,
                message=message,
                suggestion=suggestion,
            )
        )
        alert.remove_class("-empty")

    def _show_question(self, question: str | None) -> None:
        widget = self.query_one("#question", Static)
        tip_line = self.query_one("#tip-line", Static)
        # Narrow screens have no room for all the tips: one at a time, by the clock,
        # unless a question for this moment is shown.
        tip_line.set_class(question is not None, "-empty")
        tip = tip_at(self.timer.total_elapsed())
        tip_line.update(
            Content.from_markup(
                "[dim]Tip:[/dim] $when ask [b]“$ask”[/b]", when=tip.short, ask=tip.ask
            )
        )
        if question is None:
            widget.add_class("-empty")
            return
        widget.update(Content.from_markup("Ask the room: [b]“$q”[/b]", q=question))
        widget.remove_class("-empty")

    # -- controls ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.timer.state
        if action == "start":
            return state is TimerState.READY
        if action == "pause":
            return state is TimerState.RUNNING
        if action == "resume":
            return state is TimerState.PAUSED
        if action in ("next_item", "previous_item", "end"):
            return state in (TimerState.RUNNING, TimerState.PAUSED) or None
        if action == "add_time":
            return state is not TimerState.ENDED or None
        if action == "leave":
            return len(self.app.screen_stack) > 1
        return True

    def control(self, action: str) -> None:
        """Run a meeting control; a control that does not apply says why."""
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
        self._findings_stale = True
        self._save_now()
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
        else:
            self.dismiss()

    def close_session(self) -> None:
        """Record the time so far, save, and release the lock (safe to call twice).

        A meeting left running resumes paused, with this time, when reopened."""
        if self._session_closed:
            return
        self._session_closed = True
        self._sync_record()
        from pmtui.errors import UserError

        try:
            self.session.close()
        except (UserError, OSError) as exc:
            self.app.notify(f"Could not save: {exc}", severity="error", timeout=10)

    def on_unmount(self) -> None:
        self.close_session()


class MeetingCommands(CommandListProvider):
    """Palette commands for meeting mode, named as the docs name them.

    On the meeting screen: every control. On a screen editing a post-mortem
    (the wizard): "Start meeting", which opens meeting mode on that document.
    """

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        if isinstance(screen, MeetingScreen):
            for name, action, help_text in CONTROLS:
                yield name, partial(screen.control, action), help_text
            return
        if isinstance(getattr(screen, "session", None), DraftSession):
            yield (
                "Start meeting",
                partial(open_meeting, self.app, screen),
                "Run the timed post-mortem meeting on this document",
            )


def _open_session(app: App[object], path: Path, *, read_only: bool = False) -> DraftSession | None:
    """Open ``path`` (locked unless read-only); a problem is a notification."""
    from pmtui.document.lock import LockHeld
    from pmtui.errors import UserError

    options = getattr(app, "_session_options", dict)()
    try:
        return DraftSession.open(path, read_only=read_only, **options)
    except LockHeld as held:
        app.notify(
            f"{path.name} is open in another pmtui (pid {held.pid}); close it there first.",
            severity="error",
            timeout=15,
        )
    except (UserError, OSError) as exc:
        app.notify(f"Cannot open: {exc}", severity="error", timeout=15)
    return None


def open_meeting(app: App[object], screen: Screen[object]) -> None:
    """The palette's "Start meeting" on the wizard: meeting mode replaces the
    wizard on the same file (agenda minutes from the config file)."""
    from pmtui.errors import UserError

    try:
        minutes = resolve_agenda(None)
    except UserError as exc:
        app.notify(str(exc), title="Agenda", severity="error", timeout=10)
        return
    session: DraftSession = screen.session  # type: ignore[attr-defined]
    path, read_only = session.path, session.read_only
    try:
        if not read_only and not path.exists():
            session.save()  # a new draft: the meeting needs its file
        session.close()  # saved, and the lock released so meeting mode can take it
    except (UserError, OSError) as exc:
        app.notify(f"Could not save: {exc}", severity="error", timeout=10)
        return
    opened = _open_session(app, path, read_only=read_only)
    if opened is not None:
        app.switch_screen(MeetingScreen(opened, minutes=minutes))


def start_meeting_mode(
    app: App[object], path: Path | None, minutes: tuple[float, ...] = DEFAULT_MINUTES
) -> None:
    """``pmtui meeting [PATH]``: meeting mode on ``path``, or on a new draft."""
    from pmtui.document.lock import LockHeld
    from pmtui.errors import UserError

    if path is None:
        options = getattr(app, "_session_options", dict)()
        try:
            session: DraftSession | None = DraftSession.create("", **options)
        except (UserError, OSError, LockHeld) as exc:
            app.notify(f"Could not start a new post-mortem: {exc}", severity="error")
            return
    else:
        session = _open_session(app, path)
    if session is not None:
        app.push_screen(MeetingScreen(session, minutes=minutes))
