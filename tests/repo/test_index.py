"""The index in the cache folder: a warm run re-reads only changed files; warning counts
agree with the checker on any day; stale formats, settings and racy files are re-read."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from pmtui.blame import Checker
from pmtui.config import BlameSettings
from pmtui.document.markdown import read_markdown
from pmtui.repo import index as index_module
from pmtui.repo.index import Index, index_file
from tests.repo.generate import write_folder


def _age(*paths: Path) -> None:
    """Modified two minutes ago (not "racy": see RACY_NS)."""
    past = dt.datetime.now().timestamp() - 120
    for path in paths:
        os.utime(path, (past, past))


def test_warm_run_reads_only_changed_files(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    paths = write_folder(folder, 12)
    idx = Index(folder, Checker())
    assert len(idx.refresh()) == 12 and idx.stats.read == 12 and idx.stats.written
    idx = Index(folder, Checker())
    idx.refresh()
    assert (idx.stats.read, idx.stats.written) == (0, False)

    text = paths[3].read_text(encoding="utf-8").replace("outage", "incident", 1)
    paths[3].write_text(text, encoding="utf-8")
    paths[5].unlink()
    _age(paths[3])
    idx = Index(folder, Checker())
    entries = idx.refresh()
    assert (idx.stats.read, idx.stats.removed, len(entries)) == (1, 1, 11)
    [changed] = [e for e in entries if e.path == paths[3]]
    assert "incident" in changed.title


def test_entry_holds_what_the_commands_need(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    [path] = write_folder(folder, 1)
    [entry] = Index(folder, Checker()).refresh()
    doc, sources = read_markdown(path.read_text(encoding="utf-8"))
    assert (entry.title, entry.date, entry.severity) == (
        doc.title, doc.date, doc.severity.value if doc.severity else None
    )  # fmt: skip
    assert [r.action for r in entry.actions] == [a.action for a in doc.action_items]
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in entry.actions:
        assert row.action in lines[row.line - 1]
    assert entry.learnings == doc.learnings
    # The JSON holds plain data, never a pickled model.
    raw = json.loads(index_file(folder).read_text(encoding="utf-8"))
    assert raw["format"] == index_module.FORMAT and set(raw["files"]) == {path.name}


@pytest.mark.parametrize("offset", [-400, 0, 30, 400])
def test_warning_count_equals_the_checker_on_any_day(tmp_path: Path, offset: int) -> None:
    folder = tmp_path / "pm"
    write_folder(folder, 8, seed=3)
    built = Index(folder, Checker(today=dt.date.today)).refresh()
    day = dt.date.today() + dt.timedelta(days=offset)
    checker = Checker(today=lambda: day)
    key = index_module.checker_key(checker)
    for entry in Index(folder, checker).refresh():
        doc, _ = read_markdown(entry.path.read_text(encoding="utf-8"))
        assert entry.warning_count(key, day) == len(checker.document(doc))
    assert built


def test_allowed_overdue_warnings_are_not_counted(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    [path] = write_folder(folder, 1, seed=5)
    text = path.read_text(encoding="utf-8").replace(
        "## Summary", "<!-- pmtui: allow action-overdue -->\n\n## Summary", 1
    )
    path.write_text(text, encoding="utf-8")
    _age(path)
    far = dt.date.today() + dt.timedelta(days=2000)
    checker = Checker(today=lambda: far)
    [entry] = Index(folder, checker).refresh()
    doc, _ = read_markdown(text)
    assert entry.warning_count(index_module.checker_key(checker), far) == len(checker.document(doc))


def test_changed_blame_settings_recount_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    write_folder(folder, 3)
    Index(folder, Checker()).refresh()
    strict = Checker(BlameSettings(terms={"character_judgement": ("canary",)}))
    idx = Index(folder, strict)
    entries = idx.refresh()
    assert idx.stats.read == 3
    # Commands that need no counts do not re-read for them.
    lenient = Checker(BlameSettings(disable=("human_error",)))
    idx = Index(folder, lenient)
    idx.refresh(warnings=False)
    assert idx.stats.read == 0
    assert all(e.warning_count(index_module.checker_key(strict), dt.date.today()) is not None
               for e in entries)  # fmt: skip


def test_racy_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    [path] = write_folder(folder, 1)
    os.utime(path, None)  # modified just now
    Index(folder, Checker()).refresh()
    idx = Index(folder, Checker())
    idx.refresh()
    assert idx.stats.read == 1  # modified within RACY_NS of the read: not trusted yet
    clock = lambda: path.stat().st_mtime_ns + index_module.RACY_NS + 1  # noqa: E731
    Index(folder, Checker(), clock=clock).refresh()
    idx = Index(folder, Checker())
    idx.refresh()
    assert idx.stats.read == 0


def test_corrupt_or_old_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pm"
    write_folder(folder, 2)
    Index(folder, Checker()).refresh()
    index_file(folder).write_text("{not json", encoding="utf-8")
    idx = Index(folder, Checker())
    assert len(idx.refresh()) == 2 and idx.stats.read == 2
    monkeypatch.setattr(index_module, "FORMAT", index_module.FORMAT + 1)
    idx = Index(folder, Checker())
    idx.refresh()
    assert idx.stats.read == 2


def test_unreadable_file_is_an_entry_with_its_error(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    write_folder(folder, 1)
    (folder / "notes.md").write_text("just notes\n", encoding="utf-8")
    entries = Index(folder, Checker()).refresh()
    [bad] = [e for e in entries if e.error]
    assert bad.error is not None and bad.error.startswith(f"{folder / 'notes.md'}:1: ")
    assert len(entries) == 2


def test_gitignored_and_hidden_files_are_not_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    write_folder(folder, 2)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("pm/drafts/\n", encoding="utf-8")
    write_folder(folder / "drafts", 1)
    write_folder(folder / "2024", 1, seed=9)
    (folder / ".hidden.md").write_text("# Post-Mortem: x\n", encoding="utf-8")
    entries = Index(folder).refresh()
    assert len(entries) == 3
    assert not any("drafts" in e.path.parts for e in entries)


def test_missing_folder_is_empty(tmp_path: Path) -> None:
    assert Index(tmp_path / "nope").refresh() == []
