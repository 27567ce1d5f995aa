"""Git-friendly saves, end to end: a hand-formatted post-mortem committed to a git
repository, opened as a session, one field edited, saved: ``git diff`` shows only that
field's lines (counted with ``git diff --numstat``, and their content checked)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pmtui import state
from pmtui.document.model import (
    ActionItem,
    Allowance,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)
from pmtui.document.session import DraftSession

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

HAND_FORMATTED = (Path(__file__).parent / "fixtures" / "hand_formatted.md").read_text()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.autocrlf=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@dataclass
class Diff:
    added: list[str]
    deleted: list[str]
    numstat: tuple[int, int]


def committed(tmp_path: Path, text: str) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "user.name", "Test")
    path = repo / "postmortem.md"
    path.write_bytes(text.encode("utf-8"))
    git(repo, "add", "postmortem.md")
    git(repo, "commit", "-q", "-m", "hand-formatted post-mortem")
    return path


def diff(path: Path) -> Diff:
    repo = path.parent
    numstat = git(repo, "diff", "--numstat", "--", path.name).split()
    added, deleted = (int(numstat[0]), int(numstat[1])) if numstat else (0, 0)
    lines = git(repo, "diff", "-U0", "--", path.name).split("\n")
    body = [line for line in lines if not line.startswith(("+++", "---"))]
    return Diff(
        added=[line[1:].rstrip("\r") for line in body if line.startswith("+")],
        deleted=[line[1:].rstrip("\r") for line in body if line.startswith("-")],
        numstat=(added, deleted),
    )


Change = Callable[[Postmortem], None]


def action_row(*cells: str) -> str:
    """A row of the fixture's action table, padded as its rows are."""
    widths = (29, 7, 10, 6, 21)
    padded = (f" {cell.ljust(width)} " for cell, width in zip(cells, widths, strict=True))
    return "|" + "|".join(padded) + "|"


