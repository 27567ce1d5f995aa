"""Every place on disk pmtui reads or writes, in one module.

Directories come from platformdirs, so on Linux ``XDG_DATA_HOME``, ``XDG_CONFIG_HOME``,
``XDG_STATE_HOME`` and ``XDG_CACHE_HOME`` are honoured (tests point them at a temp dir).
Nothing here creates a directory at import time; :func:`ensure_private_dir` creates one
readable by its owner only (post-mortem titles in file names are sensitive).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path, user_state_path

APP_NAME = "pmtui"
#: Folders pmtui creates are private to their owner, whatever the umask.
PRIVATE_DIR_MODE = 0o700
#: ...and so are the files it creates.
PRIVATE_FILE_MODE = 0o600
#: The most a folder pmtui creates outside its own trees allows (then the umask applies).
SHARED_DIR_MODE = 0o755

#: The project config file pmtui looks for, walking up from the current folder.
PROJECT_CONFIG_NAME = ".pmtui.toml"
#: ... or this file, with a ``[tool.pmtui]`` table.
PYPROJECT_NAME = "pyproject.toml"
#: Set to a config file's path to use it instead of the project's (like ``--config``).
CONFIG_ENV = "PMTUI_CONFIG"


def data_dir() -> Path:
    """Root of pmtui's data: drafts and the trash live here."""
    return user_data_path(APP_NAME, appauthor=False)


def drafts_dir() -> Path:
    """Default folder of saved post-mortems (``YYYY-MM-DD-<slug>.md``)."""
    return data_dir() / "postmortems"


def trash_dir() -> Path:
    """Deleted post-mortems are moved here, never destroyed."""
    return data_dir() / "trash"


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    """The user's TOML config (blame rules, agenda durations, theme, keys)."""
    return config_dir() / "config.toml"


def state_dir() -> Path:
    """UI state that is not the document: the theme picked, the step each file was on."""
    return user_state_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Rebuildable caches (the index of saved post-mortems)."""
    return user_cache_path(APP_NAME, appauthor=False)


def templates_dir() -> Path:
    """Jinja2 templates: packaged copy in a wheel, else the repo's top-level folder."""
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def ensure_dir(folder: Path) -> Path:
    """Create ``folder`` and its missing parents.

    Inside pmtui's own trees (data, state, cache) every folder it creates, and the tree's
    root, is mode 0700 whatever the umask: other local users must not read incident titles
    from file names. A folder the user chose (a repository's ``docs/postmortems``) is made
    the ordinary way, as the umask says, but never writable by others (at most 0755, even
    under ``umask 000``: nobody else may replace a draft). Raises ``OSError``;
    ``FileExistsError`` when a file is in the way.
    """
    folder = Path(folder)
    root = _own_root(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for path in reversed(missing):
        private = root is not None and (path == root or root in path.parents)
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE if root is not None else SHARED_DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
        if private:
            os.chmod(path, PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask
    if root is None:
        return folder
    for path in (root, folder):
        info = path.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, PRIVATE_DIR_MODE)  # tighten a folder an older pmtui made
    return folder


def _own_root(folder: Path) -> Path | None:
    """The pmtui tree (data, state or cache root) that holds ``folder``, if any."""
    absolute = Path(os.path.abspath(folder))
    for root in (data_dir(), state_dir(), cache_dir()):
        root = Path(os.path.abspath(root))
        if absolute == root or root in absolute.parents:
            return root
    return None
