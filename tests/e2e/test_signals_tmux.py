"""SIGTERM, SIGHUP and a closed terminal window save the last edit and release the lock,
like ctrl+q. The edit is typed so recently that no autosave has written it yet (checked
before the signal is sent), so only the signal handler can save it."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _drafts_with(text: str) -> list[Path]:
    folder = paths.drafts_dir()
    return [p for p in folder.glob("*.md") if text in p.read_text(encoding="utf-8")]


def _locks() -> list[Path]:
    return list(paths.drafts_dir().glob(".*.lock"))


def _type_unsaved(tmux: Tmux, text: str) -> None:
    """Type ``text`` and make sure it is on screen but not yet in any file."""
    tmux.type(text)
    tmux.wait_for(text, timeout=10)
    assert not _drafts_with(text), "autosaved before the signal: the test would prove nothing"


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "kill-window"])
def test_signal_saves_the_last_edit_and_releases_the_lock(isolated_dirs: Path, how: str) -> None:
    tmux = Tmux(f"pmtui-signal-{os.getpid()}-{how}", "signal")
    title = f"Queue backlog {how}"
    try:
        tmux.start("new")
        tmux.wait_for("Incident title", timeout=30)
        assert _locks(), "the new draft is locked"
        pid = tmux.pane_pid()
        _type_unsaved(tmux, title)
        sent = time.monotonic()
        if how == "kill-window":
            tmux.run("kill-window", "-t", tmux.session)
        else:
            os.kill(pid, getattr(signal, how))
        assert tmux.wait_exit(10), "pmtui did not exit"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"pmtui (pid {pid}) still runs after {how}")
        print(f"{how}: exited {time.monotonic() - sent:.2f} s after the signal")
    finally:
        tmux.run("kill-server", check=False)
    saved = _drafts_with(title)
    assert len(saved) == 1, f"the last edit is not in a file after {how}"
    assert storage.load(saved[0]).title == title
    assert not _locks(), f"a lock remains after {how}: {_locks()}"
