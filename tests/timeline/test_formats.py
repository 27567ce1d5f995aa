"""Each source shape, read from a real-looking fixture: UTC times, source times and zones,
event text with names replaced, and every line that could not be used reported."""

from __future__ import annotations

import datetime as dt

from pmtui.timeline import Flag, LogParse, parse_log
from tests.timeline.conftest import load

MAR12 = dt.date(2026, 3, 12)


def times(parse: LogParse) -> list[str | None]:
    return [f"{r.utc:%Y-%m-%d %H:%M:%S}" if r.utc else None for r in parse.rows]


def texts(parse: LogParse) -> list[str]:
    return [r.text for r in parse.rows]


def unparsed(parse: LogParse) -> list[tuple[int, str]]:
    return [(u.line, u.reason) for u in parse.unparsed]


def test_slack_paste() -> None:
    p = parse_log(load("slack_paste.txt"), zone="America/Los_Angeles", default_date=MAR12)
    # 12 March 2026 is after the US switch (8 March): PDT, UTC-7.
    assert times(p) == [
        "2026-03-12 17:32:00",
        "2026-03-12 17:33:00",
        "2026-03-12 17:41:00",
        "2026-03-12 17:42:00",
        "2026-03-12 19:00:00",
        "2026-03-12 19:30:00",
    ]
    assert texts(p) == [
        "responder: We're seeing 500s on checkout, error rate 12%",
        "responder: responder can you check the primary?",
        "responder: replica lag is 40s, failing over to db-2",
        "PagerDuty: Triggered #4821: checkout-api error rate > 5%",
        "responder: error rate back to 0.1%",
        "responder: responder should have checked the lag alert before the deploy",
    ]
    assert [r.speaker for r in p.rows][:3] == ["Jane Doe", "Jane Doe", "Bob Smith"]
    assert [r.source_time for r in p.rows][4:] == ["12:00 PM", "12:30 PM"]
    row = p.rows[0]
    assert (row.source_zone.label, row.source_zone.origin) == ("America/Los_Angeles", "default")
    assert row.source_zone.offset == dt.timedelta(hours=-7)
    # The divider has no year: the year is assumed from the document's date.
    assert all(Flag.DATE_ASSUMED in r.flags for r in p.rows)
    assert unparsed(p) == [(13, "chat interface text, not part of a message")]


def test_slack_paste_keeps_names_only_when_asked() -> None:
    p = parse_log(
        load("slack_paste.txt"), zone="America/Los_Angeles", default_date=MAR12, keep_names=True
    )
    assert p.rows[1].text == "Jane Doe: @Bob Smith can you check the primary?"
    assert p.rows[5].text.startswith("Bob Smith: Jane should have checked")


def test_slack_paste_roles() -> None:
    p = parse_log(
        load("slack_paste.txt"),
        zone="America/Los_Angeles",
        default_date=MAR12,
        roles={"jane doe": "incident commander"},
    )
    assert p.rows[0].text.startswith("incident commander: We're seeing")
    assert p.rows[5].text == (
        "responder: incident commander should have checked the lag alert before the deploy"
    )


def test_slack_bracket_with_dated_divider() -> None:
    p = parse_log(load("slack_bracket.txt"), zone="Europe/Berlin", default_date=None)
    # A divider with a year needs no default date; Berlin is on CET (UTC+1) in March.
    assert times(p) == [
        "2026-03-12 08:58:00",
        "2026-03-12 09:04:00",
        "2026-03-12 09:05:00",
        "2026-03-12 09:19:00",
    ]
    assert texts(p)[2] == "responder: rolling back"
    assert [r.speaker for r in p.rows] == ["priya", "priya", "marek.k", "marek.k"]
    assert all(not r.flags for r in p.rows)


