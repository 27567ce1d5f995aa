"""pmtui never hangs on a FIFO (or device) where it expects a file: as a document (open,
meeting, export, lint), as a config file, as a document's lock file or as the folder of
post-mortems; each is one line on stderr and exit status 2 within 2 seconds. Config
files nested 5,000 levels deep are one line too; a UTF-8 BOM is accepted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.document.lock import lock_path
from pmtui.document.storage import save
from tests.ui.conftest import full_doc

#: The promise: a refusal, not a hang. A hang is a run that does not end within this many
#: seconds (a FIFO blocks forever); how fast a refusal is belongs to the benchmarks.
HANG = 30


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, float]:
    """pmtui ARGS as a user runs it: (exit status, stderr, seconds it took)."""
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "80", "LINES": "24", **(env or {})}
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pmtui", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=HANG,
            cwd=cwd,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"pmtui {' '.join(args)} hung (no exit within {HANG} s)")
    return result.returncode, result.stderr, time.monotonic() - started


def _refused(args: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> float:
    code, err, took = _run(args, cwd, env)
    print(f"{' '.join(args) or '(no command)'}: exit {code} in {took:.2f} s: {err.strip()}")
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert what in lines[0], lines[0]
    assert "Traceback" not in err
    return took


@pytest.mark.parametrize(
    "command", [["open"], ["meeting"], ["export"], ["export", "--format", "html"], ["lint"]]
)
def test_a_fifo_as_the_document_is_refused(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "pm.md"
    os.mkfifo(fifo)
    _refused([*command, str(fifo)], tmp_path, "not a regular file")


def test_a_fifo_as_the_lock_file_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    save(full_doc(), doc)
    os.mkfifo(lock_path(doc))
    before = doc.read_bytes()
    for command in ("open", "meeting"):
        _refused([command, str(doc)], tmp_path, "not a regular file")
    assert doc.read_bytes() == before


def test_a_fifo_as_the_user_config_is_refused(tmp_path: Path) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    os.mkfifo(config)
    for command in (["list"], ["new"], ["lint", "-"]):
        _refused(command, tmp_path, "not a regular file")


def test_a_fifo_as_the_project_or_explicit_config_is_refused(tmp_path: Path) -> None:
    project, other = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    other.mkdir()
    os.mkfifo(project / ".pmtui.toml")
    _refused(["list"], project, ".pmtui.toml")
    os.mkfifo(other / "cfg.toml")
    _refused(["--config", str(other / "cfg.toml"), "list"], other, "cfg.toml")
    _refused(["list"], other, "cfg.toml", env={paths.CONFIG_ENV: str(other / "cfg.toml")})


def test_a_fifo_as_the_folder_of_postmortems_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pms")
    (tmp_path / ".pmtui.toml").write_text('postmortems_dir = "pms"\n', encoding="utf-8")
    _refused(["list"], tmp_path, "not a folder")


def test_a_fifo_among_the_postmortems_is_skipped(tmp_path: Path) -> None:
    folder = paths.drafts_dir()
    folder.mkdir(parents=True)
    save(full_doc(), folder / "2024-03-07-checkout.md")
    os.mkfifo(folder / "2024-03-08-fifo.md")
    for args in (["list"], ["lint", str(folder)]):
        code, err, took = _run(args, tmp_path)
        assert code in (0, 1), err  # lint: 1 = findings
        assert "Traceback" not in err


def test_a_5000_level_nested_config_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".pmtui.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    _refused(["list"], tmp_path, "nested")
    (tmp_path / ".pmtui.toml").write_text("x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
    _refused(["list"], tmp_path, "nested")


def test_a_config_with_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / ".pmtui.toml").write_bytes(b"\xef\xbb\xbf" + b'timezone = "UTC"\n')
    code, err, _ = _run(["list"], tmp_path)
    assert code == 0, err
    assert err == ""
