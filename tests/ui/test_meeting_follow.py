"""`pmtui meeting FILE --follow`: a read-only view that follows the autosaved record."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pmtui.cli import main
from pmtui.document import storage
from pmtui.document.markdown import to_markdown
from pmtui.document.model import MeetingItem, MeetingRecord
from pmtui.meeting.agenda import SPEC_AGENDA, MeetingTimer
from pmtui.meeting.clock import FakeClock
from pmtui.tui.app import PmtuiApp
from pmtui.tui.screens import meeting_follow as follow_screen
from pmtui.tui.screens.meeting_follow import FollowScreen
from tests.meeting.sample import sample_doc, write_sample


def _at_item(path: Path, index: int) -> None:
    """What the facilitator's autosave writes when the meeting is on item ``index``."""
    doc = storage.load(path)
    doc.meeting = MeetingRecord(
        started_at=dt.datetime(2026, 1, 14, 15, 0, tzinfo=dt.UTC),
        current_item=index,
        items=[MeetingItem(name=e.name, planned_minutes=e.minutes) for e in SPEC_AGENDA],
    )
    path.write_text(to_markdown(doc), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a later stamp, however coarse the clock
    os.utime(path, ns=(stamp, stamp))


async def test_the_follower_shows_the_item_the_file_records(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "checkout.md", sample_doc())
    _at_item(sample, 0)
    app = PmtuiApp(open_path=sample, follow=True)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, FollowScreen)
        assert "Review timeline and impact" in str(screen.query_one("#item-title").render())
        before = hashlib.sha256(sample.read_bytes()).hexdigest()
        _at_item(sample, 1)
        after = hashlib.sha256(sample.read_bytes()).hexdigest()
        screen.poll()
        await pilot.pause()
        assert "Walk through Five Whys" in str(screen.query_one("#item-title").render())
        assert "Five Whys" in screen.query_one("#follow-step-text").source
        assert before != after
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == after  # the follower wrote nothing
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())


def test_follow_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meeting", "--follow"]) == 2
    err = capsys.readouterr().err
    assert "--follow needs the post-mortem file" in err and err.count("\n") == 1


def _room_running(path: Path, clock: FakeClock, seconds: float, *, paused: bool = False) -> None:
    """The facilitator's autosave after ``seconds`` on item 2 (running, or paused)."""
    doc = storage.load(path)
    timer = MeetingTimer(clock)
    timer.start()
    timer.next()
    clock.advance(seconds)
    if paused:
        timer.pause()
    doc.meeting = timer.to_record()
    path.write_text(to_markdown(doc), encoding="utf-8")
    saved = clock.now().timestamp()
    os.utime(path, (saved, saved))


def _room(tmp_path: Path, clock: FakeClock) -> Path:
    """A meeting one minute into item 2, its clock running."""
    sample = write_sample(tmp_path / "checkout.md", sample_doc())
    _room_running(sample, clock, 60)
    return sample


async def _follower(pilot: Pilot[None]) -> FollowScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FollowScreen)
    return screen


def _state(screen: FollowScreen) -> str:
    return str(screen.query_one("#clock-state").render())


@pytest.fixture
def follower_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock(start=dt.datetime.now(dt.UTC).replace(microsecond=0))
    monkeypatch.setattr(follow_screen, "SystemClock", lambda: fake)
    return fake


async def test_the_follower_tells_running_from_paused_and_ticks_between_saves(
    tmp_path: Path, follower_clock: FakeClock
) -> None:
    sample = _room(tmp_path, follower_clock)
    async with PmtuiApp(open_path=sample, follow=True).run_test(size=(120, 36)) as pilot:
        screen = await _follower(pilot)
        assert "Running" in _state(screen) and "01:00 of 15 min" in _state(screen)
        follower_clock.advance(5)  # no save yet: the follower's clock runs on
        screen.redraw()
        assert "01:05 of 15 min" in _state(screen)
        _room_running(sample, follower_clock, 20, paused=True)
        screen.poll()
        follower_clock.advance(30)
        screen.redraw()
        assert "PAUSED" in _state(screen) and "00:20 of 15 min" in _state(screen)


async def test_the_follower_stops_its_clock_when_the_facilitator_goes_quiet(
    tmp_path: Path, follower_clock: FakeClock
) -> None:
    sample = _room(tmp_path, follower_clock)
    async with PmtuiApp(open_path=sample, follow=True).run_test(size=(120, 36)) as pilot:
        screen = await _follower(pilot)
        follower_clock.advance(follow_screen.STALE_SECONDS + 5)
        screen.redraw()
        await pilot.pause()
        status = str(screen.query_one("#follow-status").render())
        saved = screen._saved_at.astimezone().strftime("%H:%M:%S")
        assert f"No save from the facilitator's pmtui since {saved}" in status
        assert "01:00 of 15 min" in _state(screen)  # stopped at the last save
        follower_clock.advance(1)
        screen.redraw()  # later redraws keep both the message and the stopped clock
        assert f"since {saved}" in str(screen.query_one("#follow-status").render())
        assert "01:00 of 15 min" in _state(screen)
        _room_running(sample, follower_clock, 90)  # it is back
        screen.poll()
        await pilot.pause()
        assert "Following checkout.md" in str(screen.query_one("#follow-status").render())
        assert "Running" in _state(screen)


async def test_the_follower_shows_the_latest_warning_without_controls(
    tmp_path: Path, follower_clock: FakeClock
) -> None:
    sample = _room(tmp_path, follower_clock)  # item 2: the Five Whys
    async with PmtuiApp(open_path=sample, follow=True).run_test(size=(120, 36)) as pilot:
        screen = await _follower(pilot)
        banner = screen.query_one("#blame-alert")
        assert banner.has_class("-empty")
        for why in ("Sam should have checked the config.", "Who approved this change?"):
            saved = storage.load(sample)
            saved.five_whys.append(why)
            sample.write_text(to_markdown(saved), encoding="utf-8")
            follower_clock.advance(2)
            stamp = follower_clock.now().timestamp()
            os.utime(sample, (stamp, stamp))
            screen.poll()
            await pilot.pause()
        shown = str(banner.render())
        assert not banner.has_class("-empty")
        assert "Who approved" in shown and "(+1 more)" in shown
        assert "ctrl+l" not in shown  # nothing can be allowed from a read-only view
