"""Editing at incident sizes: does a 1,000-row timeline cost what a 10-row one does?

1. Open to first screen (target: ratio <= 1.5). In subprocesses, median of several runs,
   from spawning the interpreter to the wizard's Timeline step being on screen: a
   post-mortem with 1,000 timeline rows and 200 action items against one with 10 rows.
2. Step switching: Facts -> Timeline -> Action items -> Review and back, in-process, the
   same two documents (ratio).
3. Keystroke to screen in the 1,000-row timeline (target: p99 <= 50 ms, headless): from
   a key reaching the app (as the terminal driver sends it) to the field and the table
   showing it and the screen having repainted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
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

OPEN = """
import sys, time
from pmtui.tui.app import PmtuiApp
from pathlib import Path

async def shown(pilot):
    from pmtui.tui.widgets.steps import TimelinePane
    while True:
        screen = pilot.app.screen
        if screen.__class__.__name__ == "WizardScreen":
            pane = screen.query_one(TimelinePane)
            if pane.is_mounted and pane.display and pane.query_one("#rows").size.height:
                break
        await pilot.pause(0.001)
    await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()

PmtuiApp(open_path=Path(sys.argv[1])).run(headless=True, size=(100, 32), auto_pilot=shown)
"""


def write_doc(path: Path, rows: int, actions: int) -> Path:
    from pmtui.document.model import ActionItem, Postmortem, TimelineEntry
    from pmtui.document.storage import save

    doc = Postmortem(
        title=f"Incident with {rows} timeline rows",
        date=dt.date(2024, 3, 7),
        summary="A config push disabled the payment provider; checkout failed.",
        timeline=[
            TimelineEntry(
                time=f"2024-03-{7 + i // 1440:02d} {i // 60 % 24:02d}:{i % 60:02d}",
                event=f"Responder {i % 7} posted an update on the pool: event number {i}",
            )
            for i in range(rows)
        ],
        action_items=[
            ActionItem(action=f"Add a check for case {i}", owner="@ops", due=dt.date(2099, 1, 1))
            for i in range(actions)
        ],
        wizard_step="timeline",
    )
    save(doc, path)
    return path


def _spawn(path: Path, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", OPEN, str(path)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.split()[-1]) - start


def open_times(small: Path, large: Path, env: dict[str, str]) -> tuple[float, float]:
    _spawn(small, env), _spawn(large, env)  # warm caches
    smalls, larges = [], []
    for _ in range(RUNS):
        smalls.append(_spawn(small, env))
        larges.append(_spawn(large, env))
    return statistics.median(smalls), statistics.median(larges)


async def _switching(path: Path) -> float:
    from pmtui.tui.app import PmtuiApp

    app = PmtuiApp(open_path=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        total = 0.0
        for _ in range(5):
            for step in ("facts", "timeline", "actions", "review", "timeline"):
                start = time.perf_counter()
                screen.show_step(step)  # type: ignore[attr-defined]
                await pilot.pause()
                total += time.perf_counter() - start
        return total / 25


async def _keystrokes(path: Path) -> list[float]:
    from textual import events
    from textual.widgets import Input

    from pmtui.tui.app import PmtuiApp
    from pmtui.tui.widgets.steps import TimelinePane

    app = PmtuiApp(open_path=path)
    results: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        pane = screen.query_one(TimelinePane)
        pane.show_current(500)
        field = pane.query_one("#event", Input)
        screen.set_focus(field)
        field.cursor_position = len(field.value)
        await pilot.pause(0.1)
        driver = app._driver
        assert driver is not None

        async def repainted(done) -> None:  # noqa: ANN001
            deadline = time.perf_counter() + 2
            while not (done() and not screen._dirty_widgets):
                if time.perf_counter() > deadline:
                    raise RuntimeError("the key never reached the screen")
                await asyncio.sleep(0.0002)

        for i in range(SAMPLES):
            char = "xyz"[i % 3]
            key = events.Key(char, char)
            key.set_sender(app)
            before = len(field.value)
            start = time.perf_counter()
            driver.send_message(key)
            await repainted(lambda n=before + 1: len(field.value) == n)
            results.append(time.perf_counter() - start)
            await asyncio.sleep(0.01)
    return results


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/cfg"}
        os.environ.update(
            XDG_DATA_HOME=env["XDG_DATA_HOME"], XDG_CONFIG_HOME=env["XDG_CONFIG_HOME"]
        )
        small = write_doc(Path(tmp) / "small.md", 10, 2)
        large = write_doc(Path(tmp) / "large.md", 1000, 200)
        s, big = open_times(small, large, env)
        print(
            f"open to first screen (median of {RUNS}, spawn to Timeline shown): "
            f"10 rows {s * 1000:.0f} ms, 1,000 rows + 200 actions {big * 1000:.0f} ms, "
            f"ratio {big / s:.2f} (target <= 1.5)"
        )
        s_switch = asyncio.run(_switching(small))
        l_switch = asyncio.run(_switching(large))
        print(
            f"step switch (mean of 25): 10 rows {s_switch * 1000:.1f} ms, "
            f"1,000 rows {l_switch * 1000:.1f} ms, ratio {l_switch / s_switch:.2f}"
        )
        samples = asyncio.run(_keystrokes(large))
        print(
            f"keystroke to screen in the 1,000-row timeline ({len(samples)} keys, headless): "
            f"p50 {_pct(samples, 50) * 1000:.1f} ms, p99 {_pct(samples, 99) * 1000:.1f} ms "
            f"(target p99 <= 50 ms)"
        )


if __name__ == "__main__":
    main()
