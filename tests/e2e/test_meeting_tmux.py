"""Meeting mode in a real terminal: `pmtui meeting sample.md` under tmux.

Start the meeting from the command palette, let about 5 s pass, go to the next
agenda item, end the meeting: the saved file records about 5 s for the first
item. And a meeting killed with SIGKILL mid-item reopens paused with the time
its autosave recorded. Every wait polls the screen (capture-pane) or the file
with a deadline.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from pmtui.document import storage
from tests.e2e.tmux import Tmux
from tests.meeting.sample import write_sample

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def start_meeting(tmux: Tmux, sample: Path) -> None:
    """`pmtui meeting SAMPLE` in a new tmux session."""
    tmux.start("meeting", str(sample), size=(110, 34))


def test_meeting_records_the_time_spent(tmp_path: Path, isolated_dirs: Path) -> None:
    sample = write_sample(tmp_path / "sample.md")
    tmux = Tmux(f"pmtui-test-{os.getpid()}", "meeting")
    start_meeting(tmux, sample)
    try:
        tmux.wait_for("Ground rules", timeout=30)
        started = time.monotonic()  # before the start: an upper bound of the first item
        tmux.palette("Start meeting", "Start the agenda clock")
        tmux.wait_for("Running")
        # The state line counts the item's elapsed time: wait for it to show 5 s.
        tmux.wait_for("00:05 of 5 min", timeout=15)
        tmux.palette("Next agenda item", "Move on; time now counts")
        tmux.wait_for("2/5 Walk through Five Whys")
        moved = time.monotonic() - started
        tmux.palette("End meeting", "Stop the clock and save")
        tmux.wait_for("Before we end: the action items")
        tmux.keys("F10")
        tmux.wait_for("Meeting ended")
        tmux.keys("C-q")
        assert tmux.wait_exit(), "pmtui did not quit"
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


def test_meeting_killed_mid_item_resumes_paused(tmp_path: Path, isolated_dirs: Path) -> None:
    sample = write_sample(tmp_path / "sample.md")
    tmux = Tmux(f"pmtui-test-kill-{os.getpid()}", "meeting")
    start_meeting(tmux, sample)
    try:
        tmux.wait_for("Ground rules", timeout=30)
        tmux.keys("F5")
        tmux.wait_for("00:04 of 5 min")
        # Wait for the running clock's autosave to reach the file, then crash.
        deadline = time.monotonic() + 10
        while "## Meeting" not in sample.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the running meeting was never autosaved"
            time.sleep(0.1)
        pid = int(tmux.run("display-message", "-p", "-t", tmux.session, "#{pane_pid}").stdout)
        os.kill(pid, signal.SIGKILL)
        assert tmux.wait_exit(10), "the killed pmtui's session did not end"
        saved = storage.load(sample).meeting
        assert saved is not None and saved.ended_at is None
        recorded = saved.items[0].actual_seconds
        assert 1 <= recorded <= 6

        start_meeting(tmux, sample)
        screen = tmux.wait_for("PAUSED", timeout=30)
        assert "1/5 Review timeline and impact" in screen
        time.sleep(1.5)  # paused: the clock must not move
        assert f"{int(recorded) // 60:02d}:{int(recorded) % 60:02d} of 5 min" in tmux.screen()
        tmux.keys("C-q")
        assert tmux.wait_exit(), "pmtui did not quit"
    finally:
        tmux.run("kill-server", check=False)
    again = storage.load(sample).meeting
    assert again is not None
    assert again.items[0].actual_seconds == recorded
