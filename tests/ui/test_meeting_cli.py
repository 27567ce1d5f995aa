"""`pmtui meeting` refuses bad options with one line and exit status 2, before any UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui import paths
from pmtui.cli import main
from tests.meeting.sample import write_sample


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agenda", "5,15"], "--agenda needs 5 durations in minutes"),
        (["--agenda", "5,15,x,15,5"], "--agenda: 'x' is not a number of minutes"),
        (["--theme", "neon"], "unknown theme 'neon'; choose one of:"),
    ],
)
def test_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    sample = write_sample(tmp_path / "sample.md")
    before = sample.read_bytes()
    assert main(["meeting", str(sample), *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sample.read_bytes() == before


def test_bad_agenda_in_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = write_sample(tmp_path / "sample.md")
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    config.write_text("[meeting]\nagenda = [5, 0, 10, 15, 5]\n", encoding="utf-8")
    assert main(["meeting", str(sample)]) == 2
    err = capsys.readouterr().err
    assert "[meeting] agenda: 0 minutes is out of range" in err
    assert str(config) in err
    assert err.count("\n") == 1


def test_projector_theme_is_known(tmp_path: Path) -> None:
    from pmtui.tui.app import PmtuiApp

    assert "projector" in PmtuiApp().available_themes
