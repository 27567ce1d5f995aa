"""The reader: one fixture per tolerance the issue lists, and clear errors with line numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.document.errors import DocumentError
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import GapType, Postmortem, Severity, Status
from pmtui.document.storage import load

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Postmortem:
    return load(FIXTURES / name)


def assert_base_content(doc: Postmortem) -> None:
    """What every variant of the base fixture holds, whatever was done to its layout."""
    assert doc.title == "Checkout outage"
    assert doc.date == dt.date(2024, 3, 5)
    assert doc.duration == "2 hours"
    assert doc.severity is Severity.SEV2
    assert doc.author == "Dana Ruiz"
    assert doc.summary == "Checkout returned errors after a config change."
    assert [(e.time, e.event) for e in doc.timeline] == [
        ("14:02", "Config v42 deployed"),
        ("16:05", "Rollback complete"),
    ]
    assert doc.five_whys == ["The pool size was set to 0.", "Config had no validation."]
    assert [(g.text, g.type, g.done) for g in doc.gaps] == [
        ("No alert on pool exhaustion", GapType.DETECTION, False),
        ("Rollback runbook missing", None, True),
    ]
    assert [(a.action, a.owner, a.due, a.status) for a in doc.action_items] == [
        ("Add config validation to CI", "@dana", dt.date(2024, 4, 1), Status.IN_PROGRESS)
    ]
    assert doc.learnings == ["Canary stages matter"]
    assert doc.extra_sections == []


@pytest.mark.parametrize(
    "name",
    [
        "crlf.md",
        "extra_blank_lines.md",
        "trailing_whitespace.md",
        "alignment_rows.md",
        "padded_cells.md",
    ],
)
def test_layout_variants_read_as_the_same_document(name: str) -> None:
    assert_base_content(fixture(name))


def test_crlf_fixture_really_has_crlf_line_endings() -> None:
    data = (FIXTURES / "crlf.md").read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 10


def test_trailing_whitespace_fixture_has_spaces_and_tabs() -> None:
    text = (FIXTURES / "trailing_whitespace.md").read_text()
    assert " \t \n" in text and "   \n" in text


def test_escaped_pipes_in_cells_are_text() -> None:
    doc = fixture("escaped_pipes.md")
    assert doc.timeline[0].event == "Config v42 deployed | canary skipped"
    assert doc.action_items[0].action == "Validate config | schema in CI"
    assert doc.action_items[0].owner == "@dana"


def test_wrapped_paragraphs_are_joined_with_one_space() -> None:
    doc = fixture("wrapped_paragraphs.md")
    assert doc.summary == "Checkout returned errors after a config change."
    assert doc.five_whys[0] == "The pool size was set to 0."
    assert doc.learnings == ["Canary stages matter"]


def test_non_ascii_and_emoji_survive() -> None:
    doc = fixture("unicode_emoji.md")
    assert doc.title == "Panne du paiement 🔥 — 決済"
    assert doc.author == "Zoë Ñúñez"
    assert doc.timeline[0].event == "Konfiguration v42 ausgerollt ✅"
    assert doc.action_items[0].owner == "@zoë"


def test_missing_sections_leave_fields_empty() -> None:
    doc = fixture("missing_sections.md")
    assert doc.title == "Short draft"
    assert doc.severity is Severity.SEV3
    assert doc.duration == "" and doc.author == ""
    assert doc.summary == "Only a summary so far."
    assert doc.impact is None and doc.meeting is None
    assert doc.timeline == doc.gaps == doc.action_items == []
    assert doc.five_whys == doc.learnings == []


def test_bare_spec_template_reads_as_an_empty_draft() -> None:
    assert fixture("spec_template.md") == Postmortem()


def test_placeholder_row_next_to_real_rows_is_dropped_but_real_rows_kept() -> None:
    text = (FIXTURES / "spec_template.md").read_text()
    text = text.replace("| HH:MM | [Event] |", "| HH:MM | [Event] |\n| 09:15 | Pager fired |")
    text = text.replace("- [ ] Gap 2", "- [ ] Gap 2\n- [ ] No canary stage")
    doc = from_markdown(text)
    assert [(e.time, e.event) for e in doc.timeline] == [("09:15", "Pager fired")]
    assert [g.text for g in doc.gaps] == ["No canary stage"]
    assert doc.five_whys == [] and doc.action_items == []


def test_unknown_sections_are_kept_verbatim_in_order_and_written_back() -> None:
    doc = fixture("unknown_sections.md")
    assert_base_content(doc.model_copy(update={"extra_sections": []}))
    assert [s.heading for s in doc.extra_sections] == ["Customer Communication", "Appendix: Graphs"]
    assert doc.extra_sections[0].body == (
        "We posted on the **status page** at 14:30.\n\n- Email to merchants\n- Tweet"
    )
    assert doc.extra_sections[1].body == (
        "![latency](graph.png)\n\n| Metric | Value |\n|---|---|\n| p99 | 2.5s |"
    )
    written = to_markdown(doc)
    assert "## Customer Communication\nWe posted on the **status page** at 14:30." in written
    assert written.index("## Customer Communication") < written.index("## Appendix: Graphs")


def test_hash_lines_in_fenced_code_are_content_not_headings() -> None:
    doc = fixture("fenced_code.md")
    assert_base_content(
        doc.model_copy(update={"extra_sections": [], "summary": doc.summary.split("\n\n")[0]})
    )
    assert doc.summary.endswith("~~~\n# still code\n~~~")
    assert [s.heading for s in doc.extra_sections] == ["Config Diff"]
    assert "## not a section either" in doc.extra_sections[0].body
    assert doc.action_items[0].action == "Add config validation to CI"


def test_full_fixture_reads_impact_verification_and_meeting() -> None:
    doc = fixture("full.md")
    assert doc.impact == "12% of orders failed for two hours."
    assert [a.verification for a in doc.action_items] == ["A bad config fails CI", ""]
    assert doc.action_items[1].status is Status.DONE
    assert doc.meeting is not None
    assert doc.meeting.started_at == dt.datetime(2024, 3, 6, 10, 0, tzinfo=dt.UTC)
    assert doc.meeting.ended_at == dt.datetime(2024, 3, 6, 10, 52, 30, tzinfo=dt.UTC)
    assert [(i.name, i.planned_minutes, i.actual_seconds) for i in doc.meeting.items] == [
        ("Review timeline and impact", 5, 312),
        ("Walk through Five Whys", 15, 840),
    ]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_write_of_read_is_stable_for_hand_written_files(path: Path) -> None:
    first = to_markdown(load(path))
    second = to_markdown(from_markdown(first))
    assert second == first
    assert from_markdown(first) == load(path)


def test_pmtui_comments_give_step_and_allowances() -> None:
    text = (
        (FIXTURES / "full.md")
        .read_text()
        .replace(
            "## Summary",
            "<!-- pmtui: step whys -->\n<!-- pmtui: allow blame.human-error -->\n"
            '<!-- pmtui: allow blame.person "Dana \\"D\\" Ruiz" -->\n\n## Summary',
        )
    )
    doc = from_markdown(text)
    assert doc.wizard_step == "whys"
    assert [(a.rule, a.match) for a in doc.allowed] == [
        ("blame.human-error", None),
        ("blame.person", 'Dana "D" Ruiz'),
    ]


def test_free_text_under_the_header_is_kept() -> None:
    text = (
        (FIXTURES / "full.md")
        .read_text()
        .replace(
            "**Author:** Dana Ruiz",
            "**Author:** Dana Ruiz\n**Reviewers:** Ops\n\nDraft, do not share.",
        )
    )
    doc = from_markdown(text)
    assert doc.extra_sections[0].heading == ""
    assert doc.extra_sections[0].body == "**Reviewers:** Ops\n\nDraft, do not share."
    written = to_markdown(doc)
    assert written.index("Draft, do not share.") < written.index("## Summary")
    assert from_markdown(written) == doc


def test_note_inside_a_known_section_is_not_lost() -> None:
    text = (
        (FIXTURES / "full.md")
        .read_text()
        .replace("## Timeline\n", "## Timeline\nAll times are UTC.\n\n")
    )
    doc = from_markdown(text)
    assert len(doc.timeline) == 2
    assert ("Timeline", "All times are UTC.") in [(s.heading, s.body) for s in doc.extra_sections]
    assert from_markdown(to_markdown(doc)) == doc


# --------------------------------------------------------------------------- errors


def error_for(text: str) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        from_markdown(text, "pm.md")
    return info.value


def test_empty_text_is_an_error() -> None:
    assert str(error_for(" \n\n")) == "pm.md: the file is empty"


def test_markdown_without_title_names_the_first_line() -> None:
    err = error_for("\n\n# Notes\n\nJust notes.\n")
    assert err.line == 3
    assert str(err).startswith('pm.md:3: no "# Post-Mortem: <title>" heading')


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("**Date:** 2024-03-05", "**Date:** 2024-02-30", 3, "date '2024-02-30' is not a date"),
        ("**Date:** 2024-03-05", "**Date:** March 5th", 3, "date 'March 5th' is not a date"),
        ("**Severity:** SEV-2", "**Severity:** SEV-9", 5, "must be SEV-1, SEV-2 or SEV-3"),
        ("| 16:05 |", "| 25:05 |", 15, "timeline row 2: time '25:05' is not a real time"),
        ("| 16:05 |", "| soon |", 15, "must be HH:MM or YYYY-MM-DD HH:MM"),
        ("| 2024-04-01 | In progress", "| 2024-13-01 | In progress", 28, "action item 1: due"),
        ("| In progress |", "| Someday |", 28, "status 'Someday' must be Pending, In progress"),
    ],
)
def test_bad_values_name_the_line_and_the_field(old: str, new: str, line: int, words: str) -> None:
    text = (FIXTURES / "crlf.md").read_text().replace("\r\n", "\n")
    assert old in text
    err = error_for(text.replace(old, new, 1))
    assert err.line == line
    assert words in str(err)
    assert str(err).startswith(f"pm.md:{line}: ")
    assert "\n" not in str(err)


def test_six_whys_is_an_error_on_the_sixth() -> None:
    text = (
        (FIXTURES / "missing_sections.md").read_text()
        + "\n## Five Whys\n"
        + "".join(f"{i}. Why: answer {i}\n" for i in range(1, 7))
    )
    err = error_for(text)
    assert "more than 5" in str(err)
    assert err.line == text.split("\n").index("6. Why: answer 6") + 1


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("TODO", Status.PENDING),
        ("open", Status.PENDING),
        ("", Status.PENDING),
        ("in-progress", Status.IN_PROGRESS),
        ("WIP", Status.IN_PROGRESS),
        ("Completed", Status.DONE),
        ("done", Status.DONE),
    ],
)
def test_hand_written_status_words(written: str, status: Status) -> None:
    text = (FIXTURES / "full.md").read_text().replace("| In progress |", f"| {written} |")
    doc = from_markdown(text)
    assert doc.action_items[0].status is status
    assert f"| {status.value} |" in to_markdown(doc)


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("14:02 UTC", "14:02"),
        ("14:02Z", "14:02"),
        ("2024-03-05T14:02", "2024-03-05 14:02"),
        ("9:07", "09:07"),
        ("2024-03-05 9:07", "2024-03-05 09:07"),
    ],
)
def test_hand_written_timeline_times(written: str, time: str) -> None:
    text = (FIXTURES / "full.md").read_text().replace("| 14:02 |", f"| {written} |")
    doc = from_markdown(text)
    assert doc.timeline[0].time == time
    assert f"| {time} |" in to_markdown(doc)  # written in full (an unedited row is kept)


def test_a_filled_column_pmtui_cannot_keep_is_refused_not_dropped() -> None:
    text = (FIXTURES / "full.md").read_text()
    text = text.replace(
        "| Time (UTC) | Event |\n|:---|:---|", "| Time | Event | Source |\n|--|--|--|"
    )
    text = text.replace("| 16:05 | Rollback complete |", "| 16:05 | Rollback complete | pager |")
    err = error_for(text)
    assert err.line == text.split("\n").index("| 16:05 | Rollback complete | pager |") + 1
    assert "timeline table: column 'Source' is not one pmtui keeps" in str(err)


def test_an_empty_extra_column_is_left_out() -> None:
    text = (FIXTURES / "full.md").read_text()
    text = text.replace(
        "| Time (UTC) | Event |\n|:---|:---|", "| Time | Event | Notes |\n|--|--|--|"
    )
    assert [e.time for e in from_markdown(text).timeline] == ["14:02", "16:05"]


def test_link_reference_definitions_are_kept() -> None:
    text = (
        (FIXTURES / "unknown_sections.md")
        .read_text()
        .replace(
            "- Tweet\n",
            "- Tweet\n\nSee the [status page][sp].\n\n[sp]: https://status.example.com\n",
        )
    )
    doc = from_markdown(text)
    body = doc.extra_sections[0].body
    assert body.endswith("See the [status page][sp].\n\n[sp]: https://status.example.com")
    assert from_markdown(to_markdown(doc)) == doc


@pytest.mark.parametrize("time", ["HH:MM", ""])
def test_an_event_without_a_time_says_so(time: str) -> None:
    text = (FIXTURES / "spec_template.md").read_text()
    text = text.replace("| HH:MM | [Event] |", f"| {time} | Pager fired |")
    err = error_for(text)
    assert err.line == 14
    assert str(err) == (
        "pm.md:14: timeline row 1 has an event but no time; "
        "write the time as HH:MM or YYYY-MM-DD HH:MM (UTC)"
    )


# --------------------------------------------------------------------------- above the title


def test_a_section_heading_above_the_title_stays_there_and_is_not_read() -> None:
    """Issue 14.6: a heading above the title moved under it on save and, read again,
    became a real section (the Timeline step emptied after one edit and reopen)."""
    above = "## Timeline\n| Time | Event |\n|---|---|\n| 08:00 | not this one |"
    text = above + "\n\n" + (FIXTURES / "full.md").read_text()
    doc = from_markdown(text)
    assert doc.above_title == above
    assert [e.time for e in doc.timeline] == ["14:02", "16:05"]
    doc.summary = "Edited once."
    written = to_markdown(doc)
    assert written.startswith(above + "\n\n# Post-Mortem: ")
    again = from_markdown(written)
    assert again == doc
    assert to_markdown(again) == written


def test_front_matter_and_comments_above_the_title_are_kept_verbatim() -> None:
    above = "---\ntitle: Checkout outage\ntags: [payments]\n---\n<!-- reviewed by ops -->"
    text = above + "\n# Post-Mortem: T\n"
    doc = from_markdown(text)
    assert doc.above_title == above
    assert to_markdown(doc).startswith(above + "\n\n# Post-Mortem: T\n")
    assert doc.extra_sections == []
