"""Run ``pmtui serve FILE`` for an end-to-end test: a free localhost port, wait until it
answers, stop it afterwards."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(path: Path, timeout: float = 30) -> Iterator[int]:
    """``pmtui serve PATH --port N`` (bound to 127.0.0.1 by default), yielding N once the
    port answers; the server is stopped when the block ends, however it ends."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pmtui", "serve", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:  # the server is up when its port answers
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, f"pmtui serve did not answer in {timeout} s"
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
