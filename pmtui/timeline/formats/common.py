"""Pieces every line shape shares: what a matched line says (:class:`LineMatch`), clock
times (24-hour and 12-hour), ISO 8601 / RFC 3339 timestamps, epoch seconds, date lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pmtui.timeline.zones import Zone, lookup_zone

#: Placeholder year for dates written without one (a leap year, so 29 Feb parses).
NO_YEAR = 2000


class LineError(ValueError):
    """The line has a recognised shape but a value that cannot be right (13:05 PM)."""


@dataclass(frozen=True)
class Stamp:
    """The time a line states, before dates and zones are settled."""

    written: str
    #: Wall time of day; None when ``instant`` is given.
    time: dt.time | None = None
    #: Wall date when the line has one (year NO_YEAR when ``year_known`` is False).
    date: dt.date | None = None
    year_known: bool = True
    date_ambiguous: bool = False
    #: The zone written on the line.
    zone: Zone | None = None
    #: An absolute instant (epoch seconds): UTC by definition.
    instant: dt.datetime | None = None


@dataclass(frozen=True)
class LineMatch:
    stamp: Stamp
    text: str
    shape: str
    speaker: str | None = None
    #: A chat message: unrecognised lines that follow are its body.
    chat: bool = False
    #: The speaker is an app or bot (Slack's "APP" badge), not a person.
    bot: bool = False
    #: Write the speaker (or the role standing for them) before the text, as chat rows do.
    prefix: bool = False


@dataclass(frozen=True)
class DateLine:
    """A line that only gives the date of the lines below it (Slack's "Thursday, March 12th")."""

    date: dt.date | None
    year_known: bool = True
    ambiguous: bool = False
    #: For "Today" (0) and "Yesterday" (-1): days from the default date.
    relative: int | None = None


# --------------------------------------------------------------------------- clock times

AMPM = r"[AaPp]\.?\s?[Mm]\.?(?![A-Za-z])"
CLOCK = (
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?P<frac>[.,]\d{1,9})?)?"
    rf"(?:\s?(?P<ampm>{AMPM}))?"
)


def make_time(h: str, m: str, s: str | None = None, ampm: str | None = None) -> dt.time:
    """A time of day from clock parts; ``LineError`` when it cannot be real."""
    hour, minute, second = int(h), int(m), int(s or 0)
    if ampm:
        if not 1 <= hour <= 12:
            raise LineError(f"{h}:{m} {ampm.strip()} is not a 12-hour time (hour 1 to 12)")
        # 12:xx AM is just after midnight, 12:xx PM just after noon.
        hour = hour % 12 + (12 if ampm.strip().lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 60:
        raise LineError(f"{h}:{m} is not a real time of day")
    return dt.time(hour, minute, min(second, 59))


def clock_from(match: re.Match[str]) -> dt.time:
    return make_time(match["h"], match["m"], match["s"], match["ampm"])


# --------------------------------------------------------------------------- ISO 8601

ISO = (
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<h>\d{2}):(?P<m>\d{2})"
    r"(?::(?P<s>\d{2})(?P<frac>[.,]\d{1,9})?)?"
    r"(?P<off>Z|[+\-\u2212]\d{2}(?::?\d{2})?)?"
)
_ISO_VALUE_RE = re.compile(rf"^\s*(?P<ts>{ISO})(?:\s+(?P<zone>[A-Za-z][\w/+\-]*))?\s*$")
_EPOCH_RE = re.compile(r"^\s*(?P<sec>\d{9,17})(?:\.(?P<frac>\d{1,9}))?\s*$")


def make_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise LineError(f"{text} is not a real date") from None


def iso_stamp(match: re.Match[str], zone_text: str | None = None) -> Stamp:
    """A Stamp from a match of :data:`ISO` wrapped in a group named ``ts`` (offset, or a
    zone name written after it)."""
    date = make_date(match["date"])
    time = make_time(match["h"], match["m"], match["s"])
    zone: Zone | None = None
    if match["off"]:
        zone = lookup_zone(match["off"])
    elif zone_text:
        zone = lookup_zone(zone_text)
    written = match["ts"] + (f" {zone_text}" if zone_text and not match["off"] else "")
    return Stamp(written, time, date, zone=zone)


