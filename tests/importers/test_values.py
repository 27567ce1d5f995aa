"""Reading what other layouts write: times in any format and zone, dates, SEV levels,
statuses. Each reader says "cannot tell" rather than guess."""

from __future__ import annotations

import datetime as dt

import pytest

from pmtui.document.model import Severity, Status
from pmtui.importers import values
from pmtui.times import parse_time

# --------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "hour", "minute", "zone", "rest"),
    [
        ("14:51 News reports a new sonnet", 14, 51, None, "News reports a new sonnet"),
        ("14:51 UTC - pager fires", 14, 51, "utc", "pager fires"),
        ("14:51:07 rollback", 14, 51, None, "rollback"),
        ("2:51 PM: status page updated", 14, 51, None, "status page updated"),
        ("12:05 am deploy", 0, 5, None, "deploy"),
        ("12:30 p.m. lunch traffic peak", 12, 30, None, "lunch traffic peak"),
        ("**14:51** bold time", 14, 51, None, "bold time"),
        ("[14:51] bracketed time", 14, 51, None, "bracketed time"),
        ("14:51Z zulu", 14, 51, "utc", "zulu"),
        ("9:05 PDT first alert", 9, 5, "pdt", "first alert"),
        ("09:05 (PT) first alert", 9, 5, "pt", "first alert"),
        ("09:05 +02:00 first alert", 9, 5, "+02:00", "first alert"),
        ("14h51 heure de Paris", 14, 51, None, "heure de Paris"),
        ("15:02 | provider change", 15, 2, None, "provider change"),
    ],
)
def test_read_clock(text: str, hour: int, minute: int, zone: str | None, rest: str) -> None:
    clock = values.read_clock(text)
    assert clock is not None
    assert (clock.hour, clock.minute, clock.zone, clock.rest) == (hour, minute, zone, rest)
    assert clock.date is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2015-10-21 14:51 event", dt.date(2015, 10, 21)),
        ("2015-10-21T14:51:00Z event", dt.date(2015, 10, 21)),
        ("Oct 21, 2015 14:51 event", dt.date(2015, 10, 21)),
        ("21 October 2015 at 14:51 event", dt.date(2015, 10, 21)),
    ],
)
def test_read_clock_with_a_date(text: str, date: dt.date) -> None:
    clock = values.read_clock(text)
    assert clock is not None and clock.date == date and (clock.hour, clock.minute) == (14, 51)
    assert clock.rest == "event"


def test_a_date_without_a_year_takes_the_documents() -> None:
    clock = values.read_clock("Oct 21 14:51 event", year=2015)
    assert clock is not None and clock.date == dt.date(2015, 10, 21)
    assert values.read_clock("Oct 21 14:51 event") is None


@pytest.mark.parametrize(
    "text",
    [
        "TBD: replay done",
        "1451 no colon",
        "25:00 too late",
        "14:61 no such minute",
        "14:51abc",
        "13:05 PM is not a time",
        "Later that evening",
        "XX:XX UTC - INCIDENT ACTIVITY",
        "",
    ],
)
def test_not_a_time(text: str) -> None:
    assert values.read_clock(text) is None


def utc(text: str, **kwargs: object) -> str:
    clock = values.read_clock(text)
    assert clock is not None
    options: dict[str, object] = {"day": None, "zone": None, "document_date": None, "dated": False}
    options.update(kwargs)
    result = values.clock_to_utc(clock, **options)  # type: ignore[arg-type]
    parse_time(result)  # always pmtui's own form
    return result


def test_utc_times_stay_as_they_are() -> None:
    assert utc("14:51 x") == "14:51"
    assert utc("14:51 UTC x", document_date=dt.date(2024, 1, 1)) == "14:51"
    assert utc("2015-10-21 14:51 x") == "2015-10-21 14:51"


def test_a_date_line_above_gives_the_rows_their_date() -> None:
    assert utc("14:51 x", day=dt.date(2015, 10, 21), dated=True) == "2015-10-21 14:51"


def test_pacific_time_follows_daylight_saving() -> None:
    summer = dt.date(2024, 5, 16)
    winter = dt.date(2024, 1, 16)
    assert utc("6:23 AM x", zone="pt", day=summer, dated=True) == "2024-05-16 13:23"
    assert utc("6:23 AM x", zone="pt", day=winter, dated=True) == "2024-01-16 14:23"
    # the file's date is enough; the row stays HH:MM unless the day changes
    assert utc("6:23 AM x", zone="pt", document_date=summer) == "13:23"
    assert utc("11:55 PM x", zone="pt", document_date=summer) == "2024-05-17 06:55"


