"""A malformed config is one line on stderr and exit status 2, for every command
(the TUI commands included: they must not start the app, nor print a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document.storage import save
from tests.ui.conftest import full_doc

BAD_CONFIGS = {
    "wrong type": "[blame]\ndisable = 3\n",
    "unknown key": "[ui]\ncolour = 'red'\n",
    "invalid TOML": "[blame\nnames = [\n",
}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "80", "LINES": "24"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "pmtui", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=30,
            cwd=cwd,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:  # the app started instead of refusing
        pytest.fail(f"pmtui {' '.join(args)} did not exit: {exc.stdout!r} {exc.stderr!r}")


@pytest.mark.parametrize("bad", sorted(BAD_CONFIGS))
@pytest.mark.parametrize("command", ["", "new", "open", "meeting", "lint", "list", "export"])
def test_malformed_config_is_one_line_and_exit_2(tmp_path: Path, command: str, bad: str) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(BAD_CONFIGS[bad], encoding="utf-8")
    doc = tmp_path / "pm.md"
    save(full_doc(), doc)
    before = doc.read_bytes()
    args = {
        "": [],
        "new": ["new", "--title", "Cache outage"],
        "open": ["open", str(doc)],
        "meeting": ["meeting", str(doc)],
        "lint": ["lint", str(doc)],
        "list": ["list"],
        "export": ["export", str(doc)],
    }[command]
    result = _run(args, tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(config) in lines[0]
    assert doc.read_bytes() == before
    assert not list(paths.drafts_dir().glob("*.md")) if paths.drafts_dir().exists() else True
