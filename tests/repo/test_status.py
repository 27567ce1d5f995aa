"""Changing one action item's status in its file: only that cell changes (padding, CRLF
and every other byte kept), the lock is respected, and a file that changed is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmtui.document.lock import DocumentLock, LockHeld
from pmtui.document.markdown import read_markdown
from pmtui.document.model import Status
from pmtui.repo.status import StatusError, patch_status, replace_cell, set_status
from tests.fakes import OtherPmtui
from tests.repo.conftest import checkout


def _diff(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.split("\n"), after.split("\n"), strict=True) if a != b]


def test_only_the_status_cell_changes_and_padding_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    before = checkout()
    path.write_text(before, encoding="utf-8")
    set_status(path, 2, Status.DONE, expect_action="Write a rollback runbook for checkout")
    after = path.read_text(encoding="utf-8")
    [(old, new)] = _diff(before, after)
    assert old.endswith("| Pending     |") and new.endswith("| Done        |")
    assert len(old) == len(new)
    doc, _ = read_markdown(after)
    assert doc.action_items[2].status == Status.DONE


def test_crlf_and_a_longer_status(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    text = checkout().replace("| Done        |", "| Done |").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    set_status(path, 1, Status.IN_PROGRESS)
    after = path.read_bytes().decode("utf-8")
    assert after.count("\r\n") == text.count("\r\n") and "\n" not in after.replace("\r\n", "")
    [(old, new)] = _diff(text, after)
    assert old.endswith("| Done |\r") and new.endswith("| In progress |\r")


def test_replace_cell_shapes() -> None:
    assert replace_cell("| a | b |  |\n", 10, "Done") == "| a | b | Done |\n"
    assert replace_cell("|a|b|Pending", 5, "Done") == "|a|b| Done"
    assert replace_cell("| x \\| y | Pending |", 11, "Done") == "| x \\| y | Done |"
    assert replace_cell("| x | Pending   |", 6, "Done", keep_width=True) == "| x | Done      |"
    assert replace_cell("| x | Pending   |", 6, "Done") == "| x | Done |"


def test_an_aligned_table_stays_aligned_through_several_changes(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(checkout(), encoding="utf-8")
    for status in (Status.IN_PROGRESS, Status.DONE, Status.PENDING, Status.IN_PROGRESS):
        set_status(path, 2, status)
        lines = path.read_text(encoding="utf-8").splitlines()
        row = next(line for line in lines if "rollback runbook" in line)
        separator = next(line for line in lines if line.startswith("|:-----------------------"))
        assert len(row) == len(separator) and row.endswith(f"| {status.value:<11} |")


def test_no_status_cell_is_refused(tmp_path: Path) -> None:
    text = checkout().replace("| @lee           | {}".format(""), "| @lee           |")
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if "rollback runbook" in line)
    lines[row] = "| Write a rollback runbook for checkout    | @lee |"
    with pytest.raises(StatusError, match="no Status cell"):
        patch_status("\n".join(lines), "pm.md", 2, Status.DONE)


def test_a_file_that_changed_since_it_was_listed_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(checkout(), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StatusError, match="changed since it was listed"):
        set_status(path, 0, Status.DONE, expect_action="Something else")
    assert path.read_bytes() == before


def test_lock_of_another_pmtui_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(checkout(), encoding="utf-8")
    before = path.read_bytes()
    other = OtherPmtui(path)
    try:
        with pytest.raises(LockHeld) as held:
            set_status(path, 0, Status.DONE)
        assert held.value.pid == other.pid
        assert path.read_bytes() == before
    finally:
        other.stop()


def test_our_own_open_session_counts_as_holding_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(checkout(), encoding="utf-8")
    lock = DocumentLock.acquire(path)  # as the wizard's session does
    try:
        with pytest.raises(LockHeld) as held:
            set_status(path, 0, Status.DONE)
        assert held.value.pid == os.getpid()
        assert lock.path.exists()  # never taken over from our own session
    finally:
        lock.release()
