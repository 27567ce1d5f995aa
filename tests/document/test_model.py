"""Validation errors name the field and say why, in words a user understands."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from pmtui.document.model import (
    ActionItem,
    MeetingItem,
    MeetingRecord,
    Postmortem,
    TimelineEntry,
    describe_validation_error,
)


def message(**values: object) -> str:
    with pytest.raises(ValidationError) as info:
        Postmortem(**values)
    return describe_validation_error(info.value)


def test_bad_time_names_the_row() -> None:
    assert message(timeline=[{"time": "09:00"}, {"time": "25:00"}]) == (
        "timeline row 2, time: time '25:00' is not a real time of day (00:00 to 23:59)"
    )


def test_time_in_the_wrong_shape() -> None:
    assert "must be HH:MM or YYYY-MM-DD HH:MM (UTC)" in message(timeline=[{"time": "9am"}])


def test_time_with_a_date_that_does_not_exist() -> None:
    assert message(timeline=[{"time": "2024-02-30 10:00"}]) == (
        "timeline row 1, time: time '2024-02-30 10:00' has a date that does not exist"
    )


def test_more_than_five_whys() -> None:
    assert message(five_whys=["a"] * 6).startswith("five whys: ")
    assert "at most 5" in message(five_whys=["a"] * 6)


def test_unknown_wizard_step() -> None:
    assert message(wizard_step="nowhere") == (
        "wizard step: unknown wizard step 'nowhere'; expected one of "
        "facts, timeline, whys, gaps, actions, learnings, review"
    )


def test_unknown_severity_and_status() -> None:
    assert message(severity="SEV-4").startswith("severity: ")
    assert "'SEV-1', 'SEV-2' or 'SEV-3'" in message(severity="SEV-4")
    assert message(action_items=[{"action": "x", "status": "Later"}]).startswith(
        "action item 1, status: "
    )


def test_negative_meeting_minutes() -> None:
    with pytest.raises(ValidationError) as info:
        MeetingRecord(
            items=[MeetingItem(name="a", planned_minutes=1), {"name": "b", "planned_minutes": -1}]
        )
    assert describe_validation_error(info.value).startswith("agenda item 2, planned minutes: ")


def test_assignment_is_validated_too() -> None:
    entry = TimelineEntry(time="10:00")
    with pytest.raises(ValidationError):
        entry.time = "10:75"
    item = ActionItem(action="x")
    item.due = dt.date(2024, 1, 1)
    assert item.due == dt.date(2024, 1, 1)


def test_meeting_times_are_kept_as_aware_utc() -> None:
    naive = dt.datetime(2024, 3, 6, 10, 0)
    other_zone = dt.datetime(2024, 3, 6, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    record = MeetingRecord(started_at=naive, ended_at=other_zone)
    assert record.started_at == dt.datetime(2024, 3, 6, 10, 0, tzinfo=dt.UTC)
    assert record.ended_at is not None and record.ended_at.tzinfo == dt.UTC
    assert record.ended_at.hour == 10
