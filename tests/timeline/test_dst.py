"""Logs that cross a DST change in America/Los_Angeles and Europe/Berlin: times on either side
convert with their own offset; a time in the gap or the fold is flagged and held, never moved."""

from __future__ import annotations

import datetime as dt

from pmtui.timeline import Flag, merge_rows, parse_log
from pmtui.timeline.preview import note
from tests.timeline.conftest import load


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_los_angeles_spring_forward() -> None:
    p = parse_log(
        load("dst_los_angeles_spring.txt"),
        zone="America/Los_Angeles",
        default_date=dt.date(2026, 3, 8),
    )
    before, checkpoint, gap, after = p.rows
    assert before.utc == utc("2026-03-08 09:30")  # 1:30 AM PST (UTC-8)
    assert checkpoint.utc == utc("2026-03-08 09:59")
    assert gap.utc is None and Flag.GAP in gap.flags and gap.candidates == ()
    assert gap.wall == dt.datetime(2026, 3, 8, 2, 30)
    assert after.utc == utc("2026-03-08 10:05")  # 3:05 AM PDT (UTC-7)
    assert "2:30" not in after.source_time
    assert "does not exist in America/Los_Angeles on 2026-03-08" in (note(gap) or "")


def test_los_angeles_fall_back() -> None:
    p = parse_log(
        load("dst_los_angeles_fall.txt"),
        zone="America/Los_Angeles",
        default_date=dt.date(2026, 11, 1),
    )
    first, ack, start, finish, closed = p.rows
    assert first.utc == utc("2026-11-01 07:50")  # 00:50 PDT
    for row, minute in ((ack, 10), (start, 40), (finish, 20)):
        assert row.utc is None and Flag.FOLD in row.flags
        assert row.candidates == (
            utc(f"2026-11-01 08:{minute:02d}"),  # as PDT, UTC-7
            utc(f"2026-11-01 09:{minute:02d}"),  # as PST, UTC-8
        )
    # The order of the log points to a candidate, but nothing is applied.
    assert ack.suggested == utc("2026-11-01 08:10")
    assert start.suggested == utc("2026-11-01 08:40")
    assert finish.suggested == utc("2026-11-01 09:20")  # 01:20 after 01:40: the second pass
    assert closed.utc == utc("2026-11-01 10:10")  # 02:10 PST
    text = note(finish) or ""
    assert "happened twice" in text and "suggests 2026-11-01 09:20" in text


def test_berlin_spring_forward() -> None:
    p = parse_log(load("dst_berlin_spring.txt"), zone="Europe/Berlin", default_date=None)
    started, progress, finished = p.rows
    assert started.utc == utc("2026-03-29 00:45")  # CET, UTC+1
    assert progress.utc is None and Flag.GAP in progress.flags
    assert finished.utc == utc("2026-03-29 01:05")  # CEST, UTC+2


def test_berlin_fall_back() -> None:
    p = parse_log(
        load("dst_berlin_fall.txt"), zone="Europe/Berlin", default_date=dt.date(2026, 10, 25)
    )
    started, half, ninety, finished = p.rows
    assert started.utc == utc("2026-10-24 23:59")  # 01:59 CEST: the day before in UTC
    assert half.candidates == (utc("2026-10-25 00:30"), utc("2026-10-25 01:30"))
    assert ninety.candidates == (utc("2026-10-25 00:15"), utc("2026-10-25 01:15"))
    assert ninety.suggested == utc("2026-10-25 01:15")
    assert finished.utc == utc("2026-10-25 02:10")  # 03:10 CET


def test_held_rows_are_not_merged_and_the_rest_get_dates_across_midnight_utc() -> None:
    p = parse_log(
        load("dst_berlin_fall.txt"), zone="Europe/Berlin", default_date=dt.date(2026, 10, 25)
    )
    result = merge_rows([], p.rows, doc_date=dt.date(2026, 10, 25))
    assert [e.time for e in result.entries] == ["2026-10-24 23:59", "2026-10-25 02:10"]
    assert [r.line for r in result.held] == [4, 5]


def test_a_resolved_fold_row_merges_with_its_flag_kept() -> None:
    p = parse_log(
        load("dst_los_angeles_fall.txt"),
        zone="America/Los_Angeles",
        default_date=dt.date(2026, 11, 1),
    )
    chosen = p.rows[3].resolve(p.rows[3].candidates[1])
    assert chosen.utc == utc("2026-11-01 09:20") and Flag.FOLD in chosen.flags
    result = merge_rows([], [p.rows[0], chosen, p.rows[4]], doc_date=dt.date(2026, 11, 1))
    assert [e.time for e in result.entries] == ["07:50", "09:20", "10:10"]
