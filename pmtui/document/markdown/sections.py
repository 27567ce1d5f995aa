"""One reader per known section of the spec's template, and the table that dispatches
to them (:data:`READERS`). Each takes the :class:`~.reader.Reader` and the section's
blocks, stores what it read in ``reader.data`` (and where it came from in
``reader.sources``), and returns the blocks it did not use, which are kept verbatim."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from markdown_it.token import Token

from pmtui.document.markdown import meeting
from pmtui.document.markdown.blocks import Block, list_items
from pmtui.document.markdown.sourcemap import Item, Table
from pmtui.document.markdown.syntax import (
    CHECKBOX_RE,
    GAP_TYPE_RE,
    STATUS_WORDS,
    WHY_RE,
    is_placeholder,
    section_key,
)
from pmtui.document.markdown.tables import (
    cell_source,
    cell_starts,
    header_and_rows,
    match_columns,
)
from pmtui.document.model import ActionItem, GapType, ProcessGap, Status, TimelineEntry

if TYPE_CHECKING:
    from pmtui.document.markdown.reader import Reader

SectionReader = Callable[["Reader", list[Block]], list[Block]]

key_of = section_key


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(reader: Reader, blocks: list[Block], kind: str, field: str) -> str:
    """The text of a section of paragraphs (other blocks are kept as their source)."""
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    for block in blocks:
        base = sum(len(p) for p in parts) + 2 * len(parts)  # where this block's text starts
        if block.kind == "paragraph_open" and block.inline is not None:
            if len(blocks) == 1 and is_placeholder(kind, block.inline.content):
                return ""
            value = reader.text(block.inline.content)
            position = base
            for line in range(block.first, block.last):
                raw = reader.lines[line]
                anchors.append((position, line + 1, len(raw) - len(raw.lstrip(" \t")) + 1))
                position += len(raw.strip(" \t")) + 1
        else:
            value = "\n".join(reader.verbatim(block.first, block.last)).strip("\n")
            anchors.append((base, block.first + 1, 1))
        parts.append(value)
        reader.section.paragraphs.append((reader.trimmed(block.first, block.last), value))
    if blocks:
        reader.sources.add(field, blocks[0].first, 0, blocks[-1].last - 1, anchors=tuple(anchors))
    return "\n\n".join(parts)


def read_summary(reader: Reader, blocks: list[Block]) -> list[Block]:
    reader.data["summary"] = _paragraphs(reader, blocks, "summary", "summary")
    return []


def read_impact(reader: Reader, blocks: list[Block]) -> list[Block]:
    reader.data["impact"] = _paragraphs(reader, blocks, "impact", "impact")
    return []


# --------------------------------------------------------------------------- tables


def _tables(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    tables = [b for b in blocks if b.kind == "table_open"]
    others = [b for b in blocks if b.kind != "table_open"]
    return tables, others


def _refuse_unknown_columns(
    reader: Reader,
    what: str,
    header: list[str],
    columns: dict[str, int],
    rows: list[tuple[int, list[Token]]],
) -> None:
    """A filled-in column pmtui has no field for would be lost on the next save: say so
    rather than drop it (an empty extra column is simply left out)."""
    known = set(columns.values())
    for line, cells in rows:
        for index, cell in enumerate(cells):
            if index not in known and cell.content.strip():
                name = header[index] if index < len(header) and header[index] else index + 1
                raise reader.error(
                    f"{what} table: column {name!r} is not one pmtui keeps; "
                    "move what it holds into a section of its own",
                    line,
                )


def _add_cells(
    reader: Reader, prefix: str, line: int, columns: dict[str, int], names: tuple[str, ...]
) -> None:
    starts = cell_starts(reader.lines[line])
    reader.sources.add(prefix, line, starts[0] if starts else 0)
    for name in names:
        index = columns.get(name)
        if index is not None and index < len(starts):
            reader.sources.add(f"{prefix}.{name}", line, starts[index])


def read_timeline(reader: Reader, blocks: list[Block]) -> list[Block]:
    tables, leftover = _tables(blocks)
    entries: list[TimelineEntry] = []
    layout = reader.section
    for number, table in enumerate(tables):
        header, rows = header_and_rows(table)
        columns = match_columns(header, {"time": "time", "event": "event"}, ("time", "event"))
        _refuse_unknown_columns(reader, "timeline", header, columns, rows)
        layout.tables.append(Table(table.first, columns, len(header)))
        for line, cells in rows:
            layout.items.append(Item((line, line + 1), None, number))
            time_src, event_src = (
                cell_source(cells, columns, "time"),
                cell_source(cells, columns, "event"),
            )
            if is_placeholder("time", time_src) and (
                not event_src or is_placeholder("event", event_src)
            ):
                continue
            if not time_src and not event_src:
                continue
            if is_placeholder("time", time_src) or not time_src.strip():
                raise reader.error(
                    f"timeline row {len(entries) + 1} has an event but no time; "
                    "write the time as HH:MM or YYYY-MM-DD HH:MM (UTC)",
                    line,
                )
            event = "" if is_placeholder("event", event_src) else reader.text(event_src)
            _add_cells(reader, f"timeline[{len(entries)}]", line, columns, ("time", "event"))
            layout.items[-1].index = len(entries)
            entries.append(
                reader.build(
                    TimelineEntry,
                    line,
                    f"timeline row {len(entries) + 1}",
                    time=reader.text(time_src),
                    event=event,
                )
            )
    reader.data["timeline"] = entries
    return leftover


_ACTION_COLUMNS = {
    "action": "action",
    "owner": "owner",
    "due": "due",
    "due date": "due",
    "status": "status",
    "verification": "verification",
    "how verified": "verification",
    "verified by": "verification",
}
_ACTION_FIELDS = ("action", "owner", "due", "status", "verification")


def read_actions(reader: Reader, blocks: list[Block]) -> list[Block]:
    tables, leftover = _tables(blocks)
    items: list[ActionItem] = []
    layout = reader.section
    for number, table in enumerate(tables):
        header, rows = header_and_rows(table)
        columns = match_columns(header, _ACTION_COLUMNS, _ACTION_FIELDS)
        _refuse_unknown_columns(reader, "action items", header, columns, rows)
        layout.tables.append(Table(table.first, columns, len(header)))
        for line, cells in rows:
            layout.items.append(Item((line, line + 1), None, number))
            sources = {
                k: cell_source(cells, columns, k) for k in ("action", "owner", "due", "status")
            }
            placeholders = {
                "action": is_placeholder("action", sources["action"]),
                "owner": is_placeholder("owner", sources["owner"]),
                "due": is_placeholder("date", sources["due"]),
            }
            verification_src = cell_source(cells, columns, "verification")
            if (
                any(placeholders.values())
                and all(placeholders[k] or not sources[k] for k in placeholders)
                and not verification_src
            ):
                continue
            what = f"action item {len(items) + 1}"
            due = None
            if not placeholders["due"]:
                due = reader.date(reader.text(sources["due"]), line, f"{what}: due")
            _add_cells(reader, f"action_items[{len(items)}]", line, columns, _ACTION_FIELDS)
            layout.items[-1].index = len(items)
            items.append(
                reader.build(
                    ActionItem,
                    line,
                    what,
                    action="" if placeholders["action"] else reader.text(sources["action"]),
                    owner="" if placeholders["owner"] else reader.text(sources["owner"]),
                    due=due,
                    status=_status(reader, reader.text(sources["status"]), line, what),
                    verification=reader.text(verification_src),
                )
            )
    reader.data["action_items"] = items
    return leftover


def _status(reader: Reader, value: str, line: int, what: str) -> Status:
    key = " ".join(value.replace("-", " ").replace("_", " ").split()).lower()
    if not key:
        return Status.PENDING
    status = STATUS_WORDS.get(key)
    if status is not None:
        return status
    raise reader.error(f"{what}: status {value!r} must be Pending, In progress or Done", line)


# --------------------------------------------------------------------------- lists


def _list_items(
    reader: Reader, blocks: list[Block]
) -> tuple[list[tuple[int, str, str]], list[Block]]:
    """(line, first paragraph source, other blocks as text) of each item of the lists;
    each item's lines go into the section's layout (not yet read as a model entry)."""
    items: list[tuple[int, str, str]] = []
    leftover: list[Block] = []
    for block in blocks:
        if block.kind not in ("bullet_list_open", "ordered_list_open"):
            leftover.append(block)
            continue
        for line, end, first_src, rest in items_of(reader, block):
            reader.section.items.append(Item(reader.trimmed(line, end), None))
            items.append((line, first_src, rest))
    return items, leftover


def items_of(reader: Reader, block: Block) -> Iterator[tuple[int, int, str, str]]:
    for line, end, inside in list_items(block):
        yield (line, end, *_item_text(reader, inside))


def _item_text(reader: Reader, tokens: list[Token]) -> tuple[str, str]:
    """The item's first paragraph as source, and its other blocks as text."""
    first_src = ""
    rest: list[str] = []
    k = 0
    while k < len(tokens):
        start = k
        depth = 0
        while True:  # tokens[start:k+1] is one block of the item
            depth += tokens[k].nesting
            if depth <= 0:
                break
            k += 1
        opener = tokens[start]
        if opener.type == "paragraph_open":
            inline = tokens[start + 1]
            if start == 0:
                first_src = inline.content
            else:
                rest.append(reader.text(inline.content))
        elif opener.map is not None:
            first, last = opener.map
            rest.append("\n".join(line.strip() for line in reader.verbatim(first, last)))
        k += 1
    return first_src, "\n\n".join(rest)


