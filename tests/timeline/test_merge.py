"""Merging imported rows into a timeline: time order, no duplicates, dates when needed."""

from __future__ import annotations

import datetime as dt

from pmtui.document.model import TimelineEntry
from pmtui.timeline import merge_rows, parse_log
from pmtui.timeline.merge import normalise

MAR12 = dt.date(2026, 3, 12)


def rows(text: str, zone: str = "UTC", date: dt.date | None = MAR12):  # type: ignore[no-untyped-def]
    return parse_log(text, zone=zone, default_date=date).rows


def entries(*pairs: tuple[str, str]) -> list[TimelineEntry]:
    return [TimelineEntry(time=t, event=e) for t, e in pairs]


def table(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.time, e.event) for e in result.entries]


def test_rows_go_in_time_order_among_existing_ones() -> None:
    existing = entries(("14:00", "Deploy started"), ("14:30", "Rollback done"))
    result = merge_rows(
        existing, rows("14:10 alert fired\n14:45 status page updated\n13:50 canary"), doc_date=MAR12
    )
    assert table(result) == [
        ("13:50", "canary"),
        ("14:00", "Deploy started"),
        ("14:10", "alert fired"),
        ("14:30", "Rollback done"),
        ("14:45", "status page updated"),
    ]
    assert (result.added, result.skipped, result.dated) == (3, 0, False)


def test_rows_already_there_are_skipped() -> None:
    existing = entries(("14:10", "Alert fired."), ("14:20", "rollback started"))
    imported = rows("14:10:40 alert   FIRED\n14:20 rollback started, slowly\n14:10 alert fired")
    result = merge_rows(existing, imported, doc_date=MAR12)
    assert table(result) == [
        ("14:10", "Alert fired."),
        ("14:20", "rollback started"),
        ("14:20", "rollback started, slowly"),
    ]
    assert (result.added, result.skipped) == (1, 2)


def test_a_second_copy_within_the_import_is_skipped() -> None:
    result = merge_rows([], rows("14:10 paged\n14:10 paged\n14:11 paged"), doc_date=MAR12)
    assert table(result) == [("14:10", "paged"), ("14:11", "paged")]
    assert (result.added, result.skipped) == (2, 1)


def test_same_minute_keeps_existing_first_then_import_order() -> None:
    existing = entries(("14:10", "existing"))
    result = merge_rows(existing, rows("14:10:30 second\n14:10:05 first"), doc_date=MAR12)
    assert [e for _, e in table(result)] == ["existing", "first", "second"]


def test_crossing_midnight_utc_dates_every_row() -> None:
    existing = entries(("23:40", "Deploy started"))
    imported = rows(
        "2026-03-12 16:55 alert fired\n2026-03-12 17:10 rollback", zone="America/Los_Angeles"
    )
    result = merge_rows(existing, imported, doc_date=MAR12)
    assert table(result) == [
        ("2026-03-12 23:40", "Deploy started"),
        ("2026-03-12 23:55", "alert fired"),
        ("2026-03-13 00:10", "rollback"),
    ]
    assert result.dated


def test_rows_on_another_day_than_the_document_get_dates() -> None:
    result = merge_rows([], rows("2026-03-11 10:00 x"), doc_date=MAR12)
    assert table(result) == [("2026-03-11 10:00", "x")]


def test_existing_dated_rows_keep_their_dates_and_order() -> None:
    existing = entries(("2026-03-13 00:20", "closed"), ("2026-03-12 23:50", "paged"))
    result = merge_rows(existing, rows("2026-03-13 00:05 ack"), doc_date=MAR12)
    assert table(result) == [
        ("2026-03-12 23:50", "paged"),
        ("2026-03-13 00:05", "ack"),
        ("2026-03-13 00:20", "closed"),
    ]


def test_without_a_document_date_rows_are_dated() -> None:
    existing = entries(("09:00", "standup"))
    result = merge_rows(existing, rows("2026-03-12 10:00 x", date=None), doc_date=None)
    assert table(result) == [("2026-03-12 09:00", "standup"), ("2026-03-12 10:00", "x")]


def test_held_rows_are_returned_not_merged() -> None:
    imported = rows(
        "01:30 folded\n03:00 fine", zone="America/Los_Angeles", date=dt.date(2026, 11, 1)
    )
    result = merge_rows([], imported, doc_date=dt.date(2026, 11, 1))
    assert table(result) == [("11:00", "fine")]
    assert [r.text for r in result.held] == ["folded"]


def test_merged_entries_are_valid_timeline_rows() -> None:
    result = merge_rows([], rows("2026-03-12 23:59 a\n2026-03-13 00:00 b"), doc_date=MAR12)
    for entry in result.entries:
        TimelineEntry.model_validate(entry.model_dump())


def test_normalise() -> None:
    assert normalise("  Alert   FIRED. ") == normalise("alert fired")
    assert normalise("alert fired!") == "alert fired"
    assert normalise("alert fired?") != "alert fired"