def test_fixed_offset_zones() -> None:
    assert utc("09:05 PDT x") == "16:05"
    assert utc("09:05 CEST x") == "07:05"
    assert utc("09:05 +05:30 x") == "03:35"
    assert utc("09:05 x", zone="est") == "14:05"


def test_a_zone_that_needs_a_date_without_one_is_refused() -> None:
    clock = values.read_clock("6:23 AM x")
    assert clock is not None
    with pytest.raises(ValueError, match="needs a date"):
        values.clock_to_utc(clock, day=None, zone="pt", document_date=None, dated=False)


def test_crossing_midnight_without_a_date_is_refused() -> None:
    clock = values.read_clock("23:30 PDT x")
    assert clock is not None
    with pytest.raises(ValueError, match="crosses midnight"):
        values.clock_to_utc(clock, day=None, zone=None, document_date=None, dated=False)


@pytest.mark.parametrize(
    ("note", "zone"),
    [
        ("(all times in Pacific Time)", "pacific time"),
        ("2015-10-21 (all times UTC)", "utc"),
        ("Time (PT)", "pt"),
        ("All times are US/Eastern", "us/eastern"),
        ("Times in CEST", "cest"),
        ("Timeline of the incident", None),
    ],
)
def test_find_zone(note: str, zone: str | None) -> None:
    assert values.find_zone(note) == zone


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2015-10-21", dt.date(2015, 10, 21)),
        ("2015/10/21", dt.date(2015, 10, 21)),
        ("October 21, 2015", dt.date(2015, 10, 21)),
        ("Oct 21 2015", dt.date(2015, 10, 21)),
        ("21st October 2015", dt.date(2015, 10, 21)),
        ("Thursday, May 16, 2024", dt.date(2024, 5, 16)),
        ("Mon 4 Feb 2019", dt.date(2019, 2, 4)),
        ("13/04/2024", dt.date(2024, 4, 13)),
        ("04/13/2024", dt.date(2024, 4, 13)),
    ],
)
def test_parse_date(text: str, date: dt.date) -> None:
    assert values.parse_date(text) == date


@pytest.mark.parametrize(
    "text", ["03/04/2024", "2024-02-30", "sometime in March", "2024-03-05 and more", ""]
)
def test_parse_date_refuses_what_is_unclear(text: str) -> None:
    assert values.parse_date(text) is None


def test_find_date_inside_text() -> None:
    found = values.find_date("Snapshot failures: February 12, 2024")
    assert found is not None and found.date == dt.date(2024, 2, 12)
    assert "Snapshot failures: February 12, 2024"[found.start :] == "February 12, 2024"


# --------------------------------------------------------------------------- severity, status


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("SEV-1", Severity.SEV1),
        ("Sev 2", Severity.SEV2),
        ("sev3", Severity.SEV3),
        ("P1", Severity.SEV1),
        ("P2 (customer facing)", Severity.SEV2),
        ("Severity 3", Severity.SEV3),
        ("2", Severity.SEV2),
        ("Critical", Severity.SEV1),
        ("Major", Severity.SEV2),
        ("Minor", Severity.SEV3),
    ],
)
def test_parse_severity(text: str, severity: Severity) -> None:
    assert values.parse_severity(text) == (severity, "")


@pytest.mark.parametrize("text", ["P4", "SEV-0", "SEV-5", "High", "Low", "Medium", "bad"])
def test_severity_with_no_clear_pmtui_level(text: str) -> None:
    severity, why = values.parse_severity(text)
    assert severity is None
    assert repr(text) in why


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("TODO", Status.PENDING),
        ("To do", Status.PENDING),
        ("open", Status.PENDING),
        ("In Progress", Status.IN_PROGRESS),
        ("in-progress", Status.IN_PROGRESS),
        ("DONE", Status.DONE),
        ("Fixed", Status.DONE),
        ("closed", Status.DONE),
        ("maybe", None),
    ],
)
def test_parse_status(text: str, status: Status | None) -> None:
    assert values.parse_status(text) == status


@pytest.mark.parametrize(
    ("cell", "rest", "status"),
    [
        ("Bug 5554823 **TODO**", "Bug 5554823", Status.PENDING),
        ("n/a **DONE**", "n/a", Status.DONE),
        ("PAY-2212 (done)", "PAY-2212", Status.DONE),
        ("Bug 5554826", "Bug 5554826", None),
    ],
)
def test_split_status(cell: str, rest: str, status: Status | None) -> None:
    assert values.split_status(cell) == (rest, status)
