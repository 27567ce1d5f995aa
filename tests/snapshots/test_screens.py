"""Snapshot tests: every screen and wizard step at 80x24 and 100x32, compared with the
SVGs in tests/snapshots/__snapshots__/ (``pytest --snapshot-update`` rewrites them after a
deliberate change; look at the report it writes before accepting). The states are the
ones the README's screenshots show (tests/snapshots/states.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.snapshots.states import STATES, app_for

SIZES = [(80, 24), (100, 32)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(STATES))
def test_screen(snap_compare: Callable[..., bool], name: str, size: tuple[int, int]) -> None:
    state = STATES[name]
    assert snap_compare(app_for(state), run_before=state.run_before, terminal_size=size)
