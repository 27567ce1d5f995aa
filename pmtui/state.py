"""What pmtui remembers between runs that is not the document: the theme picked in the
palette and, per file (keyed by its resolved path, the :data:`MAX_FILES` most recent),
UI state such as the wizard step it was on. A JSON file in the state folder, written
atomically; a missing or damaged file is simply empty. No Textual here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pmtui import paths
from pmtui.errors import UserError
from pmtui.files import read_regular

STATE_FILE = "state.json"
#: The largest state file read (it is pmtui's own; anything larger is not).
MAX_STATE_BYTES = 4_000_000
#: Files whose UI state is remembered; the least recently used beyond this are forgotten.
MAX_FILES = 500


def state_file() -> Path:
    return paths.state_dir() / STATE_FILE


def load_state() -> dict[str, Any]:
    """The remembered state (``{}`` when there is none or it cannot be read)."""
    try:
        raw = read_regular(state_file(), limit=MAX_STATE_BYTES, missing_ok=True)
        data = json.loads(raw.decode("utf-8")) if raw else {}
    except (UserError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_state(data: dict[str, Any]) -> None:
    """Write the state (atomically, in a private folder); failures are ignored: losing
    a remembered theme must never stop the app."""
    from pmtui.document.storage import atomic_write_text

    try:
        paths.ensure_dir(paths.state_dir())
        atomic_write_text(state_file(), json.dumps(data, indent=1, sort_keys=True) + "\n")
    except (UserError, OSError):
        pass


def remembered_theme(configured: str | None) -> str | None:
    """The theme last picked in the palette, unless the config's ``[ui] theme`` changed
    since (then the config is the newer choice)."""
    entry = load_state().get("theme")
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None
    if entry.get("configured") != configured:
        return None
    name: str = entry["name"]
    return name


def remember_theme(name: str, configured: str | None) -> None:
    data = load_state()
    data["theme"] = {"name": name, "configured": configured}
    save_state(data)


# --------------------------------------------------------------------------- per file


def file_key(path: Path) -> str:
    """The key of a file's entry: its resolved path (a symlink or a relative path to the
    same file finds the same entry)."""
    return str(Path(path).expanduser().resolve())


def file_state(path: Path) -> dict[str, Any]:
    """What is remembered for the file at ``path`` (``{}`` when nothing is)."""
    files = load_state().get("files")
    entry = files.get(file_key(path)) if isinstance(files, dict) else None
    return dict(entry) if isinstance(entry, dict) else {}


def remember_for_file(path: Path, **values: Any) -> None:
    """Remember ``values`` for the file at ``path`` (JSON values; ``None`` forgets one).
    Only the :data:`MAX_FILES` files remembered most recently are kept."""
    data = load_state()
    files = data.get("files")
    if not isinstance(files, dict):
        files = {}
    key = file_key(path)
    entry = files.get(key)
    entry = dict(entry) if isinstance(entry, dict) else {}
    updated = {name: value for name, value in {**entry, **values}.items() if value is not None}
    if key in files and updated == entry:
        return  # nothing new: the state file is not written again
    updated["used"] = max((_used(e) for e in files.values()), default=0) + 1
    files[key] = updated
    for old in sorted(files, key=lambda k: _used(files[k]))[: max(0, len(files) - MAX_FILES)]:
        del files[old]
    data["files"] = files
    save_state(data)


def _used(entry: object) -> int:
    """The entry's place in the order files were remembered in (0 when unknown)."""
    used = entry.get("used", 0) if isinstance(entry, dict) else 0
    return used if isinstance(used, int) else 0


def last_step(path: Path) -> str | None:
    """The wizard step last shown for the file at ``path``, if one is remembered."""
    from pmtui.document.model import STEPS

    step = file_state(path).get("step")
    return step if isinstance(step, str) and step in STEPS else None


def remember_step(path: Path, step: str) -> None:
    """Remember the wizard step shown for the file at ``path`` (the file is not touched:
    moving between steps leaves a post-mortem kept in git unchanged)."""
    remember_for_file(path, step=step)
