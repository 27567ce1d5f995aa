"""Step 1 of the spec, the timeline: rows of time (UTC) and event.

The time field takes UTC as the file writes it (``14:05``, ``2026-03-12 14:05``) or a
time in any zone (``14:05 PST``, ``14:05 America/Los_Angeles``, ``14:05+02:00``,
``2:05 pm``), converted to UTC (:func:`pmtui.timeline.parse_typed_time`); a hint under
the field says what it was converted from. With the team's ``timezone`` set (not UTC),
the list shows each row's local time beside UTC. "Paste log" (alt+p) opens
:class:`~pmtui.tui.screens.paste_log.PasteLogScreen` and merges what it returns in one
undo step.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from pmtui import times
from pmtui.document import rows as row_ops
from pmtui.document.model import TimelineEntry
from pmtui.timeline import LogRow, Zone, local_time, merge_rows, parse_typed_time, team_zone
from pmtui.tui.ordering import drain
from pmtui.tui.widgets.fields import FieldInput
from pmtui.tui.widgets.steps.base import (
    FOCUS_LINE,
    ListStepPane,
    field_error,
    field_hint,
    show_error,
)

if TYPE_CHECKING:
    from pmtui.config import Settings

TIME_WIDTH = 16
#: The local time column: ``07:02 PDT``, ``23:02 PST −1d`` (the day before the UTC date).
LOCAL_WIDTH = 13


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
        "Times: [b]HH:MM[/b] or [b]YYYY-MM-DD HH:MM[/b], in UTC. Or type the zone: "
        "[b]14:05 PST[/b], [b]14:05 America/Los_Angeles[/b], [b]14:05+02:00[/b] "
        "(converted to UTC; [b]2:05 pm[/b] is UTC).\n\n"
        "[b]alt+p[/b] pastes a chat, paging or system log as rows."
    )
    GUIDANCE_SHORT = (
        "Sequence of events, alerts (fired or not), actions, impact. Times in UTC "
        "(or type a zone: 14:05 PST). alt+p pastes a log."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        *ListStepPane.BINDINGS,
        Binding(
            "alt+s", "sort", "Sort", id="timeline.sort", tooltip="Sort rows by time", priority=True
        ),
        Binding(
            "alt+p",
            "paste_log",
            "Paste log",
            id="timeline.paste_log",
            tooltip="Paste a chat, paging or system log: preview, then add its rows in time order",
            priority=True,
        ),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The team's zone shown beside UTC (None: not set, or UTC).
        self.team_zone: Zone | None = None

    def compose(self) -> ComposeResult:
        self.team_zone = team_zone(self._settings().timezone)
        yield from super().compose()

    def _settings(self) -> Settings:
        from pmtui.tui.app import pmtui_app

        return pmtui_app(self).settings

    def heading(self) -> str:
        if self.team_zone is None:
            return self.TITLE
        return f"{self.TITLE[:-1]}; local: {self.team_zone.label})"

    def header(self) -> str:
        if self.team_zone is None:
            return self.HEADER
        return f"  {'Time (UTC)':<{TIME_WIDTH}} {'Local':<{LOCAL_WIDTH}} Event"

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
        local = Content("")
        if self.team_zone is not None:
            shown = local_time(row.time, self.team_zone, self.doc.date, short=True)
            local = Content.styled(f"{shown:<{LOCAL_WIDTH}} ", "dim")
        return Content.assemble(
            Content.styled(f"{row.time:<{TIME_WIDTH}} ", "bold"),
            local,
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
                placeholder="HH:MM or 14:05 PST",
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
        yield field_hint("time-hint")

    def load_row(self, index: int) -> None:
        row = self.doc.timeline[index]
        self.query_one("#time", FieldInput).load(row.time, field_path=f"timeline[{index}].time")
        self.query_one("#event", FieldInput).load(
            row.event, field_path=f"timeline[{index}].event", label=self.row_label(index)
        )
        show_error(self.query_one("#time-error", Static), None)
        show_error(self.query_one("#time-hint", Static), None)

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
        hint = self.query_one("#time-hint", Static)
        try:
            value, converted = self._read_time(text)
        except ValueError as exc:
            show_error(error, f"{self.row_label(index)}: {exc} (the last good time is kept)")
            show_error(hint, None)
            return
        show_error(error, None)
        show_error(hint, converted)
        if self.doc.timeline[index].time != value:
            self.doc.timeline[index].time = value
            self.row_edited(f"timeline[{index}].time")

    def _read_time(self, text: str) -> tuple[str, str | None]:
        """The file's UTC value of what was typed, and the hint saying what it was
        converted from (None when it was typed in UTC as the file writes it)."""
        try:
            times.parse_time(text)
        except ValueError:
            pass
        else:
            return times.normalise_time(text), None
        typed = parse_typed_time(text, zone=None, default_date=self.doc.date)
        return typed.value, f"= {typed.value} UTC, {typed.description}".removesuffix(", UTC")

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

    # -- paste log ---------------------------------------------------------------

    async def action_paste_log(self) -> None:
        """Open the paste screen; what it returns is merged in time order (one undo)."""
        if self.session.read_only:
            self.notify("This post-mortem is read-only: nothing can be pasted.")
            return
        await drain(self.screen)
        from pmtui.tui.screens.paste_log import PasteLogScreen

        settings = self._settings()
        screen = PasteLogScreen(
            self.session, zone=settings.timezone, roles=dict(settings.timeline.roles)
        )
        self.app.push_screen(screen, self._paste_added)

    def _paste_added(self, rows: list[LogRow] | None) -> None:
        if not rows:
            return
        result = merge_rows(self.doc.timeline, rows, doc_date=self.doc.date)
        if not result.added:
            self.notify("Nothing to add: every row is already in the timeline.")
            return
        before = {row.event for row in self.doc.timeline}
        self.session.history.record(self.doc, "timeline", "paste log", self.current_row())
        self.doc.timeline = result.entries
        self.edited("timeline")
        added = {row.text for row in result.added_rows}
        first = next(
            (i for i, e in enumerate(result.entries) if e.event in added and e.event not in before),
            0,
        )
        self.show_current(first)
        self._focus_column("event")
        skipped = f"; {result.skipped} already there" if result.skipped else ""
        self.notify(f"Added {result.added} rows from the log{skipped} (ctrl+z takes them out).")

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
