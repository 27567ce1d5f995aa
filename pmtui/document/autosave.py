"""When to autosave: pure timing logic with an injected monotonic clock.

Every change must reach the file within ``max_delay`` seconds of the keystroke
that made it, so a ``kill -9`` loses at most that much. A save happens once the
document has been quiet for ``idle_delay`` seconds, or at the latest
``max_delay`` after the first unsaved change (so non-stop typing still saves).
The UI polls ``due()`` from a timer; this module never imports Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]

#: Save after this much quiet time...
IDLE_DELAY = 0.5
#: ...or at most this long after the first unsaved change.
MAX_DELAY = 1.5
#: How often the UI asks ``due()``; MAX_DELAY + POLL_INTERVAL stays under 2 s.
POLL_INTERVAL = 0.25


class Autosaver:
    """Tracks unsaved changes and says when a save is due."""

    def __init__(
        self,
        clock: Clock = time.monotonic,
        *,
        idle_delay: float = IDLE_DELAY,
        max_delay: float = MAX_DELAY,
    ) -> None:
        self.clock = clock
        self.idle_delay = idle_delay
        self.max_delay = max_delay
        self._first_change: float | None = None
        self._last_change: float | None = None

    @property
    def dirty(self) -> bool:
        """True while there are changes not yet saved."""
        return self._first_change is not None

    def changed(self) -> None:
        """Record a change made now."""
        now = self.clock()
        if self._first_change is None:
            self._first_change = now
        self._last_change = now

    def due(self) -> bool:
        """True when unsaved changes should be written now."""
        if self._first_change is None or self._last_change is None:
            return False
        now = self.clock()
        return (
            now - self._last_change >= self.idle_delay or now - self._first_change >= self.max_delay
        )

    def saved(self) -> None:
        """Record that everything changed so far is on disk."""
        self._first_change = None
        self._last_change = None
