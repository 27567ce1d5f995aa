"""The ``## Meeting`` section: the record meeting mode keeps (start and end in UTC, the
item in progress, and per agenda item its planned minutes, actual and overrun seconds),
read and written here, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pmtui import times
from pmtui.document.markdown import text
from pmtui.document.markdown.blocks import Block
from pmtui.document.markdown.syntax import FIELD_RE
from pmtui.document.markdown.tables import cell_source, header_and_rows, match_columns
from pmtui.document.model import MeetingItem, MeetingRecord

if TYPE_CHECKING:
    from pmtui.document.markdown.reader import Reader

_COLUMNS = {"agenda item": "name", "planned (min)": "planned", "actual (s)": "actual"}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def context(meeting: MeetingRecord) -> dict[str, Any]:
    """What ``postmortem.md.j2`` needs to write the section."""
    fields: list[tuple[str, str]] = []
    if meeting.started_at is not None:
        fields.append(("Started", times.format_stamp(meeting.started_at)))
    if meeting.ended_at is not None:
        fields.append(("Ended", times.format_stamp(meeting.ended_at)))
    if meeting.ended_at is None or meeting.current_item:
        fields.append(("Current item", str(meeting.current_item + 1)))
    rows = [
        {
            "name": text.to_cell(item.name),
            "planned": _number(item.planned_minutes),
            "actual": _number(item.actual_seconds),
            "overrun": _number(item.overrun_seconds),
        }
        for item in meeting.items
    ]
    return {"fields": fields, "rows": rows}


def read(reader: Reader, blocks: list[Block]) -> list[Block]:
    """Read the section into ``reader.data["meeting"]``; returns blocks it did not use."""
    values: dict[str, Any] = {}
    items: list[MeetingItem] = []
    leftover: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph_open" and block.inline is not None:
            if _fields(reader, block, values):
                leftover.append(block)
        elif block.kind == "table_open":
            header, rows = header_and_rows(block)
            columns = match_columns(header, _COLUMNS, ("name", "planned", "actual"))
            for line, cells in rows:
                what = f"meeting agenda item {len(items) + 1}"
                name, planned, actual = (
                    reader.text(cell_source(cells, columns, k))
                    for k in ("name", "planned", "actual")
                )
                items.append(
                    reader.build(
                        MeetingItem,
                        line,
                        what,
                        name=name,
                        planned_minutes=_read_number(reader, planned, line, what),
                        actual_seconds=_read_number(reader, actual, line, what),
                    )
                )
        else:
            leftover.append(block)
    values["items"] = items
    reader.data["meeting"] = reader.build(
        MeetingRecord, blocks[0].first if blocks else None, "meeting", **values
    )
    return leftover


def _fields(reader: Reader, block: Block, values: dict[str, Any]) -> bool:
    """Read ``**Started:**``-style lines; True when the paragraph holds anything else."""
    unknown = False
    for line in range(block.first, block.last):
        match = FIELD_RE.match(reader.lines[line].strip(" \t"))
        key = match.group(1).strip().lower() if match else ""
        if not match:
            unknown = True
            continue
        value = reader.text(match.group(2)).strip()
        if key in ("started", "ended"):
            if value:
                try:
                    values[f"{key}_at"] = times.parse_stamp(value)
                except ValueError as exc:
                    raise reader.error(f"meeting {key} {exc}", line) from None
        elif key == "current item":
            if not value.isdigit() or int(value) < 1:
                raise reader.error(f"meeting current item {value!r} must be 1 or more", line)
            values["current_item"] = int(value) - 1
        else:
            unknown = True
    return unknown


def _read_number(reader: Reader, value: str, line: int, what: str) -> float:
    value = value.strip()
    if not value:
        return 0.0
    try:
        number = float(value)
    except ValueError:
        raise reader.error(f"{what}: {value!r} is not a number", line) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise reader.error(f"{what}: {value!r} is not a number", line)
    return number
