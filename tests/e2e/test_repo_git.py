"""End to end in a temporary git repository: `pmtui init`, two post-mortems started from
the app (as `pmtui new --title` does), filled in and committed; then one field edited in
each (the session API, as the wizard saves; and the Actions screen's status write-back).
`git diff` shows only the changed lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.config import load_settings
from pmtui.document.model import ActionItem, Status, TimelineEntry
from pmtui.document.session import DraftSession
from pmtui.repo.status import set_status
from pmtui.tui.app import PmtuiApp
from tests.repo.gitrepo import commit_all, git, init_repo, needs_git
from tests.ui.helpers import settle, type_text, wizard


async def _new_from_the_app(title: str) -> Path:
    """`pmtui new --title TITLE`, then ctrl+q (which saves)."""
    app = PmtuiApp(settings=load_settings(), new_title=title)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        path = screen.session.path
        screen.query_one("#author").focus()
        await type_text(pilot, "Dana Reyes")
        await pilot.press("ctrl+q")
    return path


def _fill(path: Path, n: int) -> None:
    session = DraftSession.open(path)
    doc = session.doc
    doc.summary = f"Service {n} failed after a config push; the rollback restored it."
    doc.timeline = [
        TimelineEntry(time="14:02", event="Config change deployed"),
        TimelineEntry(time="14:09", event="Error-rate alert fired"),
    ]
    doc.five_whys = ["The key was missing from the config.", "No required-field check."]
    doc.action_items = [
        ActionItem(
            action="Add config validation to CI", owner="@platform-team", due=dt.date(2030, 1, 1)
        ),  # fmt: skip
        ActionItem(action="Alert on provider errors", owner="@dana", due=dt.date(2030, 2, 1)),
    ]
    doc.learnings = ["Config changes need the same safety net as code changes"]
    session.changed()
    session.close()


@needs_git
async def test_init_new_commit_edit_and_git_diff_shows_only_changed_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    assert main(["init"]) == 0
    first = await _new_from_the_app("Checkout outage")
    second = await _new_from_the_app("Search latency spike")
    folder = repo / "docs" / "postmortems"
    assert first.parent == folder and second.parent == folder
    _fill(first, 1)
    _fill(second, 2)
    commit_all(repo, "two post-mortems")
    capsys.readouterr()
    assert main(["actions", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 5  # header + 2 + 2

    # One field in each: the summary through the session (as the wizard saves it), and
    # one action item's status through the Actions screen's write-back.
    session = DraftSession.open(first)
    session.doc.summary = "Service 1 failed after a config push; a rollback restored it."
    session.changed()
    session.close()
    set_status(second, 1, Status.DONE, expect_action="Alert on provider errors")

    stat = git(repo, "diff", "--numstat").split("\n")
    numbers = sorted(line.split("\t")[:3] for line in stat if line)
    assert numbers == [
        ["1", "1", first.relative_to(repo).as_posix()],
        ["1", "1", second.relative_to(repo).as_posix()],
    ]
    diff = git(repo, "diff", "-U0")
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-Service 1 failed after a config push; the rollback restored it.",
        "+Service 1 failed after a config push; a rollback restored it.",
        "-| Alert on provider errors | @dana | 2030-02-01 | Pending |",
        "+| Alert on provider errors | @dana | 2030-02-01 | Done |",
    ]
    print(git(repo, "diff", "--stat"))
