"""The ``## Meeting`` section: the record meeting mode keeps, read and written here, in
one place. It holds start and end in UTC (and, while the clock runs, since when), the
item in progress, the roles (facilitator,
scribe, incident owner), the pauses, per agenda item its planned minutes, actual, overrun
and added seconds, then the attendees, the parking lot and each item's notes and
decisions as ``###`` sub-sections with bullet lists::

    **Facilitator:** Ana
    **Pauses:** 2, 95.3 s in all

    | Agenda item | Planned (min) | Actual (s) | Overrun (s) | Added (s) |
    ...

    ### Attendees

    - Ana

    ### Parking lot

    - Alert routing for the EU region

    ### Item 2: Walk through Five Whys

    - Note: the schema allows 0
    - Decision: validate timeouts in CI

Files written before these fields existed read as before (everything new is optional).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pmtui import times
from pmtui.document.markdown import text
from pmtui.document.markdown.blocks import Block
from pmtui.document.markdown.syntax import FIELD_RE
from pmtui.document.markdown.tables import cell_source, header_and_rows, match_columns
from pmtui.document.model import MeetingItem, MeetingPauses, MeetingRecord

if TYPE_CHECKING:
    from pmtui.document.markdown.reader import Reader

_COLUMNS = {
    "agenda item": "name",
    "planned (min)": "planned",
    "actual (s)": "actual",
    "added (s)": "added",
}
#: ``**Label:**`` -> record field, for the roles (the HTML export uses the same labels).
ROLE_LABELS = {"Facilitator": "facilitator", "Scribe": "scribe", "Incident owner": "owner"}
_ROLE_KEYS = {label.lower(): name for label, name in ROLE_LABELS.items()} | {"owner": "owner"}
#: ``### Heading`` -> record list, for the lists that are not per item.
_LISTS = {"Attendees": "attendees", "Parking lot": "parking_lot"}
_LIST_KEYS = {label.lower(): name for label, name in _LISTS.items()}
#: Bullet prefix -> item list, under ``### Item N``.
_ENTRIES = {"Note": "notes", "Decision": "decisions"}
#: ``**Label:**`` (lower case) -> record field, for the wall-clock stamps.
_STAMPS = {"started": "started_at", "ended": "ended_at", "running since": "running_since"}
_ITEM_HEADING_RE = re.compile(r"^item[ \t]+(\d+)\b", re.IGNORECASE)
_ENTRY_RE = re.compile(r"^(note|decision)[ \t]*:[ \t]*", re.IGNORECASE)
_PAUSES_RE = re.compile(r"^(\d+)(?:[ \t]*,[ \t]*([0-9.]+)[ \t]*s\b.*)?$")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _bullet(prefix: str, value: str) -> str:
    """One list item's source: ``prefix`` then the value, continuation lines indented."""
    lines = text.to_lines(value)
    head = f"{prefix}{lines[0]}" if lines else prefix.rstrip()
    return "\n  ".join([head, *lines[1:]])


def context(meeting: MeetingRecord) -> dict[str, Any]:
    """What ``postmortem.md.j2`` needs to write the section."""
    fields: list[tuple[str, str]] = []
    if meeting.started_at is not None:
        fields.append(("Started", times.format_stamp(meeting.started_at)))
    if meeting.ended_at is not None:
        fields.append(("Ended", times.format_stamp(meeting.ended_at)))
    if meeting.running_since is not None:
        fields.append(("Running since", times.format_stamp(meeting.running_since)))
    if meeting.ended_at is None or meeting.current_item:
        fields.append(("Current item", str(meeting.current_item + 1)))
    for label, name in ROLE_LABELS.items():
        value = getattr(meeting, name)
        if value:
            fields.append((label, text.to_line(value)))
    pauses = meeting.pauses
    if pauses.count or pauses.total_seconds:
        fields.append(("Pauses", f"{pauses.count}, {_number(pauses.total_seconds)} s in all"))
    with_added = any(item.added_seconds for item in meeting.items)
    rows = [
        {
            "name": text.to_cell(item.name),
            "planned": _number(item.planned_minutes),
            "actual": _number(item.actual_seconds),
            "overrun": _number(item.overrun_seconds),
            "added": _number(item.added_seconds),
        }
        for item in meeting.items
    ]
    lists = [
        (label, [_bullet("- ", value) for value in getattr(meeting, name)])
        for label, name in _LISTS.items()
        if getattr(meeting, name)
    ]
    for number, item in enumerate(meeting.items, 1):
        entries = [
            _bullet(f"- {label}: ", value)
            for label, name in _ENTRIES.items()
            for value in getattr(item, name)
        ]
        if entries:
            lists.append((f"Item {number}: {text.to_heading(item.name)}", entries))
    return {"fields": fields, "rows": rows, "with_added": with_added, "lists": lists}


