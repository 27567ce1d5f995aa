"""Write an SVG of every pmtui screen at 100x32 into ``screenshots/``.

Run: ``.venv/bin/python scripts/screenshots.py``

Realistic content, a fixed "today" and a temporary data folder (never the real
home). Also writes meeting mode's screenshots (scripts/screenshots_meeting.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 32)
TODAY = dt.date(2024, 3, 8)


def _seed() -> Path:
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


async def _shoot(out: Path) -> list[Path]:
    from textual.widgets import Input, TextArea

    from pmtui.tui.app import PmtuiApp
    from pmtui.tui.screens.wizard import WizardScreen

    written: list[Path] = []

    def app(**kwargs: object) -> PmtuiApp:
        return PmtuiApp(today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]

    async def save(pilot, name: str) -> None:  # noqa: ANN001
        await pilot.pause(0.4)
        pilot.app.clear_notifications()
        await pilot.pause(0.1)
        written.append(Path(pilot.app.save_screenshot(filename=name, path=str(out))))

    # Home, empty: what pmtui is and how to start.
    async with app().run_test(size=SIZE) as pilot:
        await save(pilot, "home-empty.svg")

    main = _seed()
    async with app().run_test(size=SIZE) as pilot:
        await save(pilot, "home.svg")

    # Each wizard step on the complete post-mortem, with a warning where useful.
    steps = ("facts", "timeline", "whys", "gaps", "actions", "learnings", "review")
    for number, step in enumerate(steps, start=1):
        async with app(open_path=main).run_test(size=SIZE) as pilot:
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
                screen.query_one("#event-2", Input).focus()
            await save(pilot, f"step-{number}-{step}.svg")
    return written


def screenshots(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(tmp) / var.lower())
        written = asyncio.run(_shoot(out))
    from scripts.screenshots_meeting import meeting_screenshots

    return written + meeting_screenshots(out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for path in screenshots(ROOT / "screenshots"):
        print(path.relative_to(ROOT))
