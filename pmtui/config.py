"""The user's config file, ``config.toml`` in platformdirs' user config dir.

Each feature reads its own table: ``[blame]`` (rules switched off, extra terms),
``[meeting]`` (agenda minutes), ``[ui]`` (theme). This module only loads the
TOML and reports errors in one line; it never imports Textual.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pmtui import paths


class ConfigError(Exception):
    """The config file exists but cannot be used; the message is one line."""


def load_config(path: Path | None = None) -> dict[str, Any]:
    """Return the parsed config, or ``{}`` when there is no config file."""
    path = path or paths.config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def section(name: str, path: Path | None = None) -> dict[str, Any]:
    """One table of the config (``{}`` when absent)."""
    value = load_config(path).get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path or paths.config_file()}: [{name}] must be a table")
    return value
