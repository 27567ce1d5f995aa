"""Which parts of a post-mortem differ, and a three-way merge of two edited versions.

The unit is a top-level field of :class:`~pmtui.document.model.Postmortem`: a fact
(title, date, severity...) or a whole section (the timeline, the five whys, the action
items, each list as one). A field changed on one side only is taken from that side; a
field changed on both sides to different values is a conflict, and then there is no
merge (the user reloads or keeps their version as a copy). ``wizard_step`` is where this
window's author was, not content: it is never compared and always kept from "mine".
No Textual here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from pmtui.document.model import Postmortem

#: Fields compared and merged, in the file's order.
FIELDS: tuple[str, ...] = tuple(name for name in Postmortem.model_fields if name != "wizard_step")

#: Each field as the user knows it (the wizard's labels and the file's headings).
LABELS: dict[str, str] = {
    "title": "Title",
    "date": "Date",
    "duration": "Duration",
    "severity": "Severity",
    "author": "Author",
    "summary": "Summary",
    "impact": "Impact",
    "timeline": "Timeline",
    "five_whys": "Five Whys",
    "gaps": "Process gaps",
    "action_items": "Action items",
    "learnings": "Key learnings",
    "extra_sections": "Other sections",
    "meeting": "Meeting record",
    "allowed": "Allowed warnings",
}

#: What one entry of each list is called in a summary.
_ITEMS: dict[str, tuple[str, str]] = {
    "timeline": ("row", "rows"),
    "five_whys": ("why", "whys"),
    "gaps": ("gap", "gaps"),
    "action_items": ("item", "items"),
    "learnings": ("learning", "learnings"),
    "allowed": ("warning", "warnings"),
}

#: Longest value quoted in a summary.
_QUOTE = 32


def changed_fields(before: Postmortem, after: Postmortem) -> list[str]:
    """The fields (of :data:`FIELDS`) whose values differ, in the file's order."""
    return [name for name in FIELDS if getattr(before, name) != getattr(after, name)]


def describe(name: str, before: Postmortem, after: Postmortem) -> str:
    """A few words on how one field changed: ``Timeline: 3 → 4 rows``,
    ``Other sections: added “Appendix”``, ``Title: “Outage” → “Checkout outage”``."""
    label = LABELS.get(name, name)
    old, new = getattr(before, name), getattr(after, name)
    if name == "extra_sections":
        return f"{label}: {_sections(before, after)}"
    if isinstance(old, list) and isinstance(new, list):
        one, many = _ITEMS.get(name, ("entry", "entries"))
        if len(old) != len(new):
            return f"{label}: {len(old)} → {len(new)} {many if len(new) != 1 else one}"
        edited = sum(a != b for a, b in zip(old, new, strict=True))
        return f"{label}: {edited} {one if edited == 1 else many} edited"
    if name == "meeting":
        return f"{label}: {'added' if old is None else 'removed' if new is None else 'updated'}"
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > _QUOTE:
        return f"{label}: edited ({len(old)} → {len(new)} characters)"
    return f"{label}: {_quote(old)} → {_quote(new)}"


def _sections(before: Postmortem, after: Postmortem) -> str:
    old = {s.heading: s.body for s in before.extra_sections}
    new = {s.heading: s.body for s in after.extra_sections}
    parts = [f"added {_quote(h)}" for h in new if h not in old]
    parts += [f"removed {_quote(h)}" for h in old if h not in new]
    parts += [f"edited {_quote(h)}" for h in new if h in old and old[h] != new[h]]
    return ", ".join(parts) or "reordered"


def _quote(value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    text = " ".join(str(getattr(value, "value", value)).split())
    if len(text) > _QUOTE:
        text = text[: _QUOTE - 1].rstrip() + "…"
    return f"“{text}”"


@dataclass(frozen=True)
class Merge:
    """The outcome of :func:`merge3`: ``doc`` is None when there are ``conflicts``."""

    doc: Postmortem | None
    mine: tuple[str, ...]
    theirs: tuple[str, ...]
    conflicts: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.doc is not None

    def conflict_labels(self) -> list[str]:
        return [LABELS.get(name, name) for name in self.conflicts]


def merge3(base: Postmortem, mine: Postmortem, theirs: Postmortem) -> Merge:
    """Merge ``mine`` and ``theirs``, both edited from ``base``, field by field.

    Fields only one side changed come from that side; fields both changed alike are
    taken once; fields both changed differently are conflicts (no merged document).
    ``wizard_step`` comes from ``mine``."""
    mine_changed = changed_fields(base, mine)
    theirs_changed = changed_fields(base, theirs)
    conflicts = tuple(
        name
        for name in mine_changed
        if name in theirs_changed and getattr(mine, name) != getattr(theirs, name)
    )
    doc: Postmortem | None = None
    if not conflicts:
        doc = theirs.model_copy(deep=True)
        for name in mine_changed:
            setattr(doc, name, copy.deepcopy(getattr(mine, name)))
        doc.wizard_step = mine.wizard_step
    return Merge(doc, tuple(mine_changed), tuple(theirs_changed), conflicts)
