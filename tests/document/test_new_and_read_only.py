"""A second new untitled draft gets its own name; a read-only folder opens files
read-only with one clear line instead of a raw ``[Errno 30]``."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui.document import storage
from pmtui.document.lock import lock_path
from pmtui.document.model import Postmortem
from pmtui.document.session import DraftSession
from pmtui.errors import UserError
from tests.fakes import FakeClock, OtherPmtui

TODAY = dt.date(2024, 3, 8)


def today() -> dt.date:
    return TODAY


def create(title: str, folder: Path) -> DraftSession:
    from pmtui.blame import Checker

    return DraftSession.create(
        title, folder=folder, clock=FakeClock(), checker=Checker(today=today)
    )


# --------------------------------------------------------------------------- new drafts


def test_a_second_untitled_draft_gets_its_own_name(tmp_path: Path) -> None:
    first = create("", tmp_path)
    second = create("", tmp_path)
    assert first.path.name == "2024-03-08-untitled.md"
    assert second.path.name == "2024-03-08-untitled-2.md"
    first.close()
    second.close()


def test_a_name_another_process_claimed_is_skipped(tmp_path: Path) -> None:
    with OtherPmtui(tmp_path / "2024-03-08-untitled.md"):
        session = create("", tmp_path)
        assert session.path.name == "2024-03-08-untitled-2.md"
        session.close()


def test_naming_after_the_title_skips_a_name_another_window_claimed(tmp_path: Path) -> None:
    first, second = create("", tmp_path), create("", tmp_path)
    for session in (first, second):
        session.doc.title = "Checkout outage"
        session.changed()
    first.save()
    second.save()
    assert first.path.name == "2024-03-08-checkout-outage.md"
    assert second.path.name == "2024-03-08-checkout-outage-2.md"
    first.close()
    second.close()


# --------------------------------------------------------------------------- read-only folder


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder holding ``pm.md`` that cannot be written: a real read-only mount when
    this machine allows one (root with mount rights), else the same errors simulated."""
    folder = tmp_path / "ro"
    folder.mkdir()
    try:
        mounted = (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    except OSError:
        mounted = False
    storage.save(Postmortem(title="Checkout outage"), folder / "pm.md")
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    real_open, real_mkstemp = os.open, storage.tempfile.mkstemp

    def refuse(path: object) -> None:
        if Path(str(path)).parent == folder and not Path(str(path)).exists():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    def fake_open(path: object, flags: int, *args: object, **kw: object) -> int:
        if flags & os.O_CREAT:
            refuse(path)
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    def fake_mkstemp(*args: object, dir: object = None, **kw: object) -> tuple[int, str]:
        refuse(Path(str(dir)) / "tmp")
        return real_mkstemp(*args, dir=dir, **kw)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(storage.tempfile, "mkstemp", fake_mkstemp)
    yield folder


def test_a_file_in_a_read_only_folder_opens_read_only_with_a_clear_reason(
    read_only_folder: Path,
) -> None:
    path = read_only_folder / "pm.md"
    before = path.read_bytes()
    session = DraftSession.open(path, clock=FakeClock())
    assert session.read_only and session.lock is None
    reason = session.read_only_reason or ""
    print(f"read-only reason: {reason}")
    assert "read-only" in reason and str(read_only_folder) in reason
    assert "Errno" not in reason and "\n" not in reason
    session.doc.summary = "typed"
    session.changed()
    session.save()  # read-only: nothing written, no error
    session.close()
    assert path.read_bytes() == before
    assert not lock_path(path).exists()


def test_a_new_draft_in_a_read_only_folder_is_one_clear_line(read_only_folder: Path) -> None:
    with pytest.raises(UserError) as info:
        create("", read_only_folder)
    message = str(info.value)
    print(f"new draft refused: {message}")
    assert "read-only" in message and str(read_only_folder) in message
    assert "Errno" not in message and "\n" not in message
