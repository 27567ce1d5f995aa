"""The team's clock beside UTC: ``team_zone``/``local_time`` and ``pmtui export --format html``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.document.model import Postmortem, TimelineEntry
from pmtui.document.storage import save
from pmtui.timeline import local_time, team_zone

DAY = dt.date(2026, 3, 12)


def test_team_zone_is_none_when_unset_unknown_or_utc() -> None:
    assert team_zone(None) is None and team_zone("") is None
    assert team_zone("UTC") is None and team_zone("Mars/Olympus") is None
    zone = team_zone("America/Los_Angeles")
    assert zone is not None and zone.label == "America/Los_Angeles"


@pytest.mark.parametrize(
    ("zone", "value", "long", "short"),
    [
        ("America/Los_Angeles", "14:02", "07:02 PDT", "07:02 PDT"),
        ("America/Los_Angeles", "2026-03-13 02:00", "2026-03-12 19:00 PDT", "19:00 PDT −1d"),
        ("Europe/Berlin", "14:02", "15:02 CET", "15:02 CET"),
        ("Asia/Tokyo", "20:00", "2026-03-13 05:00 JST", "05:00 JST +1d"),
        ("PST", "14:02", "06:02 PST", "06:02 PST"),
        ("+05:30", "14:02", "19:32 UTC+5:30", "19:32 UTC+5:30"),
    ],
)
def test_local_time(zone: str, value: str, long: str, short: str) -> None:
    found = team_zone(zone)
    assert found is not None
    assert local_time(value, found, DAY) == long
    assert local_time(value, found, DAY, short=True) == short


def test_local_time_without_a_date_only_for_fixed_offsets() -> None:
    la, pst = team_zone("America/Los_Angeles"), team_zone("PST")
    assert la is not None and pst is not None
    assert local_time("03:00", la, None) == ""  # PST or PDT? Not said without a date
    assert local_time("03:00", pst, None) == "19:00 PST −1d"
    assert local_time("not a time", pst, DAY) == ""


def test_export_html_shows_local_time_beside_utc_and_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pm.md"
    doc = Postmortem(
        title="Outage",
        date=DAY,
        timeline=[
            TimelineEntry(time="14:02", event="<b>deploy</b> & rollback"),
            TimelineEntry(time="2026-03-13 02:00", event="all clear"),
        ],
    )
    save(doc, path)
    config = tmp_path / "config.toml"
    config.write_text('timezone = "America/Los_Angeles"\n', encoding="utf-8")
    assert main(["--config", str(config), "export", str(path), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<th>Time (UTC)</th><th>Local time (America/Los_Angeles)</th><th>Event</th>" in out
    assert "<tr><td>14:02</td><td>07:02 PDT</td>" in out
    assert "<td>2026-03-13 02:00</td><td>2026-03-12 19:00 PDT</td>" in out
    assert "&lt;b&gt;deploy&lt;/b&gt; &amp; rollback" in out and "<b>deploy" not in out
    # Without a team zone (or with UTC) there is one time column, as before.
    config.write_text('timezone = "UTC"\n', encoding="utf-8")
    assert main(["--config", str(config), "export", str(path), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "Local time" not in out and '<tr><td>14:02</td><td class="text">' in out
