"""Syslog and journal lines.

- RFC 5424 (section 6): ``<PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG``,
  with ``-`` for a missing field, e.g.
  ``<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 - text``.
- BSD syslog, RFC 3164 (section 4.1.2): ``[<PRI>]Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG``.
  It has no year and no zone: the year comes from the document's date, the zone from
  ``--tz``. journalctl's default ``short`` and ``short-precise`` output has this shape.
- journalctl ``short-iso`` / ``short-iso-precise``
  (``2026-03-12T14:05:03-0700 host unit[pid]: msg``), and rsyslog's RFC 3339 format
  (same with ``-07:00``).
- journalctl ``short-full`` (``Thu 2026-03-12 14:05:03 PDT host unit[pid]: msg``) and
  ``short-unix`` (``1773349503.123456 host unit[pid]: msg``, epoch seconds, UTC).

The event text is ``HOST TAG: MSG`` (the PID and structured data are dropped).
"""

from __future__ import annotations

import re

from pmtui.timeline.formats.common import (
    ISO,
    LineError,
    LineMatch,
    Stamp,
    epoch_instant,
    iso_stamp,
    make_date,
    make_time,
    month_day,
)
from pmtui.timeline.zones import lookup_zone

_MON = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TIME = r"(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?:\.\d{1,9})?"
_TAIL = r" (?P<host>\S+) (?P<tag>[^\s:\[]+)(?:\[(?P<pid>[^\]]*)\])?:(?: (?P<msg>.*))?$"

_RFC5424 = re.compile(
    rf"^<(?P<pri>\d{{1,3}})>(?P<ver>\d{{1,2}}) (?:(?P<ts>{ISO})|-) (?P<host>\S+) (?P<app>\S+)"
    r" (?P<procid>\S+) (?P<msgid>\S+) (?P<sd>-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (?P<msg>.*))?$"
)
_BSD = re.compile(rf"^(?:<\d{{1,3}}>)?(?P<stamp>{_MON} +(?P<day>\d{{1,2}}) {_TIME}){_TAIL}")
_FULL = re.compile(
    r"^(?P<stamp>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<date>\d{4}-\d{2}-\d{2}) "
    rf"{_TIME} (?P<zone>[A-Z]{{2,5}}|[+-]\d{{4}}|[A-Z][A-Za-z_]+/[A-Za-z_/\-]+)){_TAIL}"
)
_UNIX = re.compile(rf"^(?P<stamp>(?P<sec>\d{{9,11}})(?:\.(?P<frac>\d{{1,9}}))?){_TAIL}")
_ISO = re.compile(rf"^(?P<ts>{ISO}){_TAIL}")
_JOURNAL_MARKER = re.compile(r"^-- .* --$")


def _text(host: str | None, tag: str | None, msg: str | None) -> str:
    head = " ".join(p for p in (host, tag) if p and p != "-")
    body = (msg or "").removeprefix("\ufeff").strip()
    return f"{head}: {body}" if head and body else head or body


def match(line: str) -> LineMatch | None:
    m = _RFC5424.match(line)
    if m:
        if not m["ts"]:
            raise LineError("RFC 5424 message without a timestamp")
        return LineMatch(iso_stamp(m), _text(m["host"], m["app"], m["msg"]), "rfc5424")
    m = _BSD.match(line)
    if m:
        date, _ = month_day(m["month"], m["day"], None)
        stamp = Stamp(m["stamp"], make_time(m["h"], m["m"], m["s"]), date, year_known=False)
        return LineMatch(stamp, _text(m["host"], m["tag"], m["msg"]), "bsd-syslog")
    m = _FULL.match(line)
    if m:
        zone = lookup_zone(m["zone"])
        if zone is None:
            raise LineError(f"unknown time zone {m['zone']!r}")
        stamp = Stamp(
            m["stamp"], make_time(m["h"], m["m"], m["s"]), make_date(m["date"]), zone=zone
        )
        return LineMatch(stamp, _text(m["host"], m["tag"], m["msg"]), "journalctl")
    m = _UNIX.match(line)
    if m:
        seconds = float(m["sec"] + ("." + m["frac"] if m["frac"] else ""))
        stamp = Stamp(m["stamp"], instant=epoch_instant(seconds))
        return LineMatch(stamp, _text(m["host"], m["tag"], m["msg"]), "journalctl")
    m = _ISO.match(line)
    if m:
        return LineMatch(iso_stamp(m), _text(m["host"], m["tag"], m["msg"]), "journalctl")
    if _JOURNAL_MARKER.match(line.strip()):
        raise LineError("journal marker (boot or log start), not an event")
    return None
