"""The facilitation record the timer keeps: added time, pauses, notes, decisions, the
parking lot, roles, and the safe word; all of it survives a save and a restart."""

from __future__ import annotations

import pytest

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Postmortem
from pmtui.meeting.agenda import MeetingStateError, MeetingTimer, TimerState
from pmtui.meeting.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _reopened(timer: MeetingTimer, clock: FakeClock) -> MeetingTimer:
    """The timer as a restarted pmtui rebuilds it from the saved Markdown."""
    doc = Postmortem(title="T", meeting=timer.to_record())
    return MeetingTimer.from_record(from_markdown(to_markdown(doc)).meeting, clock)


def test_add_time_is_recorded_as_added_seconds(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    timer.add_minutes(5)
    clock.advance(330)
    record = timer.to_record()
    assert record is not None
    first = record.items[0]
    assert (first.planned_minutes, first.added_seconds, first.overrun_seconds) == (5, 300, 0)
    again = _reopened(timer, clock)
    assert again.planned(0) == 600  # the plan with the minutes added, after a restart
    # A restart resumes paused, so only "running since" differs.
    assert again.to_record() == record.model_copy(update={"running_since": None})


def test_seconds_in_the_record_are_tenths(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    clock.advance(362.09999999999997)
    record = timer.to_record()
    assert record is not None
    assert record.items[0].actual_seconds == 362.1
    assert record.items[0].overrun_seconds == 62.1


def test_pauses_are_counted_and_timed(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    timer.pause()
    clock.advance(30)
    timer.resume()
    clock.advance(10)
    timer.pause()
    clock.advance(12.5)
    record = timer.to_record()
    assert record is not None
    assert (record.pauses.count, record.pauses.total_seconds) == (2, 42.5)
    timer.end()
    clock.advance(100)  # after the end nothing more is paused time
    record = timer.to_record()
    assert record is not None
    assert (record.pauses.count, record.pauses.total_seconds) == (2, 42.5)


def test_notes_and_decisions_go_to_the_current_item_and_survive_a_restart(
    clock: FakeClock,
) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    timer.add_note("  The alert fired 7 minutes late ")
    timer.next()
    timer.add_decision("Validate timeouts in CI")
    timer.add_parking("EU alert routing")
    timer.set_roles("Ana", " Ben ", "Cy", ["Ana", "", " Ben "])
    again = _reopened(timer, clock)
    assert again.notes(0) == ["The alert fired 7 minutes late"]
    assert again.decisions(1) == ["Validate timeouts in CI"]
    assert again.notes(1) == [] and again.decisions(0) == []
    assert again.parking_lot == ["EU alert routing"]
    assert (again.facilitator, again.scribe, again.owner) == ("Ana", "Ben", "Cy")
    assert again.attendees == ["Ana", "Ben"]


def test_empty_entries_and_notes_outside_the_meeting_are_refused(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    with pytest.raises(MeetingStateError, match="not started"):
        timer.add_note("early")
    timer.start()
    with pytest.raises(MeetingStateError, match="empty note"):
        timer.add_note("   ")
    assert timer.notes() == []


def test_roles_before_the_start_are_a_record_of_their_own(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    assert timer.to_record() is None
    timer.set_roles("Ana", "", "", ["Ana", "Ben"])
    record = timer.to_record()
    assert record is not None and record.started_at is None and record.items == []
    again = _reopened(timer, clock)
    assert again.state is TimerState.READY
    assert again.attendees == ["Ana", "Ben"]
    again.start()
    started = again.to_record()
    assert started is not None and started.facilitator == "Ana"


def test_safe_word_files_the_current_topic_once(clock: FakeClock) -> None:
    timer = MeetingTimer(clock)
    timer.start()
    timer.next()
    assert timer.safe_word() == "Walk through Five Whys"
    timer.add_note("Why the cache was cold")
    assert timer.safe_word() == "Walk through Five Whys: Why the cache was cold"
    timer.safe_word()
    assert timer.parking_lot == [
        "Walk through Five Whys",
        "Walk through Five Whys: Why the cache was cold",
    ]


def test_the_html_page_has_the_whole_facilitation_record(clock: FakeClock) -> None:
    from html.parser import HTMLParser

    from pmtui.document.export import to_html

    timer = MeetingTimer(clock)
    timer.facilitator, timer.scribe, timer.owner = "Ana", "Bo", "Cy <ops>"
    timer.attendees = ["Ana", "Bo"]
    timer.start()
    timer.add_note("alert fired <late>")
    timer.next()
    timer.add_minutes(5)
    timer.add_decision("validate timeouts in CI")
    timer.safe_word()
    clock.advance(61)
    page = to_html(Postmortem(title="T", meeting=timer.to_record()))
    chunks: list[str] = []
    parser = HTMLParser()
    parser.handle_data = chunks.append  # type: ignore[method-assign]
    parser.feed(page[page.index("<h2>Meeting</h2>") :])
    shown = " ".join(c.strip() for c in chunks if c.strip())
    for expected in (
        "Facilitator Ana",
        "Scribe Bo",
        "Incident owner Cy <ops>",  # text, not markup
        "Current item 2 (clock running since",
        "Added (s)",
        "Five Whys 15 61 0 300",
        "Attendees Ana Bo",
        "Parking lot Walk through Five Whys",
        "Item 1: Review timeline and impact Note: alert fired <late>",
        "Item 2: Walk through Five Whys Decision: validate timeouts in CI",
    ):
        assert expected in shown, expected
    assert "<late>" not in page and "&lt;late&gt;" in page
