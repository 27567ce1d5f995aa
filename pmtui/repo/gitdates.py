"""When was each action item marked Done? The files do not say, so git's history does.

**Done date** of an action item: the author date of the commit that changed its row to
status Done (the last such change, if it went back and forth). Rows are followed by their
file (renames included) and their action text; a row whose action text was reworded is
followed when one row was removed and one added in the same change. A Done item that is
not committed yet has no done date, and neither has any item outside a git repository:
the report says how many such items it could not date.

Speed: one ``git log -p --unified=0`` pass over the folder's history, parsed once and
kept in the cache folder with the commit it reached; a later run reads only the commits
added since (``OLD..HEAD``), or nothing when HEAD has not moved (one ``git rev-parse``).
``git log -L`` or ``--follow`` per row would cost one git process per row. No Textual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmtui import paths

FORMAT = 1
#: Longest a git command may run before the report goes on without done dates.
TIMEOUT = 60
_DONE = "Done"


def action_key(action: str) -> str:
    """How a row is recognised across commits: its action's plain text, spaces
    collapsed, any case."""
    return " ".join(action.split()).casefold()


def _git(cwd: Path, *args: str, timeout: float = TIMEOUT) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8", errors="replace")


@dataclass
class DoneDates:
    """Done dates by (file path relative to the repository root, :func:`action_key`)."""

    root: Path | None
    head: str | None
    dates: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Why there are no dates, when there are none to be had.
    note: str = ""

    def date_of(self, path: Path, action: str) -> dt.date | None:
        if self.root is None:
            return None
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None
        found = self.dates.get(rel, {}).get(action_key(action))
        return dt.date.fromisoformat(found) if found else None


# --------------------------------------------------------------------------- parsing rows


def _cells(line: str) -> list[str]:
    """A table row's cells as source (escaped pipes and code spans kept together)."""
    from pmtui.document.markdown.tables import cell_starts

    starts = cell_starts(line)
    cells = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(line)
        cell = line[start:end]
        if i + 1 < len(starts):
            cell = cell[: cell.rfind("|")] if "|" in cell else cell
        # As GFM tables do, an escaped pipe is a pipe before inline parsing (code spans too).
        cells.append(cell.strip().removesuffix("|").strip().replace("\\|", "|"))
    return cells


def parse_row(line: str) -> tuple[str, str] | None:
    """(action key, status) of an action-items table row, or None for any other line."""
    from pmtui.document.markdown.syntax import STATUS_WORDS
    from pmtui.document.markdown.text import parse_inline

    text = line.strip()
    if not text.startswith("|"):
        return None
    cells = _cells(text)
    if len(cells) < 4:
        return None
    for cell in cells[1:]:
        word = " ".join(cell.replace("-", " ").replace("_", " ").split()).lower()
        status = STATUS_WORDS.get(word)
        if status is not None:
            action = parse_inline(cells[0]) if cells[0] else ""
            if not action.strip():
                return None
            return action_key(action), status.value
    return None


# --------------------------------------------------------------------------- the log


def _unquote(path: str) -> str:
    if path.startswith('"') and path.endswith('"'):
        body = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return body.encode("latin-1", "replace").decode("utf-8", "replace")
    return path


class _State:
    """Per file, per row key: [status, done date or None]."""

    def __init__(self, data: dict[str, dict[str, list[Any]]] | None = None) -> None:
        self.rows: dict[str, dict[str, list[Any]]] = data or {}

    def rename(self, old: str, new: str) -> None:
        if old in self.rows:
            self.rows[new] = self.rows.pop(old)

    def apply(
        self,
        path: str,
        removed: list[tuple[str, str]],
        added: list[tuple[str, str]],
        date: str,
        deleted: bool,
    ) -> None:
        if deleted:
            self.rows.pop(path, None)
            return
        rows = self.rows.setdefault(path, {})
        added_keys = {key for key, _ in added}
        removed_keys = {key for key, _ in removed}
        gone = [key for key, _ in removed if key not in added_keys]
        new = [key for key, _ in added if key not in removed_keys]
        carried: dict[str, list[Any]] = {}
        for old_key, new_key in zip(gone, new, strict=False):  # a reworded row
            if old_key in rows:
                carried[new_key] = rows[old_key]
        for key in gone:
            rows.pop(key, None)
        for key, status in added:
            before = rows.get(key) or carried.get(key)
            if status == _DONE:
                if before is not None and before[0] == _DONE and before[1]:
                    rows[key] = before
                else:
                    rows[key] = [_DONE, date]
            else:
                rows[key] = [status, None]
        if not rows:
            self.rows.pop(path, None)

    def dates(self) -> dict[str, dict[str, str]]:
        return {
            path: {key: when for key, (status, when) in rows.items() if status == _DONE and when}
            for path, rows in self.rows.items()
        }