def test_slack_export() -> None:
    p = parse_log(load("slack_export.json"), zone=None, default_date=None)
    assert p.source == "json"
    assert times(p) == ["2026-03-12 21:05:03", "2026-03-12 21:06:00", "2026-03-12 21:07:00"]
    assert texts(p) == [
        "responder: We're seeing 500s on checkout",
        "responder: @responder can you check the db dashboard?",
        "PagerDuty: Triggered #4821",
    ]
    assert p.rows[0].source_zone.origin == "format"
    assert unparsed(p) == [
        (4, "JSON object has no time field (timestamp, @timestamp, time, ts, datetime...)")
    ]


def test_teams_paste() -> None:
    p = parse_log(load("teams_paste.txt"), zone="Europe/Berlin", default_date=None)
    assert times(p) == ["2026-03-13 09:42:00", "2026-03-13 09:45:00", "2026-03-13 09:50:00"]
    assert texts(p) == [
        "responder: Possiamo chiudere l'incidente #4821? Ho aggiornato il runbook.",
        "responder: yes, closing it",
        "responder: post-mortem draft is in the wiki",
    ]
    assert [r.speaker for r in p.rows] == ["Mario Rossi", "Jane Doe", "Jane Doe"]
    assert p.unparsed == []


def test_teams_numeric_date_that_reads_both_ways_is_flagged() -> None:
    p = parse_log("[3/4/2026 10:45 AM] Jane Doe: closing it", zone="UTC", default_date=None)
    assert times(p) == ["2026-03-04 10:45:00"]
    assert Flag.DATE_AMBIGUOUS in p.rows[0].flags
    p = parse_log("[13/4/2026 10:45] Jane Doe: closing it", zone="UTC", default_date=None)
    assert times(p) == ["2026-04-13 10:45:00"]
    assert Flag.DATE_AMBIGUOUS not in p.rows[0].flags


def test_plain_24_hour_notes() -> None:
    p = parse_log(load("plain_notes.txt"), zone="America/Los_Angeles", default_date=MAR12)
    assert times(p) == [
        "2026-03-12 21:05:00",
        "2026-03-12 21:09:00",
        "2026-03-12 21:20:00",
        "2026-03-12 21:31:00",
        "2026-03-12 14:40:00",
    ]
    assert texts(p) == [
        "alert fired: checkout 5xx > 5%",
        "on-call acknowledged",
        "rollback started",
        "error rate normal",
        "status page updated",
    ]
    assert p.rows[4].source_zone.origin == "line"
    assert unparsed(p) == [(8, "25:10 is not a real time of day")]


def test_plain_12_hour_around_noon_and_midnight() -> None:
    p = parse_log(load("plain_12h.txt"), zone="UTC", default_date=MAR12)
    assert times(p) == [
        "2026-03-12 11:45:00",
        "2026-03-12 11:59:00",
        "2026-03-12 12:00:00",  # 12:00 PM is noon
        "2026-03-12 12:30:00",  # 12:30 pm just after noon
        "2026-03-12 23:59:00",  # 11:59 PM
        "2026-03-13 00:00:00",  # 12:00 AM is midnight, and the clock went back: next day
        "2026-03-13 00:30:00",  # 12:30 a.m.
    ]
    assert [Flag.DATE_ROLLED in r.flags for r in p.rows] == [False] * 5 + [True] * 2
    assert unparsed(p) == [(10, "13:05 PM is not a 12-hour time (hour 1 to 12)")]


def test_iso8601_lines() -> None:
    p = parse_log(load("iso8601.log"), zone="UTC", default_date=None)
    assert times(p) == [
        "2026-03-12 21:05:00",
        "2026-03-12 21:09:30",
        "2026-03-12 21:15:00",
        "2026-03-12 21:20:00",
        "2026-03-12 21:40:00",
        "2026-03-12 21:50:00",
    ]
    assert [r.source_zone.origin for r in p.rows] == ["line"] * 5 + ["default"]
    assert p.rows[0].source_time == "2026-03-12T14:05:00-07:00"
    assert p.rows[4].source_zone.label == "PDT"
    assert texts(p)[3] == "cache flushed"
    assert unparsed(p) == [(9, "2026-13-12 is not a real date")]


