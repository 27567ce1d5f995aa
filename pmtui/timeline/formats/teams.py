"""Microsoft Teams: messages copied from the desktop or web client.

Until August 2024 a copied Teams message carried its sender and time in brackets, with
the date when the message was not from today, e.g. ``[10:42 • 13/08/2024] Mario Rossi:``
or ``[3/12/2026 10:32 AM] Jane Doe: text``, the message following on the same or the next
lines; ``[10:32 AM] Jane Doe`` (no date) is read by the Slack bracket shape. The header
``Jane Doe  3/12/2026 10:32 AM`` (name, two spaces, date and time) is also read.

Numeric dates follow the client's locale: day first when the first number is over 12,
month first otherwise, flagged ``date_ambiguous`` when both readings are real dates.
"""

from __future__ import annotations

import re

from pmtui.timeline.formats.common import (
    CLOCK,
    LineMatch,
    Stamp,
    clean_text,
    clock_from,
    make_time,
    numeric_date,
)
from pmtui.timeline.formats.slack import person

SHAPE = "teams"

_DATE = r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})"
_BRACKET = re.compile(
    rf"^\s*\[(?:(?P<clock1>{CLOCK.replace('?P<', '?P<t1')})\s*[\u2022\u00b7,]\s*{_DATE}"
    rf"|{_DATE.replace('?P<', '?P<d2')},?\s+(?P<clock2>{CLOCK.replace('?P<', '?P<t2')}))\]"
    r"\s*(?P<rest>.*)$"
)
_HEADER = re.compile(rf"^(?P<name>\S.*?)(?:\s{{2,}}|\t){_DATE},?\s+(?P<clock>{CLOCK})\s*$")


def _clock(m: re.Match[str], prefix: str) -> Stamp:
    if prefix == "t1":
        a, b, year = m["a"], m["b"], m["year"]
    else:
        a, b, year = m["d2a"], m["d2b"], m["d2year"]
    date, ambiguous = numeric_date(a, b, year)
    time = make_time(m[f"{prefix}h"], m[f"{prefix}m"], m[f"{prefix}s"], m[f"{prefix}ampm"])
    written = m["clock1"] or m["clock2"]
    return Stamp(f"{a}/{b}/{year} {written}", time, date, date_ambiguous=ambiguous)


def match(line: str) -> LineMatch | None:
    m = _BRACKET.match(line)
    if m:
        stamp = _clock(m, "t1" if m["clock1"] else "t2")
        rest = m["rest"]
        head, sep, tail = rest.partition(":")
        speaker = person(head) if sep else person(rest)
        text = tail if sep and speaker else ("" if speaker else rest)
        return LineMatch(stamp, clean_text(text), SHAPE, speaker=speaker, chat=bool(speaker))
    m = _HEADER.match(line)
    if m:
        name = person(m["name"])
        if name is None:
            return None
        date, ambiguous = numeric_date(m["a"], m["b"], m["year"])
        written = line.strip()[len(m["name"]) :].strip()
        stamp = Stamp(written, clock_from(m), date, date_ambiguous=ambiguous)
        return LineMatch(stamp, "", SHAPE, speaker=name, chat=True)
    return None
