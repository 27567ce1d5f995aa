"""`pmtui meeting FILE --follow`: a read-only view that follows the autosaved record."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.document import storage
from pmtui.document.markdown import to_markdown
from pmtui.document.model import MeetingItem, MeetingRecord
from pmtui.meeting.agenda import SPEC_AGENDA
from pmtui.tui.app import PmtuiApp
from pmtui.tui.screens.meeting_follow import FollowScreen
from tests.meeting.sample import sample_doc, write_sample


def _at_item(path: Path, index: int) -> None:
    """What the facilitator's autosave writes when the meeting is on item ``index``."""
    doc = storage.load(path)
    doc.meeting = MeetingRecord(
        started_at=dt.datetime(2026, 1, 14, 15, 0, tzinfo=dt.UTC),
        current_item=index,
        items=[MeetingItem(name=e.name, planned_minutes=e.minutes) for e in SPEC_AGENDA],
    )
    path.write_text(to_markdown(doc), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a later stamp, however coarse the clock
    os.utime(path, ns=(stamp, stamp))


async def test_the_follower_shows_the_item_the_file_records(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "checkout.md", sample_doc())
    _at_item(sample, 0)
    app = PmtuiApp(open_path=sample, follow=True)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, FollowScreen)
        assert "Review timeline and impact" in str(screen.query_one("#item-title").render())
        before = hashlib.sha256(sample.read_bytes()).hexdigest()
        _at_item(sample, 1)
        after = hashlib.sha256(sample.read_bytes()).hexdigest()
        screen.poll()
        await pilot.pause()
        assert "Walk through Five Whys" in str(screen.query_one("#item-title").render())
        assert "Five Whys" in screen.query_one("#follow-step-text").source
        assert before != after
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == after  # the follower wrote nothing
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())


def test_follow_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meeting", "--follow"]) == 2
    err = capsys.readouterr().err
    assert "--follow needs the post-mortem file" in err and err.count("\n") == 1
