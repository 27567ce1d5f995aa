"""pmtui's settings: typed, documented, and found the way ruff finds its config.

Sources, lowest precedence first; each one overrides the keys it sets, table by table:

1. the user config, ``config.toml`` in the user config folder
   (``~/.config/pmtui/config.toml`` on Linux);
2. the project config: the nearest ``.pmtui.toml``, or ``pyproject.toml`` with a
   ``[tool.pmtui]`` table, walking up from the current folder (``.pmtui.toml`` wins
   when a folder has both);
3. ``--config PATH``, or the ``PMTUI_CONFIG`` environment variable.

Every file is checked on its own first, so an error names the file it is in:
``PATH: [blame] disable: unknown rule or category 'x'``. Unknown or misspelt keys are
errors (``extra="forbid"``). Relative paths (``postmortems_dir``) are relative to the
file that sets them. No Textual here.
"""

from __future__ import annotations

import os
import tomllib
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from pmtui import paths
from pmtui.errors import ConfigError
from pmtui.files import FileReadError, read_regular
from pmtui.meeting import agenda as agenda_module

#: The seven blame categories, in the order the spec's Golden Rule table uses.
BlameCategory = Literal[
    "blame_question",
    "human_error",
    "counterfactual",
    "character_judgement",
    "named_cause",
    "punishment",
    "bad_action_item",
]

#: Deepest TOML nesting accepted (a hostile file must not exhaust the stack).
MAX_NESTING = 32
#: Largest config file read, in bytes.
MAX_CONFIG_BYTES = 1_000_000


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BlameSettings(_Section):
    """``[blame]``: which blame warnings are raised, and who counts as a person."""

    disable: tuple[str, ...] = ()
    """Rule ids (``pmtui lint --list-rules``) or whole categories to switch off."""
    names: tuple[str, ...] = ()
    """People's names, so that "Priya should have ..." is recognised as about a person."""
    roles: tuple[str, ...] = ()
    """Extra roles that count as people ("SWE", "on-call lead")."""
    terms: Mapping[BlameCategory, tuple[str, ...]] = Field(default_factory=dict)
    """Extra words or phrases to flag, per category (``[blame.terms]``)."""

    @field_validator("disable")
    @classmethod
    def _known_rules(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from pmtui.blame.engine import CATEGORIES, rule_ids

        known = rule_ids() | set(CATEGORIES)
        for rule in value:
            if rule not in known:
                raise ValueError(f"unknown rule or category {rule!r}")
        return value

    def cache_key(self) -> tuple[object, ...]:
        """A hashable summary (the engine compiles its rules once per key)."""
        terms = tuple(sorted((k, tuple(v)) for k, v in self.terms.items()))
        return (tuple(sorted(set(self.disable))), terms, self.names, self.roles)

    def with_names(self, names: tuple[str, ...] | list[str]) -> BlameSettings:
        """A copy whose subject test also knows these people's names."""
        extra = tuple(sorted({n for n in names if n} - set(self.names)))
        if not extra:
            return self
        return self.model_copy(update={"names": self.names + extra})


class MeetingSettings(_Section):
    """``[meeting]``: the timed agenda of meeting mode."""

    agenda: tuple[float, ...] = agenda_module.DEFAULT_MINUTES
    """Minutes per agenda item, one per item of the spec's agenda (5 items)."""

    @field_validator("agenda", mode="before")
    @classmethod
    def _minutes(cls, value: object) -> object:
        if not isinstance(value, list | tuple):
            example = ", ".join(f"{m:g}" for m in agenda_module.DEFAULT_MINUTES)
            raise ValueError(f"must be a list of minutes, e.g. [{example}]")
        return agenda_module.check_minutes(value)


class TimelineSettings(_Section):
    """``[timeline]``: how pasted logs become timeline rows."""

    roles: Mapping[str, str] = Field(default_factory=dict)
    """A speaker's name or chat handle -> the role written in its place
    (``"Jane Doe" = "incident commander"``); others become "responder"."""


class UISettings(_Section):
    """``[ui]``: how the app looks."""

    theme: str | None = None
    """A Textual theme name (``projector`` for a washed-out projector); a theme picked in
    the command palette later is remembered in the state folder."""


class Settings(_Section):
    """Everything configurable, with its default."""

    postmortems_dir: Path | None = None
    """The folder of post-mortems (a project config in a git repository sets it, e.g.
    ``docs/postmortems``; relative to the config file). Default: the user data folder."""
    timezone: str | None = None
    """The team's time zone (an IANA name such as ``Europe/Berlin``) for times pasted or
    typed without one; the file keeps UTC."""
    blame: BlameSettings = BlameSettings()
    meeting: MeetingSettings = MeetingSettings()
    timeline: TimelineSettings = TimelineSettings()
    ui: UISettings = UISettings()
    keys: Mapping[str, str] = Field(default_factory=dict)
    """Key remapping, binding id = keys (``"wizard.save" = "ctrl+w"``); see the README."""

    _sources: tuple[Path, ...] = PrivateAttr(default=())

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as Europe/Berlin"
            ) from None
        return value

    @property
    def sources(self) -> tuple[Path, ...]:
        """The files these settings were read from, lowest precedence first."""
        return self._sources

    def drafts_dir(self) -> Path:
        """Where post-mortems are listed and new ones created."""
        return self.postmortems_dir or paths.drafts_dir()


# --------------------------------------------------------------------------- finding files


def find_project_config(start: Path | None = None) -> Path | None:
    """The nearest ``.pmtui.toml``, or ``pyproject.toml`` with ``[tool.pmtui]``, in
    ``start`` (default: the current folder) or a folder above it."""
    folder = Path(os.path.abspath(start or Path.cwd()))
    for candidate in (folder, *folder.parents):
        dotfile = candidate / paths.PROJECT_CONFIG_NAME
        if _present(dotfile):
            return dotfile
        pyproject = candidate / paths.PYPROJECT_NAME
        if _present(pyproject) and _has_tool_table(pyproject):
            return pyproject
    return None


