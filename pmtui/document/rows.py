"""The list steps' row operations (add, delete, move, sort) and their undo, on the model.

No Textual here. Each operation records what it changes in a :class:`History` first, so
``ctrl+z`` can put it back: the list as it was (the same row objects, so text typed into
a row since is kept) and where the cursor was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmtui.document.model import Postmortem

#: The model lists a list step edits.
LIST_FIELDS: tuple[str, ...] = ("timeline", "gaps", "action_items", "learnings")


@dataclass(frozen=True)
class Undone:
    """What an undo put back: its label, the field, and the row to show."""

    label: str
    field: str
    cursor: int | None


@dataclass(frozen=True)
class _Step:
    label: str
    field: str
    before: Any
    cursor: int | None


class History:
    """The undo stack of one document's row operations (and "Fill duration")."""

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._steps: list[_Step] = []

    def __len__(self) -> int:
        return len(self._steps)

    def record(self, doc: Postmortem, field: str, label: str, cursor: int | None) -> None:
        """Remember ``field`` as it is now, before ``label`` changes it."""
        value = getattr(doc, field)
        before = list(value) if isinstance(value, list) else value
        self._steps.append(_Step(label, field, before, cursor))
        del self._steps[: -self.limit]

    def undo(self, doc: Postmortem) -> Undone | None:
        """Put back the last recorded change; None when there is nothing to undo."""
        if not self._steps:
            return None
        step = self._steps.pop()
        setattr(
            doc, step.field, list(step.before) if isinstance(step.before, list) else step.before
        )
        return Undone(step.label, step.field, step.cursor)


def rows(doc: Postmortem, field: str) -> list[Any]:
    if field not in LIST_FIELDS:
        raise ValueError(f"{field!r} is not a list step's field")
    value: list[Any] = getattr(doc, field)
    return value


def insert(doc: Postmortem, field: str, at: int, row: Any) -> int:
    """Insert ``row`` at ``at`` (clamped); returns its index."""
    items = list(rows(doc, field))
    at = max(0, min(at, len(items)))
    items.insert(at, row)
    setattr(doc, field, items)
    return at


def delete(doc: Postmortem, field: str, at: int) -> int | None:
    """Delete the row at ``at``; returns the row to show next (the one that took its
    place, else the one before), or None when the list is now empty."""
    items = list(rows(doc, field))
    if not 0 <= at < len(items):
        return None if not items else min(at, len(items) - 1)
    del items[at]
    setattr(doc, field, items)
    if not items:
        return None
    return min(at, len(items) - 1)


def move(doc: Postmortem, field: str, at: int, delta: int) -> int:
    """Move the row at ``at`` by ``delta`` places (clamped); returns where it is now."""
    items = list(rows(doc, field))
    if not 0 <= at < len(items):
        return at
    target = max(0, min(at + delta, len(items) - 1))
    if target != at:
        row = items.pop(at)
        items.insert(target, row)
        setattr(doc, field, items)
    return target


def sort_timeline(doc: Postmortem, keep: int | None = None) -> int | None:
    """Order the timeline by time (rows without a date use the document's date; the
    sort is stable). Returns the new index of the row that was at ``keep``."""
    items = list(doc.timeline)
    followed = items[keep] if keep is not None and 0 <= keep < len(items) else None
    ordered = sorted(items, key=lambda r: r.sort_key(doc.date))
    if ordered != items or any(a is not b for a, b in zip(ordered, items, strict=True)):
        doc.timeline = ordered
    if followed is None:
        return None
    return next(i for i, row in enumerate(doc.timeline) if row is followed)
