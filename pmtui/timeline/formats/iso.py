"""Lines that start with an ISO 8601 / RFC 3339 timestamp: ``2026-03-12T14:05:00-07:00 text``,
``2026-03-12 14:05:00Z text``, ``[2026-03-12T21:05:00.123Z] text``, ``2026-03-12 14:05 PST
text``, or with no zone (the default zone applies). RFC 3339 section 5.6 and the
ISO 8601 extended format; a space instead of ``T`` is accepted, as RFC 3339 allows."""

from __future__ import annotations

import re

from pmtui.timeline.formats.common import ISO, LineMatch, clean_text, iso_stamp, zone_token

SHAPE = "iso8601"

_RE = re.compile(
    rf"^\s*(?P<open>\[)?(?P<ts>{ISO})(?(open)\])(?P<rest>(?:\s|[-\u2013\u2014:|]).*|)$"
)


def match(line: str) -> LineMatch | None:
    m = _RE.match(line)
    if not m:
        return None
    rest = m["rest"]
    zone_label = None
    if not m["off"]:
        zone, rest = zone_token(rest)
        zone_label = zone.label if zone else None
    stamp = iso_stamp(m, zone_label)
    return LineMatch(stamp, clean_text(rest), SHAPE)
