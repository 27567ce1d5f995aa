"""The plain-text preview: one row per event with UTC, source time and zone, flags and text;
notes for held rows; blame findings from the injected check; the lines not understood."""

from __future__ import annotations

import datetime as dt

from pmtui.blame import scan
from pmtui.document.model import TimelineEntry
from pmtui.timeline import build_preview, merge_rows, parse_log, render_preview
from tests.timeline.conftest import load


def test_preview_columns_statuses_and_unparsed() -> None:
    parse = parse_log(
        "14:05 paged\n14:10 Bob should have caught it\nnonsense\n14:20 ack",
        zone="Europe/Berlin",
        default_date=dt.date(2026, 3, 12),
    )
    existing = [TimelineEntry(time="13:20", event="ack")]
    merge = merge_rows(existing, parse.rows, doc_date=dt.date(2026, 3, 12))
    preview = build_preview(parse, merge, check=scan)
    assert [r.status for r in preview.rows] == ["new", "new", "duplicate"]
    assert [bool(r.findings) for r in preview.rows] == [False, True, False]
    text = render_preview(preview)
    lines = text.splitlines()
    assert lines[0] == "Rows: 2 to add, 1 already in the timeline, 1 not understood"
    assert lines[1].split() == ["line", "UTC", "source", "flags", "event"]
    assert "2026-03-12 13:05  14:05 Europe/Berlin UTC+1 (default zone)  date_assumed" in lines[2]
    assert lines[2].endswith("paged")
    assert "blame" in lines[3] and lines[4].strip().startswith("blame: ")
    assert "already there" in text
    assert "  line 3: nonsense  [no time found]" in text


def test_preview_without_check_or_merge() -> None:
    parse = parse_log(
        "14:05 Bob should have caught it", zone="UTC", default_date=dt.date(2026, 3, 12)
    )
    preview = build_preview(parse)
    assert preview.rows[0].status == "new" and preview.rows[0].findings == ()
    assert "blame" not in render_preview(preview)


def test_held_rows_explain_themselves() -> None:
    gap = parse_log(load("dst_berlin_spring.txt"), zone="Europe/Berlin", default_date=None)
    text = render_preview(build_preview(gap))
    assert "(held)" in text
    assert (
        "note: 02:15 does not exist in Europe/Berlin on 2026-03-29 "
        "(clocks went from UTC+1 to UTC+2)" in text
    )
    fold = parse_log("2026-11-01 01:30 failover", zone="America/Los_Angeles", default_date=None)
    text = render_preview(build_preview(fold))
    assert (
        "01:30 happened twice in America/Los_Angeles on 2026-11-01: "
        "2026-11-01 08:30 UTC (at UTC\u22127) or 2026-11-01 09:30 UTC (at UTC\u22128)" in text
    )


def test_width_cuts_long_text() -> None:
    parse = parse_log("14:05 " + "x" * 200, zone="UTC", default_date=dt.date(2026, 3, 12))
    text = render_preview(build_preview(parse), width=40)
    assert ("x" * 39 + "\u2026") in text and "x" * 41 not in text