def _present(path: Path) -> bool:
    """Something other than a folder is there: a regular file is read, anything else
    (a FIFO, a device) is then refused with one line rather than silently skipped."""
    return path.exists() and not path.is_dir()


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = _parse(pyproject) or {}
    except ConfigError:
        return True  # a broken pyproject.toml that may hold [tool.pmtui]: say so
    tool = data.get("tool")
    return isinstance(tool, dict) and "pmtui" in tool


# --------------------------------------------------------------------------- reading


def _parse(path: Path) -> dict[str, Any] | None:
    """The file's TOML, or ``None`` when there is no such file."""
    try:
        raw = read_regular(path, limit=MAX_CONFIG_BYTES, missing_ok=True)
    except FileReadError as exc:
        raise ConfigError(f"{path}: config {exc.reason}") from None
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")  # a BOM (some Windows editors add one) is fine
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    if _nesting(text) > MAX_NESTING:
        raise ConfigError(f"{path}: config is nested more than {MAX_NESTING} levels deep")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # pragma: no cover - _nesting guards this
        raise ConfigError(f"{path}: config is nested too deeply") from None


def _nesting(text: str) -> int:
    """An upper bound of the nesting depth of arrays and inline tables (brackets and
    braces outside strings are counted; cheap, and enough to refuse hostile files)."""
    depth = deepest = 0
    quote = ""
    escaped = False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "#":
            quote = "\n"  # a comment: skip to the end of the line
    return deepest


def _table(path: Path) -> dict[str, Any] | None:
    """The settings table of one file (``[tool.pmtui]`` for a pyproject.toml), or
    ``None`` when the file does not exist."""
    data = _parse(path)
    if data is None:
        return None
    if path.name == paths.PYPROJECT_NAME:
        tool = data.get("tool", {})
        table = tool.get("pmtui", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.pmtui] must be a table")
        return table
    return data


def _check(path: Path, table: dict[str, Any]) -> Settings:
    """``table`` validated on its own, with errors that name ``path``."""
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe(exc, path)}") from None


#: What a list setting holds, for "must be a list of ..." messages.
_LIST_OF = {"disable": "rule ids or categories", "names": "strings", "roles": "strings"}
_TYPE_WORDS = {
    "string_type": "must be a string (in quotes)",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "dict_type": "must be a table",
    "mapping_type": "must be a table",
    "model_type": "must be a table",
    "path_type": "must be a folder's path (a string in quotes)",
}


def describe(exc: ValidationError, path: Path | None = None) -> str:
    """The first problem in words: ``[blame] disable: unknown rule or category 'x'``."""
    prefix = "[tool.pmtui] " if path is not None and path.name == paths.PYPROJECT_NAME else ""
    err = exc.errors()[0]
    loc = [str(part) for part in err.get("loc", ())]
    kind = err.get("type", "")
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        table = ".".join(loc[:-1])
        where = f" in [{table}]" if table else ""
        return f"{prefix}unknown key {loc[-1]!r}{where}".strip()
    if loc and loc[-1] == "[key]":  # a bad key of a table such as [blame.terms]
        loc.pop()
        key = loc.pop() if loc else "?"
        table = ".".join(loc)
        message = f"unknown key {key!r}; {message.replace('Input should be', 'expected')}"
        return f"{prefix}[{table}] {message}".strip()
    while loc and loc[-1].isdigit():  # "disable.0" reads as "disable"
        loc.pop()
    if kind in ("tuple_type", "list_type"):
        what = _LIST_OF.get(loc[-1] if loc else "", "values")
        message = f"must be a list of {what}"
    elif kind in _TYPE_WORDS:
        message = _TYPE_WORDS[kind]
    if len(loc) == 1 and kind in ("dict_type", "mapping_type", "model_type"):
        return f"{prefix}[{loc[0]}] {message}"
    if len(loc) >= 2:
        place = f"[{'.'.join(loc[:-1])}] {loc[-1]}"
    elif loc:
        place = loc[0]
    else:
        place = ""
    place = f"{prefix}{place}".strip()
    return f"{place}: {message}" if place else message


def _resolve_paths(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    value = table.get("postmortems_dir")
    if isinstance(value, str) and value:
        folder = Path(value).expanduser()
        if not folder.is_absolute():
            folder = path.parent / folder
        table = {**table, "postmortems_dir": str(Path(os.path.abspath(folder)))}
    return table


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(
    explicit: Path | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Read and merge every config source (see the module docstring).

    ``explicit`` is ``--config PATH``; without it ``$PMTUI_CONFIG`` is used. A missing
    explicit file is an error; a missing user or project file is simply not there.
    Raises :class:`ConfigError` with one line naming the file and the key.
    """
    environ = os.environ if environ is None else environ
    if explicit is None and environ.get(paths.CONFIG_ENV):
        explicit = Path(environ[paths.CONFIG_ENV]).expanduser()
    sources: list[Path] = [paths.config_file()]
    project = find_project_config(cwd)
    if project is not None:
        sources.append(project)
    if explicit is not None:
        if not Path(explicit).exists():
            raise ConfigError(f"{explicit}: no such config file")
        sources.append(Path(explicit))
    merged: dict[str, Any] = {}
    used: list[Path] = []
    for path in sources:
        raw = _table(path)
        if raw is None:
            continue
        table = _resolve_paths(path, raw)
        _check(path, table)
        merged = _merge(merged, table)
        used.append(path)
    settings = _check(used[-1] if used else paths.config_file(), merged)
    settings._sources = tuple(used)
    return settings
