"""Action items as other layouts write them: table rows with owner, bug, priority, type
and due columns, or bullets like ``Do X (owner: Dana, due: 2024-04-26)``.

Owner, due date and status go to their fields; every other column or part (bug, ticket,
priority, type, a due date pmtui cannot read) stays in the action text, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pmtui.document.model import ActionItem, Status
from pmtui.importers import values
from pmtui.importers.rules import normalize

#: Cells that hold nothing: left out, not kept as "Bug: n/a".
EMPTY_CELLS = frozenset({"", "-", "\u2013", "\u2014", "n/a", "na", "none", "?"})

#: Table columns by what pmtui does with them; a column takes the first role (in this
#: order) whose words its title has and that no column before it took.
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("verification", ("verification", "verified", "how verified", "acceptance", "done when")),
    ("status", ("status", "state", "progress")),
    ("due", ("due", "deadline", "target date", "eta", "by when")),
    ("owner", ("owner", "who", "assignee", "assigned", "responsible", "dri")),
    (
        "action",
        (
            "action",
            "task",
            "item",
            "description",
            "follow",
            "what",
            "title",
            "fix",
            "step",
            "recommendation",
            "measure",
        ),
    ),
)

_CHECKBOX_RE = re.compile(r"^\[([ xX])\]\s*")
_GROUP_RE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_TAIL_RE = re.compile(r"\s+[\u2013\u2014-]\s+(?=(?:owner|assignee|who|due|status)\b)", re.I)
_PART_RE = re.compile(
    r"^\s*(?P<key>owner|assignee|assigned to|who|due date|due|status)\s*[:=]\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)

NOTE_DUE = "due dates pmtui cannot read kept in the action text"
NOTE_STATUS = "status words pmtui cannot read kept in the action text"


def column_words(title: str) -> str:
    """A column title as words to look into: "Date/Time" -> " date time "."""
    return " " + re.sub(r"[/()\[\],]", " ", normalize(title)) + " "


def column_label(header: list[str], index: int) -> str:
    """A column title as a label: "Type (Mitigate/ Prevent/ Process/ Other)" -> "Type"."""
    title = header[index] if index < len(header) else ""
    return re.sub(r"\s*\([^)]*\)\s*", " ", title).strip() or title or f"column {index + 1}"


def column_roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, title in enumerate(header):
        words = column_words(title)
        for role, names in COLUMNS:
            if role not in roles.values() and any(f" {n}" in words for n in names):
                roles[index] = role
                break
    if "action" not in roles.values():
        roles[next((i for i in range(len(header)) if i not in roles), 0)] = "action"
    return roles


def from_table(
    header: list[str], rows: list[list[str]], prefix: str | None = None
) -> Iterator[tuple[ActionItem, list[str]]]:
    """An action item (and notes for "what went where") per non-empty row."""
    roles = column_roles(header)
    for cells in rows:
        if any(cells):
            yield from_row(header, roles, cells, prefix)


def from_row(
    header: list[str], roles: dict[int, str], cells: list[str], prefix: str | None
) -> tuple[ActionItem, list[str]]:
    cell = {role: cells[i] for i, role in roles.items() if i < len(cells)}
    kept: list[str] = []
    notes: list[str] = []
    status = None
    if cell.get("status"):
        status = values.parse_status(cell["status"])
        if status is None:
            kept.append(f"Status: {cell['status']}")
            notes.append(NOTE_STATUS)
    due = None
    if normalize(cell.get("due", "")) not in EMPTY_CELLS:
        due = values.parse_date(cell["due"])
        if due is None:
            kept.append(f"Due: {cell['due']}")
            notes.append(NOTE_DUE)
    for index, value in enumerate(cells):
        if index in roles or normalize(value) in EMPTY_CELLS:
            continue
        if status is None:  # the SRE book writes "Bug 5554823 **TODO**"
            value, status = values.split_status(value)
            if normalize(value) in EMPTY_CELLS:
                continue
        kept.append(f"{column_label(header, index)}: {value}")
    action = cell.get("action", "")
    if prefix:
        action = f"{prefix}: {action}"
    if kept:
        action = f"{action} ({'; '.join(kept)})" if action else "; ".join(kept)
    owner = cell.get("owner", "")
    item = ActionItem(
        action=action,
        owner="" if normalize(owner) in EMPTY_CELLS else owner,
        due=due,
        status=status or Status.PENDING,
        verification=cell.get("verification", ""),
    )
    return item, notes


def from_text(text: str, prefix: str | None = None) -> tuple[ActionItem | None, list[str]]:
    """A bulleted action item. ``[x]`` -> Done; ``owner:``, ``due:`` and ``status:`` parts
    in parentheses or brackets, or after a dash, fill their fields; a part pmtui cannot
    read (and anything else in there) stays in the text."""
    status: Status | None = None
    box = _CHECKBOX_RE.match(text)
    if box:
        status = Status.DONE if box.group(1) != " " else Status.PENDING
        text = text[box.end() :]
    fields: dict[str, str] = {}
    notes: list[str] = []

    def take(parts_text: str) -> str:
        """Read the known parts; the rest of ``parts_text`` as it was."""
        rest: list[str] = []
        for part in re.split(r"\s*[;,]\s*", parts_text):
            match = _PART_RE.match(part)
            if match is None:
                rest.append(part)
                continue
            key, value = match.group("key").lower(), match.group("value")
            if key.startswith("due"):
                if values.parse_date(value) is None:
                    notes.append(NOTE_DUE)
                    rest.append(part)
                    continue
                fields["due"] = value
            elif key == "status":
                if values.parse_status(value) is None:
                    notes.append(NOTE_STATUS)
                    rest.append(part)
                    continue
                fields["status"] = value
            else:
                fields["owner"] = value
        return ", ".join(p for p in rest if p)

    def group(match: re.Match[str]) -> str:
        if not any(_PART_RE.match(p) for p in re.split(r"\s*[;,]\s*", match.group(1))):
            return match.group(0)  # a link's text or address, a note: as written
        inner = take(match.group(1))
        return f" ({inner})" if inner else ""

    text = _GROUP_RE.sub(group, text)
    tail = _TAIL_RE.search(text)
    if tail is not None:
        rest = take(text[tail.end() :])
        text = text[: tail.start()] + (f" \u2014 {rest}" if rest else "")
    text = text.strip()
    if not text:
        return None, notes
    due: dt.date | None = values.parse_date(fields["due"]) if "due" in fields else None
    if "status" in fields:
        status = values.parse_status(fields["status"])
    if prefix:
        text = f"{prefix}: {text}"
    item = ActionItem(
        action=text, owner=fields.get("owner", ""), due=due, status=status or Status.PENDING
    )
    return item, notes
