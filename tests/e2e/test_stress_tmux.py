"""300 random edits at human and machine pace, in a real terminal: the file ends up equal
to a model of what was typed.

Edits are spread over steps (facts, Five Whys, timeline, gaps, actions, learnings):
typing, backspace bursts, switching steps, adding, moving, deleting rows and moving
between rows, with a random pause of 0-600 ms before each (seeded, so a failure can be
replayed). The model knows where each key should land: the step's first field when a step
is shown, the new row's first field after alt+n (its value selected, so typing replaces
it), the same column after moves, deletes and up/down.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

EDITS = 300
SEED = int(os.environ.get("PMTUI_STRESS_SEED", "20261202"))
#: The wizard's steps in order (Review, last, is left out).
STEPS = ("facts", "timeline", "whys", "gaps", "actions", "learnings")
LIST_STEPS = {"timeline": 2, "gaps": 1, "actions": 1, "learnings": 1}  # columns used
WORDS = [
    "alert",
    "pool",
    "config",
    "cache",
    "replica",
    "node",
    "drain",
    "canary",
    "queue",
    "rollback",
]


@dataclass
class ListModel:
    rows: list[list[str]] = field(default_factory=list)
    current: int = -1
    column: int = 0


@dataclass
class Model:
    step: str = "facts"
    title: str = "Stress test"
    why1: str = ""
    lists: dict[str, ListModel] = field(
        default_factory=lambda: {name: ListModel() for name in LIST_STEPS}
    )

    def shown(self, step: str) -> None:
        self.step = step
        if step in self.lists:
            self.lists[step].column = 0

    # The text in the focused field, for typing and backspace.
    def get(self) -> str | None:
        if self.step == "facts":
            return self.title
        if self.step == "whys":
            return self.why1
        rows = self.lists[self.step]
        if rows.current < 0:
            return None
        return rows.rows[rows.current][rows.column]

    def put(self, text: str) -> None:
        if self.step == "facts":
            self.title = text
        elif self.step == "whys":
            self.why1 = text
        else:
            rows = self.lists[self.step]
            rows.rows[rows.current][rows.column] = text


def _time(n: int) -> str:
    return f"{10 + n // 60 % 10:02d}:{n % 60:02d}"


def test_random_edits_at_random_pace_are_all_saved(isolated_dirs: Path) -> None:
    rng = random.Random(SEED)
    tmux = Tmux(f"pmtui-stress-{os.getpid()}", "stress")
    tmux.start("new", "--title", "Stress test", size=(110, 34))
    model = Model()
    counter = 0
    try:
        tmux.wait_for("Incident title", timeout=30)
        tmux.keys("End")
        for _ in range(EDITS):
            time.sleep(rng.uniform(0, 0.6))
            step = model.step
            rows = model.lists.get(step)
            choice = rng.random()
            if choice < 0.12:  # switch step
                index = STEPS.index(step)
                delta = rng.choice((-1, 1))
                if not 0 <= index + delta < len(STEPS):
                    delta = -delta
                tmux.keys("C-n" if delta > 0 else "C-b")
                model.shown(STEPS[index + delta])
            elif rows is not None and (rows.current < 0 or choice < 0.30):  # add a row
                counter += 1
                tmux.keys("M-n")
                rows.current += 1
                if step == "timeline":
                    rows.rows.insert(rows.current, [_time(counter), ""])
                    tmux.type(_time(counter))
                    tmux.keys("Tab")
                    rows.column = 1
                else:
                    word = f"{rng.choice(WORDS)}{counter}"
                    rows.rows.insert(rows.current, [word])
                    tmux.type(word)
                    rows.column = 0
            elif rows is not None and choice < 0.38 and len(rows.rows) > 1:  # up/down row
                delta = rng.choice((-1, 1))
                tmux.keys("Up" if delta < 0 else "Down")
                rows.current = max(0, min(rows.current + delta, len(rows.rows) - 1))
            elif rows is not None and choice < 0.45 and rows.current > 0:  # move row up
                tmux.keys("M-Up")
                i = rows.current
                rows.rows[i - 1], rows.rows[i] = rows.rows[i], rows.rows[i - 1]
                rows.current -= 1
            elif rows is not None and choice < 0.50 and len(rows.rows) > 1:  # delete
                tmux.keys("M-d")
                del rows.rows[rows.current]
                rows.current = min(rows.current, len(rows.rows) - 1)
            elif choice < 0.60 and (model.get() or ""):  # a burst of backspaces
                text = model.get() or ""
                k = rng.randint(1, min(8, len(text)))
                if step == "timeline" and rows is not None and rows.column == 0:
                    continue  # never break a time
                tmux.run("send-keys", "-t", tmux.session, "-l", "\x7f" * k)
                model.put(text[:-k])
            else:  # type words (a burst)
                if model.get() is None or (
                    step == "timeline" and rows is not None and rows.column == 0
                ):
                    continue
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
                text = " " + words
                tmux.type(text)
                model.put((model.get() or "") + text)
        tmux.keys("C-q")
        assert tmux.wait_exit(30), "pmtui did not quit"
    finally:
        tmux.run("kill-server", check=False)

    [path] = paths.drafts_dir().glob("*.md")
    doc = storage.load(path)
    strip = str.strip  # the model keeps what was typed; the file drops edge spaces
    assert doc.title == strip(model.title)
    assert (doc.five_whys[0] if doc.five_whys else "") == strip(model.why1)
    assert [[r.time, r.event] for r in doc.timeline] == [
        [t, strip(e)] for t, e in model.lists["timeline"].rows
    ]
    assert [g.text for g in doc.gaps] == [strip(r[0]) for r in model.lists["gaps"].rows]
    assert [a.action for a in doc.action_items] == [
        strip(r[0]) for r in model.lists["actions"].rows
    ]
    assert doc.learnings == [strip(r[0]) for r in model.lists["learnings"].rows]
