"""Start-up: the blame rules and model load beside the app, never in its way."""

from __future__ import annotations

import threading

import pytest

from pmtui.tui import app as app_module
from pmtui.tui.screens.home import HomeScreen
from tests.fakes import FakeClock
from tests.ui.conftest import make_app


async def test_a_slow_blame_preload_holds_up_neither_the_screen_nor_the_exit(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    started: list[threading.Thread] = []

    def slow_preload(config: object = None) -> None:
        started.append(threading.current_thread())
        release.wait(30)

    monkeypatch.setattr(app_module, "preload", slow_preload)
    try:
        app = make_app(clock)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        # The app has ended while the preload is still running: nothing joined it.
        assert started and started[0].is_alive() and started[0].daemon
    finally:
        release.set()
