"""One post-mortem per layout (tests/importers/fixtures/, written after each template's
published structure; the source URL is in each file's first comment): the fields it maps,
that it writes and reads back unchanged, and that no content is lost on the way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import GapType, Postmortem, Severity, Status
from pmtui.importers import ImportResult, import_text

FIXTURES = Path(__file__).parent / "fixtures"

#: Fixture file -> the layout it is written in.
LAYOUT_OF = {
    "google_sre_example.md": "google-sre",
    "pagerduty.md": "pagerduty",
    "atlassian.md": "atlassian",
    "dastergon_srebook.md": "dastergon-srebook",
    "dastergon_thecloudbook.md": "dastergon-thecloudbook",
    "dastergon_google_api_infra.md": "dastergon-google-api-infra",
    "dastergon_azure.md": "dastergon-azure",
    "dastergon_michael_kehoe.md": "dastergon-michael-kehoe",
    "dastergon_real_world_sre.md": "dastergon-real-world-sre",
    "dastergon_elastic.md": "dastergon-elastic",
}


def load(name: str) -> ImportResult:
    path = FIXTURES / name
    return import_text(path.read_text(encoding="utf-8"), str(path))


def extra(doc: Postmortem, heading: str) -> str:
    found = [s.body for s in doc.extra_sections if s.heading == heading]
    assert found, f"no extra section {heading!r} in {[s.heading for s in doc.extra_sections]}"
    return found[0]


def row(doc: Postmortem, time: str) -> str:
    found = [e.event for e in doc.timeline if e.time == time]
    assert found, f"no timeline row at {time!r} in {[e.time for e in doc.timeline]}"
    return found[0]


def moves_of(result: ImportResult) -> list[str]:
    return [str(m) for m in result.moves]


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.md")) == sorted(LAYOUT_OF)


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_fixture_names_its_source(name: str) -> None:
    first = (FIXTURES / name).read_text(encoding="utf-8").split("-->", 1)[0]
    assert first.startswith("<!--") and "https://" in first


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_detected_as_its_layout(name: str) -> None:
    result = load(name)
    assert result.layout == LAYOUT_OF[name]
    assert result.confidence >= 0.9


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_round_trip(name: str) -> None:
    doc = load(name).doc
    assert from_markdown(to_markdown(doc), name) == doc


# Words a conversion may drop because it turned them into structure: headings, labels
# and column titles it mapped, status words it read, date and zone words it converted.
_STRUCTURE_WORDS = {
    "todo",
    "done",
    "utc",
    "owner",
    "due",
    "status",
    "all",
    "time",
    "times",
    "pacific",
    "thursday",
    "february",
    "incident",
    "postmortem",
}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9']{2,}", text)}


def _structure(text: str) -> set[str]:
    """Words of headings, run-in labels and table header rows."""
    words: set[str] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            words |= _words(line)
        label = re.match(r"^\s*(?:[*-]\s+)?(?:\*\*)?([^:*]{1,60}?)(?:\*\*)?\s*:", line)
        if label:
            words |= _words(label.group(1))
        if i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{1,}", lines[i + 1]):
            words |= _words(line)
    return words


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_no_content_word_is_lost(name: str) -> None:
    """Every word of the file's content is somewhere in what pmtui writes."""
    source = (FIXTURES / name).read_text(encoding="utf-8")
    written = _words(to_markdown(load(name).doc))
    lost = _words(source) - written - _structure(source) - _STRUCTURE_WORDS
    assert not lost


# --------------------------------------------------------------------------- per layout


