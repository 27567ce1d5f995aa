"""The post-mortem document, as the spec's template defines it.

Pure pydantic; never imports Textual. A draft is allowed to be incomplete
(empty strings, ``None`` dates): the model rejects only values that are wrong,
never values that are missing. ``completeness()`` says what is still missing.

Field names here are the contract between the Markdown reader/writer, the
JSON export, the blame engine's ``scan_document`` field paths and the wizard.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pmtui import times


class Severity(StrEnum):
    SEV1 = "SEV-1"
    SEV2 = "SEV-2"
    SEV3 = "SEV-3"


class GapType(StrEnum):
    DETECTION = "Detection"
    PREVENTION = "Prevention"
    RECOVERY = "Recovery"
    COMMUNICATION = "Communication"
    KNOWLEDGE = "Knowledge"

    @property
    def example(self) -> str:
        return GAP_TYPES[self].example

    @property
    def fix_category(self) -> str:
        return GAP_TYPES[self].fix_category


class GapTypeInfo(NamedTuple):
    example: str
    fix_category: str


#: The spec's "Identify Process Gaps" table.
GAP_TYPES: dict[GapType, GapTypeInfo] = {
    GapType.DETECTION: GapTypeInfo("No alert for this failure mode", "Monitoring"),
    GapType.PREVENTION: GapTypeInfo("No validation for this input", "Code/Config"),
    GapType.RECOVERY: GapTypeInfo("Rollback took too long", "Runbooks"),
    GapType.COMMUNICATION: GapTypeInfo("Stakeholders weren't notified", "Process"),
    GapType.KNOWLEDGE: GapTypeInfo("Team didn't know this could happen", "Documentation"),
}


class Status(StrEnum):
    PENDING = "Pending"
    IN_PROGRESS = "In progress"
    DONE = "Done"


class WhyLevel(NamedTuple):
    level: int
    question: str
    focus: str


#: The spec's "Five Whys (Systems Focus)" table, in order.
WHY_LEVELS: tuple[WhyLevel, ...] = (
    WhyLevel(1, "Why did the incident happen?", "Immediate cause"),
    WhyLevel(2, "Why did that cause exist?", "Contributing factors"),
    WhyLevel(3, "Why wasn't it caught earlier?", "Detection gaps"),
    WhyLevel(4, "Why did our process allow this?", "Process gaps"),
    WhyLevel(5, "Why hasn't this been fixed before?", "Systemic issues"),
)


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class TimelineEntry(_Model):
    time: str
    event: str = ""

    @field_validator("time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        value = times.normalise_time(value)
        times.parse_time(value)
        return value

    def sort_key(self, default_date: dt.date | None = None) -> tuple[dt.date, dt.time]:
        return times.time_sort_key(self.time, default_date)


class ProcessGap(_Model):
    text: str
    type: GapType | None = None
    done: bool = False


class ActionItem(_Model):
    action: str
    owner: str = ""
    due: dt.date | None = None
    status: Status = Status.PENDING
    verification: str = ""

    def days_overdue(self, today: dt.date) -> int:
        """See :func:`days_overdue`."""
        return days_overdue(self.due, self.status, today)


def days_overdue(due: dt.date | None, status: Status, today: dt.date) -> int:
    """Days an action item is past its due date when it is not Done (0 when on time,
    done or undated): the one definition of "overdue", for the checker's warning,
    ``pmtui actions`` and the reports."""
    if due is None or status == Status.DONE or due >= today:
        return 0
    return (today - due).days


class ExtraSection(_Model):
    """A section pmtui does not know, kept verbatim and written back in order."""

    heading: str
    body: str = ""


class Allowance(_Model):
    """A blame warning the team chose to allow, stored in the file as
    ``<!-- pmtui: allow RULE_ID -->`` (the whole document),
    ``<!-- pmtui: allow RULE_ID "matched text" -->`` (that text anywhere) or
    ``<!-- pmtui: allow RULE_ID "matched text" in "the sentence" -->`` (that text in that
    sentence only: what the wizard's Allow saves; it lapses when the sentence is edited)."""

    rule: str
    match: str | None = None
    #: The sentence the allowed text stood in (the warning is allowed there only).
    context: str | None = None


def round_seconds(value: float) -> float:
    """Seconds as the meeting record keeps them: to 0.1 s (no ``62.099999999999994``)."""
    return round(float(value), 1) + 0.0  # + 0.0: never -0.0


class MeetingItem(_Model):
    name: str
    #: Minutes planned before the meeting (minutes added during it are ``added_seconds``).
    planned_minutes: float = Field(ge=0)
    actual_seconds: float = Field(default=0, ge=0)
    #: Time added to the item during the meeting (F9: five minutes at a time).
    added_seconds: float = Field(default=0, ge=0)
    notes: list[str] = Field(default_factory=list)
    decisions: list[str] = Field(default_factory=list)

    @field_validator("actual_seconds", "added_seconds")
    @classmethod
    def _tenths(cls, value: float) -> float:
        return round_seconds(value)

    @property
    def overrun_seconds(self) -> float:
        return round_seconds(
            max(0.0, self.actual_seconds - self.planned_minutes * 60 - self.added_seconds)
        )


class MeetingPauses(_Model):
    """How often the clock was paused, and for how long in all."""

    count: int = Field(default=0, ge=0)
    total_seconds: float = Field(default=0, ge=0)

    @field_validator("total_seconds")
    @classmethod
    def _tenths(cls, value: float) -> float:
        return round_seconds(value)


class MeetingRecord(_Model):
    """What happened in the live meeting (filled in by meeting mode).

    ``started_at``/``ended_at`` are wall-clock UTC datetimes. While the meeting is
    running, ``current_item`` is the agenda index in progress, so a meeting cut
    short by a crash resumes where it was; ``ended_at`` is set when it ends.
    ``running_since`` is set while the clock runs (when it was last started or resumed)
    and absent while it is paused, so a follower can tell the two apart.
    The facilitation record (roles, attendees, parking lot, and each item's notes and
    decisions) may be filled in before the meeting starts (``started_at`` is then None).
    """

    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    running_since: dt.datetime | None = None
    current_item: int = Field(default=0, ge=0)
    items: list[MeetingItem] = Field(default_factory=list)
    facilitator: str = ""
    scribe: str = ""
    #: The incident owner.
    owner: str = ""
    attendees: list[str] = Field(default_factory=list)
    parking_lot: list[str] = Field(default_factory=list)
    pauses: MeetingPauses = Field(default_factory=MeetingPauses)

    @field_validator("started_at", "ended_at", "running_since")
    @classmethod
    def _as_utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        """Stored as aware UTC (a naive value is taken to be UTC already)."""
        return None if value is None else times.as_utc(value)

    def copy_rows(self) -> MeetingRecord:
        """A copy whose lists are its own (the rows a meeting appends to)."""
        items = [
            item.model_copy(update={"notes": list(item.notes), "decisions": list(item.decisions)})
            for item in self.items
        ]
        return self.model_copy(
            update={
                "items": items,
                "attendees": list(self.attendees),
                "parking_lot": list(self.parking_lot),
            }
        )


#: The wizard's steps, in the spec's order; also the values of ``wizard_step``.
STEPS: tuple[str, ...] = (
    "facts",
    "timeline",
    "whys",
    "gaps",
    "actions",
    "learnings",
    "review",
)


#: Each step's name as the wizard's list, the palette and the README show it.
STEP_TITLES: dict[str, str] = {
    "facts": "Facts",
    "timeline": "Timeline",
    "whys": "Five Whys",
    "gaps": "Process gaps",
    "actions": "Action items",
    "learnings": "Key learnings",
    "review": "Review",
}


class Postmortem(_Model):
    #: Whatever stood above the ``# Post-Mortem:`` title (front matter, notes, headings),
    #: kept verbatim and written back above it.
    above_title: str = ""
    title: str = ""
    date: dt.date | None = None
    duration: str = ""
    severity: Severity | None = None
    author: str = ""
    summary: str = ""
    impact: str | None = None
    timeline: list[TimelineEntry] = Field(default_factory=list)
    five_whys: Annotated[list[str], Field(max_length=5)] = Field(default_factory=list)
    gaps: list[ProcessGap] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    learnings: list[str] = Field(default_factory=list)
    extra_sections: list[ExtraSection] = Field(default_factory=list)
    meeting: MeetingRecord | None = None
    #: Blame warnings marked "allowed" (saved as HTML comments in the file).
    allowed: list[Allowance] = Field(default_factory=list)
    #: The wizard step the author was on (saved as an HTML comment), one of STEPS.
    wizard_step: str | None = None

    def snapshot(self) -> Postmortem:
        """A copy to write from another thread while this one keeps being edited: every
        row copied (rows are edited in place), strings shared; ~100x cheaper than a
        deep copy of a 1,000-row timeline."""
        rows: dict[str, object] = {
            name: [item.model_copy() for item in getattr(self, name)]
            for name in ("timeline", "gaps", "action_items", "extra_sections", "allowed")
        }
        rows["five_whys"] = list(self.five_whys)
        rows["learnings"] = list(self.learnings)
        if self.meeting is not None:
            rows["meeting"] = self.meeting.copy_rows()
        return self.model_copy(update=rows)

    @field_validator("wizard_step")
    @classmethod
    def _check_step(cls, value: str | None) -> str | None:
        if value is not None and value not in STEPS:
            raise ValueError(f"unknown wizard step {value!r}; expected one of {', '.join(STEPS)}")
        return value


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming each bad field and why, e.g.
    ``timeline row 2, time: time '25:00' is not a real time of day``."""
    parts = []
    for err in exc.errors():
        where = _field_words(err.get("loc", ()))
        msg = str(err.get("msg", "invalid value"))
        msg = msg.removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


_FIELD_NAMES = {
    "timeline": "timeline row",
    "five_whys": "why",
    "gaps": "process gap",
    "action_items": "action item",
    "learnings": "learning",
    "extra_sections": "section",
    "items": "agenda item",
}


def _field_words(loc: tuple[int | str, ...]) -> str:
    words: list[str] = []
    i = 0
    while i < len(loc):
        part = loc[i]
        if isinstance(part, str) and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            words.append(f"{_FIELD_NAMES.get(part, part)} {int(loc[i + 1]) + 1}")
            i += 2
            continue
        words.append(str(part).replace("_", " "))
        i += 1
    return ", ".join(words)
