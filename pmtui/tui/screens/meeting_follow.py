"""A follower's read-only view of a meeting another pmtui runs on the same file
(``pmtui meeting FILE --follow``; ``pmtui serve FILE`` shows it in browsers).

No lock is taken and nothing is ever written: the view polls the file's stamp every
:data:`POLL_SECONDS` and, when it changed, reads the autosaved record again and redraws
the clock, the item, the agenda strip and the current item's part of the document.
The figures are those of the last autosave (every couple of seconds while the clock
runs), so a follower trails the room by a few seconds at most.
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
from pmtui.document.model import Postmortem
from pmtui.meeting.agenda import DEFAULT_MINUTES, MeetingTimer
from pmtui.meeting.clock import SystemClock
from pmtui.tui.widgets.meeting.agenda import AgendaProgress
from pmtui.tui.widgets.meeting.clock import MeetingClock

#: How often the file's stamp is checked (the brief: a change shows within 3 s).
POLL_SECONDS = 1.0

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

    DEFAULT_CSS = """
    FollowScreen #follow-body { height: 1fr; }
    FollowScreen #follow-timer { width: 48; height: auto; padding: 0 1; }
    FollowScreen #follow-status { color: $text-muted; padding: 0 1; }
    FollowScreen #follow-step { width: 1fr; padding: 0 1; }
    """
    TITLE = "Post-mortem meeting (following)"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.clock = SystemClock()
        self._stamp: tuple[int, int] | None = None
        self.timer = MeetingTimer(self.clock, DEFAULT_MINUTES)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="follow-status", markup=False)
        with Horizontal(id="follow-body"):
            with Vertical(id="follow-timer"):
                yield MeetingClock()
                yield AgendaProgress(id="agenda-progress")
            with VerticalScroll(id="follow-step"):
                yield Markdown("", id="follow-step-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.path)
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

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
        self.timer = MeetingTimer.from_record(doc.meeting, self.clock)
        self.query_one(MeetingClock).show(self.timer)
        self.query_one(AgendaProgress).show(self.timer)
        steps = self.timer.steps() if doc.meeting and doc.meeting.started_at else ()
        self.query_one("#follow-step-text", Markdown).update(step_markdown(doc, steps))
        self.sub_title = doc.title or self.path.name
        now = dt.datetime.now().strftime("%H:%M:%S")
        self._status(f"Following {self.path.name} read-only; last change seen at {now}")

    def _status(self, message: str) -> None:
        self.query_one("#follow-status", Static).update(message)