def test_google_sre_example() -> None:
    result = load("google_sre_example.md")
    doc = result.doc
    assert doc.title == "Thumbnail Service (incident #2291)"
    assert doc.date == dt.date(2024, 3, 5)
    assert doc.author == "priya, tomasz, lee"
    assert doc.summary.startswith("Thumbnail generation for uploaded photos was unavailable")
    # Root Causes is prose: it goes to the summary's end, its label as the prefix
    assert doc.summary.split("\n\n")[1].startswith("Root Causes: A configuration change")
    assert doc.five_whys == []
    assert doc.impact and doc.impact.startswith("About 38,000 uploads")
    # "2024-03-05 (all times UTC)" above the rows applies to each
    assert (
        row(doc, "2024-03-05 14:02") == "Configuration rollout 2024-03-05-b starts in all regions"
    )
    assert len(doc.timeline) == 8
    # the row whose time cannot be read is kept, as written
    assert "Later that evening: backlog" in extra(doc, "Timeline (not read)")
    first = doc.action_items[0]
    assert first.owner == "priya"
    assert first.status is Status.PENDING  # "Bug 88412 **TODO**"
    assert "Type: prevent" in first.action and "Bug: Bug 88412" in first.action
    assert doc.action_items[1].status is Status.DONE
    assert "Bug" not in doc.action_items[2].action  # "n/a **DONE**": nothing to keep
    assert doc.learnings[0] == (
        "What went well: The queue-age alert fired before users reported missing thumbnails."
    )
    assert doc.learnings[-1].startswith("Where we got lucky: ")
    assert extra(doc, "Trigger").startswith("Configuration rollout 2024-03-05-b")
    assert "Queue dashboard" in extra(doc, "Supporting information")
    # Status has no pmtui field: kept under the header
    assert "**Status:** Complete, action items in progress" in extra(doc, "")
    assert any("(no severity) -> severity (not in the file" in m for m in moves_of(result))


def test_pagerduty() -> None:
    result = load("pagerduty.md")
    doc = result.doc
    assert doc.title == "Delayed SMS notifications"
    assert doc.date == dt.date(2024, 4, 9)  # from the title
    assert doc.author == "Dana Kim"  # Postmortem Owner
    assert doc.summary.startswith("On the afternoon of April 9th")
    assert doc.impact is not None and "Time in SEV-2: 34 mins" in doc.impact
    assert [g.text for g in doc.gaps][:1] == [
        "The adapter's pool size was a constant in code, not a setting that could be changed live."
    ]
    # What Didn't Go So Well? -> process gaps too
    assert doc.gaps[-1].text == "We had no alert on the adapter's own queue depth."
    assert doc.learnings == [
        "What Went Well: The SLA alert caught the delay within 19 minutes.",
        "What Went Well: Provider relations reached the provider's on-call in minutes.",
    ]
    # "3:30 PM" in a Time (UTC) column; the Data Link column is kept in the event
    assert row(doc, "15:30").startswith('Status page updated: "Delays in SMS delivery"')
    assert "(Data Link: https://status.example.com/incidents/98)" in row(doc, "15:30")
    first = doc.action_items[0]
    assert first.owner == "Dana Kim" and first.due == dt.date(2024, 4, 26)
    assert first.action.startswith("[NOTIF-311](https://jira.example.com/browse/NOTIF-311) Make")
    assert doc.action_items[2].status is Status.DONE
    last = doc.action_items[3]
    assert last.due is None and "(due: next week)" in last.action
    assert "Internal Email" in extra(doc, "Messaging")
    assert "Incident Commander: Ravi Menon" in extra(doc, "Responders")
    assert "**Call Recording:**" in extra(doc, "")


def test_atlassian() -> None:
    doc = load("atlassian.md").doc
    assert doc.title == "Board loading outage"
    assert doc.date == dt.date(2024, 5, 14)
    assert doc.summary.startswith("Between 09:12 and 10:04 UTC on 2024-05-14")
    assert "Blameless root cause: The cache key format is a contract" in doc.summary
    assert doc.five_whys[0] == "Board requests timed out waiting for the permissions database."
    assert len(doc.five_whys) == 5
    # the "Problem" that opens the chain is no why: kept next to them
    assert "**Problem**: Users could not load Jira boards" in extra(doc, "Five whys (notes)")
    assert row(doc, "09:16") == "Board-latency monitor alerts"
    first = doc.action_items[0]
    assert first.owner == "Aiko Tanaka"
    assert first.due == dt.date(2024, 6, 14)
    assert first.status is Status.IN_PROGRESS
    assert "(Jira issue: BOARDS-1440)" in first.action
    assert doc.action_items[1].status is Status.PENDING  # "To do"
    assert doc.learnings[0] == "Contracts between services need tests that run on both sides."
    related = extra(doc, "Related records")
    assert "### Backlog check" in related and "### Recurrence" in related
    assert [s.heading for s in doc.extra_sections][1:] == [
        "Leadup",
        "Fault",
        "Detection",
        "Response",
        "Recovery",
        "Five whys (notes)",
        "Related records",
    ]


