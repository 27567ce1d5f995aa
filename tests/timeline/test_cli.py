"""``pmtui timeline PM --from LOG``: preview, --dry-run, the merge written, and bad input as
one line with exit status 2."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.cli import main
from pmtui.document.storage import load
from tests.timeline.conftest import FIXTURES
from tests.timeline.conftest import load as load_fixture

PM = """# Post-Mortem: Checkout outage

**Date:** 2026-03-12
**Duration:** 2 hours
**Severity:** SEV-2
**Author:** Sam Lee

## Summary
Checkout failed for 40 minutes.

## Timeline
| Time (UTC) | Event |
|:---|:---|
| 17:35 | Status page updated |
| 17:41 | responder: replica lag is 40s, failing over to db-2 |
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert err.startswith("pmtui: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def pm(tmp_path: Path) -> Path:
    path = tmp_path / "pm.md"
    path.write_text(PM, encoding="utf-8")
    return path


@pytest.fixture
def slack(tmp_path: Path) -> Path:
    path = tmp_path / "slack.txt"
    path.write_text(load_fixture("slack_paste.txt"), encoding="utf-8")
    return path


def test_dry_run_prints_the_preview_and_leaves_the_file_byte_for_byte(
    capsys: pytest.CaptureFixture[str], pm: Path, slack: Path
) -> None:
    before = pm.read_bytes()
    mtime = pm.stat().st_mtime_ns
    code, out, err = run(
        capsys,
        "timeline",
        str(pm),
        "--from",
        str(slack),
        "--tz",
        "America/Los_Angeles",
        "--dry-run",
    )
    assert code == 0, err
    assert pm.read_bytes() == before and pm.stat().st_mtime_ns == mtime
    assert "Rows: 5 to add, 1 already in the timeline, 1 not understood" in out
    assert "10:32 AM America/Los_Angeles UTC\u22127 (default zone)" in out
    assert "2026-03-12 17:32" in out
    assert "already there" in out
    assert "line 13: :eyes: 2" in out
    assert "Dry run:" in out and "5 row(s) would be added" in out


def test_the_blame_check_marks_imported_rows(
    capsys: pytest.CaptureFixture[str], pm: Path, slack: Path
) -> None:
    code, out, _ = run(
        capsys,
        "timeline",
        str(pm),
        "--from",
        str(slack),
        "--tz",
        "America/Los_Angeles",
        "--dry-run",
    )
    assert code == 0
    row = next(line for line in out.splitlines() if "should have checked" in line)
    assert "blame" in row
    assert "    blame: " in out


def test_the_merge_is_written_in_time_order(
    capsys: pytest.CaptureFixture[str], pm: Path, slack: Path
) -> None:
    code, out, err = run(
        capsys, "timeline", str(pm), "--from", str(slack), "--tz", "America/Los_Angeles"
    )
    assert code == 0, err
    assert "Added 5 row(s)" in out and "1 already there" in out
    doc = load(pm)
    assert [(e.time, e.event) for e in doc.timeline] == [
        ("17:32", "responder: We're seeing 500s on checkout, error rate 12%"),
        ("17:33", "responder: responder can you check the primary?"),
        ("17:35", "Status page updated"),
        ("17:41", "responder: replica lag is 40s, failing over to db-2"),
        ("17:42", "PagerDuty: Triggered #4821: checkout-api error rate > 5%"),
        ("19:00", "responder: error rate back to 0.1%"),
        ("19:30", "responder: responder should have checked the lag alert before the deploy"),
    ]
    assert doc.title == "Checkout outage" and doc.author == "Sam Lee"
    # Importing again adds nothing and does not rewrite the file.
    before = pm.read_bytes()
    code, out, _ = run(
        capsys, "timeline", str(pm), "--from", str(slack), "--tz", "America/Los_Angeles"
    )
    assert code == 0 and "Nothing to add" in out
    assert pm.read_bytes() == before


def test_keep_names_and_roles(capsys: pytest.CaptureFixture[str], pm: Path, slack: Path) -> None:
    code, _, err = run(
        capsys,
        "timeline",
        str(pm),
        "--from",
        str(slack),
        "--tz",
        "America/Los_Angeles",
        "--role",
        "Jane Doe=incident commander",
    )
    assert code == 0, err
    events = [e.event for e in load(pm).timeline]
    assert "incident commander: We're seeing 500s on checkout, error rate 12%" in events
    assert not any("Jane" in e or "Bob" in e for e in events)


def test_crossing_midnight_utc_writes_dates(
    capsys: pytest.CaptureFixture[str], pm: Path, tmp_path: Path
) -> None:
    log = tmp_path / "notes.txt"
    log.write_text("16:55 alert fired\n17:10 rollback done\n", encoding="utf-8")
    code, _, err = run(
        capsys, "timeline", str(pm), "--from", str(log), "--tz", "America/Los_Angeles"
    )
    assert code == 0, err
    assert [e.time for e in load(pm).timeline] == [
        "2026-03-12 17:35",
        "2026-03-12 17:41",
        "2026-03-12 23:55",
        "2026-03-13 00:10",
    ]


def test_standard_input(
    capsys: pytest.CaptureFixture[str], pm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (FIXTURES / "pagerduty_log_entries.csv").read_bytes()
    data = b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"# "))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + data)))
    code, out, err = run(capsys, "timeline", str(pm), "--from", "-")
    assert code == 0, err
    assert "Added 5 row(s)" in out
    events = [e.event for e in load(pm).timeline]
    assert "Acknowledged by responder." in events


