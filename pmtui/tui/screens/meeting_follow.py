"""A follower's read-only view of a meeting another pmtui runs on the same file
(``pmtui meeting FILE --follow``; ``pmtui serve FILE`` shows it in browsers).

No lock is taken and nothing is ever written: the view polls the file's stamp every
:data:`POLL_SECONDS` and, when it changed, reads the autosaved record again and redraws
the clock, the item, the agenda strip, the warning banner and the current item's part of
the document. While the record says the clock runs (``running_since``), the follower's
clock runs on from the last autosave, so it ticks between saves; when no save has come
for :data:`STALE_SECONDS` while the record says it runs (the facilitator's pmtui is gone
or its machine asleep), the clock stops and the status line says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from pmtui.document.errors import DocumentError
from pmtui.document.markdown import to_markdown
from pmtui.document.model import MeetingRecord, Postmortem
from pmtui.meeting import text
from pmtui.meeting.agenda import DEFAULT_MINUTES, MeetingTimer, TimerState
from pmtui.meeting.clock import Clock, SystemClock
from pmtui.meeting.warnings import WarningBoard
from pmtui.tui.app import pmtui_app
from pmtui.tui.screens.meeting import MeetingScreen
from pmtui.tui.widgets.meeting.agenda import AgendaProgress
from pmtui.tui.widgets.meeting.clock import MeetingClock, colour_pane
from pmtui.tui.widgets.meeting.prompts import BlameAlert

#: How often the file's stamp is checked (the brief: a change shows within 3 s).
POLL_SECONDS = 1.0
#: How often the clock is redrawn (its figures come from the clock, not from this).
REDRAW_SECONDS = 0.5
#: A running meeting autosaves every couple of seconds; no save for this long means the
#: facilitator's pmtui has stopped.
STALE_SECONDS = 15.0

#: Wizard step -> the ``##`` headings of the document it edits.
STEP_HEADINGS: dict[str, tuple[str, ...]] = {
    "facts": ("Summary", "Impact"),
    "timeline": ("Timeline",),
    "whys": ("Five Whys",),
    "gaps": ("Process Gaps Identified",),
    "actions": ("Action Items",),
    "learnings": ("Key Learnings",),
}


def step_markdown(doc: Postmortem, steps: tuple[str, ...]) -> str:
    """The sections of the written document that ``steps`` edit, in order."""
    wanted = {heading for step in steps for heading in STEP_HEADINGS.get(step, ())}
    out: list[str] = []
    keep = False
    for line in to_markdown(doc).split("\n"):
        if line.startswith("## "):
            keep = line[3:].strip() in wanted
        if keep:
            out.append(line)
    return "\n".join(out)


class FollowScreen(Screen[None]):
    """The meeting on ``path``, as its autosaves show it."""

    #: The facilitator's screen's layout and colours (class ``meeting-room``).
    CSS_PATH = "meeting.tcss"
    DEFAULT_CLASSES = "meeting-room"
    HORIZONTAL_BREAKPOINTS = MeetingScreen.HORIZONTAL_BREAKPOINTS
    DEFAULT_CSS = """
    FollowScreen #follow-status { color: $text-muted; padding: 0 1; }
    FollowScreen #stage { padding: 0 1; }
    """
    TITLE = "Post-mortem meeting (following)"

    def __init__(self, path: Path, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.path = path
        self.clock: Clock = clock or SystemClock()
        self._stamp: tuple[int, int] | None = None
        self.timer = MeetingTimer(self.clock, DEFAULT_MINUTES)
        #: The record and when it was saved (the file's modification time).
        self._record: MeetingRecord | None = None
        self._saved_at = self.clock.now()
        self.warnings = WarningBoard()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="follow-status", markup=False)
        with Horizontal(id="meeting-body"):
            with Vertical(id="timer-pane"):
                yield MeetingClock()
                yield BlameAlert(id="blame-alert", classes="-empty")
                yield AgendaProgress(id="agenda-progress")
            with VerticalScroll(id="stage"):
                yield Markdown("", id="follow-step-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.path)
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(REDRAW_SECONDS, self.redraw)

    def poll(self) -> None:
        """Read the file again if its stamp changed (never writes, never locks)."""
        from pmtui.document import storage

        try:
            stat = self.path.stat()
        except OSError as exc:
            self._status(f"Cannot read {self.path}: {exc.strerror or exc}")
            return
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            doc = storage.load(self.path)
        except (DocumentError, OSError) as exc:
            self._status(f"Waiting for a readable save: {exc}")
            return
        self._record = doc.meeting
        self._saved_at = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC)
        self.timer = MeetingTimer.following(doc.meeting, self.clock, self._saved_at)
        steps = self.timer.steps() if text.live(self.timer) else ()
        self.query_one("#follow-step-text", Markdown).update(step_markdown(doc, steps))
        checker = pmtui_app(self).checker
        found = [f for f in checker.document(doc) if f.step in steps] if steps else []
        self.warnings.update(found)
        self.query_one(BlameAlert).show(self.warnings.shown, self.warnings.more, controls=False)
        self.sub_title = doc.title or self.path.name
        self._status(f"Following {self.path.name} read-only; last save at {self._saved_time()}")
        self.redraw()

    def _saved_time(self) -> str:
        return self._saved_at.astimezone().strftime("%H:%M:%S")

    def stale_for(self) -> float | None:
        """Seconds since the last save while the record says the clock runs and no save
        has come for :data:`STALE_SECONDS`; None otherwise."""
        if self.timer.state is not TimerState.RUNNING:
            return None
        since = (self.clock.now() - self._saved_at).total_seconds()
        return since if since > STALE_SECONDS else None

    def redraw(self) -> None:
        """The clock and agenda strip, as of now."""
        if self.stale_for() is not None:
            # Stop where the last save left it; do not count on past a silent facilitator.
            # (The status stays until the next save is read.)
            self.timer = MeetingTimer.from_record(self._record, self.clock)
            self._status(
                f"No save from the facilitator's pmtui since {self._saved_time()}: "
                "the clock is stopped at the last save"
            )
        urgency = self.query_one(MeetingClock).show(self.timer)
        colour_pane(self.query_one("#timer-pane"), self.timer, urgency)
        self.query_one(AgendaProgress).show(self.timer)

    def _status(self, message: str) -> None:
        self.query_one("#follow-status", Static).update(message)
