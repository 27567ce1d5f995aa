"""Dates, times and durations: every format pmtui reads or writes, in one module.

- Dates are ``YYYY-MM-DD`` (the spec's template).
- Timeline times are ``HH:MM`` or ``YYYY-MM-DD HH:MM``, in UTC (the spec's "Time (UTC)"
  column). What people type or write by hand is accepted and normalised: ``9:07`` is
  ``09:07``; ``14:02 UTC``, ``14:02Z`` and ``2024-03-05T14:02`` are read too.
- Meeting stamps are ``YYYY-MM-DD HH:MM:SS UTC``.
- Durations read as words (``2 hours 15 minutes``); meeting clocks as ``MM:SS``.

Every parser raises ``ValueError`` with a message a user understands. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import math
import re

DATE_HINT = "YYYY-MM-DD"
TIME_HINT = "HH:MM or YYYY-MM-DD HH:MM (UTC)"

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: A timeline time as written in the file (after :func:`normalise_time`).
TIME_RE = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2}) )?(\d{2}):(\d{2})$")
#: What a person may type or write: an optional date (space or ISO "T"), H:MM or HH:MM,
#: an optional "UTC" / "Z" / "+00:00". (Seconds are refused, not dropped.)
_LOOSE_TIME_RE = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]+|T))?(?P<h>\d{1,2}):(?P<m>\d{2})"
    r"[ \t]*(?:UTC|Z|\+00:?00)?$",
    re.IGNORECASE,
)
_STAMP_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(.*)$")


# --------------------------------------------------------------------------- dates


def parse_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date."""
    text = text.strip()
    match = _DATE_RE.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise ValueError(f"{text!r} is not a date: use {DATE_HINT}, e.g. 2024-03-07")


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


# --------------------------------------------------------------------------- timeline times


def normalise_time(text: str) -> str:
    """A typed or hand-written timeline time in the file's form (``9:07`` -> ``09:07``,
    ``2024-03-05T14:02:30Z`` -> ``2024-03-05 14:02``). Text it cannot read is returned
    stripped, for :func:`parse_time` to explain."""
    text = text.strip()
    match = _LOOSE_TIME_RE.match(text)
    if not match:
        return text
    hhmm = f"{int(match.group('h')):02d}:{match.group('m')}"
    date = match.group("date")
    return f"{date} {hhmm}" if date else hhmm


def parse_time(value: str) -> tuple[dt.date | None, dt.time]:
    """A timeline time (``HH:MM`` or ``YYYY-MM-DD HH:MM``, UTC; see :func:`normalise_time`)."""
    text = normalise_time(value)
    match = TIME_RE.match(text)
    if not match:
        raise ValueError(f"time {value.strip()!r} must be {TIME_HINT}")
    year, month, day, hour, minute = match.groups()
    try:
        time = dt.time(int(hour), int(minute))
    except ValueError:
        raise ValueError(
            f"time {value.strip()!r} is not a real time of day (00:00 to 23:59)"
        ) from None
    date = None
    if year:
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"time {value.strip()!r} has a date that does not exist") from None
    return date, time


def time_sort_key(value: str, default_date: dt.date | None = None) -> tuple[dt.date, dt.time]:
    date, time = parse_time(value)
    return (date or default_date or dt.date.min, time)


def format_hours_minutes(delta: dt.timedelta) -> str:
    """A duration in words: ``2 hours 15 minutes``, ``45 minutes``, ``1 hour``."""
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


def span_of(times: list[str], default_date: dt.date | None) -> str | None:
    """The duration from the first to the last of ``times`` (timeline times) in words, or
    None with fewer than two. Times without a date use ``default_date``; a last time
    earlier than the first (without dates) is taken to be the next day."""
    if len(times) < 2:
        return None
    base = default_date or dt.date(2000, 1, 1)

    def moment(value: str) -> tuple[dt.datetime, bool]:
        date, time = parse_time(value)
        return dt.datetime.combine(date or base, time), date is not None

    (first, first_dated), (last, last_dated) = moment(times[0]), moment(times[-1])
    if last < first and not (first_dated and last_dated):
        last += dt.timedelta(days=1)
    if last < first:
        return None
    return format_hours_minutes(last - first)


# --------------------------------------------------------------------------- meeting stamps


def as_utc(value: dt.datetime) -> dt.datetime:
    """Aware UTC (a naive value is taken to be UTC already)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def format_stamp(value: dt.datetime) -> str:
    """``2024-03-07 14:02:00 UTC`` (microseconds kept when there are any)."""
    value = as_utc(value)
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text + " UTC"


def parse_stamp(text: str) -> dt.datetime:
    """The reverse of :func:`format_stamp` (``UTC``, ``Z`` or ``+00:00`` or no zone)."""
    value = text.strip()
    match = _STAMP_RE.match(value)
    zone = match.group(3).strip().upper() if match else ""
    if not match or zone not in ("", "UTC", "Z", "+00:00"):
        raise ValueError(f"time {value!r} must be YYYY-MM-DD HH:MM:SS UTC")
    try:
        parsed = dt.datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}")
    except ValueError:
        raise ValueError(f"time {value!r} does not exist") from None
    return parsed.replace(tzinfo=dt.UTC)


# --------------------------------------------------------------------------- meeting clocks


def format_mmss(seconds: float) -> str:
    """Elapsed time as ``MM:SS`` (rounded down)."""
    whole = max(0, math.floor(seconds + 1e-9))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def format_countdown(seconds: float) -> str:
    """``MM:SS`` for time left (rounded up, so it reads 00:00 exactly when time is up)
    and ``+MM:SS`` for time over (rounded down)."""
    if seconds >= 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "+"
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
