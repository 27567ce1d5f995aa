"""Step 2: the timeline - rows of time (UTC) and event."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from pmtui import times
from pmtui.document.model import TimelineEntry
from pmtui.tui.widgets.fields import BlameInput, FieldInput
from pmtui.tui.widgets.steps.base import FOCUS_LINE, ListStepPane, field_error, show_error


class TimelinePane(ListStepPane):
    STEP = "timeline"
    TITLE = "2 · Timeline (UTC)"
    ITEM_NAME = "row"
    GUIDANCE = (
        "[b]Timeline Questions[/b]\n"
        "• What was the sequence of events?\n"
        "• What alerts fired (or didn't)?\n"
        "• What actions were taken and when?\n"
        "• What was the customer impact?\n\n"
        f"{FOCUS_LINE}\n"
        "Describe what the system and the responders saw, without judging what "
        "should or should not have been done.\n\n"
        "Times: [b]HH:MM[/b] or [b]YYYY-MM-DD HH:MM[/b], in UTC."
    )
    GUIDANCE_SHORT = "Sequence of events, alerts (fired or not), actions, impact. Times in UTC."

    BINDINGS = [
        *ListStepPane.BINDINGS,
        Binding(
            "alt+s", "sort", "Sort", id="timeline.sort", tooltip="Sort rows by time", priority=True
        ),
    ]

    def rows(self) -> list[TimelineEntry]:
        return self.doc.timeline

    def set_rows(self, rows: list[TimelineEntry]) -> None:
        self.doc.timeline = rows

    def new_row(self, after: int | None) -> TimelineEntry:
        rows = self.doc.timeline
        if after is not None and 0 <= after < len(rows):
            return TimelineEntry(time=rows[after].time)
        if rows:
            return TimelineEntry(time=rows[-1].time)
        return TimelineEntry(time=dt.datetime.now(dt.UTC).strftime("%H:%M"))

    def compose_row(self, index: int) -> ComposeResult:
        row = self.doc.timeline[index]
        with Horizontal(classes="timeline-row"):
            yield FieldInput(
                f"timeline[{index}].time",
                row.time,
                row_index=index,
                id=f"time-{index}",
                classes="time",
            )
            yield BlameInput(
                f"timeline[{index}].event",
                f"Timeline row {index + 1}",
                row.event,
                id=f"event-{index}",
                placeholder="What happened (alert fired, action taken, impact)…",
            )
        yield field_error(f"time-error-{index}")

    def compose_intro(self) -> ComposeResult:
        yield Static("Time (UTC)          Event", classes="field-label")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Sort by time (alt+s)", id="sort", classes="edit", compact=True)
        yield Button("Fill duration", id="fill-duration", classes="edit", compact=True)

    @on(Input.Changed, ".time")
    def _time_changed(self, event: Input.Changed) -> None:
        assert isinstance(event.input, FieldInput)
        index = event.input.row_index
        error = self.query_one(f"#time-error-{index}", Static)
        try:
            times.parse_time(event.value)
        except ValueError as exc:
            show_error(error, f"Row {index + 1}: {exc}")
            return
        show_error(error, None)
        value = times.normalise_time(event.value)
        if not self.session.read_only and self.doc.timeline[index].time != value:
            self.doc.timeline[index].time = value
            self.edited(f"timeline[{index}].time")

    async def action_sort(self) -> None:
        if self.session.read_only:
            return
        ordered = sorted(self.doc.timeline, key=lambda r: r.sort_key(self.doc.date))
        if ordered != self.doc.timeline:
            self.doc.timeline = ordered
            self.edited("timeline")
        await self.rebuild(focus_row=0 if ordered else None)
        self.notify("Timeline sorted by time.")

    @on(Button.Pressed, "#sort")
    async def _sort_pressed(self) -> None:
        await self.action_sort()

    @on(Button.Pressed, "#fill-duration")
    def action_fill_duration(self) -> None:
        """Set the Facts step's Duration from the first and last rows."""
        if self.session.read_only:
            return
        duration = times.span_of([row.time for row in self.doc.timeline], self.doc.date)
        if duration is None:
            self.notify("Add at least two rows (first and last) to fill the duration.")
            return
        self.doc.duration = duration
        self.edited("duration")
        self.notify(f"Duration set to {duration}.")
