"""Two `pmtui new` in two terminals at once: each gets its own untitled draft (the
second used to fail with "...-untitled.md is open in another pmtui")."""

from __future__ import annotations

import os
import shutil

import pytest

from pmtui import paths
from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def test_two_new_drafts_at_once_get_their_own_names(isolated_dirs: object) -> None:
    socket = f"pmtui-two-{os.getpid()}"
    first, second = Tmux(socket, "first"), Tmux(socket, "second")
    try:
        first.start("new")
        first.wait_for("Incident title", timeout=30)
        second.start("new")
        screen = second.wait_for("Incident title", timeout=30)
        assert "open in another pmtui" not in screen
        locks = sorted(p.name for p in paths.drafts_dir().glob(".*.lock"))
        assert len(locks) == 2 and locks[0] != locks[1], locks
        first.type("First outage")
        second.type("Second outage")
        first.wait_for("First outage")
        second.wait_for("Second outage")
        for window in (first, second):
            window.keys("C-q")
            assert window.wait_exit(), "pmtui did not quit"
    finally:
        first.run("kill-server", check=False)
    names = sorted(p.name for p in paths.drafts_dir().glob("*.md"))
    assert [n.split("-", 3)[3] for n in names] == ["first-outage.md", "second-outage.md"]
    assert not list(paths.drafts_dir().glob(".*.lock"))
