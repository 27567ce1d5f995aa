"""``parse_log``: a pasted or imported log → rows with UTC times, and the lines not understood.

Dates: a line's own date wins; else the day divider above it (``Thursday, March 12th``);
else ``default_date`` (the post-mortem's date), flagged ``date_assumed``. A year-less
date (BSD syslog, Slack dividers) takes the year that puts it nearest the default date.
When lines without dates go back in time by more than 12 hours (23:55, then 00:10), the
next day is assumed and the rows are flagged ``date_rolled``.

Zones: a line's own zone (offset, ``Z``, IANA name, abbreviation) wins, else ``zone``;
with neither, the row is flagged ``zone_missing`` and gets no UTC time (the caller asks).
A wall time in a DST gap or fold is flagged and gets no UTC time (a fold row lists both
candidates and the one the log's order points to); nothing is shifted silently.

Chat messages (Slack, Teams): the lines below a message header are its text; apart from
a new header, a time alone on a line (the same person's next message) or a day divider,
every line there belongs to the message, including one that starts with a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from pmtui.timeline import formats
from pmtui.timeline.formats import slack
from pmtui.timeline.formats.common import DateLine, Stamp
from pmtui.timeline.names import Anonymiser
from pmtui.timeline.rows import Flag, LogParse, LogRow, Origin, SourceZone, UnparsedLine
from pmtui.timeline.zones import UTC, Zone, mismatch, offset_at, resolve_zone, to_utc

#: A time earlier than the previous one by more than this means the day changed.
ROLLOVER = dt.timedelta(hours=12)


@dataclass
class _Message:
    line: int
    stamp: Stamp
    shape: str
    speaker: str | None
    prefix: bool
    bot: bool
    chat: bool
    body: list[str] = field(default_factory=list)


@dataclass
class _Timed:
    message: _Message
    utc: dt.datetime | None
    zone: SourceZone
    flags: frozenset[Flag]
    candidates: tuple[dt.datetime, ...] = ()
    suggested: dt.datetime | None = None
    wall: dt.datetime | None = None


@dataclass
class _Day:
    """The date lines without one of their own fall on."""

    date: dt.date | None = None
    flags: frozenset[Flag] = frozenset()
    previous: dt.time | None = None
    rolled: int = 0


def _nearest_year(date: dt.date, reference: dt.date) -> dt.date:
    best: dt.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = date.replace(year=year)
        except ValueError:  # 29 February
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    return best or date.replace(year=reference.year, day=28)


class _Resolver:
    def __init__(self, zone: Zone | None, default_date: dt.date | None) -> None:
        self.zone = zone
        self.default_date = default_date
        self.day = _Day()
        self.last_utc: dt.datetime | None = None

    def set_day(self, found: DateLine) -> None:
        flags: set[Flag] = set()
        date = found.date
        if found.relative is not None:
            date = (
                self.default_date + dt.timedelta(days=found.relative) if self.default_date else None
            )
            flags.add(Flag.DATE_ASSUMED)
        elif date is not None and not found.year_known:
            date = _nearest_year(date, self.default_date) if self.default_date else None
            flags.add(Flag.DATE_ASSUMED)
        if found.ambiguous:
            flags.add(Flag.DATE_AMBIGUOUS)
        self.day = _Day(date, frozenset(flags))

    def _date(self, stamp: Stamp, flags: set[Flag]) -> dt.date | None:
        assert stamp.time is not None
        if stamp.date is not None and stamp.year_known:
            if stamp.date_ambiguous:
                flags.add(Flag.DATE_AMBIGUOUS)
            return stamp.date
        if stamp.date is not None:
            reference = self.day.date or self.default_date
            if reference is None:
                return None
            flags.add(Flag.DATE_ASSUMED)
            return _nearest_year(stamp.date, reference)
        day = self.day
        if day.previous is not None:
            back = dt.datetime.combine(dt.date.min, day.previous) - dt.datetime.combine(
                dt.date.min, stamp.time
            )
            if back > ROLLOVER:
                day.rolled += 1
        day.previous = stamp.time
        base = day.date
        if base is None and not day.flags:
            base = self.default_date
            flags.add(Flag.DATE_ASSUMED)
        flags.update(day.flags)
        if base is None:
            return None
        if day.rolled:
            flags.add(Flag.DATE_ROLLED)
        return base + dt.timedelta(days=day.rolled)

    def resolve(self, message: _Message) -> _Timed:
        stamp = message.stamp
        if stamp.instant is not None:
            utc = stamp.instant.astimezone(UTC)
            self.last_utc = utc
            return _Timed(message, utc, SourceZone("UTC", "format", dt.timedelta(0)), frozenset())
        flags: set[Flag] = set()
        date = self._date(stamp, flags)
        zone = stamp.zone or self.zone
        origin: Origin = "line" if stamp.zone else "default"
        if zone is None:
            flags.add(Flag.ZONE_MISSING)
            source = SourceZone("", "none")
        else:
            source = SourceZone(zone.label, origin)
            if zone.ambiguous_with:
                flags.add(Flag.AMBIGUOUS_ZONE)
        if date is None:
            flags.add(Flag.DATE_MISSING)
        if zone is None or date is None:
            return _Timed(message, None, source, frozenset(flags))
        assert stamp.time is not None
        wall = dt.datetime.combine(date, stamp.time)
        conv = to_utc(wall, zone.tz)
        if conv.status == "gap":
            flags.add(Flag.GAP)
            return _Timed(message, None, source, frozenset(flags), wall=wall)
        if conv.status == "fold":
            flags.add(Flag.FOLD)
            first, second = conv.candidates
            suggested = None
            if self.last_utc is not None:
                later = [c for c in conv.candidates if c >= self.last_utc]
                suggested = later[0] if later else None
            if suggested is not None:
                self.last_utc = suggested
            return _Timed(message, None, source, frozenset(flags), (first, second), suggested, wall)
        assert conv.utc is not None
        if mismatch(zone, conv.utc):
            flags.add(Flag.ZONE_MISMATCH)
        self.last_utc = conv.utc
        source = SourceZone(zone.label, origin, offset_at(conv.utc, zone.tz))
        return _Timed(message, conv.utc, source, frozenset(flags), wall=wall)


def parse_log(
    text: str,
    *,
    zone: str | None,
    default_date: dt.date | None,
    keep_names: bool = False,
    roles: Mapping[str, str] | None = None,
) -> LogParse:
    """Read ``text`` (any shape in :mod:`pmtui.timeline.formats`) into rows and lines not
    understood. ``zone`` is the default zone for lines without one (``ValueError`` if it is
    not a zone). Speakers become ``roles[name]`` or "responder" unless ``keep_names``."""
    default_zone = resolve_zone(zone) if zone else None
    source, entries = formats.read(text)
    resolver = _Resolver(default_zone, default_date)
    timed: list[_Timed] = []
    unparsed: list[UnparsedLine] = []
    pending: _Message | None = None
    last_speaker: tuple[str, bool, str] | None = None

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        message, pending = pending, None
        if not message.body or not " ".join(message.body).strip():
            unparsed.append(
                UnparsedLine(message.line, message.stamp.written, "message with no text")
            )
            return
        timed.append(resolver.resolve(message))

    for entry in entries:
        in_chat = pending is not None and pending.chat
        if entry.date is not None:
            flush()
            resolver.set_day(entry.date)
            continue
        match = entry.match
        if match is not None and not (in_chat and match.shape == "plain"):
            flush()
            pending = _Message(
                entry.line,
                match.stamp,
                match.shape,
                match.speaker,
                match.prefix or match.chat,
                match.bot,
                match.chat,
                [match.text] if match.text else [],
            )
            if match.chat and match.speaker:
                last_speaker = (match.speaker, match.bot, match.shape)
            if not match.chat:
                flush()
            continue
        if entry.bare is not None and last_speaker is not None:
            flush()
            speaker, bot, shape = last_speaker
            pending = _Message(entry.line, entry.bare, shape, speaker, True, bot, True)
            continue
        if entry.noise:
            unparsed.append(
                UnparsedLine(entry.line, entry.raw, "chat interface text, not part of a message")
            )
            continue
        if in_chat and pending is not None:
            pending.body.append(entry.raw.strip())
            continue
        if entry.error is not None:
            unparsed.append(UnparsedLine(entry.line, entry.raw, entry.error))
        elif entry.bare is not None:
            unparsed.append(UnparsedLine(entry.line, entry.raw, "a time with no text"))
        else:
            unparsed.append(UnparsedLine(entry.line, entry.raw, "no time found"))
    flush()

    speakers = [t.message.speaker for t in timed if t.message.speaker]
    bots = [t.message.speaker for t in timed if t.message.speaker and t.message.bot]
    names = Anonymiser(speakers, bots=bots, keep_names=keep_names, roles=roles)
    rows = [_row(t, names) for t in timed]
    unparsed.sort(key=lambda u: u.line)
    return LogParse(rows, unparsed, source)


def _row(t: _Timed, names: Anonymiser) -> LogRow:
    m = t.message
    body = " ".join(" ".join(part.split()) for part in m.body if part.strip())
    if m.chat:
        body = slack.strip_edited(body)
    body = names.scrub(body)
    if m.prefix and m.speaker:
        body = f"{names.who(m.speaker, bot=m.bot)}: {body}"
    return LogRow(
        line=m.line,
        utc=t.utc,
        source_time=m.stamp.written,
        source_zone=t.zone,
        text=body,
        speaker=m.speaker,
        flags=t.flags,
        candidates=t.candidates,
        suggested=t.suggested,
        wall=t.wall,
        shape=m.shape,
    )
