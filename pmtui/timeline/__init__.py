"""The timeline from logs: read a pasted or exported log, convert its times to UTC, preview,
merge into a post-mortem's timeline. No Textual here.

Public API (import from ``pmtui.timeline``)::

    parse_log(text, *, zone, default_date, keep_names=False, roles=None) -> LogParse
        rows (LogRow) and unparsed (UnparsedLine: line, text, reason). Shapes: see
        pmtui.timeline.formats. ``zone``: default zone for lines without one.

    LogRow: line, utc (aware UTC, or None while a blocking flag is set), source_time,
        source_zone (SourceZone: label, origin line/default/format/none, offset), text,
        speaker, flags (Flag), candidates and suggested (fold), wall, shape;
        row.resolve(utc) sets a user's choice.

    Flag: gap, fold, zone_missing, date_missing (blocking: no UTC time), date_assumed,
        date_rolled, date_ambiguous, ambiguous_zone, zone_mismatch.

    merge_rows(existing, rows, *, doc_date) -> MergeResult
        entries (list[TimelineEntry]), added, skipped, held, added_rows, dated.

    build_preview(parse, merge=None, *, check=None) -> Preview; render_preview(preview)
        ``check``: text -> findings (e.g. ``pmtui.blame.scan``), injected by the caller.

    parse_typed_time(text, *, zone, default_date) -> TypedTime(value, utc, description)
        The wizard's time field: "14:05 PST", "2:05 pm", "14:05+02:00"...; ValueError
        (one line) when it cannot be read or is in a DST gap or fold.

    resolve_zone(text) -> Zone; to_utc(wall, tz) -> Conversion(status, utc, candidates)

    team_zone(settings.timezone) -> Zone | None (None: unset or UTC);
    local_time(value, zone, default_date) -> "07:02 PDT": a timeline time on the team's clock.

Not imported here (it loads the blame engine): ``pmtui.timeline.check.import_check(checker,
rows, doc=None)`` -> text -> findings, the blame check of imported rows for
``build_preview`` (the speakers' first names count as people).
"""

from pmtui.timeline.merge import MergeResult, merge_rows
from pmtui.timeline.parse import parse_log
from pmtui.timeline.preview import Preview, PreviewRow, build_preview, render_preview
from pmtui.timeline.rows import BLOCKING, Flag, LogParse, LogRow, SourceZone, UnparsedLine
from pmtui.timeline.zones import (
    ABBREVIATIONS,
    Conversion,
    TypedTime,
    Zone,
    local_time,
    parse_typed_time,
    resolve_zone,
    team_zone,
    to_utc,
)

__all__ = [
    "ABBREVIATIONS",
    "BLOCKING",
    "Conversion",
    "Flag",
    "LogParse",
    "LogRow",
    "MergeResult",
    "Preview",
    "PreviewRow",
    "SourceZone",
    "TypedTime",
    "UnparsedLine",
    "Zone",
    "build_preview",
    "local_time",
    "merge_rows",
    "parse_log",
    "parse_typed_time",
    "render_preview",
    "resolve_zone",
    "team_zone",
    "to_utc",
]
