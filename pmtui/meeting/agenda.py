"""The post-mortem meeting's timed agenda and its timer state machine.

The agenda is the spec's (5 + 15 + 10 + 15 + 5 = 50 minutes); only the minutes
can be changed, in the config (``[meeting] agenda = [5, 15, 10, 15, 5]``) or with
``--agenda 5,15,10,15,5``.

Time comes from an injected :class:`~pmtui.meeting.clock.Clock`. An item's
elapsed time is ``accumulated + (now - running_since)`` while the clock runs, so
the figures are right however rarely the screen redraws; nothing here counts
ticks. Whichever item is current receives the running time.

Resuming after a crash: a record with ``started_at`` but no ``ended_at`` resumes
*paused* at ``current_item`` with exactly the recorded ``actual_seconds``. Wall
time between the last autosave and the restart is not counted (a crashed app or
a laptop closed overnight must not inflate an item); the facilitator resumes the
clock. Autosave every few seconds keeps the loss to those seconds. The pause a
restart leaves the clock in adds to the pauses' total seconds, not to their count
(the facilitator did not pause).

The timer also keeps the facilitation record (roles, attendees, parking lot, each
item's notes and decisions), so that :meth:`MeetingTimer.to_record` is the whole
``## Meeting`` record.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pmtui.document.model import MeetingItem, MeetingPauses, MeetingRecord
from pmtui.errors import UserError
from pmtui.meeting.clock import Clock


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the spec's agenda and the wizard steps it works on."""

    name: str
    minutes: float
    #: The first step is the one the room looks at (and types into) first.
    steps: tuple[str, ...]
    #: The name in a few words, for the agenda strip.
    short: str


#: The spec's "Agenda" table, with the wizard steps each item edits. Item 1 reviews the
#: timeline and the impact: the timeline first, then the facts (summary, impact).
SPEC_AGENDA: tuple[AgendaEntry, ...] = (
    AgendaEntry("Review timeline and impact", 5, ("timeline", "facts"), "Timeline & impact"),
    AgendaEntry("Walk through Five Whys", 15, ("whys",), "Five Whys"),
    AgendaEntry("Identify process gaps", 10, ("gaps",), "Process gaps"),
    AgendaEntry("Define and assign action items", 15, ("actions",), "Action items"),
    AgendaEntry("Capture key learnings", 5, ("learnings",), "Learnings"),
)

DEFAULT_MINUTES: tuple[float, ...] = tuple(entry.minutes for entry in SPEC_AGENDA)
MAX_MINUTES = 240
LAST_MINUTE_SECONDS = 60.0
_EXAMPLE = ",".join(f"{m:g}" for m in DEFAULT_MINUTES)


def short_name(name: str) -> str:
    """An agenda item's name in a few words (the name itself when not the spec's)."""
    for entry in SPEC_AGENDA:
        if entry.name == name:
            return entry.short
    return name


def steps_for(name: str) -> tuple[str, ...]:
    """The wizard steps an agenda item works on (``()`` for an unknown name)."""
    for entry in SPEC_AGENDA:
        if entry.name == name:
            return entry.steps
    return ()


class AgendaError(UserError):
    """Bad agenda minutes from ``--agenda``; one line."""


def check_minutes(values: Sequence[Any]) -> tuple[float, ...]:
    """Agenda minutes, one per item of :data:`SPEC_AGENDA`, as floats; ``ValueError``
    with a one-line reason (also used to check ``[meeting] agenda`` in the config)."""
    if len(values) != len(SPEC_AGENDA):
        raise ValueError(
            f"needs {len(SPEC_AGENDA)} durations in minutes, one per agenda item "
            f"(e.g. {_EXAMPLE}), got {len(values)}"
        )
    minutes: list[float] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{value!r} is not a number of minutes")
        if not math.isfinite(value) or value <= 0 or value > MAX_MINUTES:
            raise ValueError(
                f"{value:g} minutes is out of range (more than 0, at most {MAX_MINUTES})"
            )
        minutes.append(float(value))
    return tuple(minutes)


def parse_agenda(text: str) -> tuple[float, ...]:
    """Parse ``--agenda 5,15,10,15,5`` (decimals allowed) into minutes per item."""
    values: list[Any] = []
    for part in (part.strip() for part in text.split(",")):
        try:
            values.append(float(part))
        except ValueError:
            raise AgendaError(f"--agenda: {part!r} is not a number of minutes") from None
    try:
        return check_minutes(values)
    except ValueError as exc:
        separator = " " if str(exc).startswith("needs") else ": "
        raise AgendaError(f"--agenda{separator}{exc}") from None


