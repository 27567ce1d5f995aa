"""Meeting mode in a real terminal: `pmtui meeting sample.md` under tmux.

Start the meeting from the command palette, let about 5 s pass, go to the next
agenda item, end the meeting: the saved file records about 5 s for the first
item. Every wait polls the screen (capture-pane) with a deadline.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui.document import storage
from tests.meeting.sample import write_sample

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


class Tmux:
    def __init__(self, socket: str, session: str) -> None:
        self.base = ["tmux", "-L", socket]
        self.session = session

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=check, timeout=10
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session, check=False).stdout

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.session, check=False).returncode == 0

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 15) -> str:
        check = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what!r}; screen was:\n{screen}")

    def palette(self, command: str, help_text: str) -> None:
        self.keys("C-p")
        self.wait_for("Search for commands")
        self.type(command)
        self.wait_for(help_text)  # the hit is listed: enter runs it
        self.keys("Enter")


def test_meeting_records_the_time_spent(tmp_path: Path, isolated_dirs: Path) -> None:
    sample = write_sample(tmp_path / "sample.md")
    socket = f"pmtui-test-{os.getpid()}"
    tmux = Tmux(socket, "meeting")
    command = " ".join(
        shlex.quote(part) for part in (sys.executable, "-m", "pmtui", "meeting", str(sample))
    )
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(
        [*tmux.base, "new-session", "-d", "-s", "meeting", "-x", "110", "-y", "34", command],
        check=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=10,
    )
    try:
        tmux.wait_for("Ground rules", timeout=30)
        tmux.palette("Start meeting", "Start the agenda clock")
        tmux.wait_for("Running")
        started = time.monotonic()
        # The state line counts the item's elapsed time: wait for it to show 5 s.
        tmux.wait_for("00:05 of 5 min", timeout=15)
        tmux.palette("Next agenda item", "Move on; time now counts")
        moved = time.monotonic() - started
        tmux.wait_for("2/5 Walk through Five Whys")
        tmux.palette("End meeting", "Stop the clock and save")
        tmux.wait_for("Meeting ended")
        tmux.keys("C-q")
        deadline = time.monotonic() + 15
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not tmux.alive(), "pmtui did not quit"
    finally:
        tmux.run("kill-server", check=False)

    record = storage.load(sample).meeting
    assert record is not None
    assert record.started_at is not None and record.ended_at is not None
    first = record.items[0]
    assert first.name == "Review timeline and impact"
    assert 3 <= first.actual_seconds <= 9, first.actual_seconds
    assert first.actual_seconds <= moved + 1  # what the clock saw, not more
    assert 0 <= record.items[1].actual_seconds < 5
    assert "## Meeting" in sample.read_text(encoding="utf-8")
