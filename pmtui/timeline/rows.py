"""What parsing a log gives: rows with their UTC time and flags, and the lines not understood."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal


class Flag(StrEnum):
    """Something about a row the user should see before it is added."""

    #: The wall time does not exist in its zone (spring-forward gap). No UTC time.
    GAP = "gap"
    #: The wall time happened twice in its zone (fall-back). Two candidates, no UTC time.
    FOLD = "fold"
    #: The line has no zone and none was given (``--tz``, config ``[team] timezone``).
    ZONE_MISSING = "zone_missing"
    #: The line has no date (or no year); it was taken from the post-mortem's date.
    DATE_ASSUMED = "date_assumed"
    #: The time went back past midnight with no date line, so the next day was assumed.
    DATE_ROLLED = "date_rolled"
    #: The line has no date and no default date was given. No UTC time.
    DATE_MISSING = "date_missing"
    #: A numeric date such as 3/4/2026 that reads both ways; month first was assumed.
    DATE_AMBIGUOUS = "date_ambiguous"
    #: The zone abbreviation has several meanings (IST, CST, BST); see zones.ABBREVIATIONS.
    AMBIGUOUS_ZONE = "ambiguous_zone"
    #: The abbreviation's region was on its other offset that day (PST written in July).
    ZONE_MISMATCH = "zone_mismatch"


#: Flags that leave a row without a UTC time: it cannot be added until resolved.
BLOCKING = frozenset({Flag.GAP, Flag.FOLD, Flag.ZONE_MISSING, Flag.DATE_MISSING})

Origin = Literal["line", "default", "format", "none"]


@dataclass(frozen=True)
class SourceZone:
    """Where a row's zone came from.

    ``origin``: ``line`` (written on the line), ``default`` (``--tz`` or the team's
    configured zone), ``format`` (the format defines it: epoch seconds are UTC) or
    ``none`` (unknown: the row is flagged ``zone_missing``).
    """

    label: str
    origin: Origin
    #: The UTC offset applied, when the row has a UTC time.
    offset: dt.timedelta | None = None


@dataclass(frozen=True)
class LogRow:
    """One event read from a log."""

    line: int
    #: Aware UTC; None when a blocking flag (gap, fold, zone or date missing) is set.
    utc: dt.datetime | None
    #: The time as written on the line, e.g. ``10:32 AM`` or ``2026-03-12T14:05:00-07:00``.
    source_time: str
    source_zone: SourceZone
    #: The event text; the speaker is replaced by a role or "responder" unless names are kept.
    text: str
    #: The speaker as written (chat name, paging-tool user), or None.
    speaker: str | None = None
    flags: frozenset[Flag] = frozenset()
    #: For a fold: both instants, earlier first.
    candidates: tuple[dt.datetime, ...] = ()
    #: For a fold: the candidate the log's order points to (not applied), or None.
    suggested: dt.datetime | None = None
    #: The wall time in the source zone, for gap and fold messages.
    wall: dt.datetime | None = None
    #: Which shape recognised the line ("slack", "iso8601", "pagerduty"...).
    shape: str = ""

    @property
    def blocked(self) -> bool:
        return self.utc is None

    def resolve(self, utc: dt.datetime) -> LogRow:
        """This row with a UTC time chosen by the user (e.g. one of a fold's candidates);
        the flags stay, so the choice remains visible."""
        if utc.tzinfo is None:
            raise ValueError("resolve() takes an aware datetime")
        return replace(self, utc=utc.astimezone(dt.UTC))


@dataclass(frozen=True)
class UnparsedLine:
    line: int
    text: str
    reason: str


@dataclass
class LogParse:
    rows: list[LogRow] = field(default_factory=list)
    unparsed: list[UnparsedLine] = field(default_factory=list)
    #: The shape of the whole text when it is a table or JSON ("pagerduty", "jsonl"...),
    #: else "lines".
    source: str = "lines"

    @property
    def ready(self) -> list[LogRow]:
        """Rows with a UTC time."""
        return [r for r in self.rows if r.utc is not None]

    @property
    def blocked(self) -> list[LogRow]:
        """Rows that need a decision (zone, date, gap or fold) before they can be added."""
        return [r for r in self.rows if r.utc is None]
