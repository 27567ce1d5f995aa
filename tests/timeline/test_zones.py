"""Zone names, wall time → UTC with gap and fold flags, and the wizard's time field."""

from __future__ import annotations

import datetime as dt

import pytest

from pmtui.timeline.zones import (
    ABBREVIATIONS,
    format_offset,
    lookup_zone,
    parse_typed_time,
    resolve_zone,
    to_utc,
)

MAR12 = dt.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Z", 0),
        ("+02:00", 120),
        ("-0700", -420),
        ("+05", 300),
        ("UTC+2", 120),
        ("GMT-07:00", -420),
        ("\u221207:00", -420),
        ("PST", -480),
        ("PDT", -420),
        ("MST", -420),
        ("MDT", -360),
        ("CST", -360),
        ("CDT", -300),
        ("EST", -300),
        ("EDT", -240),
        ("GMT", 0),
        ("BST", 60),
        ("CET", 60),
        ("CEST", 120),
        ("EET", 120),
        ("EEST", 180),
        ("IST", 330),
        ("JST", 540),
        ("AEST", 600),
        ("AEDT", 660),
    ],
)
def test_fixed_zones(text: str, minutes: int) -> None:
    zone = resolve_zone(text)
    assert zone.fixed
    assert zone.tz.utcoffset(None) == dt.timedelta(minutes=minutes)


def test_iana_names_and_regions_follow_dst() -> None:
    la = resolve_zone("America/Los_Angeles")
    assert not la.fixed and la.kind == "iana"
    pt = resolve_zone("PT")
    winter = to_utc(dt.datetime(2026, 1, 10, 12, 0), pt.tz)
    summer = to_utc(dt.datetime(2026, 7, 10, 12, 0), pt.tz)
    assert f"{winter.utc:%H:%M}" == "20:00" and f"{summer.utc:%H:%M}" == "19:00"


def test_ambiguous_abbreviations_say_so() -> None:
    for name in ("IST", "CST", "BST"):
        assert ABBREVIATIONS[name].also, name
        assert resolve_zone(name).ambiguous_with
    assert not resolve_zone("PST").ambiguous_with


@pytest.mark.parametrize("text", ["", "pst", "Mars/Olympus", "+25:00", "OK", "DB"])
def test_not_zones(text: str) -> None:
    assert lookup_zone(text) is None
    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_zone(text)


def test_to_utc_gap_and_fold() -> None:
    la = resolve_zone("America/Los_Angeles").tz
    gap = to_utc(dt.datetime(2026, 3, 8, 2, 30), la)
    assert (gap.status, gap.utc, gap.candidates) == ("gap", None, ())
    fold = to_utc(dt.datetime(2026, 11, 1, 1, 30), la)
    assert fold.status == "fold" and fold.utc is None
    assert [f"{c:%H:%M}" for c in fold.candidates] == ["08:30", "09:30"]
    ok = to_utc(dt.datetime(2026, 11, 1, 2, 30), la)
    assert ok.status == "ok" and f"{ok.utc:%H:%M}" == "10:30"


def test_to_utc_rejects_aware_input() -> None:
    with pytest.raises(TypeError):
        to_utc(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.UTC)


def test_format_offset() -> None:
    assert format_offset(dt.timedelta(hours=-8)) == "UTC\u22128"
    assert format_offset(dt.timedelta(hours=5, minutes=30)) == "UTC+5:30"
    assert format_offset(dt.timedelta(0)) == "UTC"


@pytest.mark.parametrize(
    ("typed", "zone", "value", "description"),
    [
        ("14:05 PDT", None, "21:05", "converted from 14:05 PDT (UTC\u22127)"),
        (
            "14:05 America/Los_Angeles",
            None,
            "21:05",
            "converted from 14:05 America/Los_Angeles (UTC\u22127)",
        ),
        ("14:05+02:00", None, "12:05", "converted from 14:05 +02:00 (UTC+2)"),
        ("2:05 pm", None, "14:05", "UTC"),
        ("2:05 pm", "Europe/Berlin", "13:05", "converted from 14:05 Europe/Berlin (UTC+1)"),
        ("12:00 am", None, "00:00", "UTC"),
        ("12:30 PM", None, "12:30", "UTC"),
        ("11:59 pm", None, "23:59", "UTC"),
        ("14:05", None, "14:05", "UTC"),
        ("2026-03-12 14:05", None, "14:05", "UTC"),
        ("2026-03-13 01:00", None, "2026-03-13 01:00", "UTC"),
        ("23:30 PDT", None, "2026-03-13 06:30", "converted from 23:30 PDT (UTC\u22127)"),
        ("10:00 IST", None, "04:30", "converted from 10:00 IST (UTC+5:30)"),
    ],
)
def test_typed_time(typed: str, zone: str | None, value: str, description: str) -> None:
    result = parse_typed_time(typed, zone=zone, default_date=MAR12)
    assert result.value == value
    assert result.description == description


def test_typed_time_pst_in_winter() -> None:
    result = parse_typed_time("14:05 PST", zone=None, default_date=dt.date(2026, 1, 15))
    assert (result.value, result.description) == ("22:05", "converted from 14:05 PST (UTC\u22128)")
    assert result.utc == dt.datetime(2026, 1, 15, 22, 5, tzinfo=dt.UTC)


def test_typed_time_out_of_season_abbreviation_is_noted() -> None:
    result = parse_typed_time("09:00 PST", zone=None, default_date=dt.date(2026, 7, 1))
    assert result.value == "17:00"
    assert "America/Los_Angeles was not on PST that day" in result.description


@pytest.mark.parametrize(
    ("typed", "zone", "date", "message"),
    [
        ("soon", None, MAR12, "must look like 14:05"),
        ("25:00", None, MAR12, "not a real time of day"),
        ("13:05 pm", None, MAR12, "hour must be 1 to 12"),
        ("14:05 Mars/Olympus", None, MAR12, "unknown time zone"),
        ("2026-02-30 10:00", None, MAR12, "date that does not exist"),
        ("02:30", "America/Los_Angeles", dt.date(2026, 3, 8), "does not exist in"),
        ("01:30", "America/Los_Angeles", dt.date(2026, 11, 1), "happened twice"),
        ("14:05", "America/Los_Angeles", None, "needs a date"),
    ],
)
def test_typed_time_errors(
    typed: str, zone: str | None, date: dt.date | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_typed_time(typed, zone=zone, default_date=date)
    assert "\n" not in str(info.value)


def test_typed_fold_message_names_both_offsets() -> None:
    with pytest.raises(ValueError) as info:
        parse_typed_time("01:30", zone="America/Los_Angeles", default_date=dt.date(2026, 11, 1))
    assert "01:30-07:00 for the first or 01:30-08:00 for the second" in str(info.value)
    # ...and typing one of them works.
    first = parse_typed_time("01:30-07:00", zone=None, default_date=dt.date(2026, 11, 1))
    assert first.value == "08:30"
