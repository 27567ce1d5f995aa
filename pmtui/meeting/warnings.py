"""Which warning the meeting's banner shows: the most recent one.

The banner is for the moment: what was just said (typed) gets its question, not the
first warning of the step. Each refresh passes the current item's findings; a warning is
as new as the refresh that first saw it (one that goes away and comes back is new
again). Among warnings first seen together, the one in the field the room edited last
comes first, then blame before housekeeping (overdue or owner-less action items).
Dismissed warnings stay hidden for the rest of the meeting. The facilitator's screen and
the followers' views both use this, so they agree on what the room sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pmtui.blame.checker import DocumentFinding
from pmtui.meeting.guidance import HOUSEKEEPING_CATEGORIES

#: A warning's identity while the meeting runs: where it is and what it matched.
WarningKey = tuple[str, str, str]


def warning_key(found: DocumentFinding) -> WarningKey:
    return (found.field, found.finding.rule, found.finding.match)


@dataclass(frozen=True)
class ShownWarning:
    """A warning in the current item's steps, and when it was first seen."""

    found: DocumentFinding
    #: Which refresh first saw it: the most recent warning has the highest.
    seen: int
    #: It is in the field the room edited last.
    in_edited_field: bool

    @property
    def key(self) -> WarningKey:
        return warning_key(self.found)

    @property
    def housekeeping(self) -> bool:
        return self.found.finding.category in HOUSEKEEPING_CATEGORIES

    def rank(self) -> tuple[int, bool, bool]:
        """The banner shows the highest: the newest; among warnings seen together, the
        one in the field just edited, then blame before housekeeping."""
        return (self.seen, self.in_edited_field, not self.housekeeping)


@dataclass
class WarningBoard:
    """The current item's warnings in banner order (see the module's docstring)."""

    warnings: list[ShownWarning] = field(default_factory=list)
    dismissed: set[WarningKey] = field(default_factory=set)
    _seen: dict[WarningKey, int] = field(default_factory=dict)
    _refreshes: int = 0

    @property
    def shown(self) -> ShownWarning | None:
        """The warning the banner shows (None: none to show)."""
        return self.warnings[0] if self.warnings else None

    @property
    def more(self) -> int:
        """How many other warnings the banner mentions as "+N more"."""
        return max(0, len(self.warnings) - 1)

    def update(
        self, found: Iterable[DocumentFinding], edited_field: str | None = None
    ) -> list[ShownWarning]:
        """Take the current item's findings; returns them in banner order."""
        self._refreshes += 1
        seen: dict[WarningKey, int] = {}
        warnings: list[ShownWarning] = []
        for item in found:
            key = warning_key(item)
            seen[key] = self._seen.get(key, self._refreshes)
            if key not in self.dismissed:
                in_field = edited_field is not None and item.field == edited_field
                warnings.append(ShownWarning(item, seen[key], in_field))
        self._seen = seen
        warnings.sort(key=ShownWarning.rank, reverse=True)
        self.warnings = warnings
        return warnings

    def dismiss(self, warning: ShownWarning) -> None:
        """Hide ``warning`` for the rest of the meeting (takes effect at the next update)."""
        self.dismissed.add(warning.key)
