"""``pmtui list`` and ``pmtui export``: output, JSON keys, and every error's exit code and line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui import __version__, paths
from pmtui.cli import main
from pmtui.document.model import Postmortem, Severity
from pmtui.document.storage import save

FIXTURES = Path(__file__).parent / "document" / "fixtures"
FULL = FIXTURES / "full.md"

JSON_KEYS = {
    "title",
    "date",
    "duration",
    "severity",
    "author",
    "summary",
    "impact",
    "timeline",
    "five_whys",
    "gaps",
    "action_items",
    "learnings",
    "extra_sections",
    "meeting",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --help/--version/usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("pmtui: error: ")
    for word in words:
        assert word in err


# --------------------------------------------------------------------------- help, version


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"pmtui {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["list", "--help"], ["export", "--help"]])
def test_help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.startswith("usage: pmtui")


def test_main_help_lists_the_document_commands(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    assert "list" in out and "export" in out


# --------------------------------------------------------------------------- list


def test_list_with_nothing_saved(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert code == 0 and err == ""
    assert "No post-mortems yet" in out
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and json.loads(out) == []


def save_two() -> tuple[Path, Path]:
    import datetime as dt

    older = paths.drafts_dir() / "2024-01-01-older.md"
    newer = paths.drafts_dir() / "2024-06-01-newer.md"
    save(Postmortem(title="Older", date=dt.date(2024, 1, 1), severity=Severity.SEV3), older)
    save(Postmortem(title="Newer", date=dt.date(2024, 6, 1), severity=Severity.SEV1), newer)
    return older, newer


def test_list_is_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    older, newer = save_two()
    code, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("2024-06-01  SEV-1  Newer") and str(newer) in lines[0]
    assert lines[1].startswith("2024-01-01  SEV-3  Older") and str(older) in lines[1]


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    older, newer = save_two()
    draft = paths.drafts_dir() / "draft.md"
    save(Postmortem(title="No date yet"), draft)
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    # a draft without a date counts from its last save (today): newest
    assert [r["title"] for r in rows] == ["No date yet", "Newer", "Older"]
    assert {"path", "title", "date", "severity", "modified"} <= set(rows[0])
    assert rows[2]["path"] == str(older)
    assert rows[1]["path"] == str(newer)
    assert rows[1]["date"] == "2024-06-01" and rows[1]["severity"] == "SEV-1"
    assert rows[0]["date"] is None and rows[0]["severity"] is None
    assert rows[0]["modified"][:4].isdigit() and "T" in rows[0]["modified"]


def test_list_shows_a_broken_file_without_failing(capsys: pytest.CaptureFixture[str]) -> None:
    paths.drafts_dir().mkdir(parents=True)
    (paths.drafts_dir() / "notes.md").write_text("# Notes\n")
    code, out, _ = run(capsys, "list")
    assert code == 0 and "cannot read" in out and "notes.md" in out
    code, out, _ = run(capsys, "list", "--json")
    assert "Post-Mortem" in json.loads(out)[0]["error"]


# --------------------------------------------------------------------------- export


def test_export_markdown_to_stdout_is_the_normalised_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", str(FULL))
    assert code == 0 and err == ""
    assert out == FULL.read_text()


def test_export_json_has_exactly_the_promised_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(FULL), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == JSON_KEYS
    assert data["date"] == "2024-03-05" and data["severity"] == "SEV-2"
    assert data["impact"] == "12% of orders failed for two hours."
    assert data["timeline"][0] == {"time": "14:02", "event": "Config v42 deployed"}
    assert data["five_whys"][0] == "The pool size was set to 0."
    assert data["gaps"][0] == {
        "text": "No alert on pool exhaustion",
        "type": "Detection",
        "done": False,
    }
    assert data["gaps"][1]["type"] is None and data["gaps"][1]["done"] is True
    assert data["action_items"][0] == {
        "action": "Add config validation to CI",
        "owner": "@dana",
        "due": "2024-04-01",
        "status": "In progress",
        "verification": "A bad config fails CI",
    }
    assert data["meeting"]["items"][0]["name"] == "Review timeline and impact"
    assert data["meeting"]["started_at"] == "2024-03-06T10:00:00+00:00"


def test_export_json_values_are_plain_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    path.write_text(
        "# Post-Mortem:   A \\| B \\*not bold\\*  \n\n**Author:**  Zoë  \n\n"
        "## Five Whys\n1. Why:   Spaces &amp; escapes \\_gone\\_\n"
        "## Action Items\n| Action | Owner | Due | Status |\n|---|---|---|---|\n"
        "|  x \\| y  | @ops |  | done |\n"
    )
    code, out, _ = run(capsys, "export", str(path), "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert data["title"] == "A | B *not bold*"
    assert data["author"] == "Zoë"
    assert data["date"] is None and data["impact"] is None and data["meeting"] is None
    assert data["five_whys"] == ["Spaces & escapes _gone_"]
    assert data["action_items"][0]["action"] == "x | y"
    assert data["action_items"][0]["due"] is None
    assert data["action_items"][0]["status"] == "Done"


def test_export_html_is_a_standalone_escaped_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    save(Postmortem(title="<script>alert(1)</script> & co", summary="a < b"), path)
    code, out, _ = run(capsys, "export", str(path), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in out
    assert "a &lt; b" in out


def test_export_to_a_file_is_private_and_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "out.json"
    code, out, err = run(capsys, "export", str(FULL), "-f", "json", "-o", str(out_path))
    assert code == 0 and out == "" and err == ""
    assert set(json.loads(out_path.read_text())) == JSON_KEYS
    assert stat.S_IMODE(out_path.stat().st_mode) == 0o600


# --------------------------------------------------------------------------- errors


def test_export_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.md"
    assert_one_line_error(*run(capsys, "export", str(missing)), f"{missing}: no such file")


def test_export_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "export", str(tmp_path)), str(tmp_path), "is a folder")


def test_export_non_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"# Post-Mortem: x\n\xff\xfe\n")
    assert_one_line_error(*run(capsys, "export", str(path)), f"{path}:2: not UTF-8 text")


def test_export_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("\n\n")
    assert_one_line_error(*run(capsys, "export", str(path)), f"{path}: the file is empty")


def test_export_markdown_without_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("\n# Meeting notes\n\nstuff\n")
    assert_one_line_error(
        *run(capsys, "export", str(path)), f"{path}:2:", 'no "# Post-Mortem: <title>" heading'
    )


def test_export_bad_value_names_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    text = FULL.read_text().replace("| 16:05 |", "| 24:00 |")
    path.write_text(text)
    line = next(i for i, row in enumerate(text.split("\n"), 1) if row.startswith("| 24:00"))
    assert line == 18
    assert_one_line_error(
        *run(capsys, "export", str(path)), f"{path}:{line}:", "timeline row 2", "'24:00'"
    )


def test_export_unwritable_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "no" / "such" / "folder" / "out.html"
    assert_one_line_error(
        *run(capsys, "export", str(FULL), "-f", "html", "-o", str(out_path)),
        f"cannot write {out_path}",
        "no such file or folder",
    )
    assert not out_path.parent.exists()


def test_export_out_is_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_one_line_error(
        *run(capsys, "export", str(FULL), "-o", str(tmp_path)), str(tmp_path), "is a folder"
    )


def test_export_failed_write_keeps_old_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_path = tmp_path / "out.md"
    out_path.write_text("old export\n")

    def no_space(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)
    assert_one_line_error(
        *run(capsys, "export", str(FULL), "-o", str(out_path)), "the disk is full"
    )
    assert out_path.read_text() == "old export\n"


def test_export_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(FULL), "--format", "pdf")
    assert code == 2 and out == ""
    assert "invalid choice: 'pdf'" in err and "Traceback" not in err


def test_export_without_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export")
    assert code == 2 and "PATH" in err


def test_real_process_exit_status_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run(
        [sys.executable, "-m", "pmtui", "export", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"pmtui: error: {path}:1: not UTF-8 text (byte 0xff at offset 0)\n"
