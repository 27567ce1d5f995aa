"""`pmtui actions`, `search`, `report` and `init` on a folder of realistic post-mortems:
what a user or CI sees (lines, JSON keys, exit codes), with overdue items and a file that
fails to parse (one line on stderr; the others still listed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pmtui.cli import main
from tests.repo.conftest import day

BROKEN_LINE = "pmtui: warning: docs/postmortems/2024-03-01-broken.md:3: date '2024-13-45'"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` holding ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    [number] = [i for i, line in enumerate(lines, start=1) if text in line]
    return number


def _broken_reported_once(err: str) -> None:
    lines = [line for line in err.splitlines() if "broken" in line]
    assert len(lines) == 1, err
    assert "2024-03-01-broken.md:3:" in lines[0] and "2024-13-45" in lines[0]


def test_actions_lists_every_item_with_file_line_and_overdue(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "actions")
    assert code == 0
    _broken_reported_once(err)
    lines = out.splitlines()
    assert len(lines) == 5  # 3 + 2 items; the broken file has none to list
    # By due date: the most overdue first.
    quarterly = line_of(folder / "2024-02-01-cache.md", "every quarter")
    assert lines[0].startswith(f"docs/postmortems/2024-02-01-cache.md:{quarterly}: Pending")
    assert "Test the cache failover runbook every quarter" in lines[0]
    assert lines[0].endswith("(60 days overdue)")
    done = [line for line in lines if "Alert on payment-provider error rate" in line]
    assert done and "overdue" not in done[0]  # done items are never overdue


def test_actions_json_keys_and_values(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "actions", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert all(
        list(item)
        == [
            "path",
            "line",
            "postmortem",
            "action",
            "owner",
            "due",
            "status",
            "verification",
            "overdue_days",
        ]  # fmt: skip
        for item in items
    )
    by_action = {item["action"]: item for item in items}
    ci = by_action["Add config validation to the CI pipeline"]
    assert ci == {
        "path": "docs/postmortems/2024-01-10-checkout.md",
        "line": line_of(folder / "2024-01-10-checkout.md", "Add config validation"),
        "postmortem": "Checkout outage after config push",
        "action": "Add config validation to the CI pipeline",
        "owner": "@platform-team",
        "due": day(-10),
        "status": "In progress",
        "verification": "",
        "overdue_days": 10,
    }


def test_actions_filters_and_overdue_exit_status(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "actions", "--owner", "@dana", "--format", "json")
    assert {i["action"] for i in json.loads(out)} == {
        "Alert on payment-provider error rate",
        "Rewrite the failover script to discover hosts",  # owners "@sre, @dana"
    }
    code, out, _ = run(capsys, "actions", "--status", "open", "--format", "json")
    assert all(i["status"] != "Done" for i in json.loads(out)) and len(json.loads(out)) == 4
    code, out, _ = run(capsys, "actions", "--overdue", "--format", "json")
    assert code == 1
    assert sorted(i["overdue_days"] for i in json.loads(out)) == [5, 10, 60]
    code, out, _ = run(capsys, "actions", "--overdue", "--owner", "nobody")
    assert (code, out) == (0, "No action items match.\n")


def test_actions_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "actions", "--format", "csv", "--status", "done")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["action"] for r in rows] == ["Alert on payment-provider error rate"]
    line = line_of(folder / "2024-01-10-checkout.md", "Alert on payment-provider error rate")
    assert rows[0]["overdue_days"] == "0" and rows[0]["line"] == str(line)


def test_search_prints_file_line_field_and_snippet(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "runbook")
    assert code == 0
    _broken_reported_once(err)
    lines = out.splitlines()
    summary = line_of(folder / "2024-02-01-cache.md", "runbook was out")
    assert f"docs/postmortems/2024-02-01-cache.md:{summary}: Summary: " in out
    fields = [line.split(": ")[1] for line in lines]
    assert "Action item 3" in fields  # checkout: "Write a rollback runbook"
    assert "Learning 1" in fields and "Gap 2" in fields


def test_search_wrapped_paragraph_reports_the_line_of_the_hit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "--format", "json", "95 minutes")
    [hit] = json.loads(out)
    assert hit["field"] == "summary" and hit["label"] == "Summary"
    assert hit["line"] == 10  # the second source line of the wrapped paragraph
    assert "95 minutes" in hit["snippet"]
    code, out, _ = run(capsys, "search", "nothing-like-this")
    assert (code, out) == (1, "")


def test_search_phrase_and_words(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "--format", "json", '"failover script"')
    assert {h["label"] for h in json.loads(out)} == {"Why 1", "Action item 2"}
    _, out, _ = run(capsys, "search", "--format", "json", "script", "discover")
    assert [h["label"] for h in json.loads(out)] == ["Action item 2"]


def test_report_text_json_html(
    folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "report", "--format", "json")
    assert code == 0
    _broken_reported_once(err)
    data = json.loads(out)
    assert data["postmortems"] == 2 and len(data["unreadable"]) == 1
    assert data["by_severity"] == {"SEV-1": 1, "SEV-2": 1, "SEV-3": 0, "none": 0}
    assert (data["actions"], data["done"], data["in_progress"], data["pending"]) == (5, 1, 1, 3)
    assert data["completion_rate"] == pytest.approx(0.2)
    gaps = {g["type"]: g for g in data["gaps"]}
    assert gaps["Detection"] == {
        "type": "Detection",
        "fix_category": "Monitoring",
        "total": 1,
        "fixed": 1,
    }
    assert gaps["Recovery"]["fix_category"] == "Runbooks" and gaps["Recovery"]["total"] == 1
    owners = {o["owner"]: o for o in data["overdue_by_owner"]}
    assert owners["lee"]["overdue"] == 1 and owners["dana"]["overdue"] == 1
    assert owners["platform-team"]["most_days"] == 10
    assert data["overdue"] == 3
    words = dict((w["word"], w["count"]) for w in data["learning_words"])
    assert words["runbooks"] == 2 and words["failover"] == 1
    assert not {"the", "than", "before", "need"} & set(words)
    # Not in git: the median is not measurable, and the report says so.
    assert data["median_days_to_done"] is None and "not in a git" in data["done_dates_note"]

    code, out, _ = run(capsys, "report")
    assert "completion rate 20%" in out and "not measurable" in out

    page = tmp_path / "report.html"
    code, out, _ = run(capsys, "report", "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert (code, out) == (0, "")
    assert (
        html.count("<svg") >= 4
        and "<script" not in html
        and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )


def test_report_since(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report", "--format", "json", "--since", day(-50))
    assert json.loads(out)["postmortems"] == 1
    code, _, err = run(capsys, "report", "--since", "last week")
    assert (
        code == 2 and err == "pmtui: error: --since 'last week' is not a date; write YYYY-MM-DD\n"
    )


def test_list_uses_the_project_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert sum(1 for r in rows if r["error"]) == 1
    assert {Path(r["path"]).parent for r in rows} == {folder}


def test_init_writes_config_and_folder_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    from pmtui.config import load_settings

    project = tmp_path / "repo"
    project.mkdir()
    code, out, _ = run(capsys, "init", str(project))
    assert code == 0 and "docs/postmortems" in out
    config = project / ".pmtui.toml"
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data == {"postmortems_dir": "docs/postmortems"}  # the rest is commented examples
    text = config.read_text(encoding="utf-8")
    for example in ("# [blame]", "# names = [", "# roles = [", "# disable = [", "# timezone",
                    "# [meeting]", "# agenda = [5, 15, 10, 15, 5]"):  # fmt: skip
        assert example in text
    assert (project / "docs" / "postmortems" / ".gitkeep").is_file()
    # Uncommenting the examples gives a valid config.
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and ("=" in line or line.startswith("# [")) else line
        for line in text.splitlines()
    )
    config_copy = tmp_path / "copy.toml"
    config_copy.write_text(uncommented, encoding="utf-8")
    settings = load_settings(config_copy, cwd=tmp_path)
    assert settings.blame.names == ("Priya", "Dmitri") and settings.meeting.agenda == (
        5,
        15,
        10,
        15,
        5,
    )
    # Inside the project, the folder of post-mortems is the one init made.
    monkeypatch.chdir(project)
    assert load_settings().drafts_dir() == project / "docs" / "postmortems"

    before = config.read_bytes()
    code, out, err = run(capsys, "init", str(project))
    assert (code, out) == (2, "")
    assert err == f"pmtui: error: {config} already exists; not overwriting it\n"
    assert config.read_bytes() == before