def test_team_timezone_from_config(
    capsys: pytest.CaptureFixture[str], pm: Path, slack: Path
) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('timezone = "America/Los_Angeles"\n', encoding="utf-8")
    code, out, err = run(capsys, "timeline", str(pm), "--from", str(slack), "--dry-run")
    assert code == 0, err
    assert "2026-03-12 17:32" in out


def test_zone_less_lines_without_tz(
    capsys: pytest.CaptureFixture[str], pm: Path, slack: Path
) -> None:
    before = pm.read_bytes()
    code, out, err = run(capsys, "timeline", str(pm), "--from", str(slack))
    one_line_error(code, err, "line 6", "'10:32 AM'", "--tz")
    assert out == "" and pm.read_bytes() == before


def test_bad_tz(capsys: pytest.CaptureFixture[str], pm: Path, slack: Path) -> None:
    code, out, err = run(capsys, "timeline", str(pm), "--from", str(slack), "--tz", "Mars/Olympus")
    one_line_error(code, err, "--tz", "unknown time zone 'Mars/Olympus'")


def test_bad_team_timezone(capsys: pytest.CaptureFixture[str], pm: Path, slack: Path) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('timezone = "Nowhere"\n', encoding="utf-8")
    code, _, err = run(capsys, "timeline", str(pm), "--from", str(slack))
    one_line_error(code, err, "timezone", "Nowhere")


def test_missing_log(capsys: pytest.CaptureFixture[str], pm: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "timeline", str(pm), "--from", str(tmp_path / "nope.txt"))
    one_line_error(code, err, "nope.txt", "no such file")


def test_missing_post_mortem(
    capsys: pytest.CaptureFixture[str], slack: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "timeline", str(tmp_path / "nope.md"), "--from", str(slack), "--tz", "UTC"
    )
    one_line_error(code, err, "nope.md", "no such file")


def test_log_that_is_not_utf8(capsys: pytest.CaptureFixture[str], pm: Path, tmp_path: Path) -> None:
    log = tmp_path / "bad.log"
    log.write_bytes(b"14:05 caf\xe9 closed\n")
    code, _, err = run(capsys, "timeline", str(pm), "--from", str(log), "--tz", "UTC")
    one_line_error(code, err, "not UTF-8")


def test_log_with_no_events(capsys: pytest.CaptureFixture[str], pm: Path, tmp_path: Path) -> None:
    log = tmp_path / "prose.txt"
    log.write_text("we should write a post-mortem\n", encoding="utf-8")
    code, _, err = run(capsys, "timeline", str(pm), "--from", str(log), "--tz", "UTC")
    one_line_error(code, err, "no events found", "line 1")


def test_bad_role_and_date(capsys: pytest.CaptureFixture[str], pm: Path, slack: Path) -> None:
    code, _, err = run(
        capsys, "timeline", str(pm), "--from", str(slack), "--tz", "UTC", "--role", "Jane"
    )
    one_line_error(code, err, "NAME=ROLE")
    code, _, err = run(
        capsys, "timeline", str(pm), "--from", str(slack), "--tz", "UTC", "--date", "March"
    )
    one_line_error(code, err, "--date")


def test_date_option_for_a_document_without_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pm = tmp_path / "undated.md"
    pm.write_text(PM.replace("**Date:** 2026-03-12\n", ""), encoding="utf-8")
    log = tmp_path / "notes.txt"
    log.write_text("14:05 paged\n", encoding="utf-8")
    code, _, err = run(capsys, "timeline", str(pm), "--from", str(log), "--tz", "UTC")
    one_line_error(code, err, "--date")
    code, _, err = run(
        capsys, "timeline", str(pm), "--from", str(log), "--tz", "UTC", "--date", "2026-03-12"
    )
    assert code == 0, err
    assert "2026-03-12 14:05" in [e.time for e in load(pm).timeline]


def test_held_rows_are_reported(
    capsys: pytest.CaptureFixture[str], pm: Path, tmp_path: Path
) -> None:
    log = tmp_path / "fold.txt"
    log.write_text("2026-11-01 00:50 lag alert\n2026-11-01 01:30 failover\n", encoding="utf-8")
    code, out, err = run(
        capsys, "timeline", str(pm), "--from", str(log), "--tz", "America/Los_Angeles"
    )
    assert code == 0
    assert "happened twice in America/Los_Angeles" in out
    assert "1 row(s) held" in err
    events = [e.event for e in load(pm).timeline]
    assert "lag alert" in events and "failover" not in events


def test_help_names_the_options() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pmtui", "timeline", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for option in ("--from", "--tz", "--keep-names", "--dry-run", "--role", "--date"):
        assert option in out