def read(reader: Reader, blocks: list[Block]) -> list[Block]:
    """Read the section into ``reader.data["meeting"]``; returns blocks it did not use."""
    values: dict[str, Any] = {}
    items: list[MeetingItem] = []
    lists: dict[str, list[str]] = {name: [] for name in _LISTS.values()}
    entries: dict[int, dict[str, list[str]]] = {}
    leftover: list[Block] = []
    #: Where the bullet lists under the last ``###`` heading go (None: not ours).
    target: tuple[str, int] | None = None
    for block in blocks:
        if block.kind == "heading_open" and block.tokens[0].tag == "h3":
            target = _list_target(reader, block)
            if target is None:
                leftover.append(block)
        elif block.kind == "bullet_list_open" and target is not None:
            _read_list(reader, block, target, lists, entries)
        elif target is not None:
            leftover.append(block)
        elif block.kind == "paragraph_open" and block.inline is not None:
            if _fields(reader, block, values):
                leftover.append(block)
        elif block.kind == "table_open":
            items += _rows(reader, block, len(items))
        else:
            leftover.append(block)
    for number, found in sorted(entries.items()):
        if number > len(items):
            raise reader.error(
                f"meeting notes for agenda item {number}, but the agenda has {len(items)}",
                blocks[0].first if blocks else None,
            )
        items[number - 1] = items[number - 1].model_copy(update=found)
    values["items"] = items
    values.update(lists)
    reader.data["meeting"] = reader.build(
        MeetingRecord, blocks[0].first if blocks else None, "meeting", **values
    )
    return leftover


def _rows(reader: Reader, block: Block, before: int) -> list[MeetingItem]:
    header, rows = header_and_rows(block)
    columns = match_columns(header, _COLUMNS, ("name", "planned", "actual"))
    items: list[MeetingItem] = []
    for line, cells in rows:
        what = f"meeting agenda item {before + len(items) + 1}"
        name, planned, actual = (
            reader.text(cell_source(cells, columns, k)) for k in ("name", "planned", "actual")
        )
        added = reader.text(cell_source(cells, columns, "added")) if "added" in columns else ""
        items.append(
            reader.build(
                MeetingItem,
                line,
                what,
                name=name,
                planned_minutes=_read_number(reader, planned, line, what),
                actual_seconds=_read_number(reader, actual, line, what),
                added_seconds=_read_number(reader, added, line, what),
            )
        )
    return items


def _list_target(reader: Reader, block: Block) -> tuple[str, int] | None:
    """``("attendees", 0)``, ``("parking_lot", 0)`` or ``("item", N)`` for a ``###``
    heading of the record; None for any other heading (kept as written)."""
    inline = block.inline
    title = reader.text(inline.content if inline else "").strip()
    if title.lower() in _LIST_KEYS:
        return _LIST_KEYS[title.lower()], 0
    match = _ITEM_HEADING_RE.match(title)
    if match and int(match.group(1)) >= 1:
        return "item", int(match.group(1))
    return None


def _read_list(
    reader: Reader,
    block: Block,
    target: tuple[str, int],
    lists: dict[str, list[str]],
    entries: dict[int, dict[str, list[str]]],
) -> None:
    from pmtui.document.markdown.sections import items_of, with_rest

    name, number = target
    for line, _end, source, rest in items_of(reader, block):
        if name != "item":
            lists[name].append(with_rest(reader, source, rest))
            continue
        match = _ENTRY_RE.match(source)
        if match is None:
            raise reader.error(
                f"meeting agenda item {number}: start each line with 'Note:' or 'Decision:'",
                line,
            )
        kind = _ENTRIES[match.group(1).capitalize()]
        found = entries.setdefault(number, {"notes": [], "decisions": []})
        found[kind].append(with_rest(reader, source[match.end() :], rest))


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
        if key in _STAMPS:
            if value:
                try:
                    values[_STAMPS[key]] = times.parse_stamp(value)
                except ValueError as exc:
                    raise reader.error(f"meeting {key} {exc}", line) from None
        elif key == "current item":
            if not value.isdigit() or int(value) < 1:
                raise reader.error(f"meeting current item {value!r} must be 1 or more", line)
            values["current_item"] = int(value) - 1
        elif key in _ROLE_KEYS:
            values[_ROLE_KEYS[key]] = reader.text(match.group(2))
        elif key == "pauses":
            values["pauses"] = _pauses(reader, value, line)
        else:
            unknown = True
    return unknown


def _pauses(reader: Reader, value: str, line: int) -> MeetingPauses:
    match = _PAUSES_RE.match(value)
    if match is None:
        raise reader.error(
            f"meeting pauses {value!r}: write the count and seconds, e.g. '2, 95.3 s in all'",
            line,
        )
    seconds = _read_number(reader, match.group(2) or "", line, "meeting pauses")
    pauses: MeetingPauses = reader.build(
        MeetingPauses, line, "meeting pauses", count=int(match.group(1)), total_seconds=seconds
    )
    return pauses


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