def test_rfc5424() -> None:
    p = parse_log(load("rfc5424.log"), zone=None, default_date=None)
    assert times(p) == ["2026-03-12 21:05:00", "2026-03-12 21:06:15"]
    assert texts(p) == [
        "web-1.example.com checkout-api: error rate above 5%",
        "db-1 postgres: replica lag 40s",
    ]
    assert unparsed(p) == [(5, "RFC 5424 message without a timestamp")]


def test_bsd_syslog_takes_year_and_zone_from_defaults() -> None:
    p = parse_log(load("bsd_syslog.log"), zone="America/Los_Angeles", default_date=MAR12)
    # 2 March is before the US switch (PST, UTC-8); 12 March after it (PDT, UTC-7).
    assert times(p) == ["2026-03-12 21:05:03", "2026-03-12 21:06:10", "2026-03-02 17:00:00"]
    assert texts(p)[0] == "web-1 checkout: upstream timed out after 30s"
    assert all(Flag.DATE_ASSUMED in r.flags for r in p.rows)


def test_bsd_syslog_year_is_the_one_nearest_the_document_date() -> None:
    p = parse_log("Dec 31 23:58:00 web-1 cron[1]: x", zone="UTC", default_date=dt.date(2027, 1, 1))
    assert times(p) == ["2026-12-31 23:58:00"]


def test_journalctl_short_iso() -> None:
    p = parse_log(load("journalctl_short_iso.log"), zone=None, default_date=None)
    assert times(p) == ["2026-03-12 21:05:03", "2026-03-12 21:05:04"]
    assert texts(p) == [
        "web-1 systemd: Stopping checkout-api.service...",
        "web-1 checkout-api: listening on :8080",
    ]
    assert unparsed(p) == [(3, "journal marker (boot or log start), not an event")]


def test_journalctl_short_full_abbreviations_tell_the_fold_apart() -> None:
    p = parse_log(load("journalctl_short_full.log"), zone=None, default_date=None)
    assert times(p) == ["2026-10-25 00:30:00", "2026-10-25 01:30:00", "2026-03-12 21:05:03"]
    assert all(not r.flags for r in p.rows)


def test_journalctl_short_unix() -> None:
    p = parse_log(load("journalctl_short_unix.log"), zone=None, default_date=None)
    assert times(p) == ["2026-03-12 21:05:03", "2026-03-12 21:06:00"]
    assert p.rows[0].text == "web-1 kernel: Out of memory: Killed process 4123 (checkout-api)"


def test_pagerduty_csv() -> None:
    p = parse_log(load("pagerduty_log_entries.csv"), zone=None, default_date=None)
    assert p.source == "pagerduty"
    assert times(p) == [
        "2026-03-12 21:05:12",
        "2026-03-12 21:05:40",
        "2026-03-12 21:09:02",
        "2026-03-12 21:30:00",
        "2026-03-12 22:01:55",
    ]
    assert texts(p) == [
        "Triggered through the API.",
        "Notified responder via SMS.",
        "Acknowledged by responder.",
        "responder added a note: failover to db-2, error rate dropping",
        "Resolved by responder.",
    ]
    assert p.rows[0].speaker is None
    assert p.rows[1].speaker == "Jane Doe"
    assert unparsed(p) == [(9, "no readable time in column createdat ('yesterday')")]


def test_opsgenie_csv() -> None:
    p = parse_log(
        load("opsgenie_alert_log.csv"),
        zone=None,
        default_date=None,
        roles={"jane.doe@example.com": "incident commander"},
    )
    assert p.source == "opsgenie"
    assert times(p) == [
        "2026-03-12 21:05:12",
        "2026-03-12 21:06:00",
        "2026-03-12 21:20:31",
        "2026-03-12 22:02:00",
    ]
    assert texts(p) == [
        "Alert created via API",
        "incident commander: Alert acknowledged via web",
        "incident commander: Note added: incident commander promoted db-2",
        "responder: Alert closed via web",
    ]
    assert unparsed(p) == [(8, "no event text in column log")]


