"""Private by default: under ``umask 000`` every folder pmtui makes in its own trees
(data, drafts, trash, state, cache) is 0700 and every file it writes is 0600, so other
local users can neither read incident titles from file names nor replace drafts."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui import paths, state
from pmtui.document import storage
from pmtui.document.lock import lock_path
from pmtui.document.session import DraftSession
from tests.fakes import FakeClock


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_own_folders_and_files_are_private_under_umask_000(
    umask_000: None, isolated_dirs: Path
) -> None:
    session = DraftSession.create("Checkout outage", clock=FakeClock())
    lock = lock_path(session.path)
    assert mode(lock) == 0o600
    session.save()
    draft = session.path
    copy = session.keep_mine(now=dt.datetime(2024, 3, 8, 14, 0, 0))
    session.close()
    trashed = storage.move_to_trash(draft)
    state.remember_theme("nord", None)
    paths.ensure_dir(paths.cache_dir() / "index")
    storage.atomic_write_text(paths.cache_dir() / "index" / "entries.json", "{}\n")

    folders = {
        "data": paths.data_dir(),
        "drafts": paths.drafts_dir(),
        "trash": paths.trash_dir(),
        "state": paths.state_dir(),
        "cache": paths.cache_dir(),
        "cache/index": paths.cache_dir() / "index",
    }
    files = {
        "copy": copy,
        "trashed": trashed,
        "state": state.state_file(),
        "cache": paths.cache_dir() / "index" / "entries.json",
    }
    wrong = {name: oct(mode(p)) for name, p in folders.items() if mode(p) != 0o700}
    wrong |= {name: oct(mode(p)) for name, p in files.items() if mode(p) != 0o600}
    assert wrong == {}


def test_an_export_into_the_data_folder_is_private(umask_000: None, tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    storage.save(storage.Postmortem(title="Outage"), doc)
    paths.ensure_dir(paths.data_dir())
    out = paths.data_dir() / "pm.html"
    env = {**os.environ}
    code = "import os, sys; os.umask(0); from pmtui.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["export", str(doc), "--format", "html", "-o", str(out)]
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env)
    assert mode(out) == 0o600
    assert mode(paths.data_dir()) == 0o700


def test_a_folder_of_postmortems_the_user_chose_is_never_writable_by_others(
    umask_000: None, tmp_path: Path
) -> None:
    folder = tmp_path / "repo" / "docs" / "postmortems"
    session = DraftSession.create("Outage", folder=folder, clock=FakeClock())
    session.save()
    session.close()
    for made in (folder, folder.parent):
        assert mode(made) & 0o022 == 0, oct(mode(made))
    assert mode(session.path) == 0o600


def test_an_older_world_readable_data_folder_is_tightened(isolated_dirs: Path) -> None:
    paths.drafts_dir().mkdir(parents=True)
    os.chmod(paths.data_dir(), 0o755)
    os.chmod(paths.drafts_dir(), 0o755)
    session = DraftSession.create("Outage", clock=FakeClock())
    session.save()
    session.close()
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.drafts_dir()) == 0o700
