"""Agenda minutes from --agenda and config.toml; bad values are one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui import paths
from pmtui.config import ConfigError, load_settings
from pmtui.meeting.agenda import DEFAULT_MINUTES, AgendaError, parse_agenda, resolve_agenda


def agenda_from_config() -> tuple[float, ...]:
    return load_settings().meeting.agenda


def test_parse_agenda() -> None:
    assert parse_agenda("5,15,10,15,5") == (5, 15, 10, 15, 5)
    assert parse_agenda(" 1, 2.5 ,3,4,0.5") == (1, 2.5, 3, 4, 0.5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5,15,10", "needs 5 durations in minutes, one per agenda item (e.g. 5,15,10,15,5), got 3"),
        ("5,15,ten,15,5", "'ten' is not a number of minutes"),
        ("5,15,,15,5", "'' is not a number of minutes"),
        ("5,0,10,15,5", "0 minutes is out of range"),
        ("5,-1,10,15,5", "-1 minutes is out of range"),
        ("5,nan,10,15,5", "out of range"),
        ("5,15,10,15,999", "999 minutes is out of range"),
    ],
)
def test_bad_agenda_is_one_line(text: str, message: str) -> None:
    with pytest.raises(AgendaError) as info:
        parse_agenda(text)
    assert message in str(info.value)
    assert str(info.value).startswith("--agenda")
    assert "\n" not in str(info.value)


def _write_config(text: str) -> Path:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_agenda() -> None:
    assert agenda_from_config() == DEFAULT_MINUTES  # no config file
    _write_config("[meeting]\nagenda = [10, 20, 10, 10, 10]\n")
    assert agenda_from_config() == (10, 20, 10, 10, 10)
    assert resolve_agenda(None, agenda_from_config()) == (10, 20, 10, 10, 10)
    assert resolve_agenda("1,1,1,1,1", agenda_from_config()) == (1, 1, 1, 1, 1)  # CLI wins


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[meeting]\nagenda = "5,15"\n', "[meeting] agenda: must be a list of minutes"),
        ("[meeting]\nagenda = [5, 15]\n", "[meeting] agenda: needs 5 durations"),
        ('[meeting]\nagenda = [5, "x", 1, 1, 1]\n', "'x' is not a number of minutes"),
        ("[meeting]\nagenda = [5, true, 1, 1, 1]\n", "True is not a number of minutes"),
        ("meeting = 3\n", "[meeting] must be a table"),
        ("[meeting\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(toml: str, message: str) -> None:
    path = _write_config(toml)
    with pytest.raises(ConfigError) as info:
        agenda_from_config()
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
