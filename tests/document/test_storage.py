"""Storage: atomic writes that never damage the old file, safe names, listing, trash."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document import storage
from pmtui.document.errors import DocumentError, StorageError
from pmtui.document.markdown import to_markdown
from pmtui.document.model import Postmortem, Severity
from pmtui.document.storage import (
    SLUG_MAX,
    atomic_write_text,
    list_postmortems,
    load,
    move_to_trash,
    new_path,
    save,
    slugify,
)

OLD = "# Post-Mortem: Old\n\nold content that must survive\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def doc(title: str = "New", date: dt.date | None = None, **kw: object) -> Postmortem:
    return Postmortem(title=title, date=date, **kw)


# --------------------------------------------------------------------------- atomic writes


def test_save_creates_folders_and_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "pm.md"
    save(doc(), path)
    assert mode(path) == 0o600
    assert path.read_text() == to_markdown(doc())
    assert load(path) == doc()


def test_overwrite_keeps_the_existing_mode(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(OLD)
    path.chmod(0o640)
    atomic_write_text(path, "new\n")
    assert path.read_text() == "new\n"
    assert mode(path) == 0o640


def test_no_temp_files_are_left_behind(tmp_path: Path) -> None:
    for i in range(3):
        atomic_write_text(tmp_path / "pm.md", f"version {i}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["pm.md"]


def failing_write_after(limit: int) -> Callable[[int, bytes], int]:
    """A stand-in for os.write that writes ``limit`` bytes, then fails: disk full."""
    real_write = os.write
    written = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        if written["n"] >= limit:
            raise OSError(errno.ENOSPC, "No space left on device")
        chunk = bytes(data[: max(1, min(len(data), limit - written["n"]))])
        written["n"] += len(chunk)
        return real_write(fd, chunk)

    return write


def test_disk_full_halfway_leaves_the_old_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(OLD.encode())
    path.chmod(0o600)
    monkeypatch.setattr(storage.os, "write", failing_write_after(10))
    with pytest.raises(StorageError) as info:
        save(doc("A much longer new title " * 20), path)
    assert path.read_bytes() == OLD.encode()
    assert str(info.value) == f"cannot write {path}: the disk is full"
    assert [p.name for p in tmp_path.iterdir()] == ["pm.md"]


def test_failed_fsync_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(OLD.encode())

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(storage.os, "fsync", fsync)
    with pytest.raises(StorageError, match="Input/output error"):
        atomic_write_text(path, "new\n")
    assert path.read_bytes() == OLD.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["pm.md"]


def test_failed_rename_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(OLD.encode())

    def replace(src: object, dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(storage.os, "replace", replace)
    with pytest.raises(StorageError) as info:
        atomic_write_text(path, "new\n")
    assert str(info.value) == f"cannot write {path}: permission denied"
    assert path.read_bytes() == OLD.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["pm.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder_is_a_clear_error_and_the_old_file_stays(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "pm.md"
    path.write_bytes(OLD.encode())
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as info:
            save(doc(), path)
    finally:
        folder.chmod(0o700)
    assert str(info.value) == f"cannot write {path}: permission denied"
    assert path.read_bytes() == OLD.encode()


def test_read_only_folder_simulated_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same failure as above, made by mkstemp failing (root ignores folder modes)."""
    path = tmp_path / "pm.md"
    path.write_bytes(OLD.encode())

    def mkstemp(**kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(storage.tempfile, "mkstemp", mkstemp)
    with pytest.raises(StorageError) as info:
        save(doc(), path)
    assert str(info.value) == f"cannot write {path}: the file system is read-only"
    assert path.read_bytes() == OLD.encode()


def test_writing_onto_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="it is a folder"):
        atomic_write_text(tmp_path, "x")


def test_save_where_a_file_blocks_the_folder(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x")
    with pytest.raises(StorageError, match="a file is in the way"):
        save(doc(), tmp_path / "blocker" / "pm.md")


# --------------------------------------------------------------------------- loading


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as info:
        load(tmp_path / "nope.md")
    assert str(info.value) == f"{tmp_path / 'nope.md'}: no such file"


def test_load_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="is a folder, not a file"):
        load(tmp_path)


