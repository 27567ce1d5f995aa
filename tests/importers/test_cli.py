"""``pmtui import``: Markdown on stdout or in OUT, "what went where" on stderr, never an
existing file overwritten without --force, and every bad input one line with exit 2."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.document.errors import DocumentError
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Postmortem
from pmtui.importers import import_file
from tests.importers.test_fixtures import FIXTURES

GOOGLE = FIXTURES / "google_sre_example.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["import", *argv])
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("pmtui: error: ")
    for word in words:
        assert word in err, err


def test_markdown_on_stdout_and_moves_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(GOOGLE))
    assert code == 0
    doc = from_markdown(out)
    assert doc.title == "Thumbnail Service (incident #2291)"
    lines = err.splitlines()
    assert lines[0] == (f"{GOOGLE}: Google SRE book example postmortem (detected, 100% match)")
    assert "  line 21: Root Causes: -> end of summary (1 paragraph)" in lines
    assert any(line.startswith("  line 59: ## Timeline -> timeline (8 rows") for line in lines)


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "imported.md"
    code, out, err = run(capsys, str(GOOGLE), "-o", str(out_path))
    assert code == 0 and out == ""
    assert err.rstrip().endswith(f"wrote {out_path}")
    assert from_markdown(out_path.read_text(encoding="utf-8")).title.startswith("Thumbnail")
    assert stat.S_IMODE(out_path.stat().st_mode) == 0o600  # post-mortems are sensitive
    assert [p.name for p in tmp_path.iterdir()] == ["imported.md"]  # no temp file left


def test_an_existing_output_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "imported.md"
    out_path.write_text("precious\n", encoding="utf-8")
    code, out, err = run(capsys, str(GOOGLE), "-o", str(out_path))
    assert_one_line_error(code, out, err, str(out_path), "already exists", "--force")
    assert out_path.read_text(encoding="utf-8") == "precious\n"


def test_force_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "imported.md"
    out_path.write_text("old\n", encoding="utf-8")
    code, _, _ = run(capsys, str(GOOGLE), "-o", str(out_path), "--force")
    assert code == 0
    assert out_path.read_text(encoding="utf-8").startswith("# Post-Mortem: Thumbnail Service")


def test_the_input_is_never_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "pm.md"
    source.write_text(GOOGLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, str(source), "-o", str(source), "--force")
    assert_one_line_error(code, out, err, "is the file being imported")
    assert source.read_text(encoding="utf-8") == GOOGLE.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "imported.md"
    code, out, err = run(capsys, str(GOOGLE), "-o", str(out_path), "--dry-run")
    assert code == 0 and out == ""
    assert "-> five whys" not in err and "-> action items (4 action items)" in err
    assert not out_path.exists()


def test_layout_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notes.md"
    source.write_text("# Cache outage\n\n## TL;DR\n\nShort.\n\n## Takeaways\n\n- one\n", "utf-8")
    code, out, err = run(capsys, str(source), "--layout", "generic")
    assert code == 0
    assert from_markdown(out).learnings == ["one"]
    assert "(as asked)" in err.splitlines()[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, ["no such file"]),
        (b"\xff\xfe# Title\n", ["not UTF-8"]),
        (b"", ["the file is empty"]),
        (b"# Groceries\n\n- milk\n- eggs\n", ["does not look like a post-mortem", "--layout"]),
        (
            to_markdown(Postmortem(title="Mine", summary="s")).encode(),
            ["already in pmtui's format"],
        ),
    ],
    ids=["missing", "not-utf8", "empty", "not-a-postmortem", "already-pmtui"],
)
def test_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, words: list[str]
) -> None:
    path = tmp_path / "input.md"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert_one_line_error(code, out, err, str(path), *words)


def test_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path))
    assert_one_line_error(code, out, err, "is a folder")


def test_unknown_layout_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(GOOGLE), "--layout", "nope")
    assert_one_line_error(code, out, err, "unknown layout 'nope'", "pagerduty")


def test_an_unwritable_output_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(GOOGLE), "-o", str(tmp_path / "no" / "such" / "dir.md"))
    assert_one_line_error(code, out, err, "cannot write")


def test_help_lists_the_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("usage: pmtui import")
    assert "dastergon-michael-kehoe" in out and "--dry-run" in out and "--force" in out


def test_the_main_help_lists_import(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "import" in capsys.readouterr().out


def test_as_a_process_no_traceback_and_no_textual(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    bad = subprocess.run(
        [sys.executable, "-m", "pmtui", "import", str(tmp_path / "missing.md")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1
    code = (
        "import sys\n"
        "from pmtui.cli import main\n"
        f"rc = main(['import', {str(GOOGLE)!r}, '--dry-run'])\n"
        "print(rc, 'textual' in sys.modules)\n"
    )
    good = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert good.stdout.split() == ["0", "False"], good.stderr


def test_import_file_reads_and_converts(tmp_path: Path) -> None:
    assert import_file(GOOGLE).layout == "google-sre"
    with pytest.raises(DocumentError, match="no such file"):
        import_file(tmp_path / "missing.md")
