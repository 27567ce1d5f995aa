"""What meeting mode says, as plain text built from the timer: the item and its state,
what comes next, the totals, the agenda with each item's progress, and the record at the
end. Pure functions of a :class:`~pmtui.meeting.agenda.MeetingTimer`; the widgets in
``pmtui/tui/widgets/meeting/`` only style them. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pmtui.document.model import MeetingRecord
from pmtui.meeting.agenda import MeetingTimer, TimerState, Urgency, short_name
from pmtui.times import format_countdown, format_mmss


class Progress(StrEnum):
    DONE = "done"
    CURRENT = "current"
    LATER = "later"


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as the progress list shows it."""

    marker: str
    name: str
    spent: str
    planned_minutes: float
    progress: Progress
    number: int = 0

    @property
    def short(self) -> str:
        return short_name(self.name)

    @property
    def times(self) -> str:
        """``05:10/5m`` once the item has started; ``10m`` (planned) before."""
        if self.progress is Progress.LATER:
            return f"{self.planned_minutes:g}m"
        return f"{self.spent}/{self.planned_minutes:g}m"

    def __str__(self) -> str:
        return f"{self.marker} {self.name:<31}{self.spent} / {self.planned_minutes:g}m"


def live(timer: MeetingTimer) -> bool:
    return timer.state in (TimerState.RUNNING, TimerState.PAUSED)


def clock_text(timer: MeetingTimer) -> str:
    """The big numbers: time left on the item (``+MM:SS`` when over); the meeting's whole
    length once it has ended."""
    if timer.state is TimerState.ENDED:
        return format_mmss(timer.total_elapsed())
    return format_countdown(timer.remaining())


def urgency(timer: MeetingTimer) -> Urgency:
    return timer.urgency() if live(timer) else Urgency.NORMAL


def state_text(timer: MeetingTimer) -> tuple[str, str]:
    """(label, detail) of the clock's state: ``("▶ Running", "02:10 of 5 min")``."""
    state = timer.state
    if state is TimerState.READY:
        return "Ready", "press F5 to start"
    if state is TimerState.ENDED:
        return "■ Meeting ended", "total time above"
    label = "▶ Running" if state is TimerState.RUNNING else "⏸ PAUSED"
    level = timer.urgency()
    if level is Urgency.OVERTIME:
        detail = f"over time by {format_mmss(timer.overrun())}"
    elif level is Urgency.LAST_MINUTE:
        detail = "last minute"
    else:
        detail = f"{format_mmss(timer.elapsed())} of {timer.planned() / 60:g} min"
    return label, detail


def up_next_text(timer: MeetingTimer) -> str:
    if timer.state is TimerState.ENDED:
        return "The record is saved in the document."
    name = timer.next_name
    if name is None:
        return "Next: wrap up and end the meeting"
    return f"Next: {name} ({timer.planned(timer.current + 1) / 60:g} min)"


def totals_text(timer: MeetingTimer) -> str:
    return (
        f"Total {format_mmss(timer.total_elapsed())} of {format_mmss(timer.total_planned())} "
        "planned"
    )


def agenda_plan(timer: MeetingTimer) -> list[str]:
    """The agenda before the start: minutes and name per item, then the total."""
    lines = [f"  {f'{item.planned_seconds / 60:g} min':>7}  {item.name}" for item in timer.items]
    lines.append(f"  {f'{timer.total_planned() / 60:g} min':>7}  in all")
    return lines


def agenda_progress(timer: MeetingTimer) -> list[AgendaLine]:
    """Every agenda item with its time so far."""
    rows = []
    for i, item in enumerate(timer.items):
        current = i == timer.current and timer.state is not TimerState.ENDED
        if current:
            progress, marker = Progress.CURRENT, "▶"
        elif i < timer.current:
            progress, marker = Progress.DONE, "✓"
        else:
            progress, marker = Progress.LATER, " "
        rows.append(
            AgendaLine(
                marker,
                item.name,
                format_mmss(timer.elapsed(i)),
                item.planned_seconds / 60,
                progress,
                i + 1,
            )
        )
    return rows


def agenda_strip(timer: MeetingTimer) -> list[AgendaLine]:
    """The agenda around the current item: the one just done, the current one and the
    next (or the first one or two before the start, every item after the end)."""
    rows = agenda_progress(timer)
    if timer.state is TimerState.ENDED:
        return rows
    return rows[max(0, timer.current - 1) : timer.current + 2]


def record_summary(timer: MeetingTimer, saved_to: str) -> list[str]:
    """The meeting record as shown when it has ended."""
    ended = timer.ended_at.strftime("%Y-%m-%d %H:%M UTC") if timer.ended_at else "?"
    lines = [f"Ended {ended}; saved to {saved_to}", ""]
    lines.append(f"  {'Planned':>8}  {'Actual':>7}  {'Over':>6}  Agenda item")
    for i, item in enumerate(timer.items):
        over = timer.overrun(i)
        lines.append(
            f"  {item.planned_seconds / 60:>6g} m  {format_mmss(timer.elapsed(i)):>7}"
            f"  {(format_mmss(over) if over else '-'):>6}  {item.name}"
        )
    lines.append(
        f"  {timer.total_planned() / 60:>6g} m  {format_mmss(timer.total_elapsed()):>7}"
        "          in all"
    )
    return lines


def resumed_text(timer: MeetingTimer) -> str:
    return (
        f"Meeting resumed at “{timer.name}” with its recorded time. "
        "The clock is paused: press F6 (Resume timer) to continue."
    )


def time_up_text(name: str) -> str:
    return f"Time's up for “{name}”. Add 5 minutes (F9) or move on (F8)."


def paused_note(record: MeetingRecord | None) -> str | None:
    """What the wizard says of a meeting started and not ended on its document:
    ``"meeting paused at 2/5 Walk through Five Whys"``; None when there is none."""
    if record is None or record.started_at is None or record.ended_at or not record.items:
        return None
    current = min(record.current_item, len(record.items) - 1)
    return f"meeting paused at {current + 1}/{len(record.items)} {record.items[current].name}"