def resolve_agenda(cli_value: str | None, configured: Sequence[float]) -> tuple[float, ...]:
    """``--agenda`` when given, else the configured minutes (``[meeting] agenda``)."""
    if cli_value is not None:
        return parse_agenda(cli_value)
    return tuple(float(m) for m in configured)


class TimerState(StrEnum):
    READY = "ready"  # the ground rules are on screen; the clock has not started
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class Urgency(StrEnum):
    NORMAL = "normal"
    LAST_MINUTE = "last-minute"
    OVERTIME = "overtime"


class MeetingStateError(UserError):
    """A control that does not apply right now; the message says why, in one line."""


@dataclass(frozen=True)
class TimeUp:
    """The current item's planned time has just run out (fired once per deadline)."""

    index: int
    name: str


@dataclass
class _Item:
    name: str
    #: Planned seconds, minutes added during the meeting included.
    planned_seconds: float
    accumulated: float = 0.0
    added: float = 0.0
    notes: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)


#: The safe word's message to the room ("ELMO": Enough, Let's Move On).
SAFE_WORD_TEXT = "Enough, let's move on"


class MeetingTimer:
    """The agenda clock. Every control raises :class:`MeetingStateError` when it
    does not apply (e.g. "Next agenda item" on the last item)."""

    def __init__(
        self,
        clock: Clock,
        minutes: Sequence[float] = DEFAULT_MINUTES,
        *,
        names: Sequence[str] | None = None,
    ) -> None:
        names = list(names) if names is not None else [entry.name for entry in SPEC_AGENDA]
        if len(names) != len(minutes) or not names:
            raise ValueError("an agenda needs one duration per item")
        self.clock = clock
        self.items = [_Item(n, float(m) * 60) for n, m in zip(names, minutes, strict=True)]
        self.state = TimerState.READY
        self.current = 0
        self.started_at: dt.datetime | None = None
        self.ended_at: dt.datetime | None = None
        self._running_since: float | None = None
        #: The wall-clock time the clock last started or resumed (while it runs).
        self.running_since: dt.datetime | None = None
        self._fired: dict[int, float] = {}  # item -> planned seconds its time-up fired at
        self._last_activity = clock.monotonic()
        self.facilitator = ""
        self.scribe = ""
        #: The incident owner.
        self.owner = ""
        self.attendees: list[str] = []
        self.parking_lot: list[str] = []
        self.pause_count = 0
        self._paused_seconds = 0.0
        self._paused_since: float | None = None

    # -- building from and to the document --------------------------------------

    @classmethod
    def from_record(
        cls,
        record: MeetingRecord | None,
        clock: Clock,
        minutes: Sequence[float] = DEFAULT_MINUTES,
    ) -> MeetingTimer:
        """A timer for a document's meeting: fresh (with ``minutes``) when it has
        none or it never started; resumed paused, with the recorded seconds,
        when it started and did not end; ended when it ended."""
        if record is None or record.started_at is None or not record.items:
            timer = cls(clock, minutes)
            if record is not None:
                timer._take_facilitation(record)
            return timer
        timer = cls(
            clock,
            [item.planned_minutes + item.added_seconds / 60 for item in record.items],
            names=[item.name for item in record.items],
        )
        for index, (item, saved) in enumerate(zip(timer.items, record.items, strict=True)):
            item.accumulated = saved.actual_seconds
            item.added = saved.added_seconds
            item.notes = list(saved.notes)
            item.decisions = list(saved.decisions)
            if item.accumulated >= item.planned_seconds:
                timer._fired[index] = item.planned_seconds
        timer.current = min(record.current_item, len(timer.items) - 1)
        timer.started_at = record.started_at
        timer.ended_at = record.ended_at
        timer.state = TimerState.ENDED if record.ended_at else TimerState.PAUSED
        timer._take_facilitation(record)
        timer.pause_count = record.pauses.count
        timer._paused_seconds = record.pauses.total_seconds
        if timer.state is TimerState.PAUSED:
            timer._paused_since = clock.monotonic()
        return timer

    @classmethod
    def following(
        cls, record: MeetingRecord | None, clock: Clock, saved_at: dt.datetime
    ) -> MeetingTimer:
        """What a follower shows of a meeting another pmtui runs: the record as saved
        at ``saved_at`` and, while the record says the clock runs, running on from there
        (the seconds since the save counted for the current item), so the follower's
        clock ticks between autosaves. Never used to write a record."""
        timer = cls.from_record(record, clock)
        if record is None or record.running_since is None or timer.state is not TimerState.PAUSED:
            return timer
        since_save = max(0.0, (clock.now() - saved_at).total_seconds())
        timer._paused_since = None
        timer.state = TimerState.RUNNING
        timer.running_since = record.running_since
        timer._running_since = clock.monotonic() - since_save
        return timer

    def _take_facilitation(self, record: MeetingRecord) -> None:
        self.facilitator, self.scribe, self.owner = record.facilitator, record.scribe, record.owner
        self.attendees = list(record.attendees)
        self.parking_lot = list(record.parking_lot)

    def _has_facilitation(self) -> bool:
        return bool(
            self.facilitator or self.scribe or self.owner or self.attendees or self.parking_lot
        )

    def to_record(self) -> MeetingRecord | None:
        """The meeting as the document stores it: ``None`` before it starts, unless
        roles, attendees or the parking lot were filled in (then a record with them
        and no agenda yet)."""
        roles: dict[str, object] = {
            "facilitator": self.facilitator,
            "scribe": self.scribe,
            "owner": self.owner,
            "attendees": list(self.attendees),
            "parking_lot": list(self.parking_lot),
        }
        if self.state is TimerState.READY:
            return MeetingRecord(**roles) if self._has_facilitation() else None
        return MeetingRecord(
            started_at=self.started_at,
            ended_at=self.ended_at,
            running_since=self.running_since if self.state is TimerState.RUNNING else None,
            current_item=self.current,
            items=[
                MeetingItem(
                    name=item.name,
                    planned_minutes=round((item.planned_seconds - item.added) / 60, 4),
                    actual_seconds=self.elapsed(i),
                    added_seconds=item.added,
                    notes=list(item.notes),
                    decisions=list(item.decisions),
                )
                for i, item in enumerate(self.items)
            ],
            pauses=MeetingPauses(count=self.pause_count, total_seconds=self.paused_seconds()),
            **roles,
        )

    # -- readings ---------------------------------------------------------------

    def elapsed(self, index: int | None = None) -> float:
        """Seconds spent on an item (default: the current one)."""
        index = self.current if index is None else index
        seconds = self.items[index].accumulated
        if index == self.current and self._running_since is not None:
            seconds += self.clock.monotonic() - self._running_since
        return seconds

    def planned(self, index: int | None = None) -> float:
        """Planned seconds for an item, including any minutes added."""
        return self.items[self.current if index is None else index].planned_seconds

    def remaining(self, index: int | None = None) -> float:
        """Planned minus elapsed seconds; negative once the item runs over."""
        return self.planned(index) - self.elapsed(index)

    def overrun(self, index: int | None = None) -> float:
        return max(0.0, -self.remaining(index))

    def paused_seconds(self) -> float:
        """Seconds the clock has stood paused in all (the pause under way included)."""
        seconds = self._paused_seconds
        if self._paused_since is not None:
            seconds += self.clock.monotonic() - self._paused_since
        return seconds

    def urgency(self) -> Urgency:
        left = self.remaining()
        if left <= 0:
            return Urgency.OVERTIME
        if left <= LAST_MINUTE_SECONDS:
            return Urgency.LAST_MINUTE
        return Urgency.NORMAL

    def total_elapsed(self) -> float:
        return sum(self.elapsed(i) for i in range(len(self.items)))

    def total_planned(self) -> float:
        return sum(item.planned_seconds for item in self.items)

    @property
    def name(self) -> str:
        return self.items[self.current].name

    @property
    def next_name(self) -> str | None:
        return self.items[self.current + 1].name if self.current + 1 < len(self.items) else None

    @property
    def is_last(self) -> bool:
        return self.current == len(self.items) - 1

    def steps(self) -> tuple[str, ...]:
        """The wizard steps for the current item."""
        return steps_for(self.name)

    # -- events -----------------------------------------------------------------

    def poll(self) -> list[TimeUp]:
        """Events since the last poll: :class:`TimeUp` once when the current
        item's time runs out (again only if minutes are added and run out)."""
        if self.state not in (TimerState.RUNNING, TimerState.PAUSED):
            return []
        planned = self.planned()
        if self.remaining() <= 0 and self._fired.get(self.current) != planned:
            self._fired[self.current] = planned
            return [TimeUp(self.current, self.name)]
        return []

    def touch(self) -> None:
        """Note that the room did something (an edit), for :meth:`quiet_for`."""
        self._last_activity = self.clock.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the last :meth:`touch` (or control), while running."""
        if self.state is not TimerState.RUNNING:
            return 0.0
        return self.clock.monotonic() - self._last_activity

    # -- controls ---------------------------------------------------------------

    def _fold(self) -> None:
        """Move the running time into the current item's accumulated seconds."""
        if self._running_since is not None:
            now = self.clock.monotonic()
            self.items[self.current].accumulated += now - self._running_since
            self._running_since = now

    def _require(self, *states: TimerState) -> None:
        if self.state in states:
            return
        raise MeetingStateError(
            {
                TimerState.READY: "The meeting has not started yet; start it first.",
                TimerState.RUNNING: "The timer is already running.",
                TimerState.PAUSED: "The timer is paused; resume it first.",
                TimerState.ENDED: "The meeting has ended; its record is saved.",
            }[self.state]
        )

    def start(self) -> None:
        self._require(TimerState.READY)
        self.started_at = self.running_since = self.clock.now()
        self.state = TimerState.RUNNING
        self._running_since = self.clock.monotonic()
        self.touch()

    def pause(self) -> None:
        self._require(TimerState.RUNNING)
        self._fold()
        self._running_since = self.running_since = None
        self.state = TimerState.PAUSED
        self.pause_count += 1
        self._paused_since = self.clock.monotonic()

    def _fold_pause(self) -> None:
        if self._paused_since is not None:
            self._paused_seconds += self.clock.monotonic() - self._paused_since
            self._paused_since = None

    def resume(self) -> None:
        self._require(TimerState.PAUSED)
        self._fold_pause()
        self._running_since = self.clock.monotonic()
        self.running_since = self.clock.now()
        self.state = TimerState.RUNNING
        self.touch()

    def go_to(self, index: int) -> None:
        """Make ``index`` the current item; the clock keeps its state."""
        self._require(TimerState.RUNNING, TimerState.PAUSED)
        if not 0 <= index < len(self.items):
            raise MeetingStateError(f"There is no agenda item {index + 1}.")
        self._fold()
        self.current = index
        self.touch()

    def next(self) -> None:
        if self.state in (TimerState.RUNNING, TimerState.PAUSED) and self.is_last:
            raise MeetingStateError("This is the last agenda item; end the meeting when done.")
        self.go_to(self.current + 1)

    def previous(self) -> None:
        if self.state in (TimerState.RUNNING, TimerState.PAUSED) and self.current == 0:
            raise MeetingStateError("This is the first agenda item.")
        self.go_to(self.current - 1)

    def add_minutes(self, minutes: float = 5) -> None:
        """Extend the current item's planned time (recorded as its added seconds)."""
        self._require(TimerState.READY, TimerState.RUNNING, TimerState.PAUSED)
        item = self.items[self.current]
        item.planned_seconds += minutes * 60
        if self.state is not TimerState.READY:  # before the start it is the plan itself
            item.added += minutes * 60

    def end(self) -> None:
        self._require(TimerState.RUNNING, TimerState.PAUSED)
        self._fold()
        self._fold_pause()
        self._running_since = self.running_since = None
        self.ended_at = self.clock.now()
        self.state = TimerState.ENDED

    # -- the facilitation record --------------------------------------------------

    def notes(self, index: int | None = None) -> list[str]:
        return self.items[self.current if index is None else index].notes

    def decisions(self, index: int | None = None) -> list[str]:
        return self.items[self.current if index is None else index].decisions

    def add_note(self, entry: str) -> str:
        """A note on the current item (while the meeting runs or is paused)."""
        return self._add(self.notes(), entry, "note")

    def add_decision(self, entry: str) -> str:
        """A decision on the current item (while the meeting runs or is paused)."""
        return self._add(self.decisions(), entry, "decision")

    def add_parking(self, entry: str) -> str:
        """An off-topic point for later, at any time."""
        entry = _entry(entry, "parking-lot entry")
        self.parking_lot.append(entry)
        return entry

    def _add(self, where: list[str], entry: str, what: str) -> str:
        self._require(TimerState.RUNNING, TimerState.PAUSED)
        entry = _entry(entry, what)
        where.append(entry)
        self.touch()
        return entry

    def set_roles(self, facilitator: str, scribe: str, owner: str, attendees: list[str]) -> None:
        """Set the roles and the attendees (blank names dropped, order kept)."""
        self.facilitator, self.scribe, self.owner = (
            facilitator.strip(),
            scribe.strip(),
            owner.strip(),
        )
        self.attendees = [name.strip() for name in attendees if name.strip()]

    def safe_topic(self) -> str:
        """What the safe word files in the parking lot: the current item and its latest
        note (the topic the room was on), or the item alone."""
        notes = self.notes()
        return f"{self.name}: {notes[-1]}" if notes else self.name

    def safe_word(self) -> str:
        """ "Enough, let's move on": file the current topic in the parking lot (once,
        however often the key is pressed) and return it."""
        self._require(TimerState.RUNNING, TimerState.PAUSED)
        topic = self.safe_topic()
        if not self.parking_lot or self.parking_lot[-1] != topic:
            self.parking_lot.append(topic)
        self.touch()
        return topic


def _entry(entry: str, what: str) -> str:
    entry = entry.strip()
    if not entry:
        raise MeetingStateError(f"An empty {what} is not saved; type it first.")
    return entry
