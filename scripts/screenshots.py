"""Write an SVG of every pmtui screen at 100x32 into ``screenshots/``.

Run: ``.venv/bin/python scripts/screenshots.py``

The screens are the snapshot tests' states (``tests/snapshots/states.py``): the same
content, a fixed "today" and fixed temporary data folders (never the real home). Also
writes meeting mode's screenshots (scripts/screenshots_meeting.py).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 32)


async def _shoot(out: Path) -> list[Path]:
    from tests.snapshots.states import STATES, app_for, fixed_folders_held

    written: list[Path] = []
    with fixed_folders_held():
        for name, state in STATES.items():
            app = app_for(state)
            async with app.run_test(size=SIZE) as pilot:
                await state.run_before(pilot)
                written.append(Path(app.save_screenshot(filename=f"{name}.svg", path=str(out))))
            # A save thread may still be finishing: let it, before the next state empties
            # the folders it writes to.
            for thread in threading.enumerate():
                if thread is not threading.current_thread() and not thread.daemon:
                    thread.join(timeout=10)
    return written


def screenshots(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = asyncio.run(_shoot(out))
    from scripts.screenshots_meeting import meeting_screenshots

    return written + meeting_screenshots(out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for path in screenshots(ROOT / "screenshots"):
        print(path.relative_to(ROOT))
