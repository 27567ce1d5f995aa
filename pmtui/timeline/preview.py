"""The preview shown before anything is added: each row's UTC time, source time and zone,
flags and text, then the lines not understood. Plain text, for the CLI and the TUI.

The blame check is injected (``check``: text → findings), so this module does not depend
on the blame engine; a row with findings is flagged ``blame`` and its findings listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pmtui.timeline.merge import MergeResult
from pmtui.timeline.rows import Flag, LogParse, LogRow, UnparsedLine
from pmtui.timeline.zones import describe_transition, format_offset, lookup_zone

Check = Callable[[str], Sequence[Any]]
Status = Literal["new", "duplicate", "held"]


@dataclass(frozen=True)
class PreviewRow:
    row: LogRow
    status: Status
    #: What the blame check found in the row's text (empty: nothing).
    findings: tuple[Any, ...] = ()

    @property
    def flags(self) -> list[str]:
        names = sorted(str(f) for f in self.row.flags)
        return names + (["blame"] if self.findings else [])


@dataclass
class Preview:
    rows: list[PreviewRow] = field(default_factory=list)
    unparsed: list[UnparsedLine] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def with_findings(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.findings]


def build_preview(
    parse: LogParse, merge: MergeResult | None = None, *, check: Check | None = None
) -> Preview:
    """Every parsed row with its status (``new``, ``duplicate`` of a row already in the
    timeline, or ``held`` for a decision) and blame findings."""
    added = {id(r) for r in merge.added_rows} if merge is not None else None
    rows = []
    for row in parse.rows:
        if row.utc is None:
            status: Status = "held"
        elif added is None or id(row) in added:
            status = "new"
        else:
            status = "duplicate"
        findings = tuple(check(row.text)) if check is not None else ()
        rows.append(PreviewRow(row, status, findings))
    return Preview(rows, list(parse.unparsed))


def _hm(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def source_column(row: LogRow) -> str:
    """``10:32 AM America/Los_Angeles UTC−7 (default zone)``."""
    zone = row.source_zone
    parts = [row.source_time]
    if zone.origin == "format":
        parts.append("(epoch, UTC)")
    elif zone.origin == "none":
        parts.append("(no zone)")
    else:
        if zone.label and not row.source_time.endswith(zone.label):
            parts.append(zone.label)
        if zone.offset is not None and format_offset(zone.offset) != zone.label:
            parts.append(format_offset(zone.offset))
        if zone.origin == "default":
            parts.append("(default zone)")
    return " ".join(parts)


#: What the CLI tells the user to do about a row without a zone or a date.
CLI_HINTS = {
    Flag.ZONE_MISSING: "pass --tz or set [team] timezone",
    Flag.DATE_MISSING: "pass --date",
}


def note(row: LogRow, hints: Mapping[Flag, str] = CLI_HINTS) -> str | None:
    """Why a held row has no UTC time, or what a warning flag means; None if nothing.
    ``hints``: what to do about a missing zone or date (the CLI's options by default)."""
    zone = row.source_zone.label
    if Flag.GAP in row.flags and row.wall is not None:
        found = lookup_zone(zone, loose=True)
        how = describe_transition(row.wall, found.tz) if found else "clocks went forward"
        return (
            f"{row.wall:%H:%M} does not exist in {zone} on {row.wall:%Y-%m-%d} "
            f"({how}); write the offset on the line"
        )
    if Flag.FOLD in row.flags and row.wall is not None and len(row.candidates) == 2:
        first, second = row.candidates
        wall = row.wall.replace(tzinfo=dt.UTC)
        text = (
            f"{row.wall:%H:%M} happened twice in {zone} on {row.wall:%Y-%m-%d}: "
            f"{_hm(first)} UTC (at {format_offset(wall - first)}) or "
            f"{_hm(second)} UTC (at {format_offset(wall - second)})"
        )
        if row.suggested is not None:
            text += f"; the log's order suggests {_hm(row.suggested)}"
        return text
    if Flag.ZONE_MISSING in row.flags:
        return f"no zone on the line and no default zone: {hints[Flag.ZONE_MISSING]}"
    if Flag.DATE_MISSING in row.flags:
        return f"no date on the line and the post-mortem has no date: {hints[Flag.DATE_MISSING]}"
    if Flag.ZONE_MISMATCH in row.flags and row.utc is not None:
        return f"{zone} was not in use that day; check the time (kept as {zone})"
    if Flag.AMBIGUOUS_ZONE in row.flags:
        offset = format_offset(row.source_zone.offset or dt.timedelta(0))
        return f"{zone} has several meanings; read as {offset}"
    return None


def describe(finding: Any) -> str:
    message = getattr(finding, "message", None)
    return str(message) if message else str(finding)


def summary(preview: Preview) -> str:
    """``Rows: 5 to add, 1 already in the timeline, 2 need a decision, 3 not understood``."""
    new, dup, held = preview.count("new"), preview.count("duplicate"), preview.count("held")
    parts = [f"{new} to add"]
    if dup:
        parts.append(f"{dup} already in the timeline")
    if held:
        parts.append(f"{held} need a decision")
    if preview.unparsed:
        parts.append(f"{len(preview.unparsed)} not understood")
    return "Rows: " + ", ".join(parts)


def render_preview(preview: Preview, *, width: int = 0) -> str:
    """The preview as a plain-text table (no colour). ``width`` > 0 cuts long event text."""
    lines: list[str] = [summary(preview)]
    table = [("line", "UTC", "source", "flags", "event")]
    for item in preview.rows:
        row = item.row
        when = _hm(row.utc) if row.utc is not None else "(held)"
        status = {"new": "", "duplicate": "already there", "held": ""}[item.status]
        flags = ", ".join(item.flags + ([status] if status else [])) or "-"
        text = row.text
        if width and len(text) > width:
            text = text[: width - 1] + "\u2026"
        table.append((str(row.line), when, source_column(row), flags, text))
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for i, cells in enumerate(table):
        head = "  ".join(
            c.rjust(widths[0]) if j == 0 else c.ljust(widths[j]) for j, c in enumerate(cells[:4])
        )
        lines.append(f"{head}  {cells[4]}".rstrip())
        if i == 0:
            continue
        item = preview.rows[i - 1]
        pad = " " * (widths[0] + 2)
        explained = note(item.row)
        if explained:
            lines.append(f"{pad}note: {explained}")
        for finding in item.findings:
            lines.append(f"{pad}blame: {describe(finding)}")
    if preview.unparsed:
        lines.append("")
        lines.append(f"Not understood ({len(preview.unparsed)} lines, not added):")
        for u in preview.unparsed:
            lines.append(f"  line {u.line}: {u.text.strip()}  [{u.reason}]")
    return "\n".join(lines) + "\n"