def test_dastergon_srebook() -> None:
    doc = load("dastergon_srebook.md").doc
    assert doc.title == "Payment Webhook Delays (incident #784)"
    assert doc.date == dt.date(2024, 6, 11)
    assert doc.author == "Noor Haddad, Sam Whitfield"
    # Root Causes is a list of 3: the Five Whys
    assert doc.five_whys[0].startswith("All merchants share one delivery queue")
    assert len(doc.five_whys) == 3
    assert row(doc, "13:20") == "SLO burn alert pages the payments on-call"
    assert "| TBD | Replay of delayed webhooks" in extra(doc, "Timeline (not read)")
    assert doc.action_items[0].owner == "Noor Haddad"
    assert doc.action_items[2].status is Status.DONE  # "PAY-2212 (done)"
    assert "Bug: PAY-2212" in doc.action_items[2].action
    assert doc.learnings[1].startswith("What went wrong: Manual scaling took 20 minutes")
    assert extra(doc, "Status") == "Complete; two action items open."


def test_dastergon_thecloudbook() -> None:
    doc = load("dastergon_thecloudbook.md").doc
    assert doc.title == "Login failures for single sign-on users"
    assert doc.date == dt.date(2024, 7, 2)  # Start Date/Time
    assert extra(doc, "Start Date/Time") == "2024-07-02 09:12 UTC"  # its time kept too
    assert doc.duration == "1 hour 40 minutes"
    assert doc.impact and doc.impact.startswith("About 22,000 users")
    assert row(doc, "2024-07-02 09:47").startswith("support escalates")
    assert doc.gaps[0].type is GapType.DETECTION
    assert doc.gaps[0].text.startswith("no alert covered the single sign-on error rate")
    assert doc.gaps[1].type is None
    assert doc.gaps[-1].text.startswith("The rotation notice reached a shared inbox")
    assert doc.learnings == [
        "What went well: Password logins were unaffected, so most admins could still sign in "
        "and help their users."
    ]
    assert doc.action_items[1].owner == "Priyanka Rao"
    assert doc.action_items[1].due == dt.date(2024, 7, 19)
    assert "Ben Carter" in extra(doc, "Names of people involved")


def test_dastergon_google_api_infra() -> None:
    result = load("dastergon_google_api_infra.md")
    doc = result.doc
    assert doc.title == "Image resizing API outage"
    assert doc.date is None
    assert doc.summary.startswith("From 6:23 AM to 8:41 AM Pacific Time")
    # Pacific Time (PDT in May, UTC-7) under the "Thursday, May 16, 2024" line
    assert row(doc, "2024-05-16 13:23") == "error rate on the resizing API rises to 62%"
    # 11:55 PM PDT is the next day in UTC
    assert row(doc, "2024-05-17 06:55").startswith("automated renewal fixed")
    assert any("converted from Pacific Time to UTC" in m for m in moves_of(result))
    assert doc.action_items[0].owner == "Hana Okafor"
    assert doc.action_items[2].status is Status.DONE
    assert "region by region" in extra(doc, "Resolution and recovery")


