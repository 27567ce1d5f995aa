"""Changes made on disk while pmtui has the file open: stamps, field diffs, the three-way
merge, and a session that never writes over someone else's version."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from pmtui.document import storage
from pmtui.document.external import ExternalChangeError, MergeConflict
from pmtui.document.lock import lock_path
from pmtui.document.markdown import to_markdown
from pmtui.document.merge import changed_fields, describe, merge3
from pmtui.document.model import ExtraSection, Postmortem, TimelineEntry
from pmtui.document.session import DraftSession, KeptAsCopy
from pmtui.document.stamp import FileStamp, look, stat_changed
from tests.fakes import FakeClock

APPENDIX = "\n## Appendix\n\nDashboards consulted during the incident.\n"
NOW = dt.datetime(2024, 3, 8, 14, 15, 16)


def doc(**kw: object) -> Postmortem:
    fields: dict[str, object] = {"title": "Checkout outage", "summary": "Checkout failed."}
    fields.update(kw)
    return Postmortem(**fields)  # type: ignore[arg-type]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "2024-03-07-checkout-outage.md"
    storage.save(doc(), path)
    return path


def bump_mtime(path: Path) -> None:
    """Make sure a rewrite shows in the stat even on a coarse clock."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    bump_mtime(path)


def open_session(path: Path, clock: FakeClock | None = None) -> DraftSession:
    return DraftSession.open(path, clock=clock or FakeClock())


# --------------------------------------------------------------------------- stamps


