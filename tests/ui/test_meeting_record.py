"""The facilitation record's controls in the real app, with a fake clock: each key
records what it says in the saved file, without leaving the clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from pmtui.document import storage
from pmtui.document.model import ActionItem
from pmtui.meeting.agenda import TimerState
from pmtui.meeting.clock import FakeClock
from pmtui.tui.screens import meeting as meeting_screen
from pmtui.tui.screens.meeting import MeetingScreen
from pmtui.tui.screens.meeting_entry import EntryScreen, RolesScreen, SafeWordFlash
from pmtui.tui.screens.meeting_recap import RecapScreen
from tests.meeting.sample import sample_doc, write_sample
from tests.ui.test_meeting import meeting_app, palette, screen_of


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(meeting_screen, "SystemClock", lambda: fake)
    return fake


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    doc = sample_doc()
    doc.action_items.append(ActionItem(action="Page on checkout errors", owner="@sre"))
    return write_sample(tmp_path / "checkout.md", doc)


async def started(pilot: Pilot) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("f5")
    await pilot.pause()
    screen = screen_of(pilot)
    assert screen.timer.state is TimerState.RUNNING
    return screen


async def enter(pilot: Pilot, key: str, entry: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, EntryScreen)
    await pilot.press(*entry, "enter")
    await pilot.pause()


async def test_note_decision_and_parking_lot_are_saved(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        screen = await started(pilot)
        await enter(pilot, "f2", "Alert fired late")
        assert pilot.app.screen is screen  # back on the clock
        await pilot.press("f8")
        await enter(pilot, "f3", "Validate timeouts in CI")
        await enter(pilot, "f4", "EU alert routing")
        assert screen.timer.state is TimerState.RUNNING
    record = storage.load(sample).meeting
    assert record is not None
    assert record.items[0].notes == ["Alert fired late"]
    assert record.items[1].decisions == ["Validate timeouts in CI"]
    assert record.parking_lot == ["EU alert routing"]
    text = sample.read_text(encoding="utf-8")
    assert "- Note: Alert fired late" in text and "### Parking lot" in text


async def test_escape_closes_an_entry_without_saving(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        screen = await started(pilot)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"never mind", "escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.timer.notes() == []


async def test_notes_wait_for_the_start(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        assert not screen.check_action("add_note", ())
        await pilot.press("f2")
        await pilot.pause()
        assert pilot.app.screen is screen  # no dialog before the meeting starts


async def test_roles_and_attendees(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RolesScreen)
        await pilot.press(*"Ana", "tab", *"Ben", "tab", *"Cy", "tab")
        await pilot.press(*"Ana", "enter", *"Ben", "enter", *"Dee")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen)
    record = storage.load(sample).meeting
    assert record is not None
    assert (record.facilitator, record.scribe, record.owner) == ("Ana", "Ben", "Cy")
    assert record.attendees == ["Ana", "Ben", "Dee"]
    assert "**Facilitator:** Ana" in sample.read_text(encoding="utf-8")


async def test_safe_word_flashes_and_parks_the_topic(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        screen = await started(pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        flash = pilot.app.screen
        assert isinstance(flash, SafeWordFlash)
        assert "ENOUGH, LET'S MOVE ON" in str(flash.query_one("#safe-word-text").render())
        await pilot.press("space")  # any key clears it
        await pilot.pause()
        assert pilot.app.screen is screen
    record = storage.load(sample).meeting
    assert record is not None and record.parking_lot == ["Walk through Five Whys"]


async def test_end_shows_the_recap_first(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        screen = await started(pilot)
        await pilot.press("f10")
        await pilot.pause()
        recap = pilot.app.screen
        assert isinstance(recap, RecapScreen)
        table = recap.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == [
            "✓",
            "Add schema validation for timeouts to the CI pipeline",
            "@platform",
            "2026-02-01",
            "A PR with timeout 0 fails CI",
        ]
        assert rows[1] == ["✗", "Page on checkout errors", "@sre", "✗ missing", "✗ missing"]
        assert "1 still lacks something" in str(recap.query_one("#recap-summary").render())
        await pilot.press("escape")  # back: the meeting goes on
        await pilot.pause()
        assert pilot.app.screen is screen and screen.timer.state is TimerState.RUNNING
        saved = storage.load(sample).meeting
        assert saved is None or saved.ended_at is None
        await palette(pilot, "End meeting")
        assert isinstance(pilot.app.screen, RecapScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert screen.timer.state is TimerState.ENDED
    record = storage.load(sample).meeting
    assert record is not None and record.ended_at is not None


async def test_palette_offers_the_facilitation_controls(sample: Path, clock: FakeClock) -> None:
    async with meeting_app(sample).run_test(size=(110, 34)) as pilot:
        screen = await started(pilot)
        await palette(pilot, "Add decision")
        assert isinstance(pilot.app.screen, EntryScreen)
        entry = pilot.app.screen.query_one("#entry-text", Input)
        for _ in range(100):  # the palette closes first, then the dialog's field takes focus
            if pilot.app.focused is entry:
                break
            await pilot.pause(0.02)
        await pilot.press(*"Roll back first", "enter")
        await pilot.pause()
        assert screen.timer.decisions() == ["Roll back first"]
