"""Screenshots of meeting mode (default and projector theme) into ``screenshots/``.

Run: ``.venv/bin/python scripts/screenshots_meeting.py`` (or call
``meeting_screenshots(folder)`` from scripts/screenshots.py). The clock is a
fake one, so the figures on screen are the same on every run; data goes to a
temporary folder, never to the real home.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A laptop's terminal on the room's screen; a big projector terminal (the sizes the
#: snapshot tests cover, with 80x24).
SIZE = (120, 36)
PROJECTOR_SIZE = (200, 55)


async def _shoot(out: Path, work: Path) -> list[Path]:
    from pmtui.meeting.clock import FakeClock
    from pmtui.tui.app import PmtuiApp
    from pmtui.tui.screens import meeting as meeting_screen
    from tests.meeting.sample import sample_doc, write_sample

    written: list[Path] = []
    fake = FakeClock()
    real_clock = meeting_screen.SystemClock
    meeting_screen.SystemClock = lambda: fake  # type: ignore[assignment,misc]
    try:
        # 1. The ground rules and the agenda, before the clock starts (default theme).
        path = write_sample(work / "checkout.md")
        app = PmtuiApp(open_path=path, meeting=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.5)
            written.append(Path(app.save_screenshot(filename="meeting-rules.svg", path=str(out))))

        # 2. Five Whys with a blameful answer being discussed (default theme).
        doc = sample_doc()
        doc.five_whys[1] = "Who caused this? It was human error by the on-call engineer."
        path = write_sample(work / "whys.md", doc)
        app = PmtuiApp(open_path=path, meeting=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            await pilot.press("f5")
            fake.advance(4 * 60 + 40)
            await pilot.press("f8")
            fake.advance(9 * 60 + 12)
            await pilot.pause(0.8)
            written.append(Path(app.save_screenshot(filename="meeting.svg", path=str(out))))

        # 3. Projector theme, an item running over time.
        path = write_sample(work / "projector.md")
        app = PmtuiApp(open_path=path, meeting=True)
        app.theme = "projector"
        async with app.run_test(size=PROJECTOR_SIZE) as pilot:
            await pilot.pause(0.3)
            await pilot.press("f5")
            for _ in range(2):
                await pilot.press("f8")
            fake.advance(10 * 60 + 47)
            await pilot.pause(0.8)
            app.clear_notifications()
            await pilot.pause(0.2)
            written.append(
                Path(app.save_screenshot(filename="meeting-projector.svg", path=str(out)))
            )

        # 4. A remote attendee's follower view of the meeting of picture 2.
        app = PmtuiApp(open_path=work / "whys.md", follow=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.8)
            written.append(Path(app.save_screenshot(filename="meeting-follow.svg", path=str(out))))
    finally:
        meeting_screen.SystemClock = real_clock  # type: ignore[misc]
    return written


def meeting_screenshots(out: Path) -> list[Path]:
    """Write the meeting-mode SVGs into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(tmp) / var.lower())
        return asyncio.run(_shoot(out, Path(tmp) / "work"))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for written in meeting_screenshots(ROOT / "screenshots"):
        print(written.relative_to(ROOT))
