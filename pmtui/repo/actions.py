"""Follow-through: every action item across a folder of post-mortems, filtered the way
``pmtui actions`` and the Actions screen filter it. No Textual here."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmtui.document.model import Status
from pmtui.repo.index import ActionRow, Entry

#: ``--status`` values: one per status, and ``open`` (not Done).
STATUS_FILTERS: dict[str, frozenset[Status]] = {
    "pending": frozenset({Status.PENDING}),
    "in-progress": frozenset({Status.IN_PROGRESS}),
    "done": frozenset({Status.DONE}),
    "open": frozenset({Status.PENDING, Status.IN_PROGRESS}),
}

#: The keys of one item in ``--format json`` and ``csv``, in order.
FIELDS = (
    "path",
    "line",
    "postmortem",
    "action",
    "owner",
    "due",
    "status",
    "verification",
    "overdue_days",
)

_OWNER_SPLIT = re.compile(r"[,;/&]|\band\b", re.IGNORECASE)


def _norm_owner(text: str) -> str:
    return " ".join(text.strip().lstrip("@").split()).casefold()


def owners_of(owner: str) -> list[str]:
    """The owners named in one Owner cell (``@dana, @lee`` -> ``dana``, ``lee``)."""
    return [o for o in (_norm_owner(part) for part in _OWNER_SPLIT.split(owner)) if o]


def owner_matches(owner: str, wanted: str) -> bool:
    """True when ``wanted`` (``@dana`` or ``dana``, any case) is one of the cell's owners,
    or a whole word of one (``dana`` matches ``Dana Reyes``)."""
    target = _norm_owner(wanted)
    if not target:
        return not owners_of(owner)
    return any(target == name or target in name.split() for name in owners_of(owner))


@dataclass(frozen=True)
class ActionQuery:
    """Which items to show (every field optional)."""

    owner: str | None = None
    status: str | None = None
    overdue: bool = False
    text: str = ""

    def matches(self, row: ActionRow, today: dt.date) -> bool:
        if self.owner is not None and not owner_matches(row.owner, self.owner):
            return False
        if self.status is not None and row.status not in STATUS_FILTERS[self.status]:
            return False
        if self.overdue and not row.overdue_days(today):
            return False
        if self.text:
            hay = " ".join(
                (row.action, row.owner, row.status.value, row.verification, row.postmortem,
                 row.path.name, row.due.isoformat() if row.due else "")
            ).casefold()  # fmt: skip
            if not all(word in hay for word in self.text.casefold().split()):
                return False
        return True


def all_rows(entries: Iterable[Entry]) -> list[ActionRow]:
    """Every action item of the readable files, in file order."""
    rows: list[ActionRow] = []
    for entry in entries:
        if entry.error is None:
            rows.extend(entry.actions)
    return rows


def sort_key(row: ActionRow) -> tuple[dt.date, str, int]:
    """Due date first (undated last), then file and line."""
    return (row.due or dt.date.max, str(row.path), row.line)


def query(entries: Iterable[Entry], q: ActionQuery, today: dt.date) -> list[ActionRow]:
    """The items ``q`` selects, by due date (undated last), then file and line."""
    return sorted((r for r in all_rows(entries) if q.matches(r, today)), key=sort_key)


def display_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to the current folder when it is inside it (as git shows paths),
    else absolute."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    try:
        return Path(os.path.abspath(path)).relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


def as_dict(row: ActionRow, today: dt.date, cwd: Path | None = None) -> dict[str, Any]:
    """One item as ``--format json`` prints it (keys: :data:`FIELDS`)."""
    return {
        "path": display_path(row.path, cwd),
        "line": row.line,
        "postmortem": row.postmortem,
        "action": row.action,
        "owner": row.owner,
        "due": row.due.isoformat() if row.due else None,
        "status": row.status.value,
        "verification": row.verification,
        "overdue_days": row.overdue_days(today),
    }


#: The Actions screen's columns and how each sorts (ties: file, then line).
COLUMNS: dict[str, str] = {
    "due": "Due",
    "overdue": "Overdue",
    "status": "Status",
    "owner": "Owner",
    "action": "Action",
    "postmortem": "Post-mortem",
}
_STATUS_ORDER = {Status.PENDING: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


def sort_rows(
    rows: Iterable[ActionRow], column: str, today: dt.date, *, reverse: bool = False
) -> list[ActionRow]:
    """``rows`` sorted by one of :data:`COLUMNS` (empty values last either way)."""

    def key(row: ActionRow) -> tuple[Any, ...]:
        value: Any
        if column == "due":
            value = row.due
        elif column == "status":
            value = _STATUS_ORDER[row.status]
        elif column == "overdue":
            value = row.overdue_days(today) or None
        else:
            text = str(getattr(row, column)).casefold()
            value = text or None
        return (value, str(row.path), row.line)

    present = [r for r in rows if key(r)[0] is not None]
    missing = [r for r in rows if key(r)[0] is None]
    present.sort(key=key, reverse=reverse)
    missing.sort(key=lambda r: (str(r.path), r.line))
    return present + missing


def next_status(status: Status) -> Status:
    """Pending -> In progress -> Done -> Pending."""
    order = list(Status)
    return order[(order.index(status) + 1) % len(order)]
