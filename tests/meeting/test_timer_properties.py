"""Whatever the facilitator presses, the clock accounts for every running second once."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.document.model import MeetingRecord
from pmtui.meeting.agenda import MeetingStateError, MeetingTimer, TimerState
from pmtui.meeting.clock import FakeClock

CONTROLS = ("pause", "resume", "next", "previous", "add_minutes", "save_and_reopen")

steps = st.lists(
    st.tuples(st.sampled_from(CONTROLS), st.floats(min_value=0, max_value=900)),
    max_size=40,
)


@given(steps)
def test_running_time_is_counted_exactly_once(script: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    timer = MeetingTimer(clock)
    timer.start()
    running_seconds = 0.0
    per_item = [0.0] * len(timer.items)
    for control, wait in script:
        if timer.state is TimerState.RUNNING:
            running_seconds += wait
            per_item[timer.current] += wait
        clock.advance(wait)
        if control == "save_and_reopen":
            record = MeetingRecord.model_validate_json(timer.to_record().model_dump_json())
            timer = MeetingTimer.from_record(record, clock)
            assert timer.state is TimerState.PAUSED  # a reopened meeting waits
            continue
        with contextlib.suppress(MeetingStateError):  # a control that does not apply
            getattr(timer, control)()
    # A record rounds each item to 0.1 s, so each reopen may move an item 0.05 s.
    reopens = sum(control == "save_and_reopen" for control, _ in script)
    tolerance = 0.051 * reopens + 1e-6
    assert timer.total_elapsed() == pytest.approx(running_seconds, abs=tolerance * len(per_item))
    for index, expected in enumerate(per_item):
        assert timer.elapsed(index) == pytest.approx(expected, abs=tolerance)
    assert all(timer.elapsed(i) >= 0 for i in range(len(timer.items)))
