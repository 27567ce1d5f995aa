"""Step 1 of the spec, the timeline: rows of time (UTC) and event."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from pmtui import times
from pmtui.document import rows as row_ops
from pmtui.document.model import TimelineEntry
from pmtui.tui.ordering import drain
from pmtui.tui.widgets.fields import FieldInput
from pmtui.tui.widgets.steps.base import FOCUS_LINE, ListStepPane, field_error, show_error

TIME_WIDTH = 16


class TimelinePane(ListStepPane):
    STEP = "timeline"
    TITLE = "2 · Timeline (UTC)"
    FIELD = "timeline"
    ITEM_NAME = "row"
    ROW_LABEL = "Timeline row"
    HEADER = f"  {'Time (UTC)':<{TIME_WIDTH}} Event"
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

    BINDINGS: ClassVar[list[BindingType]] = [
        *ListStepPane.BINDINGS,
        Binding(
            "alt+s", "sort", "Sort", id="timeline.sort", tooltip="Sort rows by time", priority=True
        ),
    ]

    def rows(self) -> list[TimelineEntry]:
        return self.doc.timeline

    def new_row(self, after: int | None) -> TimelineEntry:
        rows = self.doc.timeline
        if after is not None and 0 <= after < len(rows):
            return TimelineEntry(time=rows[after].time)
        if rows:
            return TimelineEntry(time=rows[-1].time)
        return TimelineEntry(time=dt.datetime.now(dt.UTC).strftime("%H:%M"))

    def render_row(self, index: int) -> Content:
        row = self.doc.timeline[index]
        event = row.event or "…"
        return Content.assemble(
            Content.styled(f"{row.time:<{TIME_WIDTH}} ", "bold"),
            Content(event.replace("\n", " ")) if row.event else Content.styled(event, "dim"),
        )

    def row_texts(self, index: int) -> list[tuple[str, str]]:
        return [(f"timeline[{index}].event", self.doc.timeline[index].event)]

    def compose_editor(self) -> ComposeResult:
        with Horizontal(classes="timeline-row"):
            yield FieldInput(
                "timeline[0].time",
                label="Time (UTC)",
                id="time",
                classes="time",
                placeholder="HH:MM",
                on_edit=self._time_edited,
            )
            yield self.text_field(
                "timeline[0].event",
                "Timeline row 1",
                "",
                id="event",
                placeholder="What happened (alert fired, action taken, impact)…",
            )
        yield field_error("time-error")

    def load_row(self, index: int) -> None:
        row = self.doc.timeline[index]
        self.query_one("#time", FieldInput).load(row.time, field_path=f"timeline[{index}].time")
        self.query_one("#event", FieldInput).load(
            row.event, field_path=f"timeline[{index}].event", label=self.row_label(index)
        )
        show_error(self.query_one("#time-error", Static), None)

    def compose_buttons(self) -> ComposeResult:
        yield Button(
            "Sort by time", id="sort", classes="edit", compact=True, tooltip="alt+s; ctrl+z undoes"
        )
        yield Button(
            "Fill duration",
            id="fill-duration",
            classes="edit",
            compact=True,
            tooltip="Duration = the last row's time minus the first's (asks before replacing)",
        )

    def _time_edited(self, text: str) -> None:
        index = self.current
        if self.session.read_only or not 0 <= index < len(self.doc.timeline):
            return
        error = self.query_one("#time-error", Static)
        try:
            times.parse_time(text)
        except ValueError as exc:
            show_error(error, f"{self.row_label(index)}: {exc} (the last good time is kept)")
            return
        show_error(error, None)
        value = times.normalise_time(text)
        if self.doc.timeline[index].time != value:
            self.doc.timeline[index].time = value
            self.row_edited(f"timeline[{index}].time")

    async def action_sort(self) -> None:
        if self.session.read_only:
            return
        await drain(self.screen)
        column = self._focused_column()
        self.session.history.record(self.doc, "timeline", "sort timeline", self.current_row())
        kept = row_ops.sort_timeline(self.doc, self.current_row())
        self.edited("timeline")
        self.show_current(kept if kept is not None else 0)
        self._focus_column(column)
        self.notify("Timeline sorted by time (ctrl+z puts it back).")

    @on(Button.Pressed, "#sort")
    async def _sort_pressed(self) -> None:
        await self.action_sort()

    @on(Button.Pressed, "#fill-duration")
    def action_fill_duration(self) -> None:
        """Set the Facts step's Duration from the first and last rows (asks before
        replacing a duration the user typed)."""
        if self.session.read_only:
            return
        duration = times.span_of([row.time for row in self.doc.timeline], self.doc.date)
        if duration is None:
            self.notify("Add at least two rows (first and last) to fill the duration.")
            return
        current = self.doc.duration.strip()
        if current == duration:
            self.notify(f"Duration is already {duration}.")
            return
        if not current:
            self._fill_duration(duration)
            return
        from pmtui.tui.screens.confirm import ConfirmScreen

        def answered(replace: bool | None) -> None:
            if replace:
                self._fill_duration(duration)

        self.app.push_screen(
            ConfirmScreen(
                f"Duration is [b]{current}[/b]. Replace it with [b]{duration}[/b], "
                "from the first to the last timeline row?",
                yes="Replace",
            ),
            answered,
        )

    def _fill_duration(self, duration: str) -> None:
        self.session.history.record(self.doc, "duration", "fill duration", self.current_row())
        self.doc.duration = duration
        self.edited("duration")
        self.notify(f"Duration set to {duration} (ctrl+z puts it back).")
