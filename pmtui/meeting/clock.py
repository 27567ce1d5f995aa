"""Where meeting mode gets its time from.

The timer never counts ticks: it asks a clock how much time has passed. The app
uses :class:`SystemClock`; tests drive a :class:`FakeClock` by hand.

Two readings are needed: a *monotonic* one for elapsed time (it never jumps
when the wall clock is changed, and on Linux and macOS it does not advance while
the machine sleeps, so a closed laptop does not inflate an agenda item), and a
*wall-clock* one (UTC) for the ``started_at``/``ended_at`` stamps in the record.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    """A source of time for the meeting timer."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def now(self) -> dt.datetime:
        """The current wall-clock time, timezone-aware UTC."""
        ...


class SystemClock:
    """The real clock: :func:`time.monotonic` and the system's UTC time."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)


class FakeClock:
    """A clock that only moves when told to, for tests."""

    def __init__(
        self,
        start: dt.datetime = dt.datetime(2026, 1, 15, 14, 0, tzinfo=dt.UTC),
        monotonic: float = 1000.0,
    ) -> None:
        self._wall = start
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass on both readings."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._mono += seconds
        self._wall += dt.timedelta(seconds=seconds)
