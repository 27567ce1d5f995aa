"""Time zones: naming them, turning a wall time in one into UTC, and the wizard's time field.

A zone is written as

- a UTC offset: ``Z``, ``+02:00``, ``-0700``, ``+05``, ``UTC+2``, ``GMT-07:00``;
- an IANA name (``America/Los_Angeles``), looked up with :mod:`zoneinfo` (the ``tzdata``
  package supplies the database where the system has none);
- a common abbreviation (:data:`ABBREVIATIONS`). An abbreviation names a fixed offset:
  ``PST`` is always UTC−8, even in July. When the zone it belongs to was on the other
  offset that day (``PST`` written in summer), the row is flagged ``zone_mismatch``
  rather than silently moved an hour. ``PT``/``MT``/``CT``/``ET`` name the region
  (``America/Los_Angeles``...), so they follow daylight saving time.

An abbreviation wins over the IANA key of the same name: ``CET``, ``EET``, ``WET``,
``EST``, ``MST`` and ``HST`` are fixed offsets here (write ``Europe/Berlin`` for the region
with its summer time).

Ambiguous abbreviations are resolved to their most common meaning among software teams
and the row is flagged ``ambiguous_zone`` so the user sees the guess:

- ``IST``: India Standard Time (UTC+5:30); also Irish Standard Time (UTC+1) and Israel
  Standard Time (UTC+2). Write ``Europe/Dublin`` or ``Asia/Jerusalem`` for those.
- ``CST``: US Central Standard Time (UTC−6); also China Standard Time (UTC+8) and Cuba.
  Write ``Asia/Shanghai`` for China.
- ``BST``: British Summer Time (UTC+1); also Bangladesh Standard Time (UTC+6).

:func:`to_utc` never shifts a wall time silently: a time inside a spring-forward gap
comes back with status ``gap`` and no instant, a time inside a fall-back fold with status
``fold`` and both candidate instants.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pmtui.times import parse_time

UTC = dt.UTC

# --------------------------------------------------------------------------- zones


@dataclass(frozen=True)
class Abbreviation:
    offset_minutes: int
    meaning: str
    #: The IANA zone this abbreviation is one half of (for the mismatch check).
    region: str | None = None
    #: Other meanings, when the abbreviation is ambiguous.
    also: str = ""


def _abbr(hours: float, meaning: str, region: str | None = None, also: str = "") -> Abbreviation:
    return Abbreviation(round(hours * 60), meaning, region, also)


#: Abbreviations pmtui understands, each a fixed offset.
ABBREVIATIONS: dict[str, Abbreviation] = {
    "UTC": _abbr(0, "Coordinated Universal Time"),
    "GMT": _abbr(0, "Greenwich Mean Time"),
    "Z": _abbr(0, "UTC (Zulu)"),
    "HST": _abbr(-10, "Hawaii Standard Time", "Pacific/Honolulu"),
    "AKST": _abbr(-9, "Alaska Standard Time", "America/Anchorage"),
    "AKDT": _abbr(-8, "Alaska Daylight Time", "America/Anchorage"),
    "PST": _abbr(-8, "Pacific Standard Time", "America/Los_Angeles"),
    "PDT": _abbr(-7, "Pacific Daylight Time", "America/Los_Angeles"),
    "MST": _abbr(-7, "Mountain Standard Time", "America/Denver"),
    "MDT": _abbr(-6, "Mountain Daylight Time", "America/Denver"),
    "CST": _abbr(
        -6,
        "Central Standard Time (US)",
        "America/Chicago",
        also="China Standard Time (UTC+8), Cuba Standard Time (UTC−5)",
    ),
    "CDT": _abbr(-5, "Central Daylight Time (US)", "America/Chicago"),
    "EST": _abbr(-5, "Eastern Standard Time", "America/New_York"),
    "EDT": _abbr(-4, "Eastern Daylight Time", "America/New_York"),
    "WET": _abbr(0, "Western European Time", "Europe/Lisbon"),
    "WEST": _abbr(1, "Western European Summer Time", "Europe/Lisbon"),
    "BST": _abbr(
        1, "British Summer Time", "Europe/London", also="Bangladesh Standard Time (UTC+6)"
    ),
    "CET": _abbr(1, "Central European Time", "Europe/Berlin"),
    "CEST": _abbr(2, "Central European Summer Time", "Europe/Berlin"),
    "EET": _abbr(2, "Eastern European Time", "Europe/Athens"),
    "EEST": _abbr(3, "Eastern European Summer Time", "Europe/Athens"),
    "MSK": _abbr(3, "Moscow Time"),
    "IST": _abbr(
        5.5,
        "India Standard Time",
        also="Irish Standard Time (UTC+1), Israel Standard Time (UTC+2)",
    ),
    "SGT": _abbr(8, "Singapore Time"),
    "HKT": _abbr(8, "Hong Kong Time"),
    "JST": _abbr(9, "Japan Standard Time"),
    "KST": _abbr(9, "Korea Standard Time"),
    "AEST": _abbr(10, "Australian Eastern Standard Time", "Australia/Sydney"),
    "AEDT": _abbr(11, "Australian Eastern Daylight Time", "Australia/Sydney"),
    "NZST": _abbr(12, "New Zealand Standard Time", "Pacific/Auckland"),
    "NZDT": _abbr(13, "New Zealand Daylight Time", "Pacific/Auckland"),
}

#: Generic region abbreviations: they follow daylight saving time.
REGIONS: dict[str, str] = {
    "PT": "America/Los_Angeles",
    "MT": "America/Denver",
    "CT": "America/Chicago",
    "ET": "America/New_York",
}

_OFFSET_RE = re.compile(
    r"^(?:(?:UTC|GMT)\s*)?(?P<sign>[+\-\u2212])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Zone:
    """A resolved zone. ``tz`` converts; ``label`` is what the user wrote (or the IANA key)."""

    label: str
    tz: dt.tzinfo
    kind: Literal["offset", "iana", "abbreviation"]
    #: For abbreviations: the IANA zone it is one half of (PST → America/Los_Angeles).
    region: str | None = None
    #: For ambiguous abbreviations: the other meanings (empty when unambiguous).
    ambiguous_with: str = ""

    @property
    def fixed(self) -> bool:
        """True when the zone is one offset all year (no gap or fold possible)."""
        return isinstance(self.tz, dt.timezone)

    @property
    def is_utc(self) -> bool:
        return self.fixed and self.tz.utcoffset(None) == dt.timedelta(0)


def _fixed(minutes: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=minutes)) if minutes else UTC


@functools.lru_cache(maxsize=512)
def _zoneinfo(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.lru_cache(maxsize=1024)
def lookup_zone(text: str, *, loose: bool = False) -> Zone | None:
    """The zone ``text`` names, or None. Abbreviations must be written in capitals
    (``PST``, not ``pst``), so ordinary words in a log line are not taken for zones; IANA
    names without a slash (``Japan``, ``NZ``, ``EST5EDT``) count only when ``loose`` (a
    zone the user gave on purpose, such as ``--tz``)."""
    text = text.strip()
    if not text:
        return None
    abbr = ABBREVIATIONS.get(text)
    if abbr is not None:
        return Zone(text, _fixed(abbr.offset_minutes), "abbreviation", abbr.region, abbr.also)
    if text in REGIONS:
        tz = _zoneinfo(REGIONS[text])
        return Zone(text, tz, "iana") if tz else None
    m = _OFFSET_RE.match(text)
    if m:
        hours, minutes = int(m["h"]), int(m["m"] or 0)
        if hours > 23 or minutes > 59:
            return None
        total = hours * 60 + minutes
        sign = -1 if m["sign"] in "-\u2212" else 1
        return Zone(text, _fixed(sign * total), "offset")
    if text.upper() in ("UTC", "GMT", "Z", "ZULU", "ETC/UTC"):
        return Zone(text, UTC, "offset")
    if "/" in text or loose:
        tz = _zoneinfo(text)
        if tz is not None:
            return Zone(text, tz, "iana")
    return None


def resolve_zone(text: str) -> Zone:
    """Like :func:`lookup_zone`, but raises ``ValueError`` with a one-line message."""
    zone = lookup_zone(text, loose=True)
    if zone is None:
        raise ValueError(
            f"unknown time zone {text.strip()!r}: use an IANA name such as "
            "America/Los_Angeles, an offset such as -07:00, or an abbreviation such as PST"
        )
    return zone


# --------------------------------------------------------------------------- conversion

Status = Literal["ok", "gap", "fold"]


@dataclass(frozen=True)
class Conversion:
    """A wall time turned into UTC.

    ``ok``: ``utc`` is the instant. ``gap``: the wall time never happened in that zone
    (clocks jumped over it); ``utc`` is None and there are no candidates. ``fold``: the wall
    time happened twice; ``utc`` is None and ``candidates`` holds both instants, earlier
    first.
    """

    status: Status
    utc: dt.datetime | None
    candidates: tuple[dt.datetime, ...] = ()


def to_utc(wall: dt.datetime, tz: dt.tzinfo) -> Conversion:
    """Convert a naive wall time in ``tz`` to aware UTC, flagging gaps and folds."""
    if wall.tzinfo is not None:
        raise TypeError("to_utc takes a naive wall time")
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    real = [u for u in sorted({first, second}) if _wall(u, tz) == wall]
    if not real:
        return Conversion("gap", None)
    if len(real) == 2:
        return Conversion("fold", None, (real[0], real[1]))
    return Conversion("ok", real[0])


def _wall(instant: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return instant.astimezone(tz).replace(tzinfo=None, fold=0)


def offset_at(instant: dt.datetime, tz: dt.tzinfo) -> dt.timedelta:
    """The UTC offset ``tz`` had at ``instant`` (aware)."""
    return instant.astimezone(tz).utcoffset() or dt.timedelta(0)


def format_offset(offset: dt.timedelta) -> str:
    """``UTC−8``, ``UTC+5:30``, ``UTC`` (with a real minus sign)."""
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def mismatch(zone: Zone, instant: dt.datetime) -> bool:
    """True when ``zone`` is an abbreviation whose region was on another offset at
    ``instant`` (``PST`` written for a summer day in Los Angeles)."""
    if zone.kind != "abbreviation" or zone.region is None:
        return False
    region = _zoneinfo(zone.region)
    if region is None:
        return False
    return offset_at(instant, region) != zone.tz.utcoffset(None)


def describe_transition(wall: dt.datetime, tz: dt.tzinfo) -> str:
    """Words for a gap or fold at ``wall``: which offsets the clocks moved between."""
    before = wall - dt.timedelta(hours=3)
    after = wall + dt.timedelta(hours=3)
    b = before.replace(tzinfo=tz).utcoffset() or dt.timedelta(0)
    a = after.replace(tzinfo=tz).utcoffset() or dt.timedelta(0)
    return f"clocks went from {format_offset(b)} to {format_offset(a)}"


# --------------------------------------------------------------------------- file format


def file_time(instant: dt.datetime, default_date: dt.date | None) -> str:
    """The timeline's format: ``HH:MM`` on ``default_date`` (UTC), else ``YYYY-MM-DD HH:MM``."""
    utc = instant.astimezone(UTC)
    if default_date is not None and utc.date() == default_date:
        return utc.strftime("%H:%M")
    return utc.strftime("%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------- the time field

_TYPED_RE = re.compile(
    r"""^\s*
    (?:(?P<date>\d{4}-\d{2}-\d{2})[ T]+)?
    (?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?
    \s*(?P<ampm>[ap]\.?\s?m\.?(?![a-z]))?
    \s*(?P<zone>\S.*?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class TypedTime:
    """What the wizard's time field makes of the text typed into it."""

    #: The value for the file: ``HH:MM`` or ``YYYY-MM-DD HH:MM``, UTC.
    value: str
    utc: dt.datetime | None
    #: "converted from 14:05 PST (UTC−8)", or "UTC" when nothing was converted.
    description: str


def parse_typed_time(text: str, *, zone: str | None, default_date: dt.date | None) -> TypedTime:
    """Read ``14:05 PST``, ``14:05 America/Los_Angeles``, ``14:05+02:00``, ``2:05 pm``,
    ``14:05`` or ``2026-03-12 14:05`` (a zone written in the text wins over ``zone``, which
    wins over UTC). Raises ``ValueError`` with a one-line message, also for a wall time
    that does not exist or exists twice in its zone (never shifted silently)."""
    raw = " ".join(text.split())
    m = _TYPED_RE.match(raw)
    if not m or (m["m"] is None and m["ampm"] is None):
        raise ValueError(
            f"time {raw!r} must look like 14:05, 2:05 pm, 14:05 PST, 14:05+02:00 "
            "or 2026-03-12 14:05"
        )
    hour, minute, second = int(m["h"]), int(m["m"] or 0), int(m["s"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"time {raw!r}: with am/pm the hour must be 1 to 12")
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"time {raw!r} is not a real time of day (00:00 to 23:59)")
    when = dt.time(hour, minute)
    date = default_date
    if m["date"]:
        try:
            date = dt.date.fromisoformat(m["date"])
        except ValueError:
            raise ValueError(f"time {raw!r} has a date that does not exist") from None
    written_zone = m["zone"]
    if written_zone:
        found = lookup_zone(written_zone)
        if found is None:
            raise ValueError(f"time {raw!r}: {resolve_error(written_zone)}")
        src = found
    elif zone:
        src = resolve_zone(zone)
    else:
        src = Zone("UTC", UTC, "offset")
    shown = f"{when:%H:%M}" if not m["date"] else f"{m['date']} {when:%H:%M}"
    if src.is_utc:
        if date is None:
            return TypedTime(f"{when:%H:%M}", None, "UTC")
        utc = dt.datetime.combine(date, when, UTC)
        return TypedTime(file_time(utc, default_date), utc, "UTC")
    if date is None:
        if not src.fixed:
            raise ValueError(
                f"time {raw!r}: converting from {src.label} needs a date "
                "(set the post-mortem's date, or type 2026-03-12 14:05)"
            )
        # A fixed offset converts without a date; only the time of day is kept.
        base = dt.datetime.combine(dt.date(2000, 1, 3), when, src.tz).astimezone(UTC)
        offset = src.tz.utcoffset(None) or dt.timedelta(0)
        return TypedTime(
            f"{base:%H:%M}", None, f"converted from {shown} {src.label} ({format_offset(offset)})"
        )
    wall = dt.datetime.combine(date, when)
    conv = to_utc(wall, src.tz)
    if conv.status == "gap":
        raise ValueError(
            f"{when:%H:%M} does not exist in {src.label} on {date} "
            f"({describe_transition(wall, src.tz)}); type the offset you mean, e.g. "
            f"{when:%H:%M}{_iso_offset(wall - dt.timedelta(hours=3), src.tz)}"
        )
    if conv.status == "fold":
        a, b = conv.candidates
        raise ValueError(
            f"{when:%H:%M} happened twice in {src.label} on {date}; type "
            f"{when:%H:%M}{_iso(offset_at(a, src.tz))} for the first or "
            f"{when:%H:%M}{_iso(offset_at(b, src.tz))} for the second"
        )
    assert conv.utc is not None
    offset = offset_at(conv.utc, src.tz)
    note = f"converted from {shown} {src.label} ({format_offset(offset)})"
    if mismatch(src, conv.utc):
        note += f"; note: {src.region} was not on {src.label} that day"
    return TypedTime(file_time(conv.utc, default_date), conv.utc, note)


def resolve_error(text: str) -> str:
    try:
        resolve_zone(text)
    except ValueError as exc:
        return str(exc)
    return ""


def _iso(offset: dt.timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    h, mm = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{mm:02d}"


def _iso_offset(wall: dt.datetime, tz: dt.tzinfo) -> str:
    return _iso(wall.replace(tzinfo=tz).utcoffset() or dt.timedelta(0))


# --------------------------------------------------------------------------- the team's clock


def team_zone(name: str | None) -> Zone | None:
    """The team's zone (settings ``timezone``) to show beside UTC; None when none is set,
    it is unknown, or it is UTC itself (nothing to show twice)."""
    if not name or not name.strip():
        return None
    zone = lookup_zone(name, loose=True)
    if zone is None or zone.is_utc:
        return None
    return zone


def _zone_name(local: dt.datetime, zone: Zone) -> str:
    """``PDT``, ``CET``, ``PST`` (as written) or ``UTC+5:30`` where the zone has no letters."""
    if zone.kind == "abbreviation":
        return zone.label
    name = local.tzname() or ""
    if zone.kind == "offset" or not name or name[0] in "+-" or name.startswith("UTC"):
        return format_offset(local.utcoffset() or dt.timedelta(0))
    return name


def local_time(value: str, zone: Zone, default_date: dt.date | None, *, short: bool = False) -> str:
    """A timeline time (UTC, as the file writes it) on the team's clock: ``07:02 PDT``,
    with the local date when it is another day than the UTC one (``2026-03-11 23:02 PST``
    for ``2026-03-12 07:02``; ``short``: ``23:02 PST −1d``). A time without a date is on
    ``default_date``. "" when it cannot be told: the time does not read, or the zone
    changes its offset over the year and there is no date to say which offset applies."""
    try:
        date, time = parse_time(value)
    except ValueError:
        return ""
    day = date or default_date
    if day is None and not zone.fixed:
        return ""
    utc = dt.datetime.combine(day or dt.date(2000, 1, 3), time, UTC)
    local = utc.astimezone(zone.tz)
    text = f"{local:%H:%M} {_zone_name(local, zone)}"
    days = (local.date() - utc.date()).days
    if not days:
        return text
    if short or day is None:
        sign = "+" if days > 0 else "\u2212"
        return f"{text} {sign}{abs(days)}d"
    return f"{local:%Y-%m-%d} {text}"
