"""Round trips over random instants and zones: a row formatted in a zone and parsed back
gives the same UTC instant, or (for a wall time that happened twice) a fold flag whose
candidates include it. Random wall times: gap exactly when no instant has that wall time."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pmtui.timeline import Flag, parse_log, parse_typed_time, to_utc
from pmtui.timeline.zones import ABBREVIATIONS, REGIONS, file_time

#: Zones with DST in both hemispheres, half-hour and 45-minute offsets, and none at all.
ZONES = [
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "America/St_Johns",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "UTC",
]
#: IANA keys that are also abbreviations (CET, EET, EST, MST, HST...) mean the abbreviation's
#: fixed offset in pmtui (see zones.py), so they are not IANA zones here.
IANA = sorted(zoneinfo.available_timezones() - set(ABBREVIATIONS) - set(REGIONS))
zones = st.one_of(st.sampled_from(ZONES), st.sampled_from(IANA))
instants = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2037, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=dt.UTC)
)


def _local(instant: dt.datetime, zone: str) -> dt.datetime:
    return instant.astimezone(zoneinfo.ZoneInfo(zone))


@settings(max_examples=400, deadline=None)
@given(instants, zones, st.sampled_from(["iso", "plain24", "plain12", "slack"]))
@example(dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC), "America/Los_Angeles", "plain24")
@example(dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC), "America/Los_Angeles", "slack")
@example(dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC), "Europe/Berlin", "iso")
def test_format_in_zone_then_parse_gives_the_instant_or_a_fold(
    instant: dt.datetime, zone: str, shape: str
) -> None:
    local = _local(instant, zone)
    wall = local.replace(tzinfo=None)
    h12 = f"{(wall.hour % 12) or 12}:{wall.minute:02d} {'PM' if wall.hour >= 12 else 'AM'}"
    if shape == "iso":
        text = f"{wall:%Y-%m-%d %H:%M} event"
        date = None
    elif shape == "plain24":
        text = f"{wall:%H:%M} event"
        date = wall.date()
    elif shape == "plain12":
        text = f"{h12} event"
        date = wall.date()
    else:
        text = f"Jane Doe  {h12}\nevent"
        date = wall.date()
    (row,) = parse_log(text, zone=zone, default_date=date).rows
    if row.utc is not None:
        assert row.utc == instant
        assert Flag.GAP not in row.flags and Flag.FOLD not in row.flags
    else:
        assert Flag.FOLD in row.flags
        assert instant in row.candidates
        assert len(row.candidates) == 2 and row.candidates[0] < row.candidates[1]
        assert all(_local(c, zone).replace(tzinfo=None) == wall for c in row.candidates)


@settings(max_examples=300, deadline=None)
@given(instants, zones)
def test_a_time_with_its_offset_always_gives_the_instant(instant: dt.datetime, zone: str) -> None:
    local = _local(instant, zone)
    (row,) = parse_log(
        f"{local.isoformat(timespec='minutes')} event", zone=None, default_date=None
    ).rows
    assert row.utc == instant and not row.flags
    offset = local.isoformat()[-6:]  # +HH:MM
    typed = parse_typed_time(f"{local:%H:%M}{offset}", zone=None, default_date=local.date())
    assert typed.utc == instant
    assert typed.value == file_time(instant, local.date())


@settings(max_examples=400, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2037, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
    zones,
)
def test_wall_time_is_a_gap_exactly_when_no_instant_has_it(wall: dt.datetime, zone: str) -> None:
    tz = zoneinfo.ZoneInfo(zone)
    # Brute force: since 1990 every zone's offset is a multiple of 15 minutes between
    # -12h and +14h; an instant has this wall time iff wall - offset maps back to it.
    real = set()
    for minutes in range(-12 * 60, 14 * 60 + 1, 15):
        candidate = (wall - dt.timedelta(minutes=minutes)).replace(tzinfo=dt.UTC)
        if candidate.astimezone(tz).replace(tzinfo=None) == wall:
            real.add(candidate)
    conv = to_utc(wall, tz)
    if not real:
        assert conv.status == "gap" and conv.utc is None and conv.candidates == ()
    elif len(real) == 1:
        assert conv.status == "ok" and conv.utc == next(iter(real))
    else:
        assert conv.status == "fold" and set(conv.candidates) == real


LINE_BITS = st.sampled_from(
    [
        "10:32 AM",
        "Jane Doe  ",
        "[",
        "]",
        ":",
        " ",
        "2026-03-12",
        "T",
        "14:05",
        "Z",
        "+02:00",
        "PST",
        "<34>",
        "Mar 12 ",
        "web-1 ",
        "app[1]: ",
        "{",
        "}",
        '"ts": 1',
        ",",
        "\n",
        "Thursday, March 12th",
        "12:00 am",
        "13/03/2026",
        " \u2022 ",
        "APP",
        "x",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(LINE_BITS, max_size=40).map("".join), st.sampled_from([None, "UTC", "Europe/Berlin"])
)
def test_any_text_parses_without_raising_and_loses_no_line(text: str, zone: str | None) -> None:
    parse = parse_log(text, zone=zone, default_date=dt.date(2026, 3, 12))
    lines = text.lstrip("\ufeff").split("\n")
    if parse.source == "lines":
        for u in parse.unparsed:
            assert 1 <= u.line <= len(lines)
        for row in parse.rows:
            assert row.utc is None or row.utc.tzinfo is not None
