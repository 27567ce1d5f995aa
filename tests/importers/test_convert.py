"""The mapping rules, one at a time, on small documents: title prefixes, header values,
root causes, timelines, action items, and that nothing unmapped is dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import GapType, Postmortem, Severity, Status
from pmtui.importers import ImportResult, NotImportable, import_text


def convert(text: str, layout: str = "google-sre") -> ImportResult:
    result = import_text(text, "t.md", layout)
    # whatever is imported is written and read back unchanged
    assert from_markdown(to_markdown(result.doc)) == result.doc
    return result


def headings(doc: Postmortem) -> list[str]:
    return [s.heading for s in doc.extra_sections]


def body(doc: Postmortem, heading: str) -> str:
    return next(s.body for s in doc.extra_sections if s.heading == heading)


def moves(result: ImportResult) -> str:
    return "\n".join(str(m) for m in result.moves)


# --------------------------------------------------------------------------- title


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Post-mortem - Cache outage", "Cache outage"),
        ("Incident Report: Cache outage", "Cache outage"),
        ("Cache outage postmortem", "Cache outage"),
        ("Shakespeare Sonnet++ Postmortem (incident #465)", "Shakespeare Sonnet++ (incident #465)"),
        ("Cache outage", "Cache outage"),
    ],
)
def test_title_prefixes_are_stripped(heading: str, title: str) -> None:
    assert convert(f"# {heading}\n\n## Summary\n\nx\n").doc.title == title


def test_a_stripped_incident_number_is_kept() -> None:
    doc = convert("# Incident #123: Cache outage\n\n## Summary\n\nx\n").doc
    assert doc.title == "Cache outage"
    assert body(doc, "Original title") == "Incident #123: Cache outage"


def test_a_date_ending_the_title_is_the_date() -> None:
    doc = convert("# Cache outage: March 5, 2024\n\n## Summary\n\nx\n").doc
    assert (doc.title, doc.date) == ("Cache outage", dt.date(2024, 3, 5))


def test_a_date_line_wins_over_the_titles() -> None:
    doc = convert("# Cache outage 2024-03-05\n\n**Date:** 2024-03-06\n\n**Summary:** x\n").doc
    assert doc.date == dt.date(2024, 3, 6)


def test_a_template_placeholder_title_is_no_title() -> None:
    result = convert("# Title (incident #)\n\n### Date\n\n2024-03-05\n", "dastergon-srebook")
    assert result.doc.title == ""
    assert "a template placeholder" in moves(result)


# --------------------------------------------------------------------------- front matter


def test_front_matter_fills_the_header_and_is_kept_as_yaml() -> None:
    text = (
        '---\ntitle: "Cache outage"\ndate: 2024-03-05\nauthor: Ana\nseverity: P2\n'
        "tags: [cache, sev2]\n---\n\n**Postmortem Owner:** Bo\n\n## Overview\n\ns\n"
    )
    result = convert(text, "pagerduty")
    doc = result.doc
    assert (doc.title, doc.date, doc.severity) == (
        "Cache outage",
        dt.date(2024, 3, 5),
        Severity.SEV2,
    )
    assert doc.author == "Ana"  # the front matter comes first; the owner line is kept
    assert "**Postmortem Owner:** Bo" in body(doc, "")
    assert body(doc, "Front matter") == (
        '```yaml\ntitle: "Cache outage"\ndate: 2024-03-05\nauthor: Ana\nseverity: P2\n'
        "tags: [cache, sev2]\n```"
    )
    assert doc.summary == "s"


def test_a_heading_title_wins_over_the_front_matters() -> None:
    doc = convert("---\ntitle: yaml title\n---\n\n# Heading title\n\n## Summary\n\ns\n").doc
    assert doc.title == "Heading title"


def test_a_rule_at_the_top_is_no_front_matter() -> None:
    doc = convert("---\n\n# X\n\n## Summary\n\ns\n\n---\n").doc
    assert doc.title == "X" and "Front matter" not in headings(doc)


# --------------------------------------------------------------------------- header values


@pytest.mark.parametrize(
    ("written", "severity"),
    [("P1", Severity.SEV1), ("Sev2", Severity.SEV2), ("Critical", Severity.SEV1)],
)
def test_severity_labels(written: str, severity: Severity) -> None:
    doc = convert(f"# X\n\n**Severity:** {written}\n\n**Summary:** s\n").doc
    assert doc.severity is severity


def test_an_unclear_severity_is_left_empty_kept_and_said() -> None:
    result = convert("# X\n\n**Severity:** High\n\n**Summary:** s\n")
    assert result.doc.severity is None
    assert "'High' does not clearly match SEV-1, SEV-2 or SEV-3" in moves(result)
    # kept as written, under a heading: as a bare header line it would read as pmtui's own
    assert body(result.doc, "Details") == "**Severity:** High"


def test_plain_header_lines_under_the_title() -> None:
    text = (
        "# X\n\nName(s): Ana, Bo\n\nDate: 21 October 2015\n\nLast modified: today\n\n"
        "## Summary\n\ns\n"
    )
    doc = convert(text, "dastergon-real-world-sre").doc
    assert (doc.author, doc.date) == ("Ana, Bo", dt.date(2015, 10, 21))
    assert body(doc, "") == "Last modified: today"


def test_a_missing_header_field_is_said() -> None:
    result = convert("# X\n\n**Summary:** s\n")
    assert "(no date) -> date (not in the file: left empty)" in moves(result)


# --------------------------------------------------------------------------- root causes, whys


def test_root_causes_as_a_short_list_are_the_five_whys() -> None:
    result = convert("# X\n\n## Root Causes\n\n- cause one\n- cause two\n")
    assert result.doc.five_whys == ["cause one", "cause two"]
    assert "-> five whys (2 causes)" in moves(result)


def test_root_causes_in_prose_go_to_the_summarys_end() -> None:
    doc = convert("# X\n\n## Summary\n\nWhat happened.\n\n## Root Causes\n\nA leak.\n").doc
    assert doc.summary == "What happened.\n\nRoot Causes: A leak."
    assert doc.five_whys == []


def test_more_than_five_causes_are_kept_whole() -> None:
    causes = "".join(f"{n}. cause {n}\n" for n in range(1, 7))
    result = convert(f"# X\n\n## Root Causes\n\n{causes}")
    assert result.doc.five_whys == []
    assert body(result.doc, "Root Causes") == causes.strip()
    assert "6 answers, more than the Five Whys hold" in moves(result)


def test_five_whys_with_why_prefixes() -> None:
    text = (
        "# X\n\n## Five whys\n\n1. Why 1: a\n2. **2nd Why**: b\n3. Why? c\n4. **Why?** d\n"
        "5. Why did it fail twice? An answer that starts with why\n"
    )
    assert convert(text, "atlassian").doc.five_whys == [
        "a",
        "b",
        "c",
        "d",
        "Why did it fail twice? An answer that starts with why",
    ]


def test_why_lines_in_a_paragraph() -> None:
    text = "# X\n\n## Five whys\n\nWhy 1: a\nWhy 2: b\n"
    assert convert(text, "atlassian").doc.five_whys == ["a", "b"]


def test_root_causes_after_the_whys_are_filled_are_kept() -> None:
    text = "# X\n\n## Five whys\n\n- a\n\n## Root cause\n\n- b\n- c\n"
    result = convert(text, "atlassian")
    assert result.doc.five_whys == ["a"]
    assert body(result.doc, "Root cause") == "- b\n- c"
    assert "already filled from line 3" in moves(result)


# --------------------------------------------------------------------------- timeline


def test_timeline_lines_in_one_paragraph_and_a_wrapped_row() -> None:
    text = (
        "# X\n\n## Timeline\n\n2015-10-21 (all times UTC)\n"
        "14:51 News reports a new sonnet\n14:53 Traffic increases 88x after a post\n"
        "that points to our search\n"
    )
    doc = convert(text).doc
    assert [(e.time, e.event) for e in doc.timeline] == [
        ("2015-10-21 14:51", "News reports a new sonnet"),
        ("2015-10-21 14:53", "Traffic increases 88x after a post that points to our search"),
    ]


def test_rows_whose_time_cannot_be_read_are_kept_as_written() -> None:
    text = "# X\n\n## Timeline\n\n- 14:51 alert\n- around tea time: users notice\n- 15:02 fix\n"
    result = convert(text)
    assert [e.time for e in result.doc.timeline] == ["14:51", "15:02"]
    assert body(result.doc, "Timeline (not read)") == "- around tea time: users notice"
    assert "no time pmtui can read" in moves(result)


def test_a_zone_that_cannot_be_converted_keeps_the_row() -> None:
    text = "# X\n\n## Timeline\n> (all times in Pacific Time)\n\n- 6:23 AM: errors rise\n"
    result = convert(text, "dastergon-google-api-infra")
    assert result.doc.timeline == []
    assert body(result.doc, "Timeline (not read)") == "- 6:23 AM: errors rise"
    assert "Pacific Time needs a date to know its UTC offset" in moves(result)


def test_the_documents_date_lets_a_zone_convert() -> None:
    text = "# X: May 16, 2024\n\n## Timeline\n> (all times in Pacific Time)\n\n- 6:23 AM: errors\n"
    doc = convert(text, "dastergon-google-api-infra").doc
    assert [(e.time, e.event) for e in doc.timeline] == [("13:23", "errors")]


def test_timeline_table_with_date_and_time_columns_and_extra_columns() -> None:
    text = (
        "# X\n\n## Timeline\n\n| Date | Time | Who | What happened |\n|---|---|---|---|\n"
        "| 2024-03-05 | 09:12 | on-call | paged |\n| 2024-03-06 | 10:00 | | closed |\n"
    )
    doc = convert(text).doc
    assert [(e.time, e.event) for e in doc.timeline] == [
        ("2024-03-05 09:12", "paged (Who: on-call)"),
        ("2024-03-06 10:00", "closed"),
    ]


def test_date_sub_headings_date_the_rows_below() -> None:
    text = (
        "# X\n\n## Timeline\n\n### 2024-03-05\n\n- 23:50 alert\n\n### 2024-03-06\n\n- 00:10 fix\n"
    )
    doc = convert(text).doc
    assert [(e.time, e.event) for e in doc.timeline] == [
        ("2024-03-05 23:50", "alert"),
        ("2024-03-06 00:10", "fix"),
    ]


def test_a_timeline_without_a_zone_says_times_are_read_as_utc() -> None:
    assert "no time zone given: times read as UTC" in moves(
        convert("# X\n\n## Timeline\n\n- 14:51 a\n")
    )


# --------------------------------------------------------------------------- action items


def test_action_item_table_columns() -> None:
    text = (
        "# X\n\n## Action Items\n\n| Task | Assignee | Priority | Ticket | Due | Status |\n"
        "|---|---|---|---|---|---|\n"
        "| Add an alert | Dana | P1 | OPS-1 | 2024-04-26 | In progress |\n"
        "| Write a runbook | n/a | | | next sprint | blocked |\n"
    )
    result = convert(text)
    first, second = result.doc.action_items
    assert first.action == "Add an alert (Priority: P1; Ticket: OPS-1)"
    assert (first.owner, first.due, first.status) == (
        "Dana",
        dt.date(2024, 4, 26),
        Status.IN_PROGRESS,
    )
    # what pmtui cannot read stays in the action text
    assert second.action == "Write a runbook (Status: blocked; Due: next sprint)"
    assert (second.owner, second.due, second.status) == ("", None, Status.PENDING)
    assert "due dates pmtui cannot read kept in the action text" in moves(result)


def test_action_item_bullets() -> None:
    text = (
        "# X\n\n## Action Items\n\n- [x] Rotate the key (owner: Ana)\n"
        "- Add a check \u2014 owner: Bo, due: 2024-05-01\n- [See JIRA](https://j/1) Document it\n"
    )
    done, check, link = convert(text).doc.action_items
    assert (done.action, done.owner, done.status) == ("Rotate the key", "Ana", Status.DONE)
    assert (check.action, check.owner, check.due) == ("Add a check", "Bo", dt.date(2024, 5, 1))
    assert link.action == "[See JIRA](https://j/1) Document it"


# --------------------------------------------------------------------------- gaps, learnings


def test_contributing_factors_are_gaps_typed_only_when_labelled() -> None:
    text = (
        "# X\n\n## Contributing Factors\n\n- **Detection:** no alert on queue depth\n"
        "- the retry loop had no limit\n- [x] Knowledge: nobody knew the limit changed\n"
    )
    gaps = convert(text, "pagerduty").doc.gaps
    assert [(g.type, g.text, g.done) for g in gaps] == [
        (GapType.DETECTION, "no alert on queue depth", False),
        (None, "the retry loop had no limit", False),
        (GapType.KNOWLEDGE, "nobody knew the limit changed", True),
    ]


def test_unknown_sub_headings_of_lessons_learned_are_prefixes() -> None:
    text = "# X\n\n## Lessons Learned\n\n- plain one\n\n### Surprises\n\n- the cache was cold\n"
    assert convert(text).doc.learnings == ["plain one", "Surprises: the cache was cold"]


# --------------------------------------------------------------------------- nothing dropped


def test_unmapped_sections_are_kept_verbatim_in_order() -> None:
    text = (
        "# X\n\n## Customer Comms\n\nWe emailed *all* customers.\n\n"
        "## Summary\n\ns\n\n## Costs\n\n| Item | EUR |\n|---|---|\n| Credits | 1200 |\n\n"
        "### Breakdown\n\n```\nraw numbers\n```\n"
    )
    doc = convert(text).doc
    assert headings(doc) == ["Customer Comms", "Costs"]
    assert body(doc, "Customer Comms") == "We emailed *all* customers."
    # a ### sub-section stays inside its kept section, as written
    assert body(doc, "Costs") == (
        "| Item | EUR |\n|---|---|\n| Credits | 1200 |\n\n### Breakdown\n\n```\nraw numbers\n```"
    )


def test_text_under_the_title_is_kept_under_the_header() -> None:
    doc = convert("# X\n\n> Written by the team.\n\n**Summary:** s\n").doc
    assert body(doc, "") == "> Written by the team."


def test_the_generic_layout_maps_common_headings() -> None:
    text = "# X\n\n## TL;DR\n\nshort\n\n## Takeaways\n\n- one\n\n## Next steps\n\n- do it\n"
    doc = convert(text, "generic").doc
    assert (doc.summary, doc.learnings) == ("short", ["one"])
    assert doc.action_items[0].action == "do it"


# --------------------------------------------------------------------------- refusals


def test_empty_text_is_refused() -> None:
    with pytest.raises(NotImportable, match="t.md: the file is empty"):
        import_text("  \n", "t.md")


def test_pmtuis_own_format_is_refused() -> None:
    text = to_markdown(Postmortem(title="Done already", summary="s"))
    with pytest.raises(NotImportable, match="already in pmtui's format"):
        import_text(text, "t.md")
    with pytest.raises(NotImportable, match="already in pmtui's format"):
        import_text(text, "t.md", "google-sre")


def test_a_postmortem_title_alone_does_not_make_a_file_pmtuis_when_a_layout_is_named() -> None:
    text = "# Postmortem: Cache outage\n\n## Summary\n\nx\n\n## Trigger\n\nA deploy.\n"
    with pytest.raises(NotImportable, match="already in pmtui's format"):
        import_text(text, "t.md")  # pmtui reads it as it is
    doc = convert(text, "google-sre").doc
    assert (doc.title, doc.summary, headings(doc)) == ("Cache outage", "x", ["Trigger"])


def test_no_known_layout_is_refused_with_a_hint() -> None:
    with pytest.raises(NotImportable, match="does not look like a post-mortem.*--layout"):
        import_text("# Notes\n\n## Groceries\n\n- milk\n", "t.md")


def test_an_unknown_layout_name_is_refused() -> None:
    with pytest.raises(NotImportable, match="unknown layout 'nope'; known layouts: google-sre"):
        import_text("# X\n", "t.md", "nope")
