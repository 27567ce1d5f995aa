"""The agenda: planned before the start, with each item's time so far once it runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from pmtui.meeting import text
from pmtui.meeting.agenda import MeetingTimer

_STYLES = {text.Progress.CURRENT: "bold", text.Progress.LATER: "dim", text.Progress.DONE: ""}


class AgendaPlan(Static):
    """The agenda's items and minutes (on the ground-rules page)."""

    def show(self, timer: MeetingTimer) -> None:
        lines = [Content.from_markup("[b $accent]Agenda[/]")]
        lines += [Content(line) for line in text.agenda_plan(timer)]
        self.update(Content("\n").join(lines))


class AgendaProgress(Vertical):
    """Where the meeting is in its agenda, with the times: on narrow screens one line
    (the item just done, the current one, the next); on wider ones every item."""

    DEFAULT_CSS = """
    AgendaProgress { height: auto; }
    AgendaProgress Static { text-wrap: nowrap; text-overflow: ellipsis; }
    AgendaProgress #agenda-strip { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-strip")
        yield Static(id="agenda-list")

    def show(self, timer: MeetingTimer) -> None:
        strip = []
        for row in text.agenda_strip(timer):
            style = _STYLES[row.progress] or "not dim"
            lead = "Next: " if row.progress is text.Progress.LATER else f"{row.marker} "
            strip.append(
                Content.from_markup(
                    f"[{style}]$lead$name[/] [dim]$times[/]",
                    lead=lead,
                    name=row.short,
                    times=row.times,
                )
            )
        self.query_one("#agenda-strip", Static).update(Content(" │ ").join(strip))
        rows = text.agenda_progress(timer)
        width = max(len(row.short) for row in rows)
        lines = [Content.from_markup("[b]Agenda[/b]")]
        for row in rows:
            style = _STYLES[row.progress]
            line = f"{row.marker} {row.number} {row.short:<{width}}  {row.times:>9}"
            lines.append(Content.styled(line, style) if style else Content(line))
        self.query_one("#agenda-list", Static).update(Content("\n").join(lines))


class MeetingRecordView(Static):
    """The record once the meeting has ended."""

    def show(self, timer: MeetingTimer, saved_to: str) -> None:
        lines = [Content.from_markup("[b $accent]Meeting record[/]")]
        lines += [Content(line) for line in text.record_summary(timer, saved_to)]
        self.update(Content("\n").join(lines))
