"""Keys typed before an action that moves focus or rebinds a field land where they were
typed.

The app forwards each key to the widget focused at that moment, into that widget's queue.
An action bound at the app level (alt+n: add a row; ctrl+n: next step) runs as soon as
the app reads its key, possibly before the focused field has handled the keys forwarded
just before it. A field that then shows another row (or loses focus) would take those
keys to the wrong place. :func:`drain` waits until the focused widget has handled
everything already sent to it; actions that move focus or rebind a field call it first.
While the app awaits it, later keys wait in the app's queue, so they go to wherever the
action puts the focus.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from textual.screen import Screen

#: Longest wait for a widget to catch up (a stuck widget must not hang the app).
DRAIN_TIMEOUT = 0.5


async def drain(screen: Screen[Any]) -> None:
    """Wait until the focused widget has handled the events already queued for it."""
    widget = screen.focused
    if widget is None or not widget.is_running:
        return
    done = asyncio.Event()
    if widget.call_later(done.set):
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(done.wait(), DRAIN_TIMEOUT)
