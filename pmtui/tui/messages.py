"""Messages the step panes post to whatever screen hosts them (wizard or meeting)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pmtui.blame import Finding


@dataclass
class DocumentEdited(Message):
    """The document changed (any field); the host refreshes counts and autosave."""

    field: str


@dataclass
class FieldFindings(Message):
    """Fresh blame findings for one field, after the debounce."""

    field: str
    label: str
    findings: list[Finding]


@dataclass
class FieldFocused(Message):
    """A text field got focus; the host shows that field's warnings."""

    field: str
    label: str
    findings: list[Finding]


@dataclass
class JumpToField(Message):
    """Go to the step that edits ``field`` and focus it."""

    field: str


@dataclass
class AllowFinding(Message):
    """The user allowed a warning (saved in the file), in ``field`` when known."""

    finding: Finding
    field: str | None = None
