"""`pmtui lint`: what a user or CI sees (output lines, JSON, exit codes)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pmtui.cli import main

POSTMORTEM = """\
# Post-Mortem: Cache outage

**Date:** 2024-03-05
**Duration:** 2 hours
**Severity:** SEV-2
**Author:** Dana Ruiz

## Summary
The cache failed after a config change.

## Timeline
| Time (UTC) | Event |
|:---|:---|
| 14:02 | Config v42 deployed |

## Five Whys
1. Why: This was human error.

## Process Gaps Identified
- [ ] No alert on pool exhaustion

## Action Items
| Action | Owner | Due | Status |
|:---|:---|:---|:---|
| Add config validation to CI | @dana | 2099-04-01 | Pending |
| Be more careful with drains | | | Pending |

## Key Learnings
- Canary stages matter
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.md"
    path.write_text("The error rate rose to 12%. Alice rolled back at 14:20.\n", encoding="utf-8")
    assert _run(capsys, str(path)) == (0, "", "")


def test_text_output_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Intro line.\nSo who broke prod?\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(path))
    assert code == 1
    assert out == (
        f"{path}:2:4: blame_question/who-caused: 'who broke' may read as looking for someone "
        "to blame; people stop sharing what they saw (try: What allowed this to happen?)\n"
    )


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text("Bob should have checked.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--format", "json", str(path))
    assert code == 1
    [item] = json.loads(out)
    assert item == {
        "path": str(path),
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 24,
        "rule": "should-have",
        "category": "counterfactual",
        "match": "Bob should have checked",
        "message": item["message"],
        "suggestion": "What did they know and see at the time?",
    }
    assert "may read as blame" in item["message"]


def test_json_output_is_an_empty_array_when_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text("All good.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "--format", "json", str(path))
    assert (code, json.loads(out)) == (0, [])


def test_folder_is_searched_for_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Bob should be fired.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Bob should be fired.\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(tmp_path))
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [str(tmp_path / "sub" / "b.md")]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Retrain the on-call.\n")))
    code, out, _ = _run(capsys, "-")
    assert code == 1
    assert out.startswith("<stdin>:1:1: bad_action_item/retrain: ")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"\xff\xfeabc", "not UTF-8 text")],
)
def test_io_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "x.md"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsys, str(path))
    assert (code, out) == (2, "")
    assert err == f"pmtui: error: {path}: {message}\n"


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.md"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        if path.read_bytes() == b"x":  # running as root: permissions are not enforced
            pytest.skip("permissions not enforced for this user")
    except PermissionError:
        pass
    code, _, err = _run(capsys, str(path))
    assert code == 2 and err.count("\n") == 1 and "permission denied" in err


def test_no_path_without_a_folder_of_postmortems_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With no PATH, lint lints the folder of post-mortems; when there is none yet, it
    says so in one line (tests/lint/test_lint_ci.py covers the folder itself)."""
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and "does not exist" in err


def test_bad_config_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from pmtui import paths

    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text('[blame]\ndisable = ["nope"]\n', encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text("fine\n", encoding="utf-8")
    code, _, err = _run(capsys, str(path))
    assert code == 2 and "nope" in err and err.count("\n") == 1


def test_postmortem_gets_action_item_checks_on_the_item_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pm.md"
    path.write_text(POSTMORTEM, encoding="utf-8")
    code, out, _ = _run(capsys, str(path))
    assert code == 1
    got = [line.split(": ")[0:2] for line in out.splitlines()]
    assert got == [
        [f"{path}:17:18", "human_error/human-error"],
        [f"{path}:26:3", "action_item/action-no-due"],
        [f"{path}:26:3", "action_item/action-no-owner"],
        [f"{path}:26:3", "action_item/action-person-directed"],
    ]


def test_allow_comment_in_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pm.md"
    text = POSTMORTEM.replace(
        "## Summary",
        "<!-- pmtui: allow human-error -->\n<!-- pmtui: allow action_item -->\n\n## Summary",
    )
    path.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, str(path))
    assert (code, out) == (0, "")


def test_broken_postmortem_is_still_scanned_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pm.md"
    path.write_text(POSTMORTEM.replace("2024-03-05", "2024-13-45"), encoding="utf-8")
    code, out, err = _run(capsys, "--quiet", str(path))
    assert (code, err) == (1, "")
    # Without a parsed document there are no action-item checks, only the text rules.
    assert [line.split(": ")[1] for line in out.splitlines()] == [
        "human_error/human-error",
        "bad_action_item/be-careful",
    ]


def test_lint_honours_allow_comments_the_review_honours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An allowance saved by the wizard (rule + matched text) silences the same warning in
    lint as in Review, action-item checks included."""
    import datetime as dt

    from pmtui.blame import scan
    from pmtui.document.model import ActionItem, Allowance, Postmortem
    from pmtui.document.storage import save

    action = "Be more careful when draining nodes"
    [finding] = [f for f in scan(action) if f.category == "bad_action_item"]
    doc = Postmortem(
        title="Cache outage",
        summary="The operator should have waited for the replica.",
        action_items=[ActionItem(action=action, owner="@dana", due=dt.date(2099, 1, 1))],
        allowed=[Allowance(rule=finding.rule, match=finding.match)],
    )
    [should] = scan(doc.summary)
    doc.allowed.append(Allowance(rule=should.rule, match=should.match))
    path = tmp_path / "pm.md"
    save(doc, path)
    assert _run(capsys, str(path)) == (0, "", "")
