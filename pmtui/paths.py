"""Every place on disk pmtui reads or writes, in one module.

Directories come from platformdirs, so on Linux ``XDG_DATA_HOME`` and
``XDG_CONFIG_HOME`` are honoured (tests point them at a temp dir). Nothing here
creates a directory at import time.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "pmtui"


def data_dir() -> Path:
    """Root of pmtui's data: drafts live here."""
    return user_data_path(APP_NAME, appauthor=False)


def drafts_dir() -> Path:
    """Folder of saved post-mortems (``YYYY-MM-DD-<slug>.md``)."""
    return data_dir() / "postmortems"


def trash_dir() -> Path:
    """Deleted post-mortems are moved here, never destroyed."""
    return data_dir() / "trash"


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    """The user's TOML config (blame rules, agenda durations, theme)."""
    return config_dir() / "config.toml"


def templates_dir() -> Path:
    """Jinja2 templates: packaged copy in a wheel, else the repo's top-level folder."""
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"