def test_json_lines() -> None:
    p = parse_log(load("app.jsonl"), zone=None, default_date=None)
    assert times(p) == [
        "2026-03-12 21:05:00",
        "2026-03-12 21:06:00",
        "2026-03-12 21:07:00",  # epoch milliseconds
        "2026-03-12 21:08:00",
    ]
    assert texts(p) == [
        "checkout-api 5xx above threshold",
        "autoscaler added 4 pods",
        "circuit breaker opened",
        "responder: failover started",
    ]
    assert [u[0] for u in unparsed(p)] == [7, 8]
    assert unparsed(p)[0][1].startswith("not valid JSON")


def test_journald_json() -> None:
    p = parse_log(load("journal.jsonl"), zone=None, default_date=None)
    assert times(p) == ["2026-03-12 21:05:03", "2026-03-12 21:06:00"]  # microseconds
    assert texts(p)[0] == "listening on :8080"


def test_unparseable_lines_are_reported_with_their_line_numbers() -> None:
    p = parse_log(load("mixed_with_junk.txt"), zone=None, default_date=None)
    assert times(p) == ["2026-03-12 21:05:00", "2026-03-12 21:40:00"]
    assert unparsed(p) == [
        (4, "no time found"),
        (5, "no time found"),
        (6, "no time found"),
        (7, "a time with no text"),
        (8, "journal marker (boot or log start), not an event"),
    ]
    assert p.unparsed[1].text == '  File "app.py", line 12, in handler'


def test_every_non_blank_line_is_a_row_a_body_line_or_reported() -> None:
    """No fixture line disappears: it is counted in a row, or reported."""
    text = load("slack_paste.txt")
    p = parse_log(text, zone="America/Los_Angeles", default_date=MAR12)
    non_blank = [i for i, line in enumerate(text.split("\n"), 1) if line.strip()]
    accounted = {r.line for r in p.rows} | {u.line for u in p.unparsed}
    divider, bodies = {5}, {7, 9, 11, 12, 15, 17, 19}
    assert set(non_blank) == accounted | divider | bodies


def test_zone_less_line_without_a_default_is_flagged_not_guessed() -> None:
    p = parse_log("14:05 paged on-call", zone=None, default_date=MAR12)
    (row,) = p.rows
    assert row.utc is None
    assert Flag.ZONE_MISSING in row.flags
    assert row.source_zone.origin == "none"


def test_date_less_line_without_a_default_is_flagged() -> None:
    p = parse_log("14:05 paged on-call", zone="UTC", default_date=None)
    assert p.rows[0].utc is None
    assert Flag.DATE_MISSING in p.rows[0].flags


def test_abbreviation_out_of_season_is_flagged_not_moved() -> None:
    p = parse_log("2026-07-01 09:00 PST paged", zone=None, default_date=None)
    (row,) = p.rows
    assert f"{row.utc:%H:%M}" == "17:00"  # PST is UTC-8 as written...
    assert Flag.ZONE_MISMATCH in row.flags  # ...but Los Angeles was on PDT that day


def test_ambiguous_abbreviation_is_flagged() -> None:
    p = parse_log("2026-03-12 10:00 IST deploy", zone=None, default_date=None)
    assert f"{p.rows[0].utc:%H:%M}" == "04:30"  # India, UTC+5:30
    assert Flag.AMBIGUOUS_ZONE in p.rows[0].flags


def test_bad_default_zone_is_a_value_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        parse_log("14:05 x", zone="Mars/Olympus", default_date=MAR12)


def test_words_starting_with_am_or_pm_are_not_a_12_hour_marker() -> None:
    p = parse_log(
        "14:05 Amsterdam DC failed over\n09:10 pm2 restarted", zone="UTC", default_date=MAR12
    )
    assert times(p) == ["2026-03-12 14:05:00", "2026-03-12 09:10:00"]
    assert texts(p) == ["Amsterdam DC failed over", "pm2 restarted"]
