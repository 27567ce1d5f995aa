"""The agenda clock: the countdown and the item in big letters, the clock's state, what
comes next, the totals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from pmtui.meeting import text
from pmtui.meeting.agenda import MeetingTimer, TimerState, Urgency
from pmtui.tui.widgets.meeting.big import BigNumbers, BigTitle


class MeetingClock(Vertical):
    """Everything about the current item's time; :meth:`show` redraws it."""

    def __init__(self) -> None:
        super().__init__(id="clock-box")

    def compose(self) -> ComposeResult:
        yield BigNumbers("00:00", id="countdown")
        with Vertical(id="clock-info"):
            yield Static(id="item-title")
            yield BigTitle(id="item-big")
            yield Static(id="clock-state")
            yield Static(id="up-next")
            yield Static(id="totals")

    def show(self, timer: MeetingTimer) -> Urgency:
        """Redraw from the timer; returns the urgency (the pane colours itself by it)."""
        digits = self.query_one("#countdown", BigNumbers)
        shown = text.clock_text(timer)
        if digits.value != shown:
            digits.update(shown)
        urgency = text.urgency(timer)
        digits.set_class(urgency is Urgency.LAST_MINUTE, "-last-minute")
        digits.set_class(urgency is Urgency.OVERTIME, "-overtime")
        digits.set_class(timer.state is TimerState.PAUSED, "-paused")
        self.query_one("#item-title", Static).update(
            Content.from_markup(
                "[dim]$n/$total[/dim] [b]$name[/b]",
                n=str(timer.current + 1),
                total=str(len(timer.items)),
                name=timer.name,
            )
        )
        self.query_one("#item-big", BigTitle).update(timer.name)
        label, detail = text.state_text(timer)
        self.query_one("#clock-state", Static).update(
            Content.from_markup("[b]$label[/b] · $detail", label=label, detail=detail)
        )
        self.query_one("#up-next", Static).update(Content(text.up_next_text(timer)))
        self.query_one("#totals", Static).update(Content(text.totals_text(timer)))
        return urgency


def colour_pane(pane: Widget, timer: MeetingTimer, urgency: Urgency) -> None:
    """The clock's pane takes the urgency's colours (``meeting.tcss``)."""
    pane.set_class(urgency is Urgency.LAST_MINUTE, "-last-minute")
    pane.set_class(urgency is Urgency.OVERTIME, "-overtime")
    pane.set_class(timer.state is TimerState.PAUSED, "-paused")
