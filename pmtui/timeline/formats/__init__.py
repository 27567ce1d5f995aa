"""The log shapes pmtui reads, one module each, and :func:`read`, which tells them apart.

A whole text is a paging tool's CSV export (:mod:`.pagerduty`, :mod:`.opsgenie`, told
apart by the header), JSON (:mod:`.jsonl`), or lines. Each line is tried against, in
order: a day divider (:func:`.common.date_line`), :mod:`.syslog` (RFC 5424, BSD syslog,
journalctl), :mod:`.iso` (ISO 8601 / RFC 3339 prefix), :mod:`.teams`, the Slack shapes
(:mod:`.slack`) and :mod:`.plain` (``HH:MM text``). A line none of them reads is
returned as it is: the parser decides whether it is a chat message's body or a line
not understood.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pmtui.timeline.formats import (
    csvlog,
    iso,
    jsonl,
    opsgenie,
    pagerduty,
    plain,
    slack,
    syslog,
    teams,
)
from pmtui.timeline.formats.common import DateLine, LineError, LineMatch, Stamp, date_line


@dataclass(frozen=True)
class Entry:
    """One line (or CSV row, or JSON object) and what was recognised in it."""

    line: int
    raw: str
    match: LineMatch | None = None
    date: DateLine | None = None
    #: A time alone on the line (Slack's next message from the same speaker).
    bare: Stamp | None = None
    #: Recognised as chat interface text (``2 replies``), not part of a message.
    noise: bool = False
    #: Why the line cannot be used although its shape was recognised.
    error: str | None = None


_LINE_PARSERS = (syslog.match, iso.match, teams.match, slack.match_bracket, slack.match_header)


def detect(text: str) -> str:
    """``pagerduty``, ``opsgenie``, ``json`` or ``lines``."""
    if jsonl.looks_like_json(text):
        return "json"
    header = csvlog.header_of(text)
    if len(header) >= 2:
        if pagerduty.fits(header):
            return "pagerduty"
        if opsgenie.fits(header):
            return "opsgenie"
    return "lines"


def read_line(line_no: int, line: str) -> Entry:
    try:
        found = date_line(line)
        if found is not None:
            return Entry(line_no, line, date=found)
        for parse in _LINE_PARSERS:
            match = parse(line)
            if match is not None:
                return Entry(line_no, line, match=match)
        bare = slack.bare_time(line)
        if bare is not None:
            return Entry(line_no, line, bare=bare)
        if slack.is_noise(line):
            return Entry(line_no, line, noise=True)
        match = plain.match(line)
        if match is not None:
            return Entry(line_no, line, match=match)
    except LineError as exc:
        return Entry(line_no, line, error=str(exc))
    return Entry(line_no, line)


def read(text: str) -> tuple[str, list[Entry]]:
    """The text's source shape and its entries, blank lines left out."""
    source = detect(text)
    table: Iterator[tuple[int, str, LineMatch | LineError]] | None = None
    if source == "json":
        table = jsonl.entries(text)
    elif source == "pagerduty":
        table = csvlog.rows(text, pagerduty.COLUMNS)
    elif source == "opsgenie":
        table = csvlog.rows(text, opsgenie.COLUMNS)
    if table is not None:
        out = []
        for line_no, raw, found in table:
            if isinstance(found, LineError):
                out.append(Entry(line_no, raw, error=str(found)))
            else:
                out.append(Entry(line_no, raw, match=found))
        return source, out
    entries = [
        read_line(i, line.rstrip("\r"))
        for i, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1)
        if line.strip()
    ]
    return source, entries