def test_load_non_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Post-Mortem: x\n\n**Author:** Zoë\n".encode("latin-1"))
    with pytest.raises(DocumentError) as info:
        load(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: not UTF-8 text (byte 0xeb")


def test_load_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("")
    with pytest.raises(DocumentError) as info:
        load(path)
    assert str(info.value) == f"{path}: the file is empty"


def test_load_names_the_file_in_value_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("# Post-Mortem: x\n\n**Date:** 2024-02-31\n")
    with pytest.raises(DocumentError) as info:
        load(path)
    assert str(info.value) == f"{path}:3: date '2024-02-31' is not a date; write YYYY-MM-DD"


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "..", ".", "/", "a/b\\c", "", "   ", "🔥🔥🔥", "x" * 500, "ü" * 500],
)
def test_slugs_are_safe(title: str, tmp_path: Path) -> None:
    slug = slugify(title)
    assert slug and len(slug) <= SLUG_MAX
    assert "/" not in slug and "\\" not in slug and ".." not in slug
    assert slug == slug.strip("-.")
    path = new_path(title, dt.date(2024, 3, 5), tmp_path)
    assert path.parent == tmp_path
    assert path.name.startswith("2024-03-05-") and path.suffix == ".md"


def test_slug_examples() -> None:
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("") == "untitled"
    assert slugify("🔥 Payments down 🔥") == "payments-down"
    assert slugify("Café: DB — outage!") == "cafe-db-outage"
    assert len(slugify("x" * 500)) == SLUG_MAX


def test_new_path_is_unique_on_collision(tmp_path: Path) -> None:
    first = new_path("Outage", dt.date(2024, 3, 5), tmp_path)
    assert first.name == "2024-03-05-outage.md"
    first.write_text("x")
    second = new_path("Outage", dt.date(2024, 3, 5), tmp_path)
    assert second.name == "2024-03-05-outage-2.md"
    second.write_text("x")
    assert new_path("outage!", dt.date(2024, 3, 5), tmp_path).name == "2024-03-05-outage-3.md"


def test_new_path_defaults_to_the_drafts_folder_under_xdg_data_home(isolated_dirs: Path) -> None:
    path = new_path("Outage")
    assert path.parent == paths.drafts_dir()
    assert str(path).startswith(str(isolated_dirs / "data"))
    assert path.name.startswith(dt.datetime.now(dt.UTC).date().isoformat())


# --------------------------------------------------------------------------- listing, trash


def test_list_is_newest_first_and_shows_unreadable_files(tmp_path: Path) -> None:
    save(doc("Older", dt.date(2024, 1, 1), severity=Severity.SEV3), tmp_path / "a.md")
    save(doc("Newer", dt.date(2024, 6, 1), severity=Severity.SEV1), tmp_path / "b.md")
    (tmp_path / "broken.md").write_text("just notes\n")
    (tmp_path / "ignored.txt").write_text("x")
    listings = list_postmortems(tmp_path)
    # the unreadable file has no date: it counts from its last change (today)
    assert [item.title for item in listings] == ["broken", "Newer", "Older"]
    assert listings[1].severity == "SEV-1" and listings[1].date == dt.date(2024, 6, 1)
    assert listings[1].doc is not None and listings[1].error is None
    assert listings[0].doc is None
    assert listings[0].error is not None and "Post-Mortem" in listings[0].error


def test_list_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_postmortems(tmp_path / "none") == []
    assert list_postmortems() == []


def test_move_to_trash_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(OLD)
    moved = move_to_trash(path)
    assert not path.exists()
    assert moved.parent == paths.trash_dir()
    assert moved.read_text() == OLD
    path.write_text("second")
    again = move_to_trash(path)
    assert again != moved and again.read_text() == "second" and moved.read_text() == OLD


def test_move_missing_file_to_trash(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such file"):
        move_to_trash(tmp_path / "nope.md")


def test_a_symlinked_file_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "repo" / "pm.md"
    target.parent.mkdir()
    target.write_text(OLD)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    save(doc("Through the link"), link)
    assert link.is_symlink()
    assert load(target).title == "Through the link"
