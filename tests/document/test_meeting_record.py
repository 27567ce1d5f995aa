"""The facilitation record in ``## Meeting``: roles, attendees, parking lot, each item's
notes and decisions, added time and pauses; read back exactly, in the JSON export too,
and files written before these fields existed still read (and write back unchanged)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings

from pmtui.document.errors import DocumentError
from pmtui.document.export import to_json
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import MeetingItem, MeetingPauses, MeetingRecord, Postmortem
from tests.document.strategies import meeting_records


def _record() -> MeetingRecord:
    return MeetingRecord(
        started_at=dt.datetime(2026, 1, 14, 15, 0, tzinfo=dt.UTC),
        current_item=1,
        facilitator="Ana Lee",
        scribe="Ben",
        owner="Cy",
        attendees=["Ana Lee", "Ben", "Cy, on call"],
        parking_lot=["Alert routing for the EU region"],
        pauses=MeetingPauses(count=2, total_seconds=95.34),
        items=[
            MeetingItem(name="Review timeline and impact", planned_minutes=5, actual_seconds=362.1),
            MeetingItem(
                name="Walk through Five Whys",
                planned_minutes=15,
                actual_seconds=1000.04,
                added_seconds=300,
                notes=["The schema allows 0", "Two\nlines"],
                decisions=["Validate timeouts in CI"],
            ),
        ],
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting_records())
def test_the_meeting_section_reads_back_as_written(record: MeetingRecord) -> None:
    doc = Postmortem(title="T", meeting=record)
    assert from_markdown(to_markdown(doc)) == doc


def test_the_record_is_readable_markdown() -> None:
    md = to_markdown(Postmortem(title="T", meeting=_record()))
    section = md[md.index("## Meeting") :]
    for line in (
        "**Facilitator:** Ana Lee",
        "**Scribe:** Ben",
        "**Incident owner:** Cy",
        "**Pauses:** 2, 95.3 s in all",
        "| Agenda item | Planned (min) | Actual (s) | Overrun (s) | Added (s) |",
        "| Review timeline and impact | 5 | 362.1 | 62.1 | 0 |",
        "| Walk through Five Whys | 15 | 1000 | 0 | 300 |",
        "### Attendees",
        "- Cy, on call",
        "### Parking lot",
        "- Alert routing for the EU region",
        "### Item 2: Walk through Five Whys",
        "- Note: The schema allows 0",
        "- Decision: Validate timeouts in CI",
    ):
        assert line in section.split("\n")
    assert "62.09999" not in section and "1000.04" not in section


def test_seconds_are_kept_to_a_tenth() -> None:
    item = MeetingItem(name="a", planned_minutes=5, actual_seconds=362.09999999999997)
    assert item.actual_seconds == 362.1 and item.overrun_seconds == 62.1
    assert MeetingPauses(total_seconds=0.04).total_seconds == 0.0


def test_overrun_counts_the_added_time_as_planned() -> None:
    item = MeetingItem(name="a", planned_minutes=5, actual_seconds=620, added_seconds=300)
    assert item.overrun_seconds == 20


def test_json_export_has_the_record_and_counts_items_from_one() -> None:
    data = json.loads(to_json(Postmortem(title="T", meeting=_record())))["meeting"]
    assert data["current_item"] == 2  # "**Current item:** 2" in the Markdown
    assert (data["facilitator"], data["scribe"], data["owner"]) == ("Ana Lee", "Ben", "Cy")
    assert data["attendees"] == ["Ana Lee", "Ben", "Cy, on call"]
    assert data["parking_lot"] == ["Alert routing for the EU region"]
    assert data["pauses"] == {"count": 2, "total_seconds": 95.3}
    second = data["items"][1]
    assert second["added_seconds"] == 300
    assert second["notes"] == ["The schema allows 0", "Two\nlines"]
    assert second["decisions"] == ["Validate timeouts in CI"]
    assert data["items"][0]["overrun_seconds"] == 62.1


OLD_FILE = """\
# Post-Mortem: Old meeting

**Date:** 2026-01-14

## Summary

## Timeline

| Time (UTC) | Event |
|:---|:---|

## Five Whys

## Process Gaps Identified

## Action Items

| Action | Owner | Due | Status |
|:---|:---|:---|:---|

## Key Learnings

## Meeting
**Started:** 2026-01-14 15:00:00 UTC
**Current item:** 2

| Agenda item | Planned (min) | Actual (s) | Overrun (s) |
|:---|---:|---:|---:|
| Review timeline and impact | 10 | 310.5 | 0 |
| Walk through Five Whys | 15 | 62.1 | 0 |
"""


def test_a_file_from_before_the_facilitation_record_reads_and_writes_back_unchanged() -> None:
    doc = from_markdown(OLD_FILE)
    assert doc.meeting is not None
    assert doc.meeting.current_item == 1
    assert [i.actual_seconds for i in doc.meeting.items] == [310.5, 62.1]
    assert doc.meeting.facilitator == "" and doc.meeting.attendees == []
    assert doc.meeting.items[0].added_seconds == 0 and doc.meeting.items[0].notes == []
    assert to_markdown(doc).endswith(OLD_FILE[OLD_FILE.index("## Meeting") :])


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("### Item 3: x\n\n- Note: n", "meeting notes for agenda item 3, but the agenda has 2"),
        ("### Item 1: x\n\n- Something", "start each line with 'Note:' or 'Decision:'"),
        ("**Pauses:** often", "meeting pauses 'often': write the count and seconds"),
    ],
)
def test_a_bad_record_is_one_clear_line(lines: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        from_markdown(OLD_FILE + "\n" + lines + "\n", "f.md")
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("f.md:")
