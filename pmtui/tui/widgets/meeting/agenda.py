"""The agenda: planned before the start, with each item's time so far once it runs."""

from __future__ import annotations

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


class AgendaProgress(Static):
    """Every agenda item with its time so far (shown on wide screens)."""

    def show(self, timer: MeetingTimer) -> None:
        lines = [Content.from_markup("[b]Agenda[/b]")]
        for row in text.agenda_progress(timer):
            style = _STYLES[row.progress]
            lines.append(Content.styled(str(row), style) if style else Content(str(row)))
        self.update(Content("\n").join(lines))


class MeetingRecordView(Static):
    """The record once the meeting has ended."""

    def show(self, timer: MeetingTimer, saved_to: str) -> None:
        lines = [Content.from_markup("[b $accent]Meeting record[/]")]
        lines += [Content(line) for line in text.record_summary(timer, saved_to)]
        self.update(Content("\n").join(lines))
