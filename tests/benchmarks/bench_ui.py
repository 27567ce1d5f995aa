"""UI speed: start-up against a bare Textual app, and keystroke-to-warning latency.

1. Start-up (target: ratio <= 1.3). In subprocesses, median of several runs,
   from spawning the interpreter to the first screen (the child prints the wall
   clock when its first screen is up; interpreter start-up and imports count,
   shutdown does not): pmtui up to its first screen (Home; the folder of three saved
   post-mortems is read in a thread once the screen is up) against a bare
   Textual app showing one label, both headless. Also printed: the time until
   the list itself is shown.
2. Keystroke to warning (target: p99 <= 50 ms, headless). A 2 KB Summary field;
   one key completes a blameful phrase; time from the key reaching the app (as
   the terminal driver sends it) to the warning panel showing the finding. This
   includes the debounce (pmtui.tui.widgets.steps.base.BLAME_DEBOUNCE).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
SAMPLES = 200
ROOT = Path(__file__).resolve().parents[2]

BARE = """
import time
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("pmtui")

async def first_screen(pilot):
    await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()

Bare().run(headless=True, auto_pilot=first_screen)
"""

PMTUI = """
import time
from pmtui.tui.app import PmtuiApp

async def first_screen(pilot):
    await pilot.pause()
    assert pilot.app.screen.__class__.__name__ == "HomeScreen"
    print(time.time(), flush=True)
    pilot.app.exit()

PmtuiApp().run(headless=True, auto_pilot=first_screen)
"""

PMTUI_LIST = """
import asyncio, time
from pmtui.tui.app import PmtuiApp

async def list_shown(pilot):
    while not getattr(pilot.app.screen, "loaded", False):
        await asyncio.sleep(0.002)
    assert len(pilot.app.screen.shown) == 3
    await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()

PmtuiApp().run(headless=True, auto_pilot=list_shown)
"""


def _time(code: str, env: dict[str, str]) -> float:
    """Seconds from spawning the interpreter to the child's "first screen" print
    (wall clock on both sides; the child's shutdown is not counted)."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, cwd=ROOT, capture_output=True, text=True
    )
    return float(out.stdout.split()[-1]) - start


def startup() -> tuple[float, float, float]:
    """Median seconds: the bare app, pmtui's first screen, pmtui's list shown."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/cfg"}
        seed = (
            "import os, sys; sys.path.insert(0, os.getcwd())\n"
            "from tests.snapshots.states import seed\nseed()\n"
        )
        subprocess.run([sys.executable, "-c", seed], check=True, env=env, cwd=ROOT)
        _time(BARE, env), _time(PMTUI, env)  # warm the .pyc and disk caches
        bare: list[float] = []
        pmtui: list[float] = []
        listed: list[float] = []
        for _ in range(RUNS):
            bare.append(_time(BARE, env))
            pmtui.append(_time(PMTUI, env))
            listed.append(_time(PMTUI_LIST, env))
    return statistics.median(bare), statistics.median(pmtui), statistics.median(listed)


async def _latency() -> list[float]:
    from textual import events
    from textual.widgets import TextArea

    from pmtui.tui.app import PmtuiApp
    from pmtui.tui.widgets.warning_panel import WarningPanel

    sentence = "The deploy pipeline pushed the new config to every region at once. "
    base = (sentence * (2048 // len(sentence) + 1))[:2000] + " This was human erro"
    app = PmtuiApp(new_title="Latency")
    results: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        area = screen.query_one("#summary", TextArea)
        area.focus()
        area.text = base
        area.move_cursor(area.document.end)
        panel = screen.query_one(WarningPanel)
        driver = app._driver
        assert driver is not None

        async def until(done) -> None:  # noqa: ANN001
            deadline = time.perf_counter() + 2
            while not done():
                if time.perf_counter() > deadline:
                    raise RuntimeError("the warning never appeared")
                await asyncio.sleep(0.0005)

        for _ in range(SAMPLES):
            key = events.Key("r", "r")
            key.set_sender(app)
            start = time.perf_counter()
            driver.send_message(key)
            await until(lambda: panel.field == "summary" and bool(panel.findings))
            results.append(time.perf_counter() - start)
            back = events.Key("backspace", None)
            back.set_sender(app)
            driver.send_message(back)
            await until(lambda: panel.field == "summary" and not panel.findings)
            await asyncio.sleep(0.02)
    return results


def latency() -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = f"{tmp}/data"
        os.environ["XDG_CONFIG_HOME"] = f"{tmp}/cfg"
        return asyncio.run(_latency())


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    bare, pmtui, listed = startup()
    print(
        f"start-up to first screen (median of {RUNS}, spawn to screen): "
        f"bare Textual {bare * 1000:.0f} ms, pmtui {pmtui * 1000:.0f} ms, "
        f"ratio {pmtui / bare:.2f} (target <= 1.3)"
    )
    print(
        f"  until the home list (3 post-mortems) is shown: {listed * 1000:.0f} ms, "
        f"ratio {listed / bare:.2f}"
    )
    samples = latency()
    print(
        f"keystroke to warning in a 2 KB field ({len(samples)} keys, headless): "
        f"p50 {_pct(samples, 50) * 1000:.1f} ms, p99 {_pct(samples, 99) * 1000:.1f} ms "
        f"(target p99 <= 50 ms)"
    )


if __name__ == "__main__":
    main()