def test_dastergon_azure() -> None:
    doc = load("dastergon_azure.md").doc
    assert doc.title == "Storage account provisioning failures in West Europe"
    assert doc.date == dt.date(2024, 8, 20)
    assert doc.summary.startswith("Between 07:40 and 09:25 UTC on 20 Aug 2024")
    assert "Root cause and mitigation: A configuration update" in doc.summary
    assert doc.impact and "about 3,800 requests failed" in doc.impact
    assert doc.timeline == []
    assert len(doc.action_items) == 3
    assert doc.action_items[0].action.startswith("Validate that a placement target")
    assert doc.action_items[0].owner == ""
    assert "survey" in extra(doc, "Provide feedback (customer survey)")


def test_dastergon_michael_kehoe() -> None:
    doc = load("dastergon_michael_kehoe.md").doc
    assert doc.title == "Search indexer backlog"
    assert doc.severity is Severity.SEV2  # "Incident Severity | SEV-2"
    assert doc.author == "Marta Kowalski"  # Postmortem Lead
    assert doc.date == dt.date(2024, 9, 9)  # the Start Time, not the postmortem's date
    assert doc.duration == "2 hours 35 minutes"  # Time to Resolve (TTR)
    # the key/value tables hold more than pmtui's fields: kept whole
    assert "War-room Required" in extra(doc, "Summary (as written)")
    assert "Time to Detect (TTD)" in extra(doc, "Incident Timing")
    assert row(doc, "2024-09-09 11:32") == (
        "Index lag alert fires; search results up to 30 minutes stale (Who/What: Alerting system)"
    )
    assert doc.impact is not None
    assert doc.impact.startswith("End User Impact: Search results were up to 30 minutes stale")
    assert [g.type for g in doc.gaps] == [None, GapType.PREVENTION]
    assert doc.summary.startswith("Root Cause(s): Tokenizer 3.8 re-scans long documents")
    first = doc.action_items[0]
    assert first.owner == "Jun Park" and first.due == dt.date(2024, 9, 27)
    assert first.action == (
        "Add long documents to the tokenizer load-test corpus "
        "(Type: Prevent; Priority: P1; Bug #: SRCH-901)"
    )
    assert "Due: end of quarter" in doc.action_items[2].action
    assert doc.learnings[1].startswith("What went badly: Detection took 27 minutes")
    assert "#### Trigger(s)" in extra(doc, "What caused the incident?")
    assert "Can the tokenizer be canaried per shard?" in extra(doc, "Open Questions")


def test_dastergon_real_world_sre() -> None:
    doc = load("dastergon_real_world_sre.md").doc
    assert doc.title == "DNS resolution failures for internal services"
    assert doc.author == "Elena Petrova, Tariq Aziz"  # Name(s):
    assert doc.date == dt.date(2024, 10, 3)
    assert "Last modified: 2024-10-07" in extra(doc, "")
    assert row(doc, "2024-10-03 16:44") == "service-mesh error alert pages the network on-call"
    assert "sometime after 17:30" in extra(doc, "Timeline (not read)")
    assert doc.five_whys[1].startswith("Configuration changes to the resolvers")
    assert doc.action_items[1].owner == "Elena Petrova"
    assert doc.action_items[1].due == dt.date(2024, 10, 25)
    assert "(Bug: NET-311)" in doc.action_items[1].action
    assert "commit/4e1a9b" in extra(doc, "Appendix")


def test_dastergon_elastic() -> None:
    doc = load("dastergon_elastic.md").doc
    assert doc.title == "Snapshot repository failures in eu-west-1"
    assert doc.date == dt.date(2024, 2, 12)  # "Title of the incident: Date"
    assert doc.author == "Mara Lindqvist, Osei Boateng"  # By:
    # the brief description under the title is the summary
    assert doc.summary.startswith("Scheduled snapshots failed for 3 hours in one region")
    assert row(doc, "09:14") == "old credentials expire; snapshots start failing with access denied"
    assert doc.action_items[0].owner == "Osei Boateng"
    assert doc.action_items[1].status is Status.DONE
    assert "did not restart the snapshot workers" in extra(doc, "What Happened")
    assert "regional object-store repository" in extra(doc, "Background")
