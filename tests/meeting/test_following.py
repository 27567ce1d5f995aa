"""What a follower's clock shows (MeetingTimer.following): running on from the last
autosave while the record says the clock runs, standing still while it is paused."""

from __future__ import annotations

import datetime as dt

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Postmortem
from pmtui.meeting.agenda import MeetingTimer, TimerState
from pmtui.meeting.clock import FakeClock


def _saved(timer: MeetingTimer) -> Postmortem:
    """The document as the facilitator's autosave writes it, read back."""
    return from_markdown(to_markdown(Postmortem(title="T", meeting=timer.to_record())))


def test_the_record_says_since_when_the_clock_runs() -> None:
    clock = FakeClock()
    timer = MeetingTimer(clock)
    timer.start()
    clock.advance(40)
    record = _saved(timer).meeting
    assert record is not None and record.running_since == clock.now() - dt.timedelta(seconds=40)
    timer.pause()
    record = _saved(timer).meeting
    assert record is not None and record.running_since is None
    clock.advance(5)
    timer.resume()
    record = _saved(timer).meeting
    assert record is not None and record.running_since == clock.now()
    assert "**Running since:**" in to_markdown(_saved(timer))


def test_a_follower_counts_on_from_the_save_while_the_room_runs() -> None:
    room = FakeClock()
    timer = MeetingTimer(room)
    timer.start()
    room.advance(70)
    saved_at = room.now()
    record = _saved(timer).meeting
    follower_clock = FakeClock(start=saved_at + dt.timedelta(seconds=2))
    follower = MeetingTimer.following(record, follower_clock, saved_at)
    assert follower.state is TimerState.RUNNING
    assert follower.elapsed() == 72  # 70 s saved, 2 s since the save
    follower_clock.advance(10)
    assert follower.elapsed() == 82


def test_a_follower_of_a_paused_meeting_stands_still() -> None:
    room = FakeClock()
    timer = MeetingTimer(room)
    timer.start()
    room.advance(30)
    timer.pause()
    saved_at = room.now()
    follower_clock = FakeClock(start=saved_at)
    follower = MeetingTimer.following(_saved(timer).meeting, follower_clock, saved_at)
    follower_clock.advance(60)
    assert follower.state is TimerState.PAUSED
    assert follower.elapsed() == 30


def test_a_restarted_facilitator_resumes_paused_whatever_the_record_said() -> None:
    room = FakeClock()
    timer = MeetingTimer(room)
    timer.start()
    room.advance(30)
    again = MeetingTimer.from_record(_saved(timer).meeting, room)
    assert again.state is TimerState.PAUSED
    record = again.to_record()
    assert record is not None and record.running_since is None
