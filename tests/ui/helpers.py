"""Shared Pilot helpers."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from pmtui.tui.screens.home import HomeScreen
from pmtui.tui.screens.wizard import WizardScreen


async def settle(pilot: Pilot, delay: float = 0.05) -> None:
    await pilot.pause(delay)


def wizard(app: object) -> WizardScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, WizardScreen), f"expected the wizard, got {screen!r}"
    return screen


async def type_text(pilot: Pilot, text: str) -> None:
    """Type into the focused field: all but the last keys are inserted at once
    (Pilot presses cost ~60 ms each), the last three are real key presses."""
    await pilot.pause()  # let a focus() just called take effect
    widget = pilot.app.screen.focused
    head, tail = text[:-3], text[-3:]
    if isinstance(widget, Input):
        widget.insert_text_at_cursor(head)
    elif isinstance(widget, TextArea):
        widget.insert(head)
    else:
        tail = text
    await pilot.press(*tail)


async def save_and_read(pilot: Pilot) -> str:
    await pilot.press("ctrl+s")
    await settle(pilot)
    return wizard(pilot.app).session.path.read_text(encoding="utf-8")


async def until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 5) -> None:
    """Wait (polling) until ``condition()`` holds, e.g. a list loaded in a thread."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def home_loaded(pilot: Pilot) -> HomeScreen:
    screen = pilot.app.screen
    assert isinstance(screen, HomeScreen)
    await until(pilot, lambda: screen.loaded)
    return screen


async def run_palette(pilot: Pilot, command: str) -> None:
    """Open the command palette, type ``command`` and run the best hit."""
    await pilot.press("ctrl+p")
    await settle(pilot, 0.1)
    await pilot.press(*command)
    await settle(pilot, 0.3)
    await pilot.press("enter")
    await settle(pilot, 0.2)
