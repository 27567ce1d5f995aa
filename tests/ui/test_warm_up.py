"""Start-up: the blame rules, name list and model are loaded in a thread after the first
paint, so the first field scan does not wait for them."""

from __future__ import annotations

import threading

import pytest

import pmtui.blame
from pmtui.config import BlameSettings
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import home_loaded


async def test_the_app_warms_the_blame_detector_in_a_thread_after_mount(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[BlameSettings | None, bool]] = []

    def fake_preload(config: BlameSettings | None = None) -> None:
        calls.append((config, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(pmtui.blame, "preload", fake_preload)
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert calls == [(app.checker.settings, False)]
