"""A facilitator and a `--follow` instance on the same file, each in its own tmux
session: F8 in the facilitator shows the next item in the follower within 3 s, as F6
(pause) shows as paused, and the follower never writes the file."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux
from tests.meeting.sample import write_sample

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_follower_sees_f8_within_3_s_and_never_writes(tmp_path: Path, isolated_dirs: Path) -> None:
    sample = write_sample(tmp_path / "sample.md")
    socket = f"pmtui-test-follow-{os.getpid()}"
    follower = Tmux(socket, "follower")
    facilitator = Tmux(socket, "facilitator")
    try:
        untouched = _sha(sample)
        follower.start("meeting", str(sample), "--follow", size=(110, 34))
        follower.wait_for("read-only", timeout=30)
        assert _sha(sample) == untouched  # opening and polling wrote nothing

        facilitator.start("meeting", str(sample), size=(110, 34))
        facilitator.wait_for("Ground rules", timeout=30)
        facilitator.keys("F5")
        facilitator.wait_for("Running")
        follower.wait_for("1/5 Review timeline and impact", timeout=10)
        pressed = time.monotonic()
        facilitator.keys("F8")
        follower.wait_for("2/5 Walk through Five Whys", timeout=3)
        assert time.monotonic() - pressed <= 3
        follower.wait_for("Running", timeout=3)  # the room's clock runs: so does the follower's

        pressed = time.monotonic()
        facilitator.keys("F6")
        follower.wait_for("PAUSED", timeout=3)
        assert time.monotonic() - pressed <= 3

        facilitator.keys("C-q")
        assert facilitator.wait_exit(), "the facilitator's pmtui did not quit"
        saved = _sha(sample)
        follower.keys("C-q")
        assert follower.wait_exit(), "the follower did not quit"
        assert _sha(sample) == saved  # the follower's polls and exit wrote nothing
    finally:
        follower.run("kill-server", check=False)
