"""Editing at machine pace (Pilot): keys posted in one burst, without waiting for each,
land in order and in the field that had focus when each was typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import events
from textual.widgets import Input

from pmtui.document.model import ActionItem, Postmortem, TimelineEntry
from pmtui.document.storage import save
from pmtui.tui.screens.confirm import ConfirmScreen
from pmtui.tui.widgets.steps import GapsPane, TimelinePane
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import settle, until, wizard


def _key(name: str) -> events.Key:
    character = {"space": " ", "backspace": "\x7f", "tab": "\t", "colon": ":"}.get(name)
    if character is None and len(name) == 1:
        character = name
    return events.Key(name, character)


def burst(app: object, *keys: str) -> None:
    """Post keys to the app as a terminal would in one read: nothing waits for them."""
    for key in keys:
        app.post_message(_key(key))  # type: ignore[attr-defined]


def _chars(text: str) -> list[str]:
    return ["space" if c == " " else "colon" if c == ":" else c for c in text]


def _doc(tmp_path: Path, rows: int = 3) -> Path:
    path = tmp_path / "pm.md"
    doc = Postmortem(
        title="Burst",
        date=dt.date(2024, 3, 7),
        timeline=[TimelineEntry(time=f"10:{i:02d}", event=f"row {i}") for i in range(rows)],
        wizard_step="timeline",
    )
    save(doc, path)
    return path


async def test_backspaces_then_text_in_one_burst_keep_their_order(
    clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(clock, open_path=_doc(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        event = pane.query_one("#event", Input)
        screen.set_focus(event)
        event.cursor_position = len(event.value)
        await settle(pilot)
        burst(app, *["backspace"] * 3, *_chars("new"))
        await settle(pilot, 0.3)
        assert screen.session.doc.timeline[0].event == "ronew"
        assert event.value == "ronew"


async def test_text_after_tab_in_one_burst_goes_to_the_next_field(
    clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(clock, open_path=_doc(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        time_input = pane.query_one("#time", Input)
        screen.set_focus(time_input)
        time_input.select_all()
        await settle(pilot)
        burst(app, *_chars("11:45"), "tab", *_chars(" and more"))
        await settle(pilot, 0.3)
        row = screen.session.doc.timeline[0]
        assert (row.time, row.event) == ("11:45", "row 0 and more")


async def test_keys_around_alt_n_land_in_the_old_and_the_new_row(
    clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(clock, open_path=_doc(tmp_path))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        event = pane.query_one("#event", Input)
        screen.set_focus(event)
        event.cursor_position = len(event.value)
        await settle(pilot)
        burst(app, *_chars("+old"), "alt+n", *_chars("12:00"), "tab", *_chars("new row"))
        await settle(pilot, 0.4)
        timeline = screen.session.doc.timeline
        assert [(r.time, r.event) for r in timeline[:2]] == [
            ("10:00", "row 0+old"),
            ("12:00", "new row"),
        ]
        assert pane.current == 1


async def test_move_and_delete_in_a_burst_keep_typing_in_the_same_row_and_column(
    clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(clock, open_path=_doc(tmp_path, rows=4))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        pane.show_current(2)
        event = pane.query_one("#event", Input)
        screen.set_focus(event)
        event.cursor_position = len(event.value)
        await settle(pilot)
        # Seven quick alt+up presses move the row up as far as it goes (twice), not once.
        burst(app, *["alt+up"] * 7, *_chars(" top"))
        await settle(pilot, 0.4)
        events_now = [r.event for r in screen.session.doc.timeline]
        assert events_now == ["row 2 top", "row 0", "row 1", "row 3"]
        assert pane.current == 0 and screen.focused is event
        burst(app, "alt+d", *_chars(" after delete"))
        await settle(pilot, 0.4)
        events_now = [r.event for r in screen.session.doc.timeline]
        assert events_now == ["row 0 after delete", "row 1", "row 3"]
        assert pane.query_one(".row-title").render().plain.startswith("Timeline row 1 of 3")


async def test_undo_brings_back_deletes_moves_sorts_and_the_duration(
    clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(clock, open_path=_doc(tmp_path, rows=3))
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        screen.set_focus(pane.query_one("#event", Input))
        original = [r.event for r in screen.session.doc.timeline]
        await pilot.press("alt+down", "alt+d")
        await settle(pilot)
        assert len(screen.session.doc.timeline) == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [r.event for r in screen.session.doc.timeline] == ["row 1", "row 0", "row 2"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [r.event for r in screen.session.doc.timeline] == original
        # Fill duration fills an empty duration, and asks before replacing a typed one.
        pane.action_fill_duration()
        assert screen.session.doc.duration == "2 minutes"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.session.doc.duration == ""
        screen.session.doc.duration = "about an hour"
        pane.action_fill_duration()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.session.doc.duration == "about an hour"


async def test_a_new_gap_and_action_take_the_keys_typed_at_once(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        screen.show_step("gaps")
        await settle(pilot)
        burst(app, "alt+n", *_chars("no alert"), "alt+n", *_chars("no runbook"))
        await settle(pilot, 0.4)
        assert [g.text for g in screen.session.doc.gaps] == ["no alert", "no runbook"]
        assert screen.query_one(GapsPane).current == 1
        screen.show_step("actions")
        await settle(pilot)
        burst(app, "alt+n", *_chars("add check"), "tab", *_chars("@ops"))
        await settle(pilot, 0.4)
        [item] = screen.session.doc.action_items
        assert (item.action, item.owner) == ("add check", "@ops")


async def test_step_switch_right_after_typing_keeps_the_text(clock: FakeClock) -> None:
    """The "vanishing edit": a step switch (or any refresh) never resets a field from a
    model that is behind the screen; the model follows each key."""
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        burst(app, *_chars(" at 9"), "ctrl+n", "ctrl+b", *_chars("!"))
        await settle(pilot, 0.5)
        assert screen.session.doc.title == "Outage at 9!"
        await until(pilot, lambda: screen.query_one("#title", Input).value == "Outage at 9!")


async def test_a_large_document_opens_on_the_same_screen(clock: FakeClock, tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    doc = Postmortem(
        title="Big",
        timeline=[
            TimelineEntry(time=f"{i // 60 % 24:02d}:{i % 60:02d}", event=f"event {i}")
            for i in range(1000)
        ],
        action_items=[ActionItem(action=f"action {i}", owner="@o") for i in range(200)],
        wizard_step="timeline",
    )
    save(doc, path)
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.3)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        assert len(pane.query("Input")) == 2  # one form, not 2,000 fields
        pane.focus_field("timeline[999].event")
        await settle(pilot)
        await pilot.press(*"!!")
        assert screen.session.doc.timeline[999].event == "event 999!!"
