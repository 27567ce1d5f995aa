"""Test doubles shared by the core and UI tests."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock (``clock() -> float``) the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.start = start
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class OtherPmtui:
    """Another process holding the lock on ``document`` (a real OS lock) until ``stop()``;
    a context manager."""

    CODE = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from pmtui.document.lock import DocumentLock\n"
        "DocumentLock.acquire(Path(sys.argv[1]))\n"
        "print('held', flush=True)\n"
        "time.sleep(120)\n"
    )

    def __init__(self, document: object) -> None:
        import subprocess
        import sys

        self.proc = subprocess.Popen(
            [sys.executable, "-c", self.CODE, str(document)], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line == "held", f"the other process did not take the lock ({line!r})"
        self.pid = self.proc.pid

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> OtherPmtui:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
