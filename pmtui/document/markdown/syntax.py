"""The shapes of pmtui's Markdown that both the reader and the writer know: headings and
their section keys, header fields, list-item prefixes, status words, and the spec
template's placeholders (which read as "empty", and which the writer must never produce
by accident)."""

from __future__ import annotations

import re
from collections.abc import Callable

from pmtui.document.model import GapType, Status

TITLE_RE = re.compile(r"^post[- ]?mortem\s*:[ \t]*", re.IGNORECASE)
#: ``**Date:** value`` (or ``**Date**: value``).
FIELD_RE = re.compile(r"^\*\*([^*\n]+?)\s*(?::\*\*|\*\*\s*:)[ \t]*(.*)$")
WHY_RE = re.compile(r"^why(?:[ \t]*\d+)?[ \t]*:[ \t]*", re.IGNORECASE)
CHECKBOX_RE = re.compile(r"^\[([ xX])\](?:[ \t]+|$)")
GAP_TYPE_RE = re.compile(
    r"^\*\*(" + "|".join(t.value for t in GapType) + r")\s*(?::\*\*|\*\*\s*:)[ \t]*",
    re.IGNORECASE,
)

#: The header fields under the title, in the template's order.
FIELD_KEYS = ("date", "duration", "severity", "author")

#: Section headings (lowercase, single spaces, no trailing colon) -> section key.
SECTION_NAMES: dict[str, str] = {
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "five whys": "whys",
    "5 whys": "whys",
    "process gaps identified": "gaps",
    "process gaps": "gaps",
    "action items": "actions",
    "key learnings": "learnings",
    "learnings": "learnings",
    "meeting": "meeting",
}

#: Status words people write by hand (lowercase, single spaces), to the three statuses.
STATUS_WORDS: dict[str, Status] = {
    **{s.value.lower(): s for s in Status},
    **dict.fromkeys(("todo", "to do", "open", "not started", "planned"), Status.PENDING),
    **dict.fromkeys(("wip", "ongoing", "started", "doing", "in review"), Status.IN_PROGRESS),
    **dict.fromkeys(("complete", "completed", "closed", "finished", "resolved", "✅"), Status.DONE),
}


def section_key(heading_source: str) -> str | None:
    """``"## Five Whys"``'s text -> ``"whys"``; None for a section pmtui does not know."""
    name = " ".join(heading_source.strip().rstrip(":").split()).lower()
    return SECTION_NAMES.get(name)


# --------------------------------------------------------------------------- placeholders

#: Spec template placeholders, compared with the Markdown source of a value.
_BRACKET_PLACEHOLDER_RE = re.compile(r"^\[[^\[\]\n]*\]$")
_PLACEHOLDERS: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"^YYYY-MM-DD$"),
    "duration": re.compile(r"^X hours$"),
    "severity": re.compile(r"^SEV-1/2/3$"),
    "time": re.compile(r"^HH:MM$"),
    "gap": re.compile(r"^Gap \d+$"),
    "learning": re.compile(r"^Learning \d+$"),
    "owner": re.compile(r"^@name$"),
}
_PLACEHOLDER_STARTS = frozenset("[YXSHGL@")


def is_placeholder(kind: str, source: str) -> bool:
    """Whether ``source`` is the spec template's placeholder for a ``kind`` of value
    (``[Incident Title]``, ``YYYY-MM-DD``, ``@name``...)."""
    source = source.strip()
    if not source or source[0] not in _PLACEHOLDER_STARTS:  # the common case, quickly
        return False
    if _BRACKET_PLACEHOLDER_RE.match(source):
        return kind not in ("date", "time", "severity")
    pattern = _PLACEHOLDERS.get(kind)
    return bool(pattern and pattern.match(source))


def reserved(kind: str) -> Callable[[str], bool]:
    """For the writer: source that would read back as a placeholder of ``kind``."""
    return lambda source: is_placeholder(kind, source)
