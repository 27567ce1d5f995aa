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