#: (what is edited, the edit, the lines git shows added, the lines it shows deleted)
EDITS: list[tuple[str, Change, list[str], list[str]]] = [
    (
        "title",
        lambda d: setattr(d, "title", "Checkout outage"),
        ["# Post-Mortem: Checkout outage"],
        ["# Post-Mortem: Checkout outage after config push"],
    ),
    (
        "date",
        lambda d: setattr(d, "date", dt.date(2024, 3, 6)),
        ["**Date:**   2024-03-06"],
        ["**Date:**   2024-03-05"],
    ),
    (
        "duration",
        lambda d: setattr(d, "duration", "2 hours 10 minutes"),
        ["**Duration:** 2 hours 10 minutes"],
        ["**Duration:** about 2 hours"],
    ),
    (
        "severity",
        lambda d: setattr(d, "severity", Severity.SEV1),
        ["**Severity:** SEV-1"],
        ["**Severity:** SEV-2"],
    ),
    (
        "author",
        lambda d: setattr(d, "author", "Dana Ruiz and Sam Lee"),
        ["**Author:** Dana Ruiz and Sam Lee"],
        ["**Author:** Dana Ruiz"],
    ),
    (
        "summary",
        lambda d: setattr(d, "summary", d.summary.replace("also wrapped", "wrapped")),
        ["A second paragraph, wrapped by hand."],
        ["A second paragraph, also", "wrapped by hand."],
    ),
    (
        "impact",
        lambda d: setattr(d, "impact", "Roughly 12% of orders failed; no data was lost."),
        ["Roughly 12% of orders failed; no data was lost."],
        ["Roughly 12% of orders", "failed."],
    ),
    (
        "timeline time",
        lambda d: setattr(d.timeline[1], "time", "09:13"),
        ["| 09:13      | Error-rate alert fired              |"],
        ["| 09:12      | Error-rate alert fired              |"],
    ),
    (
        "timeline event",
        lambda d: setattr(d.timeline[1], "event", "Error-rate alert paged on-call"),
        ["| 09:12      | Error-rate alert paged on-call      |"],
        ["| 09:12      | Error-rate alert fired              |"],
    ),
    (
        "timeline: add a row",
        lambda d: d.timeline.append(TimelineEntry(time="10:05", event="Error rate normal")),
        ["| 10:05      | Error rate normal                   |"],
        [],
    ),
    (
        "timeline: delete a row",
        lambda d: d.timeline.pop(1),
        [],
        ["| 09:12      | Error-rate alert fired              |"],
    ),
    (
        "timeline: move a row",
        lambda d: d.timeline.insert(0, d.timeline.pop(2)),
        ["| 09:40      | Rolled back to v41                  |"],
        ["| 09:40      | Rolled back to v41                  |"],
    ),
    (
        "a why",
        lambda d: d.five_whys.__setitem__(1, "The config schema allowed zero."),
        ["2. Why: The config schema allowed zero."],
        ["2. Why: The config schema had no lower bound."],
    ),
    (
        "a new why",
        lambda d: d.five_whys.append("No one owned the config schema."),
        ["4. Why: No one owned the config schema."],
        [],
    ),
    (
        "gap text",
        lambda d: setattr(d.gaps[0], "text", "No alert when the pool is exhausted"),
        ["* [ ] **Detection:** No alert when the pool is exhausted"],
        ["* [ ] **Detection:** No alert on pool exhaustion"],
    ),
    (
        "gap type",
        lambda d: setattr(d.gaps[0], "type", GapType.PREVENTION),
        ["* [ ] **Prevention:** No alert on pool exhaustion"],
        ["* [ ] **Detection:** No alert on pool exhaustion"],
    ),
    (
        "gap done",
        lambda d: setattr(d.gaps[0], "done", True),
        ["* [x] **Detection:** No alert on pool exhaustion"],
        ["* [ ] **Detection:** No alert on pool exhaustion"],
    ),
    (
        "a new gap",
        lambda d: d.gaps.append(ProcessGap(text="Nobody was paged", type=GapType.COMMUNICATION)),
        ["* [ ] **Communication:** Nobody was paged"],
        [],
    ),
    (
        "action",
        lambda d: setattr(d.action_items[0], "action", "Validate config in CI"),
        [
            action_row(
                "Validate config in CI", "@dana", "2024-04-01", "WIP", "A bad config fails CI"
            )
        ],
        [
            action_row(
                "Add config validation to CI", "@dana", "2024-04-01", "WIP", "A bad config fails CI"
            )
        ],
    ),
    (
        "action owner",
        lambda d: setattr(d.action_items[0], "owner", "@sam"),
        [
            action_row(
                "Add config validation to CI", "@sam", "2024-04-01", "WIP", "A bad config fails CI"
            )
        ],
        [
            action_row(
                "Add config validation to CI", "@dana", "2024-04-01", "WIP", "A bad config fails CI"
            )
        ],
    ),
    (
        "action due",
        lambda d: setattr(d.action_items[1], "due", dt.date(2024, 5, 1)),
        [action_row("Alert on pool exhaustion", "@ops", "2024-05-01", "todo", "")],
        [action_row("Alert on pool exhaustion", "@ops", "2024-04-15", "todo", "")],
    ),
    (
        "action status",
        lambda d: setattr(d.action_items[1], "status", Status.DONE),
        [action_row("Alert on pool exhaustion", "@ops", "2024-04-15", "Done", "")],
        [action_row("Alert on pool exhaustion", "@ops", "2024-04-15", "todo", "")],
    ),
    (
        "action verification",
        lambda d: setattr(d.action_items[1], "verification", "Fires in staging"),
        [action_row("Alert on pool exhaustion", "@ops", "2024-04-15", "todo", "Fires in staging")],
        [action_row("Alert on pool exhaustion", "@ops", "2024-04-15", "todo", "")],
    ),
    (
        "a new action item",
        lambda d: d.action_items.append(ActionItem(action="Write the runbook", owner="@ops")),
        [action_row("Write the runbook", "@ops", "", "Pending", "")],
        [],
    ),
    (
        "a learning",
        lambda d: d.learnings.__setitem__(1, "Validation belongs in CI, not in review."),
        ["- Validation belongs in CI, not in review."],
        ["- Validation belongs in CI."],
    ),
    (
        "a new learning",
        lambda d: d.learnings.append("Rollbacks need practice."),
        ["- Rollbacks need practice."],
        [],
    ),
    (
        "the meeting record",
        lambda d: setattr(d.meeting.items[0], "actual_seconds", 330) if d.meeting else None,
        ["| Review timeline and impact | 5 | 330 | 30 |"],
        ["| Review timeline and impact | 5 | 312 | 12 |"],
    ),
    (
        "an allowed warning",
        lambda d: d.allowed.append(Allowance(rule="blame.person", match="Dana")),
        ['<!-- pmtui: allow blame.person "Dana" -->', ""],  # under the header fields
        [],
    ),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize(
    ("what", "change", "added", "deleted"), EDITS, ids=[edit[0] for edit in EDITS]
)
def test_one_edit_changes_only_that_fields_lines(
    tmp_path: Path,
    newline: str,
    what: str,
    change: Change,
    added: list[str],
    deleted: list[str],
) -> None:
    path = committed(tmp_path, HAND_FORMATTED.replace("\n", newline))
    session = DraftSession.open(path)
    change(session.doc)
    session.changed()
    session.save()
    session.close()

    found = diff(path)
    assert found.numstat == (len(added), len(deleted)), found
    assert found.added == added
    assert found.deleted == deleted
    data = path.read_bytes()
    if newline == "\r\n":  # every line, old and new, ends as the file's lines do
        assert data.count(b"\n") == data.count(b"\r\n")
    assert data.endswith(newline.encode())


def test_two_saves_in_a_row_patch_from_what_was_last_written(tmp_path: Path) -> None:
    path = committed(tmp_path, HAND_FORMATTED)
    session = DraftSession.open(path)
    session.doc.timeline[0].event = "Config v42 pushed"
    session.changed()
    session.save()
    session.doc.action_items[0].status = Status.DONE
    session.changed()
    snapshot = session.snapshot()  # the autosave path: a copy written from a thread
    assert snapshot is not None
    assert session.write_snapshot(*snapshot)
    session.close()
    assert diff(path).numstat == (2, 2)
    assert "| 9:07       | Config v42 pushed                   |" in diff(path).added


def test_opening_moving_between_steps_and_saving_unchanged_leaves_the_file(
    tmp_path: Path,
) -> None:
    text = HAND_FORMATTED.replace("## Summary", "<!-- pmtui: step whys -->\n\n## Summary")
    path = committed(tmp_path, text.replace("\n", "\r\n"))
    session = DraftSession.open(path)
    assert session.doc.wizard_step == "whys"  # an old file's step comment still reads
    for step in ("timeline", "gaps", "review"):
        state.remember_step(path, step)  # what the wizard does on every step change
    session.changed()
    session.save()
    session.close()
    assert diff(path).numstat == (0, 0)
    assert path.read_bytes() == text.replace("\n", "\r\n").encode()
    assert state.last_step(path) == "review"


def test_an_untouched_short_time_stays_and_an_edited_one_is_written_in_full(
    tmp_path: Path,
) -> None:
    """``9:07`` reads as ``09:07``. A save keeps the cell as the user wrote it while the
    time is not edited (even when the row's event is): the diff stays that small. An
    edited time is written in full (``9:08`` typed is written ``09:08``)."""
    path = committed(tmp_path, HAND_FORMATTED)
    session = DraftSession.open(path)
    assert session.doc.timeline[0].time == "09:07"
    session.doc.summary += " More."
    session.changed()
    session.save()
    assert "| 9:07       | Config v42 pushed to all regions    |" in path.read_text()
    session.doc.timeline[0].event = "Config v42 pushed"
    session.changed()
    session.save()
    assert "| 9:07       | Config v42 pushed                   |" in path.read_text()
    session.doc.timeline[0].time = "9:08"
    session.changed()
    session.save()
    session.close()
    assert "| 09:08      | Config v42 pushed                   |" in path.read_text()
