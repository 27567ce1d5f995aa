"""Timelines as other layouts write them: tables (any time column, a date column, extra
columns kept in the event), bullets or plain lines ("14:51 text", "2:51 PM: text",
"2015-10-21 14:51 UTC - text"), under date lines ("2015-10-21 (all times UTC)") and
zone notes ("(all times in Pacific Time)") that apply to the rows below them.

Times become pmtui's ``HH:MM`` or ``YYYY-MM-DD HH:MM`` in UTC. A row whose time cannot be
read (or converted: a daylight-saving zone with no date) is kept as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pmtui.document.model import TimelineEntry
from pmtui.importers import sections as sec
from pmtui.importers import values
from pmtui.importers.actions import EMPTY_CELLS, column_label, column_words
from pmtui.importers.rules import normalize

#: Timeline table columns, the most telling word first.
TIME_COLUMNS = ("time", "timestamp", "when", "hour")
DATE_COLUMNS = ("date", "day")
EVENT_COLUMNS = (
    "event",
    "description",
    "what happened",
    "activity",
    "action",
    "details",
    "update",
    "message",
    "summary",
    "note",
    "impact",
    "what",
)
#: A note that sets the zone is short: "(all times in Pacific Time)".
NOTE_MAX = 100


@dataclass
class Context:
    """What the lines above a row said: its date, its time zone, and whether rows get
    the date written (a date line or heading stood above them)."""

    day: dt.date | None = None
    zone: str | None = None
    dated: bool = False

    def copy(self) -> Context:
        return Context(self.day, self.zone, self.dated)


@dataclass
class Result:
    entries: list[TimelineEntry] = field(default_factory=list)
    #: Source lines kept as written (rows not read, other text), one list per block.
    kept: list[list[str]] = field(default_factory=list)
    converted_from: set[str] = field(default_factory=set)
    zone_given: bool = False
    unread: list[str] = field(default_factory=list)

    def details(self) -> list[str]:
        """For "what went where"."""
        out = []
        if self.entries:
            out.append(f"{len(self.entries)} row{'' if len(self.entries) == 1 else 's'}")
        if self.converted_from:
            zones = ", ".join(sorted(values.zone_words(z) for z in self.converted_from))
            out.append(f"times converted from {zones} to UTC")
        elif self.entries and not self.zone_given:
            out.append("no time zone given: times read as UTC")
        return out


def pick_column(header: list[str], words: tuple[str, ...], skip: set[int]) -> int | None:
    """The column whose title holds the most telling of ``words``."""
    for word in words:
        for index, title in enumerate(header):
            if index not in skip and f" {word}" in column_words(title):
                return index
    return None


class Reader:
    """Reads the timeline blocks of one file (``document_date``: the file's date, for
    year-less dates and zones whose offset depends on the date)."""

    def __init__(self, outline: sec.Outline, document_date: dt.date | None) -> None:
        self.o = outline
        self.document_date = document_date
        self.year = document_date.year if document_date else None

    def read(self, blocks: list[sec.Block], context: Context, prefix: str | None) -> Result:
        result = Result(zone_given=context.zone is not None)
        for block in blocks:
            if block.kind == "paragraph":
                self.lines(block, context, result, prefix)
            elif block.kind in ("bullet_list", "ordered_list"):
                self.items(block, context, result, prefix)
            elif block.kind == "table":
                self.table(block, context, result, prefix)
            elif block.kind == "blockquote" and self.note(
                " ".join(line.strip().lstrip(">").strip() for line in self.o.lines_of(block)),
                context,
            ):
                result.zone_given |= context.zone is not None
            else:
                result.kept.append(self.o.lines_of(block))
        return result

    def note(self, text: str, context: Context) -> str:
        """A date line ("2015-10-21 (all times UTC)") or a zone note ("(all times in
        Pacific Time)") sets ``context`` for the rows below: says which ("date", "zone"),
        or "" when ``text`` is neither."""
        stripped = text.strip().strip("*_").strip()
        found = values.find_date(stripped, self.year, at_start=True)
        if found is not None:
            rest = stripped[found.end :].strip().strip("*_").strip(" ,:")
            zone = values.find_zone(rest)
            if rest and not (rest.startswith("(") and rest.endswith(")")) and zone is None:
                return ""
            if values.read_clock(stripped, self.year) is not None:
                return ""  # "2015-10-21 14:51 (approx.)" is a row
            context.day, context.dated = found.date, True
            if zone is not None:
                context.zone = zone
            return "date"
        if len(stripped) < NOTE_MAX and re.search(r"\btimes?\b", stripped, re.IGNORECASE):
            zone = values.find_zone(stripped)
            if zone is not None and values.read_clock(stripped, self.year) is None:
                context.zone = zone
                return "zone"
        return ""

    def row(
        self, text: str, context: Context, result: Result, prefix: str | None, extra: str = ""
    ) -> str | None:
        """Add the row if its time can be read; else say why not."""
        clock = values.read_clock(text, self.year)
        if clock is None:
            return "no time pmtui can read"
        try:
            time = values.clock_to_utc(
                clock,
                day=context.day,
                zone=context.zone,
                document_date=self.document_date,
                dated=context.dated,
            )
        except ValueError as exc:
            return str(exc)
        zone = clock.zone or context.zone
        if zone is not None:
            result.zone_given = True
            if values.FIXED_ZONES.get(zone) != 0 and not re.fullmatch(r"[+-]00:?00", zone):
                result.converted_from.add(zone)
        event = " ".join(part for part in (clock.rest, extra) if part)
        if prefix:
            event = f"{prefix}: {event}"
        result.entries.append(TimelineEntry(time=time, event=event))
        return None

    def lines(self, block: sec.Block, context: Context, result: Result, prefix: str | None) -> None:
        """Each line of a paragraph: a row, a date line, or the rest of the row above."""
        after_row = False
        for source, original in zip(block.inline.split("\n"), self.o.lines_of(block), strict=False):
            text = self.o.text(source).strip()
            if not text:
                continue
            if self.note(text, context):
                result.zone_given |= context.zone is not None
                after_row = False
                continue
            if after_row and values.read_clock(text, self.year) is None:
                last = result.entries[-1]
                result.entries[-1] = TimelineEntry(time=last.time, event=f"{last.event} {text}")
                continue
            why = self.row(text, context, result, prefix)
            after_row = why is None
            if why is not None:
                result.unread.append(why)
                result.kept.append([original])

    def items(self, block: sec.Block, context: Context, result: Result, prefix: str | None) -> None:
        kept: list[str] = []
        for text, lines in self.o.items([block]):
            if self.note(text, context):
                result.zone_given |= context.zone is not None
                continue
            why = self.row(text, context, result, prefix)
            if why is not None:
                result.unread.append(why)
                kept.extend(lines)
        if kept:
            result.kept.append(kept)

    def table(self, block: sec.Block, context: Context, result: Result, prefix: str | None) -> None:
        header, rows = self.o.table(block)
        time_col = pick_column(header, TIME_COLUMNS, set())
        date_col = next(
            (i for i, h in enumerate(header) if i != time_col and normalize(h) in DATE_COLUMNS),
            None,
        )
        if time_col is None:
            time_col = 0 if date_col != 0 else 1
        skip = {time_col} | ({date_col} if date_col is not None else set())
        event_col = pick_column(header, EVENT_COLUMNS, skip)
        if event_col is None:
            event_col = next((i for i in range(len(header)) if i not in skip), None)
        if time_col < len(header) and (zone := values.find_zone(header[time_col])) is not None:
            context.zone = zone
            result.zone_given = True
        unread: list[str] = []
        for line, cells in rows:
            if not any(cells):
                continue
            when = cells[time_col] if time_col < len(cells) else ""
            if date_col is not None and date_col < len(cells) and cells[date_col]:
                when = f"{cells[date_col]} {when}".strip()
            event = cells[event_col] if event_col is not None and event_col < len(cells) else ""
            others = [
                f"{column_label(header, i)}: {cell}"
                for i, cell in enumerate(cells)
                if i not in skip and i != event_col and normalize(cell) not in EMPTY_CELLS
            ]
            if not event and not others and self.note(when, context):
                continue  # a row holding only a date: it applies to the rows below
            extra = f"({'; '.join(others)})" if others else ""
            why = self.row(f"{when} | {event}", context, result, prefix, extra)
            if why is not None:
                result.unread.append(why)
                unread.append(self.o.lines[line])
        if unread:  # the header and its rule, then the rows not read, as written
            result.kept.append([*self.o.lines[block.first : block.first + 2], *unread])
