"""Drive the real pmtui in a tmux session: start it, type, read the screen, wait.

Every wait polls (capture-pane, has-session) against a deadline; no fixed sleeps.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class Tmux:
    def __init__(self, socket: str, session: str) -> None:
        self.base = ["tmux", "-L", socket]
        self.session = session

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=check, timeout=10
        )

    def start(self, *pmtui_args: str, size: tuple[int, int] = (80, 24)) -> None:
        """`python -m pmtui ARGS` in a new session (XDG dirs from the test's env)."""
        command = "exec " + " ".join(
            shlex.quote(part) for part in (sys.executable, "-m", "pmtui", *pmtui_args)
        )
        env = {**os.environ, "TERM": "xterm-256color"}
        self.run("kill-session", "-t", self.session, check=False)
        width, height = size
        argv = [*self.base, "new-session", "-d", "-s", self.session]
        argv += ["-x", str(width), "-y", str(height), command]
        # When the last session's program has just ended (a kill -9, a quit), the tmux
        # server is on its way out, and a client that reaches it as it goes is told
        # "server exited unexpectedly" (CI saw it once in 30 kills). That one message
        # is retried until a deadline: the next client starts a new server.
        deadline = time.monotonic() + 10
        while True:
            done = subprocess.run(
                argv, capture_output=True, text=True, env=env, cwd=REPO, timeout=10
            )
            if done.returncode == 0:
                return
            if "server exited unexpectedly" not in done.stderr or (time.monotonic() > deadline):
                raise subprocess.CalledProcessError(done.returncode, argv, done.stdout, done.stderr)
            time.sleep(0.05)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session, check=False).stdout

    def pane_pid(self) -> int:
        """The pid of the program in the pane (pmtui itself: it is started with exec)."""
        out = self.run("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout
        return int(out.strip())

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.session, check=False).returncode == 0

    def wait_exit(self, timeout: float = 15) -> bool:
        """Wait for the session's program to end; True when it did."""
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        return not self.alive()

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
