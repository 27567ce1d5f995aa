"""Values as other layouts write them, read into pmtui's: dates, severities, statuses,
timeline times in any common format and time zone.

Every reader returns ``None`` (or raises ``ValueError`` with a reason) rather than guess:
"03/04/2024" has no clear day, "High" no clear SEV level, "14:02 IST" no clear zone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pmtui.document.markdown.syntax import STATUS_WORDS as _STATUS_WORDS  # one place
from pmtui.document.model import Severity, Status
from pmtui.times import parse_time

# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

#: Dates with the year first or with a month name; "03/04/2024" only when clear.
_DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?![\d:])", re.I),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", re.I),
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})(?!\d)"),
)


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int


def find_date(text: str, year: int | None = None, *, at_start: bool = False) -> DateMatch | None:
    """The first date in ``text`` (at its start only, with ``at_start``). A date without a
    year takes ``year``; without one either, it is not read."""
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text) if at_start else pattern.search(text)
        if match is None:
            continue
        found = _date_of(match, year)
        if found is not None:
            return DateMatch(found, match.start(), match.end())
    return None


def _date_of(match: re.Match[str], default_year: int | None) -> dt.date | None:
    groups = match.groupdict()
    year_text = groups.get("year")
    year = int(year_text) if year_text else default_year
    if year is None:
        return None
    if "a" in groups and groups["a"] is not None:  # 03/04/2024: day/month order unclear
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
        day = int(groups["day"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """A date written alone ("2015-10-21", "October 21, 2015", "Mon 4 Feb 2019")."""
    found = find_date(text.strip(), at_start=True)
    if found is None or text.strip()[found.end :].strip(" ,.()"):
        return None
    return found.date


# --------------------------------------------------------------------------- severity

_SEV_NUMBER_RE = re.compile(r"\b(?:sev(?:erity)?|p|s|priority|level)\s*[-_ ]?\s*(\d)\b", re.I)
_SEV_WORDS = {"critical": 1, "major": 2, "minor": 3}


def parse_severity(text: str) -> tuple[Severity | None, str]:
    """pmtui's severity for a written one, and why not when it is ``None``.

    SEV/P/S 1-3 and Critical/Major/Minor map; 0, 4, 5 and High/Medium/Low have no clear
    pmtui level (teams use them differently)."""
    value = text.strip()
    if not value:
        return None, "empty"
    match = _SEV_NUMBER_RE.search(value) or re.fullmatch(r"\s*(\d)\s*", value)
    if match:
        number = int(match.group(1))
        if 1 <= number <= 3:
            return Severity(f"SEV-{number}"), ""
        return None, f"{value!r} has no pmtui equivalent (SEV-1 to SEV-3)"
    words = re.findall(r"[a-z]+", value.lower())
    for word in words:
        if word in _SEV_WORDS:
            return Severity(f"SEV-{_SEV_WORDS[word]}"), ""
    return None, f"{value!r} does not clearly match SEV-1, SEV-2 or SEV-3"


# --------------------------------------------------------------------------- status

#: Import-only status words on top of the reader's (``pmtui.document.markdown``).
_MORE_STATUS_WORDS = {
    "fixed": Status.DONE,
    "shipped": Status.DONE,
    "deployed": Status.DONE,
    "merged": Status.DONE,
    "in flight": Status.IN_PROGRESS,
    "backlog": Status.PENDING,
    "not done": Status.PENDING,
}


def parse_status(text: str) -> Status | None:
    key = " ".join(text.replace("-", " ").replace("_", " ").strip(" *_.").split()).lower()
    if not key:
        return None
    return _STATUS_WORDS.get(key) or _MORE_STATUS_WORDS.get(key)


_STATUS_TAIL_RE = re.compile(
    r"(?:^|[\s(\[,;:-])(?:\*\*|__)?(todo|to do|done|in progress|wip|open|closed|complete|"
    r"completed|fixed|not started|started)(?:\*\*|__)?[)\]]?\s*$",
    re.IGNORECASE,
)


def split_status(text: str) -> tuple[str, Status | None]:
    """``"Bug 5554823 **TODO**"`` -> ``("Bug 5554823", Pending)``: a status word at the end."""
    match = _STATUS_TAIL_RE.search(text)
    if match is None:
        return text, None
    status = parse_status(match.group(1))
    return text[: match.start()].rstrip(" ,;:-("), status


# --------------------------------------------------------------------------- time zones

#: Zones with one offset all year (minutes east of UTC).
FIXED_ZONES: dict[str, int] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "zulu": 0,
    "pst": -8 * 60,
    "pdt": -7 * 60,
    "mst": -7 * 60,
    "mdt": -6 * 60,
    "cst": -6 * 60,
    "cdt": -5 * 60,
    "est": -5 * 60,
    "edt": -4 * 60,
    "wet": 0,
    "west": 60,
    "bst": 60,
    "cet": 60,
    "cest": 2 * 60,
    "eet": 2 * 60,
    "eest": 3 * 60,
    "jst": 9 * 60,
    "aest": 10 * 60,
    "aedt": 11 * 60,
}
#: Zones whose offset depends on the date (daylight saving): they need a date.
REGION_ZONES: dict[str, str] = {
    "pt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles",
    "us/pacific": "America/Los_Angeles",
    "america/los_angeles": "America/Los_Angeles",
    "mt": "America/Denver",
    "mountain": "America/Denver",
    "mountain time": "America/Denver",
    "ct": "America/Chicago",
    "central": "America/Chicago",
    "central time": "America/Chicago",
    "et": "America/New_York",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "us/eastern": "America/New_York",
    "america/new_york": "America/New_York",
    "uk time": "Europe/London",
    "europe/london": "Europe/London",
}
_ZONE_WORDS = sorted([*FIXED_ZONES, *REGION_ZONES], key=len, reverse=True)
_ZONE_TOKEN = (
    r"(?P<zone>"
    + "|".join(re.escape(z) for z in _ZONE_WORDS if z not in ("z", "pacific", "central"))
    + r"|[+-]\d{2}:?\d{2})"
)
#: A zone named in a note: "(all times UTC)", "Time (PT)", "all times in Pacific Time".
_NOTE_ZONE_RE = re.compile(
    r"(?<![\w/])" + _ZONE_TOKEN.replace("(?P<zone>", "(") + r"(?![\w/])", re.I
)


def find_zone(text: str) -> str | None:
    """The time zone a note names, as written (lowercase), or ``None``."""
    match = _NOTE_ZONE_RE.search(text)
    return match.group(0).lower() if match else None


def zone_words(zone: str | None) -> str:
    if zone is None:
        return "UTC"
    known = {
        "pt": "Pacific Time",
        "et": "Eastern Time",
        "ct": "Central Time",
        "mt": "Mountain Time",
    }
    return known.get(zone, zone.upper() if len(zone) <= 5 else zone.title())


def _offset(zone: str, moment: dt.datetime | None) -> dt.timedelta:
    """UTC offset of ``zone`` at the local ``moment``; ``ValueError`` if it cannot be known."""
    zone = zone.lower()
    if zone in FIXED_ZONES:
        return dt.timedelta(minutes=FIXED_ZONES[zone])
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return sign * dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    region = REGION_ZONES.get(zone)
    if region is None:
        raise ValueError(f"time zone {zone!r} is not one pmtui knows")
    if moment is None:
        raise ValueError(f"{zone_words(zone)} needs a date to know its UTC offset")
    try:
        info = ZoneInfo(region)
    except ZoneInfoNotFoundError:
        raise ValueError(f"no time zone data for {region} on this machine") from None
    offset = moment.replace(tzinfo=info).utcoffset()
    assert offset is not None
    return offset


# --------------------------------------------------------------------------- timeline times

_CLOCK_RE = re.compile(
    r"(?P<hour>\d{1,2})(?::|h|\.(?=\d{2}\b))(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z]))?",
    re.IGNORECASE,
)
_ZONE_AFTER_RE = re.compile(r"\s*\(?" + _ZONE_TOKEN + r"\)?(?![\w/])", re.IGNORECASE)
_ZULU_RE = re.compile(r"z(?![\w])", re.IGNORECASE)
_LEAD_RE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__|\[|`)*\s*")
#: What may follow a time before the event (used with ``match(text, pos)``: no ``^``).
_SEPARATOR_RE = re.compile(r"\s*(?:\*\*|__|\]|`)*\s*(?:[-\u2013\u2014:|>=]+\s*|,\s*)?")


@dataclass(frozen=True)
class Clock:
    """A time read at the start of a timeline row."""

    date: dt.date | None
    hour: int
    minute: int
    zone: str | None
    #: The row's text after the time (and a separator such as "-", ":" or "|").
    rest: str


def read_clock(text: str, year: int | None = None) -> Clock | None:
    """The time at the start of ``text``: "14:51", "2:51 PM", "14:51:07 UTC",
    "2015-10-21 14:51", "2015-10-21T14:51:00Z", "Oct 21 14:51", "**14:51** -", "[14:51]"."""
    lead = _LEAD_RE.match(text)
    position = lead.end() if lead else 0
    date = None
    found = find_date(text[position:], year, at_start=True)
    if found is not None:
        date = found.date
        position += found.end
        gap = re.match(r"(?:\s*(?:,|at|T|@)\s*|\s+|T)", text[position:], re.IGNORECASE)
        if gap is None:
            return None
        position += gap.end()
    clock = _CLOCK_RE.match(text, position)
    if clock is None:
        return None
    hour, minute = int(clock.group("hour")), int(clock.group("minute"))
    ampm = clock.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    position = clock.end()
    zone = None
    zulu = _ZULU_RE.match(text, position)
    if zulu:
        zone, position = "utc", zulu.end()
    else:
        after = _ZONE_AFTER_RE.match(text, position)
        if after:
            zone, position = after.group("zone").lower(), after.end()
    # the time must stand alone: "14:51abc" is not a time
    if position < len(text) and text[position].isalnum() and not text[position - 1].isspace():
        return None
    separator = _SEPARATOR_RE.match(text, position)
    rest = text[separator.end() if separator else position :].strip()
    return Clock(date=date, hour=hour, minute=minute, zone=zone, rest=rest)


def clock_to_utc(
    clock: Clock,
    *,
    day: dt.date | None,
    zone: str | None,
    document_date: dt.date | None,
    dated: bool,
) -> str:
    """pmtui's time (``HH:MM`` or ``YYYY-MM-DD HH:MM``, UTC) for ``clock``.

    ``day``: the date a heading above gave; ``zone``: the zone a note gave (the row's own
    wins); ``dated``: write the date even when the row has none (a date heading applied).
    Raises ``ValueError`` when the UTC time cannot be known (a DST zone without a date, a
    shift across midnight without a date)."""
    row_zone = clock.zone or zone
    date = clock.date or day
    if row_zone is None or row_zone in ("utc", "gmt", "z", "zulu", "+00:00", "+0000", "-00:00"):
        text = f"{clock.hour:02d}:{clock.minute:02d}"
        if date is not None and (dated or clock.date is not None):
            text = f"{date.isoformat()} {text}"
        parse_time(text)
        return text
    base = date or document_date
    local = dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time(clock.hour, clock.minute))
    offset = _offset(row_zone, local if base is not None else None)
    utc = local - offset
    if base is None and utc.date() != local.date():
        raise ValueError("converting to UTC crosses midnight and the row has no date")
    text = f"{utc.hour:02d}:{utc.minute:02d}"
    if base is not None and (dated or clock.date is not None or utc.date() != base):
        text = f"{utc.date().isoformat()} {text}"
    parse_time(text)
    return text
