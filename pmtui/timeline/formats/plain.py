"""Hand-written notes: ``HH:MM text``, ``H:MM am/pm text``, optionally with a zone after
the time (``14:05 PST text``, ``2:05 pm (UTC) text``) and a list bullet before it."""

from __future__ import annotations

import re

from pmtui.timeline.formats.common import (
    CLOCK,
    LineMatch,
    Stamp,
    clean_text,
    clock_from,
    zone_token,
)

SHAPE = "plain"

_RE = re.compile(
    rf"^\s*(?:[-*+\u2022]\s+)?(?P<clock>{CLOCK})(?P<rest>(?:\s|[-\u2013\u2014:|]).*|)$"
)


def match(line: str) -> LineMatch | None:
    m = _RE.match(line)
    if not m:
        return None
    time = clock_from(m)
    zone, rest = zone_token(m["rest"])
    written = m["clock"] + (f" {zone.label}" if zone else "")
    return LineMatch(Stamp(written, time, zone=zone), clean_text(rest), SHAPE)
