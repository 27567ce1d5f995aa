"""The wizard in a real terminal under tmux: `pmtui new`, type a blameful title,
see the reframe, kill -9 after autosave, reopen the draft, see the title.

Every wait polls the screen (capture-pane) or the drafts folder with a deadline.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from pmtui.document.lock import lock_path
from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

TITLE = "Checkout outage: who caused this?"


def _wait_for_saved_title(timeout: float = 10) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in paths.drafts_dir().glob("*.md"):
            if f"# Post-Mortem: {TITLE}" in path.read_text(encoding="utf-8"):
                return path
        time.sleep(0.1)
    raise AssertionError("the title never reached the draft file")


def test_new_draft_survives_kill_9(isolated_dirs: Path) -> None:
    tmux = Tmux(f"pmtui-wizard-{os.getpid()}", "wizard")
    try:
        tmux.start("new")
        tmux.wait_for("Incident title", timeout=30)
        tmux.type(TITLE)  # the title field has focus
        tmux.wait_for("What allowed this to happen?", timeout=10)
        started = time.monotonic()
        draft = _wait_for_saved_title()
        assert time.monotonic() - started < 5  # autosave promises 2 s; allow a slow CI
        pid = int(lock_path(draft).read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        assert tmux.wait_exit(10), "the killed pmtui's session did not end"
        assert lock_path(draft).exists()  # left behind by the killed process

        tmux.start("open", str(draft))
        screen = tmux.wait_for("Incident title", timeout=30)
        assert TITLE in screen
        assert "open in another pmtui" not in screen  # the dead pid's lock was taken over
        assert int(lock_path(draft).read_text().split()[0]) != pid
        tmux.keys("C-q")
        assert tmux.wait_exit(), "pmtui did not quit"
    finally:
        tmux.run("kill-server", check=False)
    assert storage.load(draft).title == TITLE
    assert not lock_path(draft).exists()
