"""What pmtui remembers between runs that is not the document: the theme picked in the
palette (and, per file, UI state such as the step it was on). A JSON file in the state
folder, written atomically; a missing or damaged file is simply empty. No Textual here."""

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
