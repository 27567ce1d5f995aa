"""Snapshot tests: every screen and wizard step at 80x24 and 100x32, compared with the
SVGs in tests/snapshots/__snapshots__/ (``pytest --snapshot-update`` rewrites them after a
deliberate change; look at the report it writes before accepting). The states are the
ones the README's screenshots show (tests/snapshots/states.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.snapshots.states import MEETING_STATES, STATES, app_for

SIZES = [(80, 24), (100, 32)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(STATES))
def test_screen(snap_compare: Callable[..., bool], name: str, size: tuple[int, int]) -> None:
    state = STATES[name]
    assert snap_compare(app_for(state), run_before=state.run_before, terminal_size=size)


MEETING_SIZES = [(80, 24), (120, 36), (200, 55)]


@pytest.mark.parametrize("theme", ["textual-dark", "projector"])
@pytest.mark.parametrize("size", MEETING_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(MEETING_STATES))
def test_meeting_screen(
    snap_compare: Callable[..., bool], name: str, size: tuple[int, int], theme: str
) -> None:
    state = MEETING_STATES[name]
    assert snap_compare(
        app_for(state, theme=theme), run_before=state.run_before, terminal_size=size
    )
