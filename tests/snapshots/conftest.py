"""Snapshot tests share one fixed data folder: one test at a time uses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.snapshots.states import fixed_folders_held


@pytest.fixture(autouse=True)
def _fixed_folders() -> Iterator[None]:
    with fixed_folders_held():
        yield