def with_rest(reader: Reader, source: str, rest: str) -> str:
    text = reader.text(source)
    if rest:
        text = f"{text}\n\n{rest}" if text else rest
    return text


def read_whys(reader: Reader, blocks: list[Block]) -> list[Block]:
    items, leftover = _list_items(reader, blocks)
    whys: list[tuple[str, bool]] = []
    for number, (line, first_src, rest) in enumerate(items):
        reader.section.items[number].index = len(whys)
        src = WHY_RE.sub("", first_src, count=1)
        if is_placeholder("why", src) and not rest:
            whys.append(("", True))
            continue
        reader.sources.add(
            f"five_whys[{len(whys)}]", line, reader.column_of(line, src or first_src)
        )
        whys.append((with_rest(reader, src, rest), False))
        if len(whys) > 5:
            raise reader.error("Five Whys has more than 5 answers; keep at most 5", line)
    while whys and whys[-1][1]:
        whys.pop()
    for item in reader.section.items:  # trailing placeholders read as no answer at all
        if item.index is not None and item.index >= len(whys):
            item.index = None
    if len(whys) > 5:
        raise reader.error("Five Whys has more than 5 answers; keep at most 5", items[5][0])
    reader.data["five_whys"] = [text for text, _ in whys]
    return leftover


def read_gaps(reader: Reader, blocks: list[Block]) -> list[Block]:
    items, leftover = _list_items(reader, blocks)
    gaps: list[ProcessGap] = []
    for number, (line, first_src, rest) in enumerate(items):
        src = first_src
        done = False
        box = CHECKBOX_RE.match(src)
        if box:
            done = box.group(1) != " "
            src = src[box.end() :]
        gap_type = None
        typed = GAP_TYPE_RE.match(src)
        if typed:
            gap_type = GapType(typed.group(1).capitalize())
            src = src[typed.end() :]
        elif is_placeholder("gap", src) and not rest:
            continue
        reader.section.items[number].index = len(gaps)
        reader.sources.add(f"gaps[{len(gaps)}]", line, reader.column_of(line, first_src))
        reader.sources.add(
            f"gaps[{len(gaps)}].text", line, reader.column_of(line, src or first_src)
        )
        gaps.append(ProcessGap(text=with_rest(reader, src, rest), type=gap_type, done=done))
    reader.data["gaps"] = gaps
    return leftover


def read_learnings(reader: Reader, blocks: list[Block]) -> list[Block]:
    items, leftover = _list_items(reader, blocks)
    learnings: list[str] = []
    for number, (line, first_src, rest) in enumerate(items):
        if is_placeholder("learning", first_src) and not rest:
            continue
        reader.section.items[number].index = len(learnings)
        reader.sources.add(f"learnings[{len(learnings)}]", line, reader.column_of(line, first_src))
        learnings.append(with_rest(reader, first_src, rest))
    reader.data["learnings"] = learnings
    return leftover


#: Section key (:data:`~.syntax.SECTION_NAMES`) -> the function that reads it.
READERS: dict[str, SectionReader] = {
    "summary": read_summary,
    "impact": read_impact,
    "timeline": read_timeline,
    "whys": read_whys,
    "gaps": read_gaps,
    "actions": read_actions,
    "learnings": read_learnings,
    "meeting": meeting.read,
}
