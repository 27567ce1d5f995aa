"""The agenda clock, driven by a fake clock: what a facilitator would see."""

from __future__ import annotations

import datetime as dt

import pytest

from pmtui.document.model import MeetingItem, MeetingRecord
from pmtui.meeting.agenda import (
    SPEC_AGENDA,
    MeetingStateError,
    MeetingTimer,
    TimerState,
    TimeUp,
    Urgency,
)
from pmtui.meeting.clock import FakeClock
from pmtui.times import format_countdown as format_clock
from pmtui.times import format_mmss as format_duration


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(clock: FakeClock) -> MeetingTimer:
    return MeetingTimer(clock)


def test_spec_agenda_is_fifty_minutes(timer: MeetingTimer) -> None:
    assert [e.name for e in SPEC_AGENDA] == [
        "Review timeline and impact",
        "Walk through Five Whys",
        "Identify process gaps",
        "Define and assign action items",
        "Capture key learnings",
    ]
    assert timer.total_planned() == 50 * 60
    assert timer.state is TimerState.READY
    assert timer.to_record() is None


def test_countdown_follows_the_clock_not_ticks(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    assert format_clock(timer.remaining()) == "05:00"
    clock.advance(0.4)
    assert format_clock(timer.remaining()) == "05:00"  # rounds up: 4:59.6 left
    clock.advance(61)
    assert format_clock(timer.remaining()) == "03:59"
    assert timer.elapsed() == pytest.approx(61.4)
    assert timer.urgency() is Urgency.NORMAL


def test_last_minute_then_overtime_counts_up(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    clock.advance(4 * 60)
    assert timer.urgency() is Urgency.LAST_MINUTE
    assert format_clock(timer.remaining()) == "01:00"
    clock.advance(60)
    assert format_clock(timer.remaining()) == "00:00"
    assert timer.urgency() is Urgency.OVERTIME
    clock.advance(75)
    assert format_clock(timer.remaining()) == "+01:15"
    assert timer.overrun() == pytest.approx(75)
    clock.advance(60)
    assert format_clock(timer.remaining()) == "+02:15"


def test_time_up_fires_once_per_deadline(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    clock.advance(299)
    assert timer.poll() == []
    clock.advance(1)
    assert timer.poll() == [TimeUp(0, "Review timeline and impact")]
    clock.advance(30)
    assert timer.poll() == []
    timer.add_minutes(5)  # new deadline: fires again when it runs out
    assert timer.urgency() is Urgency.NORMAL
    clock.advance(269)
    assert timer.poll() == []
    clock.advance(1)
    assert timer.poll() == [TimeUp(0, "Review timeline and impact")]
    assert timer.poll() == []


def test_pause_stops_the_clock_and_resume_restarts_it(
    clock: FakeClock, timer: MeetingTimer
) -> None:
    timer.start()
    clock.advance(10)
    timer.pause()
    assert timer.state is TimerState.PAUSED
    clock.advance(600)
    assert timer.elapsed() == pytest.approx(10)
    timer.resume()
    clock.advance(5)
    assert timer.elapsed() == pytest.approx(15)
    assert timer.total_elapsed() == pytest.approx(15)


def test_controls_that_do_not_apply_say_why(clock: FakeClock, timer: MeetingTimer) -> None:
    with pytest.raises(MeetingStateError, match="not started"):
        timer.pause()
    with pytest.raises(MeetingStateError, match="not started"):
        timer.next()
    timer.start()
    with pytest.raises(MeetingStateError, match="already running"):
        timer.resume()
    with pytest.raises(MeetingStateError, match="already running"):
        timer.start()
    with pytest.raises(MeetingStateError, match="first agenda item"):
        timer.previous()
    timer.pause()
    with pytest.raises(MeetingStateError, match="paused"):
        timer.pause()
    for _ in range(4):
        timer.next()
    with pytest.raises(MeetingStateError, match="last agenda item"):
        timer.next()
    timer.end()
    with pytest.raises(MeetingStateError, match="ended"):
        timer.resume()
    with pytest.raises(MeetingStateError, match="ended"):
        timer.add_minutes()


def test_add_five_minutes_extends_the_current_item(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    timer.next()
    clock.advance(14 * 60 + 30)
    assert timer.urgency() is Urgency.LAST_MINUTE
    timer.add_minutes(5)
    assert timer.planned() == 20 * 60
    assert format_clock(timer.remaining()) == "05:30"
    assert timer.urgency() is Urgency.NORMAL
    assert timer.planned(0) == 5 * 60  # other items keep their plan
    assert timer.total_planned() == 55 * 60


def test_next_and_previous_send_time_to_the_current_item(
    clock: FakeClock, timer: MeetingTimer
) -> None:
    timer.start()
    clock.advance(100)
    timer.next()
    assert timer.name == "Walk through Five Whys"
    assert timer.next_name == "Identify process gaps"
    assert timer.steps() == ("whys",)
    clock.advance(40)
    timer.previous()
    assert timer.steps() == ("timeline", "facts")  # the timeline first
    clock.advance(20)
    assert timer.elapsed(0) == pytest.approx(120)
    assert timer.elapsed(1) == pytest.approx(40)
    assert timer.total_elapsed() == pytest.approx(160)
    for _ in range(4):
        timer.next()
    assert timer.next_name is None
    assert timer.is_last


def test_next_while_paused_stays_paused(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    clock.advance(30)
    timer.pause()
    timer.next()
    clock.advance(30)
    assert timer.state is TimerState.PAUSED
    assert timer.elapsed(1) == 0
    assert timer.elapsed(0) == pytest.approx(30)


def test_totals_and_record(clock: FakeClock, timer: MeetingTimer) -> None:
    timer.start()
    started = clock.now()
    clock.advance(5 * 60 + 12)
    timer.next()
    clock.advance(90)
    timer.end()
    clock.advance(1000)  # after the end nothing accrues
    assert format_duration(timer.total_elapsed()) == "06:42"
    record = timer.to_record()
    assert record is not None
    assert record.started_at == started
    assert record.ended_at == started + dt.timedelta(seconds=402)
    assert [i.actual_seconds for i in record.items] == [312, 90, 0, 0, 0]
    assert [i.planned_minutes for i in record.items] == [5, 15, 10, 15, 5]
    assert record.items[0].overrun_seconds == 12
    assert record.current_item == 1


def test_resume_after_restart_keeps_recorded_time_and_waits(clock: FakeClock) -> None:
    first = MeetingTimer(clock, [5, 15, 10, 15, 5])
    first.start()
    clock.advance(200)
    first.next()
    first.add_minutes(5)
    clock.advance(125)
    saved = first.to_record()
    assert saved is not None
    saved = MeetingRecord.model_validate_json(saved.model_dump_json())  # as if from disk

    clock.advance(8 * 3600)  # the laptop was closed overnight
    later = MeetingTimer.from_record(saved, clock, [1, 1, 1, 1, 1])
    assert later.state is TimerState.PAUSED
    assert later.current == 1
    assert later.elapsed(0) == pytest.approx(200)
    assert later.elapsed(1) == pytest.approx(125)
    assert later.planned(1) == 20 * 60  # the record's plan, not the new agenda
    clock.advance(60)
    assert later.elapsed() == pytest.approx(125)  # nothing advances until resumed
    later.resume()
    clock.advance(10)
    assert later.elapsed() == pytest.approx(135)
    assert later.started_at == saved.started_at


def test_resume_does_not_repeat_time_up_for_an_item_already_over(clock: FakeClock) -> None:
    record = MeetingRecord(
        started_at=clock.now(),
        current_item=0,
        items=[MeetingItem(name=e.name, planned_minutes=e.minutes) for e in SPEC_AGENDA],
    )
    record.items[0].actual_seconds = 400
    timer = MeetingTimer.from_record(record, clock)
    timer.resume()
    clock.advance(5)
    assert timer.poll() == []
    assert timer.urgency() is Urgency.OVERTIME


def test_ended_record_reopens_ended(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    clock.advance(3)
    timer.end()
    reopened = MeetingTimer.from_record(timer.to_record(), clock)
    assert reopened.state is TimerState.ENDED
    assert reopened.elapsed(0) == pytest.approx(3)
    with pytest.raises(MeetingStateError, match="ended"):
        reopened.start()


def test_record_without_start_gives_a_fresh_agenda(clock: FakeClock) -> None:
    timer = MeetingTimer.from_record(MeetingRecord(), clock, [1, 2, 3, 4, 5])
    assert timer.state is TimerState.READY
    assert timer.total_planned() == 15 * 60


def test_quiet_room(clock: FakeClock, timer: MeetingTimer) -> None:
    assert timer.quiet_for() == 0
    timer.start()
    clock.advance(50)
    assert timer.quiet_for() == pytest.approx(50)
    timer.touch()
    clock.advance(5)
    assert timer.quiet_for() == pytest.approx(5)
    timer.pause()
    assert timer.quiet_for() == 0


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (300, "05:00"),
        (299.01, "05:00"),
        (59.5, "01:00"),
        (0.2, "00:01"),
        (0, "00:00"),
        (-0.5, "+00:00"),
        (-61, "+01:01"),
        (-6000, "+100:00"),
    ],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown
