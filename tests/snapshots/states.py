"""The screen states the snapshot tests compare and the README's screenshots show: one
definition for both (``scripts/screenshots.py`` writes them at 100x32).

Each state is an app and a ``run_before`` that brings it to the state. Everything that
varies between runs is fixed: "today", the data folders (a fixed path, so the empty
Home's folder reads the same), the cursor blink, notifications.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

TODAY = dt.date(2024, 3, 8)
#: Fixed folders: what a screen shows of them must not change from run to run.
ROOT = Path("/tmp/pmtui-screens")
STEPS = ("facts", "timeline", "whys", "gaps", "actions", "learnings", "review")

RunBefore = Callable[[Pilot[None]], Awaitable[None]]


@contextlib.contextmanager
def fixed_folders_held() -> Iterator[None]:
    """Hold :data:`ROOT` for this process alone (xdist workers and other checkouts on the
    machine use the same fixed path): an OS lock, released when the block ends."""
    with open(f"{ROOT}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def use_fixed_folders() -> None:
    """Point every XDG folder at :data:`ROOT`, emptied."""
    shutil.rmtree(ROOT, ignore_errors=True)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(ROOT / var.lower())


def seed() -> Path:
    """Three post-mortems in the drafts folder; returns the complete one."""
    from pmtui import paths
    from pmtui.document.model import GapType, Postmortem, ProcessGap, Severity, TimelineEntry
    from pmtui.document.storage import save
    from tests.ui.conftest import full_doc

    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    main = folder / "2024-03-07-checkout-outage-after-config-push.md"
    save(full_doc(), main)
    save(
        Postmortem(
            title="Build runners out of disk",
            date=dt.date(2024, 2, 19),
            severity=Severity.SEV3,
            summary="Builds failed for 40 minutes; someone forgot to clean the cache.",
            timeline=[TimelineEntry(time="09:12", event="First build failure")],
            gaps=[ProcessGap(text="No disk usage alert", type=GapType.DETECTION)],
        ),
        folder / "2024-02-19-build-runners-out-of-disk.md",
    )
    save(
        Postmortem(
            title="Login latency spike in eu-west",
            date=dt.date(2024, 1, 30),
            severity=Severity.SEV2,
            duration="25 minutes",
            author="Priya N.",
            summary="A cache node restart doubled login latency for 25 minutes.",
        ),
        folder / "2024-01-30-login-latency-spike-in-eu-west.md",
    )
    return main


async def settle(pilot: Pilot[None]) -> None:
    """Let workers and timers finish, stop cursors blinking, clear notifications."""
    from pmtui.tui.screens.home import HomeScreen

    await pilot.pause(0.3)
    screen = pilot.app.screen
    if isinstance(screen, HomeScreen):
        for _ in range(100):
            if screen.loaded:
                break
            await pilot.pause(0.05)
    # A blinking cursor makes a snapshot depend on the moment it is taken. Stopping the
    # blink shows the cursor, but TextArea (Textual 8.2.8) keys its line cache on the
    # cursor only while it blinks, so a line cached in the blink's "off" phase would be
    # drawn again without the cursor: the cache is cleared so every focused field shows
    # its cursor, every time.
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
        if isinstance(widget, TextArea):
            widget._line_cache.clear()
        widget.refresh()
    focused = pilot.app.screen.focused
    if focused is not None:
        focused.scroll_visible(animate=False, immediate=True)
    pilot.app.clear_notifications()
    await pilot.pause(0.2)


@dataclass(frozen=True)
class State:
    """One screen to compare: the app to start and how to get it there."""

    name: str
    seeded: bool
    open_main: bool
    run_before: RunBefore


def _step(step: str) -> RunBefore:
    async def run_before(pilot: Pilot[None]) -> None:
        from pmtui.tui.screens.wizard import WizardScreen

        await pilot.pause(0.3)
        screen = pilot.app.screen
        assert isinstance(screen, WizardScreen)
        screen.show_step(step)
        await pilot.pause(0.2)
        if step == "facts":
            summary = screen.query_one("#summary", TextArea)
            summary.focus()
            summary.move_cursor(summary.document.end)
            await pilot.pause(0.1)
            summary.insert(" This was human error.")
        elif step == "whys":
            why = screen.query_one("#why-2", TextArea)
            why.focus()
            why.move_cursor(why.document.end)
            await pilot.pause(0.1)
            why.insert(" Who caused this? Sam forgot to check.")
        elif step == "actions":
            await pilot.press("alt+n")
            await pilot.pause(0.2)
            await pilot.press(*"Be more careful with config")
        elif step == "timeline":
            screen.query_one("#rows").focus()
            await pilot.press("down", "down")
            await pilot.press("enter", "tab")
        await settle(pilot)

    return run_before


def _keys(*keys: str) -> RunBefore:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


STATES: dict[str, State] = {
    "home-empty": State("home-empty", False, False, _keys()),
    "home": State("home", True, False, _keys()),
    **{
        f"step-{n}-{step}": State(f"step-{n}-{step}", True, True, _step(step))
        for n, step in enumerate(STEPS, start=1)
    },
    "actions-screen": State("actions-screen", True, False, _keys("ctrl+t")),
    "insights-screen": State("insights-screen", True, False, _keys("ctrl+r")),
}


def _meeting(item: int, seconds: float) -> RunBefore:
    """Meeting mode on the complete post-mortem: started, at agenda ``item`` (0-based),
    ``seconds`` into it, on a clock that only moves when told to."""

    async def run_before(pilot: Pilot[None]) -> None:
        from pmtui.meeting.clock import FakeClock
        from pmtui.tui.screens.meeting import MeetingScreen

        await pilot.pause(0.3)
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        fake = FakeClock()
        screen.clock = screen.timer.clock = fake
        await pilot.press("f5", *["f8"] * item)
        fake.advance(seconds)
        await pilot.pause(0.4)  # the redraw interval
        await settle(pilot)

    return run_before


#: Meeting mode, compared at 80x24, 120x36 and 200x55 in the default and projector themes.
MEETING_STATES: dict[str, State] = {
    "meeting-whys": State("meeting-whys", True, True, _meeting(1, 40)),
    "meeting-overtime": State("meeting-overtime", True, True, _meeting(0, 310)),
}


def app_for(state: State, *, theme: str | None = None):  # noqa: ANN201 - a PmtuiApp
    """A fresh app for ``state``, in freshly emptied fixed folders."""
    use_fixed_folders()
    main = seed() if state.seeded else None
    from pmtui.tui.app import PmtuiApp

    meeting = state.name.startswith("meeting")
    app = PmtuiApp(
        today=lambda: TODAY,
        open_path=main if state.open_main else None,
        meeting=meeting,
        theme=theme,
    )
    app.animation_level = "none"  # scrolling jumps: the same frame whatever the timing
    return app
