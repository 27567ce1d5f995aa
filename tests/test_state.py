"""UI state kept out of the document: per file (the wizard step), keyed by the file's
resolved path, bounded, and never fatal when the state file is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmtui import state


def test_the_step_is_remembered_per_file(tmp_path: Path) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    state.remember_step(one, "whys")
    state.remember_step(two, "actions")
    assert state.last_step(one) == "whys"
    assert state.last_step(two) == "actions"
    assert state.last_step(tmp_path / "three.md") is None


def test_a_symlink_or_relative_path_finds_the_same_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "pm.md"
    real.write_text("# Post-Mortem: T\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    state.remember_step(link, "gaps")
    monkeypatch.chdir(tmp_path)
    assert state.last_step(Path("pm.md")) == "gaps"


def test_only_the_most_recent_files_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state, "MAX_FILES", 3)
    for number in range(5):
        state.remember_step(tmp_path / f"{number}.md", "timeline")
    state.remember_step(tmp_path / "2.md", "review")  # used again: now the newest
    state.remember_step(tmp_path / "5.md", "facts")
    kept = [n for n in range(6) if state.last_step(tmp_path / f"{n}.md")]
    assert kept == [2, 4, 5]
    assert state.last_step(tmp_path / "2.md") == "review"


def test_the_theme_survives_per_file_entries(tmp_path: Path) -> None:
    state.remember_theme("nord", None)
    state.remember_step(tmp_path / "pm.md", "whys")
    assert state.remembered_theme(None) == "nord"


def test_an_unknown_step_or_a_damaged_state_file_is_ignored(tmp_path: Path) -> None:
    state.remember_for_file(tmp_path / "pm.md", step="nowhere")
    assert state.last_step(tmp_path / "pm.md") is None
    state.state_file().write_text("{not json")
    assert state.last_step(tmp_path / "pm.md") is None
    state.remember_step(tmp_path / "pm.md", "gaps")  # a damaged file is replaced
    assert state.last_step(tmp_path / "pm.md") == "gaps"


def test_remembering_the_same_step_again_does_not_rewrite_the_state_file(
    tmp_path: Path,
) -> None:
    state.remember_step(tmp_path / "pm.md", "gaps")
    os.utime(state.state_file(), (1, 1))
    state.remember_step(tmp_path / "pm.md", "gaps")
    assert state.state_file().stat().st_mtime == 1
