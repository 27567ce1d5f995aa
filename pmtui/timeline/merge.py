"""Merging imported rows into a post-mortem's timeline.

The merged timeline is in time order (rows at the same minute keep their order, the
existing ones first). An imported row is skipped when the timeline already has a row at
the same UTC minute with the same text (compared without case, spacing or trailing
punctuation), and so is a second copy of a row within the import. Times are UTC ``HH:MM``
when every row falls on the document's date, else ``YYYY-MM-DD HH:MM`` for every row
(a timeline that crosses midnight UTC, or a document without a date, gets dates).
Rows without a UTC time (gap, fold, missing zone or date) are not merged; they come back
in ``held``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pmtui.document.model import TimelineEntry
from pmtui.timeline.rows import LogRow
from pmtui.timeline.zones import UTC
from pmtui.times import parse_time


@dataclass
class MergeResult:
    entries: list[TimelineEntry]
    added: int
    #: Imported rows already in the timeline (or repeated within the import).
    skipped: int
    #: Imported rows not merged because they have no UTC time yet.
    held: list[LogRow] = field(default_factory=list)
    #: The imported rows that were added, in import order.
    added_rows: list[LogRow] = field(default_factory=list)
    #: True when the merged timeline carries dates on every row.
    dated: bool = False


def normalise(text: str) -> str:
    """Text as compared for duplicates: case, spacing and trailing punctuation ignored."""
    return re.sub(r"[\s.!;,]+$", "", " ".join(text.split()).casefold())


def _minute(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(UTC).replace(second=0, microsecond=0)


def _existing_instant(entry: TimelineEntry, anchor: dt.date | None) -> dt.datetime | None:
    date, time = parse_time(entry.time)
    date = date or anchor
    if date is None:
        return None
    return dt.datetime.combine(date, time, UTC)


def merge_rows(
    existing: list[TimelineEntry], rows: Iterable[LogRow], *, doc_date: dt.date | None
) -> MergeResult:
    """The timeline with ``rows`` merged in (see the module docstring).

    Existing ``HH:MM`` rows are on ``doc_date``; with no document date they are taken to
    be on the day of the earliest imported row.
    """
    rows = list(rows)
    ready = [r for r in rows if r.utc is not None]
    held = [r for r in rows if r.utc is None]
    anchor = doc_date
    if anchor is None and ready:
        anchor = min(r.utc for r in ready if r.utc is not None).date()

    items: list[tuple[dt.datetime, int, str, LogRow | None]] = []
    seen: set[tuple[dt.datetime, str]] = set()
    undated: list[TimelineEntry] = []
    for entry in existing:
        instant = _existing_instant(entry, anchor)
        if instant is None:
            undated.append(entry)
            continue
        items.append((instant, 0, entry.event, None))
        seen.add((_minute(instant), normalise(entry.event)))

    added_rows: list[LogRow] = []
    skipped = 0
    for row in ready:
        assert row.utc is not None
        key = (_minute(row.utc), normalise(row.text))
        if key in seen:
            skipped += 1
            continue
        seen.add(key)
        items.append((row.utc, 1, row.text, row))
        added_rows.append(row)

    items.sort(key=lambda item: (_minute(item[0]), item[1], item[0]))
    days = {_minute(item[0]).date() for item in items}
    dated = bool(items) and (doc_date is None or days != {doc_date})
    entries = list(undated)
    for instant, _, event, _row in items:
        minute = _minute(instant)
        time = minute.strftime("%Y-%m-%d %H:%M") if dated else minute.strftime("%H:%M")
        entries.append(TimelineEntry(time=time, event=event))
    return MergeResult(entries, len(added_rows), skipped, held, added_rows, dated)
