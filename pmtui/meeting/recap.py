"""The end-of-meeting recap: each action item the room committed to, with its owner,
due date and verification, and what it still lacks. No Textual here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pmtui import times
from pmtui.document.model import ActionItem

#: What an action item needs before the meeting ends, by the name the recap shows.
NEEDED = ("owner", "due date", "verification")


@dataclass(frozen=True)
class RecapLine:
    """One action item as the recap shows it (empty strings where it lacks a value)."""

    action: str
    owner: str
    due: str
    verification: str
    #: The names (from :data:`NEEDED`) of what it lacks, in that order.
    missing: tuple[str, ...]


def recap(items: Iterable[ActionItem]) -> list[RecapLine]:
    """The action items worth listing (those with any text), in order."""
    lines = []
    for item in items:
        if not (item.action.strip() or item.owner.strip() or item.verification.strip()):
            continue
        values = {
            "owner": item.owner.strip(),
            "due date": times.format_date(item.due),
            "verification": item.verification.strip(),
        }
        lines.append(
            RecapLine(
                action=item.action.strip() or "(no description)",
                owner=values["owner"],
                due=values["due date"],
                verification=values["verification"],
                missing=tuple(name for name in NEEDED if not values[name]),
            )
        )
    return lines


def recap_summary(lines: list[RecapLine]) -> str:
    """One sentence above the list: how many items, and how many lack something."""
    if not lines:
        return "No action items were recorded. Add them before ending, or end anyway."
    lacking = sum(1 for line in lines if line.missing)
    count = f"{len(lines)} action item{'s' if len(lines) != 1 else ''}"
    if not lacking:
        return f"{count}, each with an owner, a due date and a verification."
    return f"{count}; {lacking} still lack{'s' if lacking == 1 else ''} something (marked ✗)."
