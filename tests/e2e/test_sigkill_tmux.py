"""kill -9 at 30 random moments while typing, in a real terminal (tmux): after every kill
the file parses and holds everything but the last moments of typing (at most 2 s), and
the next `pmtui open` takes the lock over at once (the kernel dropped the OS lock with
the process).

Each round opens the same post-mortem (its title reset), types a burst pattern into the
title (bursts of keys 40 ms apart, pauses of up to 0.8 s, so both kinds of autosave
happen at random moments), and sends SIGKILL at a random moment 0.1-2.2 s into the
typing. The keys are sent one by one with their send times, so the age of the oldest
keystroke not in the file at the moment of the kill is known: that is the typing lost.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import statistics
import string
import time
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from pmtui.document.lock import lock_path
from tests.e2e.tmux import Tmux
from tests.ui.conftest import full_doc

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

ROUNDS = 30
#: The promise: a keystroke older than this at a crash is in the file.
MAX_LOST = 2.0
SEED = int(os.environ.get("PMTUI_SIGKILL_SEED", "14"))


def _dead(pid: int) -> bool:
    """Gone or a zombie (tmux reaps it a moment later)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _typing(rng: random.Random, marker: str) -> list[tuple[str, float]]:
    """(key, pause before it) for one round: the marker, then bursts and pauses."""
    keys = [(marker[0], 0.0), *((ch, 0.0) for ch in marker[1:])]
    letters = iter(rng.choices(string.ascii_lowercase, k=200))
    while len(keys) < 120:
        pause = rng.uniform(0.0, 0.8)
        for n in range(rng.randint(3, 10)):
            keys.append((next(letters), pause if n == 0 else 0.04))
    return keys


def test_sigkill_30_times_while_typing(isolated_dirs: Path) -> None:
    rng = random.Random(SEED)
    original = full_doc()
    original.wizard_step = "facts"
    path = paths.drafts_dir() / "2024-03-07-checkout-outage.md"
    storage.save(original, path)
    tmux = Tmux(f"pmtui-kill9-{os.getpid()}", "kill9")
    lost: list[float] = []
    ready_times: list[float] = []
    corrupt = 0
    started = time.monotonic()
    try:
        for number in range(ROUNDS):
            # Each round starts from the original title (the file stays small; the lock
            # file the killed pmtui left is not touched).
            storage.save(original, path)
            before = original.title
            opened = time.monotonic()
            tmux.start("open", str(path), size=(100, 30))
            screen = tmux.wait_for("Incident title", timeout=30)
            ready_times.append(time.monotonic() - opened)
            assert "open in another pmtui" not in screen, f"round {number}: lock not taken over"
            pid = tmux.pane_pid()
            assert int(lock_path(path).read_text().split()[0]) == pid
            marker = f"R{number:02d}"
            keys = _typing(rng, marker)
            tmux.keys("End")
            sent: list[float] = []
            for key, _ in keys[: len(marker)]:
                tmux.type(key)
                sent.append(time.monotonic())
            tmux.wait_for(marker, timeout=10)  # the field has the keys: the clock starts
            kill_at = time.monotonic() + rng.uniform(0.1, 2.2)
            for key, pause in keys[len(marker) :]:
                if time.monotonic() + pause >= kill_at:
                    break
                time.sleep(pause)
                tmux.type(key)
                sent.append(time.monotonic())
            time.sleep(max(0.0, kill_at - time.monotonic()))
            killed = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while not _dead(pid):
                assert time.monotonic() < deadline, "pmtui survived SIGKILL"
                time.sleep(0.005)

            typed = "".join(key for key, _ in keys[: len(sent)])
            try:
                doc = storage.load(path)
            except storage.DocumentError as exc:
                corrupt += 1
                print(f"round {number}: CORRUPT: {exc}")
                continue
            rest_kept = doc.model_copy(update={"title": original.title}) == original
            if not rest_kept or not doc.title.startswith(before):
                corrupt += 1
                print(f"round {number}: CORRUPT content: {doc.title!r}")
                continue
            saved = doc.title[len(before) :]
            assert typed.startswith(saved), f"round {number}: {saved!r} is not what was typed"
            age = killed - sent[len(saved)] if len(saved) < len(sent) else 0.0
            lost.append(age)
    finally:
        tmux.run("kill-server", check=False)
    debris = list(paths.drafts_dir().glob(".*.tmp"))
    took = time.monotonic() - started
    print(
        f"SIGKILL x{ROUNDS} (seed {SEED}): {corrupt} corrupt; typing lost max "
        f"{max(lost):.2f} s, median {statistics.median(lost):.2f} s; reopen ready in "
        f"{min(ready_times):.2f}-{max(ready_times):.2f} s, never refused; "
        f"{len(debris)} temp files left by kills mid-write; {took:.0f} s in all"
    )
    assert corrupt == 0
    assert max(lost) <= MAX_LOST
