"""Done dates from git: the commit that turned a row Done, followed through renames,
rewording and back-and-forth; cached by HEAD and updated incrementally."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmtui.repo import gitdates
from pmtui.repo.gitdates import done_dates, parse_row
from tests.repo.gitrepo import commit_all, git, init_repo, needs_git

TABLE = """\
# Post-Mortem: Cache outage

**Date:** 2024-01-05

## Action Items
| Action | Owner | Due | Status |
|:---|:---|:---|:---|
{rows}
"""


def write(path: Path, *rows: tuple[str, str]) -> None:
    body = "\n".join(f"| {action} | @dana | 2024-02-01 | {status} |" for action, status in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TABLE.format(rows=body), encoding="utf-8")


def test_parse_row() -> None:
    assert parse_row("| Add alert | @dana | 2024-02-01 | Done |") == ("add alert", "Done")
    # An escaped pipe does not split the cell; the key is the text the reader sees.
    from pmtui.document.markdown import read_markdown

    row = "|Add  `a\\|b` check|@x||in-progress|"
    doc, _ = read_markdown(TABLE.format(rows=row))
    key = gitdates.action_key(doc.action_items[0].action)
    assert parse_row(row) == (key, "In progress")
    assert parse_row("| Action | Owner | Due | Status |") is None
    assert parse_row("| 14:02 | Done |") is None  # a timeline row
    assert parse_row("plain text Done") is None


@needs_git
def test_done_date_is_the_commit_that_made_it_done(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    pm = repo / "docs" / "pm"
    a = pm / "a.md"
    write(a, ("Add alert", "Pending"), ("Write runbook", "Pending"), ("Fix DNS", "Done"))
    commit_all(repo, "a", "2024-01-06")
    write(a, ("Add alert", "Done"), ("Write runbook", "In progress"), ("Fix DNS", "Done"))
    commit_all(repo, "alert done", "2024-01-20")
    # An edit of another cell of a Done row keeps its done date.
    a.write_text(a.read_text().replace("| Add alert | @dana |", "| Add alert | @lee |"), "utf-8")
    commit_all(repo, "owner", "2024-02-10")
    # Reopened and done again: the last time counts.
    write(a, ("Add alert", "Done"), ("Write runbook", "Done"), ("Fix DNS", "Pending"))
    commit_all(repo, "runbook done, dns reopened", "2024-03-01")
    write(a, ("Add alert", "Done"), ("Write runbook", "Done"), ("Fix DNS", "Done"))
    commit_all(repo, "dns done again", "2024-03-15")
    # Renamed, and one action reworded in the same file later.
    git(repo, "mv", "docs/pm/a.md", "docs/pm/2024-01-05-cache.md")
    commit_all(repo, "rename", "2024-04-01")
    b = pm / "2024-01-05-cache.md"
    b.write_text(b.read_text().replace("Write runbook", "Write the cache runbook"), "utf-8")
    commit_all(repo, "reword", "2024-04-02")

    dates = done_dates(pm)
    assert dates.head is not None and not dates.note
    assert dates.date_of(b, "Add alert") == dt.date(2024, 1, 20)
    assert dates.date_of(b, "Write the cache runbook") == dt.date(2024, 3, 1)
    assert dates.date_of(b, "Fix DNS") == dt.date(2024, 3, 15)
    assert dates.date_of(a, "Add alert") is None  # the old name has no rows any more


@needs_git
def test_cached_by_head_and_updated_incrementally(tmp_path: Path, monkeypatch: object) -> None:
    repo = init_repo(tmp_path / "repo")
    pm = repo / "pm"
    write(pm / "a.md", ("Add alert", "Pending"))
    commit_all(repo, "a", "2024-01-06")
    assert done_dates(pm).date_of(pm / "a.md", "Add alert") is None
    calls: list[str | None] = []
    real = gitdates._log

    def spy(root: Path, folder: str, since: str | None):  # type: ignore[no-untyped-def]
        calls.append(since)
        return real(root, folder, since)

    import pytest

    mp = pytest.MonkeyPatch()
    mp.setattr(gitdates, "_log", spy)
    try:
        done_dates(pm)
        assert calls == []  # HEAD unchanged: nothing read from git's history
        head = git(repo, "rev-parse", "HEAD").strip()
        write(pm / "a.md", ("Add alert", "Done"))
        commit_all(repo, "done", "2024-02-02")
        dates = done_dates(pm)
        assert calls == [head]  # only the new commits
        assert dates.date_of(pm / "a.md", "Add alert") == dt.date(2024, 2, 2)
    finally:
        mp.undo()


def test_outside_git_there_are_no_dates(tmp_path: Path) -> None:
    dates = done_dates(tmp_path)
    assert dates.root is None and "not in a git repository" in dates.note


@needs_git
def test_report_median_days_to_done_from_git(tmp_path: Path) -> None:
    from pmtui.repo.index import Index
    from pmtui.repo.report import build

    repo = init_repo(tmp_path / "repo")
    pm = repo / "pm"
    write(pm / "a.md", ("Add alert", "Pending"), ("Write runbook", "Pending"), ("Fix", "Done"))
    commit_all(repo, "a", "2024-01-06")
    write(pm / "a.md", ("Add alert", "Done"), ("Write runbook", "Pending"), ("Fix", "Done"))
    commit_all(repo, "done", "2024-01-15")
    write(pm / "a.md", ("Add alert", "Done"), ("Write runbook", "Done"), ("Fix", "Done"))
    # the runbook is Done in the working tree but not committed: no done date
    report = build(Index(pm).refresh(), today=dt.date(2024, 6, 1), done_dates=done_dates(pm))
    assert report.done == 3 and report.done_undated == 1
    assert sorted(report.days_to_done) == [1, 10]  # 2024-01-06 and 2024-01-15 from 01-05
    assert report.median_days_to_done == 5.5