def epoch_instant(seconds: float) -> dt.datetime:
    """Epoch seconds, or milliseconds/microseconds (told apart by size), as aware UTC."""
    value = float(seconds)
    if value > 1e14:
        value /= 1e6
    elif value > 1e11:
        value /= 1e3
    try:
        return dt.datetime.fromtimestamp(value, dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise LineError(f"{seconds} is not a usable epoch time") from None


def value_stamp(value: object) -> Stamp | None:
    """A timestamp field of a CSV row or JSON object: ISO 8601 / RFC 3339 (optionally
    followed by a zone name such as ``UTC`` or ``PDT``), or epoch seconds/ms/µs."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return Stamp(str(value), instant=epoch_instant(value))
    if not isinstance(value, str):
        return None
    m = _EPOCH_RE.match(value)
    if m:
        number = float(m["sec"] + ("." + m["frac"] if m["frac"] else ""))
        return Stamp(value.strip(), instant=epoch_instant(number))
    m = _ISO_VALUE_RE.match(value)
    if m:
        if m["zone"] and not m["off"] and lookup_zone(m["zone"]) is None:
            raise LineError(f"unknown time zone {m['zone']!r} in {value.strip()!r}")
        return iso_stamp(m, m["zone"])
    return None


# --------------------------------------------------------------------------- date lines

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
_ORD = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FRAME = r"^[\s\-=\u2014\u2013*_]*{}[\s\-=\u2014\u2013*_]*$"

_DATE_LINES = [
    re.compile(_FRAME.format(rf"{_WEEKDAY}{_MONTH}\s+{_ORD}(?:,?\s+(?P<year>\d{{4}}))?"), re.I),
    re.compile(_FRAME.format(rf"{_WEEKDAY}{_ORD}\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?"), re.I),
    re.compile(_FRAME.format(r"(?P<iso>\d{4}-\d{2}-\d{2})")),
    re.compile(_FRAME.format(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})")),
]
_RELATIVE_RE = re.compile(_FRAME.format(r"(?P<rel>today|yesterday)"), re.I)


def month_day(month: str, day: str, year: str | None) -> tuple[dt.date, bool]:
    """(date, year_known) for a month name and day, raising LineError if not real."""
    y = int(year) if year else NO_YEAR
    try:
        return dt.date(y, MONTHS[month.lower()], int(day)), year is not None
    except (ValueError, KeyError):
        raise LineError(f"{month} {day} is not a real date") from None


def numeric_date(a: str, b: str, year: str) -> tuple[dt.date, bool]:
    """(date, ambiguous) for ``a/b/year``: day first when a > 12, month first otherwise
    (ambiguous when both are 12 or less)."""
    first, second = int(a), int(b)
    if first > 12:
        month, day, ambiguous = second, first, False
    else:
        month, day, ambiguous = first, second, second <= 12 and first != second
    try:
        return dt.date(int(year), month, day), ambiguous
    except ValueError:
        raise LineError(f"{a}/{b}/{year} is not a real date") from None


def date_line(line: str) -> DateLine | None:
    """The date if ``line`` is only a date (a chat client's day divider), else None."""
    if len(line) > 60:
        return None
    m = _RELATIVE_RE.match(line)
    if m:
        return DateLine(None, relative=0 if m["rel"].lower() == "today" else -1)
    for pattern in _DATE_LINES:
        m = pattern.match(line)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("iso"):
            return DateLine(make_date(groups["iso"]))
        if groups.get("a"):
            date, ambiguous = numeric_date(groups["a"], groups["b"], groups["year"])
            return DateLine(date, ambiguous=ambiguous)
        date, known = month_day(groups["month"], groups["day"], groups.get("year"))
        return DateLine(date, year_known=known)
    return None


def zone_token(text: str) -> tuple[Zone | None, str]:
    """A zone at the start of ``text`` (``PST``, ``(UTC)``, ``+02:00``, ``Europe/Berlin``)
    and the rest of the text; (None, text) when there is none."""
    m = _ZONE_TOKEN_RE.match(text)
    if not m:
        return None, text
    zone = lookup_zone(m["zone"])
    if zone is None:
        return None, text
    return zone, text[m.end() :]


_ZONE_TOKEN_RE = re.compile(
    r"^\s*\(?(?P<zone>Z(?![\w])|[+\-\u2212]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+\-\u2212]\d{1,2}(?::?\d{2})?)?"
    r"|[A-Z]{2,5}(?![\w/])|[A-Z][A-Za-z_]+/[A-Za-z_\-]+(?:/[A-Za-z_\-]+)?)\)?(?=\s|$|[:\-\u2014|\]])"
)

SEPARATORS = " \t-\u2013\u2014:|>"


def clean_text(text: str) -> str:
    """Event text without leading separators and runs of spaces."""
    return " ".join(text.strip().lstrip(SEPARATORS).split())