def test_an_unchanged_file_is_one_stat_and_no_read(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    assert not stat_changed(saved, stamp)
    found = look(saved, stamp)
    assert not found.changed and found.data is None  # not read


def test_a_touch_or_identical_rewrite_is_not_a_change(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    data = saved.read_bytes()
    saved.unlink()
    saved.write_bytes(data)  # a new inode, like git checkout
    bump_mtime(saved)
    assert stat_changed(saved, stamp)
    found = look(saved, stamp)
    assert not found.changed
    assert found.stamp is not None and found.stamp != stamp  # the new stat is kept


def test_appended_deleted_and_fifo_files_are_changes(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    append(saved, APPENDIX)
    found = look(saved, stamp)
    assert found.changed and found.data is not None and found.data.endswith(APPENDIX.encode())
    saved.unlink()
    gone = look(saved, stamp)
    assert gone.changed and gone.stamp is None and gone.error is None
    os.mkfifo(saved)
    fifo = look(saved, stamp)
    assert fifo.changed and fifo.error is not None and "not a regular file" in fifo.error


def test_same_size_same_mtime_rewrite_is_still_caught_before_a_save(saved: Path) -> None:
    # A rewrite of the same length within the same clock tick fools a stat, not a hash.
    _, stamp = storage.load_stamped(saved)
    data = saved.read_bytes()
    info = saved.stat()
    saved.write_bytes(data.replace(b"Checkout failed.", b"Checkout FAILED."))
    os.utime(saved, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(ExternalChangeError):
        storage.save(doc(summary="Mine"), saved, expected=stamp)
    assert b"Checkout FAILED." in saved.read_bytes()


# --------------------------------------------------------------------------- storage


def test_save_with_the_expected_stamp_writes_and_returns_the_new_one(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    new = storage.save(doc(summary="Edited."), saved, expected=stamp).stamp
    assert new == storage.load_stamped(saved)[1]
    assert storage.load(saved).summary == "Edited."


def test_save_over_a_changed_file_writes_nothing(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    append(saved, APPENDIX)
    theirs = saved.read_bytes()
    with pytest.raises(ExternalChangeError) as info:
        storage.save(doc(summary="Mine."), saved, expected=stamp)
    assert saved.read_bytes() == theirs
    assert "changed on disk" in str(info.value) and "\n" not in str(info.value)
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]  # no temp left


def test_save_expecting_no_file_refuses_one_that_appeared(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    path.write_text("# Post-Mortem: Someone else's\n")
    with pytest.raises(ExternalChangeError):
        storage.save(doc(), path, expected=None)
    assert path.read_text() == "# Post-Mortem: Someone else's\n"


# --------------------------------------------------------------------------- merge


def test_fields_changed_on_different_sides_merge() -> None:
    base = doc()
    mine = doc(summary="Checkout failed for 95 minutes.", wizard_step="whys")
    theirs = doc(extra_sections=[ExtraSection(heading="Appendix", body="Dashboards.")])
    merged = merge3(base, mine, theirs)
    assert merged.ok and merged.doc is not None
    assert merged.doc.summary == "Checkout failed for 95 minutes."
    assert merged.doc.extra_sections == theirs.extra_sections
    assert merged.doc.wizard_step == "whys"
    assert merged.mine == ("summary",) and merged.theirs == ("extra_sections",)
    assert base == doc()  # inputs untouched


def test_a_field_changed_on_both_sides_is_a_conflict() -> None:
    merged = merge3(doc(), doc(title="Mine", author="Ann"), doc(title="Theirs", impact="x"))
    assert not merged.ok and merged.doc is None
    assert merged.conflicts == ("title",)
    assert merged.conflict_labels() == ["Title"]


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    merged = merge3(doc(), doc(title="Same"), doc(title="Same"))
    assert merged.ok and merged.doc is not None and merged.doc.title == "Same"


def test_wizard_step_is_not_content() -> None:
    assert changed_fields(doc(wizard_step="facts"), doc(wizard_step="review")) == []


def test_changes_are_described_in_a_few_words() -> None:
    before = doc(timeline=[TimelineEntry(time="14:02", event="Deploy")])
    after = doc(
        title="Checkout outage in eu-west",
        timeline=[TimelineEntry(time="14:02", event="Deploy"), TimelineEntry(time="14:09")],
        extra_sections=[ExtraSection(heading="Appendix")],
    )
    after.summary = "Checkout failed for 95 minutes while the payment provider was off."
    words = [describe(name, before, after) for name in changed_fields(before, after)]
    assert words == [
        "Title: “Checkout outage” → “Checkout outage in eu-west”",
        "Summary: edited (16 → 66 characters)",
        "Timeline: 1 → 2 rows",
        "Other sections: added “Appendix”",
    ]


# --------------------------------------------------------------------------- the session


def test_an_external_append_during_editing_is_kept_and_reported(saved: Path) -> None:
    clock = FakeClock()
    session = open_session(saved, clock)
    session.doc.summary = "Checkout failed for 95 minutes."
    session.changed()
    append(saved, APPENDIX)
    theirs = saved.read_bytes()
    clock.advance(5)
    assert not session.autosave()  # refused: it would delete the appendix
    assert saved.read_bytes() == theirs
    change = session.external
    assert change is not None and change.usable
    assert change.theirs_changed() == ["Other sections: added “Appendix”"]
    assert change.mine_changed(session.doc) == [
        "Summary: “Checkout failed.” → “Checkout failed for 95 minutes.”"
    ]
    assert session.last_error is not None and "changed on disk" in session.last_error
    clock.advance(5)
    assert not session.autosave()  # still nothing written while it is pending
    assert saved.read_bytes() == theirs
    session.merge()
    session.save()
    merged = storage.load(saved)
    assert merged.summary == "Checkout failed for 95 minutes."
    assert [s.heading for s in merged.extra_sections] == ["Appendix"]
    session.close()


def test_a_change_is_noticed_without_a_save(saved: Path) -> None:
    session = open_session(saved)
    assert not session.disk_may_have_changed()
    assert session.check_disk() is None
    append(saved, APPENDIX)
    assert session.disk_may_have_changed()
    change = session.check_disk()
    assert change is not None and session.external is change
    assert session.check_disk() is None  # already known: asked once
    assert not session.disk_may_have_changed()
    append(saved, "\nMore.\n")  # they changed it again: a new question
    assert session.disk_may_have_changed()
    assert session.check_disk() is not None
    session.close()


def test_our_own_saves_are_not_external_changes(saved: Path) -> None:
    session = open_session(saved)
    for n in range(5):
        session.doc.summary = f"Edit {n}"
        session.changed()
        snapshot = session.snapshot()
        assert snapshot is not None
        worker = threading.Thread(target=session.write_snapshot, args=snapshot)
        worker.start()
        worker.join()
        assert session.check_disk() is None
    assert session.external is None
    session.close()


def test_a_file_put_back_to_our_version_clears_the_change(saved: Path) -> None:
    session = open_session(saved)
    ours = saved.read_bytes()
    append(saved, APPENDIX)
    assert session.check_disk() is not None
    saved.write_bytes(ours)
    bump_mtime(saved)
    assert session.check_disk() is None
    assert session.external is None and session.last_error is None
    session.close()


def test_reload_takes_theirs(saved: Path) -> None:
    session = open_session(saved)
    session.doc.summary = "Mine, dropped."
    session.changed()
    append(saved, APPENDIX)
    assert session.check_disk() is not None
    session.reload()
    assert session.doc == storage.load(saved)
    assert not session.dirty and session.external is None
    session.doc.impact = "Later edit."
    session.changed()
    session.save()  # saves over theirs now: it is the version we read
    assert storage.load(saved).impact == "Later edit."
    assert [s.heading for s in storage.load(saved).extra_sections] == ["Appendix"]
    session.close()


def test_merge_with_conflicting_fields_is_refused_naming_them(saved: Path) -> None:
    session = open_session(saved)
    session.doc.title = "Mine"
    session.changed()
    saved.write_text(to_markdown(doc(title="Theirs")), encoding="utf-8")
    bump_mtime(saved)
    change = session.check_disk()
    assert change is not None
    merge = change.merge(session.doc)
    assert merge is not None and merge.conflict_labels() == ["Title"]
    with pytest.raises(MergeConflict) as info:
        session.merge()
    assert "Title" in str(info.value)
    assert session.external is change  # still pending
    session.reload()
    session.close()


def test_keep_mine_writes_a_copy_beside_and_goes_on_editing_it(saved: Path) -> None:
    session = open_session(saved)
    session.doc.summary = "Mine."
    session.changed()
    append(saved, APPENDIX)
    theirs = saved.read_bytes()
    assert session.check_disk() is not None
    copy = session.keep_mine(now=NOW)
    assert copy == saved.with_name("2024-03-07-checkout-outage.mine-20240308-141516.md")
    assert saved.read_bytes() == theirs  # theirs untouched
    assert storage.load(copy).summary == "Mine."
    assert session.path == copy and session.external is None and not session.dirty
    assert lock_path(copy).exists() and not lock_path(saved).exists()
    session.doc.impact = "Kept editing."
    session.changed()
    session.save()
    assert storage.load(copy).impact == "Kept editing."
    assert saved.read_bytes() == theirs
    again = session.keep_mine(now=NOW)  # a second copy in the same second gets -2
    assert again.name == "2024-03-07-checkout-outage.mine-20240308-141516-2.md"
    session.close()


def test_an_external_version_that_does_not_parse_is_never_written_over(saved: Path) -> None:
    clock = FakeClock()
    session = open_session(saved, clock)
    session.doc.summary = "Mine."
    session.changed()
    saved.write_bytes(b"\xff\xfe not text")
    bump_mtime(saved)
    broken = saved.read_bytes()
    clock.advance(5)
    assert not session.autosave()
    change = session.external
    assert change is not None and not change.usable
    assert change.error is not None and "does not parse" in change.error
    assert "not UTF-8" in change.message() and "\n" not in change.message()
    with pytest.raises(Exception, match="no readable version"):
        session.reload()
    assert saved.read_bytes() == broken
    copy = session.keep_mine(now=NOW)
    assert storage.load(copy).summary == "Mine." and saved.read_bytes() == broken
    session.close()


def test_closing_with_a_pending_change_keeps_mine_as_a_copy(saved: Path) -> None:
    session = open_session(saved)
    session.doc.summary = "Unsaved, must survive."
    session.changed()
    append(saved, APPENDIX)
    theirs = saved.read_bytes()
    with pytest.raises(KeptAsCopy) as info:
        session.close(now=NOW)
    assert saved.read_bytes() == theirs
    assert storage.load(info.value.copy).summary == "Unsaved, must survive."
    assert not lock_path(saved).exists() and not lock_path(info.value.copy).exists()


def test_a_deleted_file_is_a_change_and_not_silently_recreated(saved: Path) -> None:
    clock = FakeClock()
    session = open_session(saved, clock)
    session.doc.summary = "Mine."
    session.changed()
    saved.unlink()
    change = session.check_disk()
    assert change is not None and change.error == "was deleted or moved away"
    clock.advance(5)
    assert not session.autosave() and not saved.exists()
    session.keep_mine(now=NOW)
    session.close()


def test_a_new_draft_refuses_a_file_that_appeared_at_its_name(tmp_path: Path) -> None:
    session = DraftSession.create("Outage", folder=tmp_path, clock=FakeClock())
    session.path.write_text("# Post-Mortem: Someone else's\n", encoding="utf-8")
    with pytest.raises(ExternalChangeError):
        session.save()
    assert session.path.read_text(encoding="utf-8") == "# Post-Mortem: Someone else's\n"
    session.keep_mine(now=NOW)
    session.close()


def test_stamp_of_the_bytes_matches_what_was_read(saved: Path) -> None:
    _, stamp = storage.load_stamped(saved)
    again = FileStamp.of(saved.read_bytes(), saved.stat())
    assert stamp == again
