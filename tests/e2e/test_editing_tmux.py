"""No keystroke is lost or misplaced in a real terminal (tmux), whatever the timing.

For the timeline, process gaps and action items: add a row with alt+n and type at once
(0 ms), after 50 ms and after 150 ms; move a row with alt+up and delete one with alt+d and
keep typing straight after; send 20 backspaces and text in one burst. A model of what was
typed is kept alongside; the saved file must equal it, character for character. The
terminal is real: keys go through tmux, the terminal parser and Textual's key routing.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

DELAYS = (0.0, 0.05, 0.15)
#: Rows added per delay and step (3 steps x 3 delays x 6 = 54 add-and-type trials, plus
#: 5 moves, 5 deletes and 4 bursts).
ROUNDS = 6


@dataclass
class Rows:
    """A list step as the user sees it: its rows and the current one."""

    rows: list[list[str]] = field(default_factory=list)
    current: int = -1

    def add(self, row: list[str]) -> None:  # alt+n: after the current row
        self.current += 1
        self.rows.insert(self.current, row)

    def up(self) -> None:  # alt+up
        if self.current > 0:
            i = self.current
            self.rows[i - 1], self.rows[i] = self.rows[i], self.rows[i - 1]
            self.current -= 1

    def delete(self) -> None:  # alt+d: the row that takes its place, else the one before
        del self.rows[self.current]
        self.current = min(self.current, len(self.rows) - 1)


def _saved() -> Path:
    [path] = paths.drafts_dir().glob("*.md")
    return path


def _add_timeline_row(tmux: Tmux, timeline: Rows, n: int, delay: float) -> None:
    tmux.keys("M-n")
    if delay:
        time.sleep(delay)
    hhmm = f"1{n // 60 % 10}:{n % 60:02d}"
    event = f"event {n} after {int(delay * 1000)} ms"
    tmux.type(hhmm)  # the new row's time is selected: typing replaces it
    tmux.keys("Tab")
    tmux.type(event)
    timeline.add([hhmm, event])


def test_every_keystroke_lands_in_its_field(isolated_dirs: Path) -> None:
    tmux = Tmux(f"pmtui-edit-{os.getpid()}", "edit")
    tmux.start("new", "--title", "Typing test", size=(100, 32))
    timeline, gaps, actions = Rows(), Rows(), Rows()
    trials = 0
    try:
        tmux.wait_for("Incident title", timeout=30)
        tmux.keys("C-n")
        tmux.wait_for("Timeline (UTC)")
        n = 0
        for delay in DELAYS:
            for _ in range(ROUNDS):
                _add_timeline_row(tmux, timeline, n, delay)
                n, trials = n + 1, trials + 1
        # Move the row up and keep typing at once: the text follows the row.
        for _ in range(5):
            tmux.keys("M-Up")
            tmux.type(" moved")
            timeline.up()
            timeline.rows[timeline.current][1] += " moved"
            trials += 1
        # Add, delete it, keep typing at once: the text goes to the row now shown.
        for _ in range(5):
            _add_timeline_row(tmux, timeline, n, 0.0)
            tmux.keys("M-d")
            tmux.type("+")
            timeline.delete()
            timeline.rows[timeline.current][1] += "+"
            n, trials = n + 1, trials + 1
        # 20 backspaces then text, in one burst.
        for k in range(4):
            tmux.run("send-keys", "-t", tmux.session, "-l", "\x7f" * 20 + f"burst{k}")
            row = timeline.rows[timeline.current]
            row[1] = row[1][:-20] + f"burst{k}"
            trials += 1

        tmux.keys("C-n")  # Five Whys
        tmux.wait_for("3 · Five Whys")
        tmux.keys("C-n")  # Process gaps
        tmux.wait_for("4 · Process gaps")
        for delay in DELAYS:
            for _ in range(ROUNDS):
                tmux.keys("M-n")
                if delay:
                    time.sleep(delay)
                text = f"gap {n} after {int(delay * 1000)} ms"
                tmux.type(text)
                gaps.add([text])
                n, trials = n + 1, trials + 1

        tmux.keys("C-n")  # Action items
        tmux.wait_for("5 · Action items")
        for delay in DELAYS:
            for _ in range(ROUNDS):
                tmux.keys("M-n")
                if delay:
                    time.sleep(delay)
                action = f"Add check {n} after {int(delay * 1000)} ms"
                tmux.type(action)
                tmux.keys("Tab")
                tmux.type(f"@team{n}")
                actions.add([action, f"@team{n}"])
                n, trials = n + 1, trials + 1
        last = actions.rows[-1][1]
        tmux.wait_for(lambda screen: last in screen)
        tmux.keys("C-q")
        assert tmux.wait_exit(), "pmtui did not quit"
    finally:
        tmux.run("kill-server", check=False)

    doc = storage.load(_saved())
    assert trials >= 60
    assert [[r.time, r.event] for r in doc.timeline] == timeline.rows
    assert [[g.text] for g in doc.gaps] == gaps.rows
    assert [[a.action, a.owner] for a in doc.action_items] == actions.rows