def _log(root: Path, folder: str, since: str | None) -> Iterator[str] | None:
    spec = f"{since}..HEAD" if since else "HEAD"
    out = _git(
        root,
        "log",
        "--reverse",
        "--format=%x00%H %aI",
        "-p",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "-M",
        spec,
        "--",
        folder,
    )
    return None if out is None else iter(out.split("\n"))


def replay(state: _State, lines: Iterator[str]) -> None:
    """Apply ``git log -p --unified=0`` output (oldest first) to ``state``."""
    date = ""
    path: str | None = None
    old: str | None = None
    deleted = False
    removed: list[tuple[str, str]] = []
    added: list[tuple[str, str]] = []

    def flush() -> None:
        nonlocal removed, added
        target = path if path is not None else old
        if target is not None and (removed or added or deleted):
            state.apply(target, removed, added, date, deleted)
        removed, added = [], []

    header = False  # between "diff --git" and the first "@@": file names, renames
    for line in lines:
        if line.startswith("\x00"):
            flush()
            path = old = None
            deleted = header = False
            stamp = line[1:].split(" ", 1)[1] if " " in line else ""
            date = stamp[:10]
        elif line.startswith("diff --git "):
            flush()
            path = old = None
            deleted = False
            header = True
        elif line.startswith("@@"):
            header = False
        elif header:
            if line.startswith("rename from "):
                old = _unquote(line[len("rename from ") :])
            elif line.startswith("rename to "):
                path = _unquote(line[len("rename to ") :])
                if old is not None:
                    state.rename(old, path)
            elif line.startswith("--- ") and line[4:] != "/dev/null":
                old = _unquote(line[4:])[2:]
            elif line.startswith("+++ "):
                if line[4:] == "/dev/null":
                    deleted, path = True, old
                else:
                    path = _unquote(line[4:])[2:]
        elif line.startswith("-"):
            row = parse_row(line[1:])
            if row is not None:
                removed.append(row)
        elif line.startswith("+"):
            row = parse_row(line[1:])
            if row is not None:
                added.append(row)
    flush()


# --------------------------------------------------------------------------- cached


def _cache_file(root: Path, folder: str) -> Path:
    digest = hashlib.sha1(os.fsencode(f"{root}\0{folder}")).hexdigest()[:20]
    return paths.cache_dir() / "gitdates" / f"{digest}.json"


def done_dates(folder: Path) -> DoneDates:
    """Done dates for the post-mortems in ``folder`` (empty, with a note, outside git)."""
    folder = Path(os.path.abspath(folder))
    probe = _git(folder, "rev-parse", "--show-toplevel", timeout=10) if folder.is_dir() else None
    if probe is None:
        return DoneDates(None, None, note="the folder is not in a git repository")
    root = Path(probe.strip())
    head_out = _git(root, "rev-parse", "--verify", "-q", "HEAD", timeout=10)
    if head_out is None:
        return DoneDates(root, None, note="the repository has no commits yet")
    head = head_out.strip()
    rel = os.path.relpath(folder, root)
    cache = _cache_file(root, rel)
    cached = _read_cache(cache)
    state = _State()
    since: str | None = None
    if cached is not None:
        if cached["head"] == head:
            return DoneDates(root, head, cached["dates"])
        ancestor = _git(root, "merge-base", "--is-ancestor", cached["head"], head, timeout=10)
        if ancestor is not None:
            state, since = _State(cached["rows"]), cached["head"]
    lines = _log(root, rel, since)
    if lines is None:
        return DoneDates(root, head, note="git log failed")
    replay(state, lines)
    dates = state.dates()
    _write_cache(cache, {"format": FORMAT, "head": head, "rows": state.rows, "dates": dates})
    return DoneDates(root, head, dates)


def _read_cache(cache: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or "head" not in data:
        return None
    return data


def _write_cache(cache: Path, data: dict[str, Any]) -> None:
    from pmtui.document.storage import atomic_write_text, ensure_folder
    from pmtui.errors import UserError

    try:
        ensure_folder(cache.parent)
        atomic_write_text(cache, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except UserError:
        pass
