"""The writer: the spec's template layout, optional parts only when present, safe cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.document.errors import DocumentError
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import (
    ActionItem,
    Allowance,
    ExtraSection,
    GapType,
    MeetingItem,
    MeetingRecord,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)


def sample() -> Postmortem:
    return Postmortem(
        title="Checkout outage",
        date=dt.date(2024, 3, 5),
        duration="2 hours",
        severity=Severity.SEV2,
        author="Dana Ruiz",
        summary="Checkout returned errors after a config change.",
        timeline=[TimelineEntry(time="14:02", event="Config v42 deployed")],
        five_whys=["The pool size was set to 0.", "Config had no validation."],
        gaps=[
            ProcessGap(text="No alert on pool exhaustion", type=GapType.DETECTION),
            ProcessGap(text="Rollback runbook missing", done=True),
        ],
        action_items=[
            ActionItem(
                action="Add config validation to CI",
                owner="@dana",
                due=dt.date(2024, 4, 1),
                status=Status.IN_PROGRESS,
            )
        ],
        learnings=["Canary stages matter", "Config is code"],
    )


SPEC_LAYOUT = """\
# Post-Mortem: Checkout outage

**Date:** 2024-03-05
**Duration:** 2 hours
**Severity:** SEV-2
**Author:** Dana Ruiz

## Summary
Checkout returned errors after a config change.

## Timeline
| Time (UTC) | Event |
|:---|:---|
| 14:02 | Config v42 deployed |

## Five Whys
1. Why: The pool size was set to 0.
2. Why: Config had no validation.

## Process Gaps Identified
- [ ] **Detection:** No alert on pool exhaustion
- [x] Rollback runbook missing

## Action Items
| Action | Owner | Due | Status |
|:---|:---|:---|:---|
| Add config validation to CI | @dana | 2024-04-01 | In progress |

## Key Learnings
- Canary stages matter
- Config is code
"""


def test_writes_the_spec_template_layout_exactly() -> None:
    assert to_markdown(sample()) == SPEC_LAYOUT


def test_empty_draft_still_has_every_spec_section_in_order() -> None:
    text = to_markdown(Postmortem())
    headings = [line for line in text.split("\n") if line.startswith("#")]
    assert headings == [
        "# Post-Mortem:",
        "## Summary",
        "## Timeline",
        "## Five Whys",
        "## Process Gaps Identified",
        "## Action Items",
        "## Key Learnings",
    ]
    assert "**Date:**\n**Duration:**\n**Severity:**\n**Author:**\n" in text
    assert from_markdown(text) == Postmortem()


def test_impact_comes_right_after_summary_only_when_present() -> None:
    doc = sample()
    assert "## Impact" not in to_markdown(doc)
    doc.impact = "12% of orders failed."
    text = to_markdown(doc)
    assert "## Summary\nCheckout returned errors after a config change.\n\n## Impact\n" in text
    assert "## Impact\n12% of orders failed.\n\n## Timeline" in text


def test_verification_column_only_when_an_item_has_one() -> None:
    doc = sample()
    doc.action_items.append(ActionItem(action="Runbook", verification="Drill passes"))
    text = to_markdown(doc)
    assert "| Action | Owner | Due | Status | Verification |\n|:---|:---|:---|:---|:---|\n" in text
    assert "| Add config validation to CI | @dana | 2024-04-01 | In progress | |" in text
    assert "| Runbook | | | Pending | Drill passes |" in text


def test_meeting_section_records_times_and_agenda() -> None:
    doc = sample()
    doc.meeting = MeetingRecord(
        started_at=dt.datetime(2024, 3, 6, 10, 0, tzinfo=dt.UTC),
        current_item=1,
        items=[
            MeetingItem(name="Review timeline and impact", planned_minutes=5, actual_seconds=312),
            MeetingItem(name="Walk through Five Whys", planned_minutes=15),
        ],
    )
    text = to_markdown(doc)
    assert text.endswith(
        "## Meeting\n"
        "**Started:** 2024-03-06 10:00:00 UTC\n"
        "**Current item:** 2\n"
        "\n"
        "| Agenda item | Planned (min) | Actual (s) | Overrun (s) |\n"
        "|:---|---:|---:|---:|\n"
        "| Review timeline and impact | 5 | 312 | 12 |\n"
        "| Walk through Five Whys | 15 | 0 | 0 |\n"
    )
    assert from_markdown(text) == doc


def test_ended_meeting_has_no_current_item() -> None:
    doc = sample()
    doc.meeting = MeetingRecord(
        started_at=dt.datetime(2024, 3, 6, 10, 0, tzinfo=dt.UTC),
        ended_at=dt.datetime(2024, 3, 6, 10, 50, 1, 500, tzinfo=dt.UTC),
    )
    text = to_markdown(doc)
    assert "**Ended:** 2024-03-06 10:50:01.000500 UTC\n" in text
    assert "Current item" not in text
    assert from_markdown(text) == doc


def test_extra_sections_come_last_verbatim() -> None:
    doc = sample()
    doc.meeting = MeetingRecord()
    doc.extra_sections = [
        ExtraSection(heading="Customer Communication", body="- Status page\n- Email"),
        ExtraSection(heading="Appendix", body="```\n## code\n```"),
    ]
    text = to_markdown(doc)
    assert text.endswith(
        "## Meeting\n**Current item:** 1\n\n"
        "## Customer Communication\n- Status page\n- Email\n\n"
        "## Appendix\n```\n## code\n```\n"
    )


def test_comments_hold_step_and_allowances_and_stay_invisible() -> None:
    doc = sample()
    doc.wizard_step = "gaps"
    doc.allowed = [Allowance(rule="blame.person"), Allowance(rule="x", match='say "-->"')]
    text = to_markdown(doc)
    assert (
        "**Author:** Dana Ruiz\n\n"
        "<!-- pmtui: step gaps -->\n"
        "<!-- pmtui: allow blame.person -->\n"
        '<!-- pmtui: allow x "say \\"--\\u003e\\"" -->\n\n## Summary' in text
    )
    assert from_markdown(text) == doc


def test_cells_escape_pipes_and_keep_multi_line_text_on_one_line() -> None:
    doc = sample()
    doc.timeline = [TimelineEntry(time="14:02", event="a | b\nsecond line")]
    doc.action_items = [ActionItem(action="x|y", owner="@ops | @dev")]
    text = to_markdown(doc)
    assert "| 14:02 | a \\| b<br>second line |\n" in text
    assert "| x\\|y | @ops \\| @dev | | Pending |\n" in text
    assert from_markdown(text) == doc


def test_plain_text_is_written_without_needless_escapes() -> None:
    doc = sample()
    doc.summary = "Errors rose 5% (p99 2.5s); it's a_b and C#, not **bold**."
    assert f"## Summary\n{doc.summary}\n" in to_markdown(doc)


def test_text_that_looks_like_markup_is_escaped_so_it_reads_back_the_same() -> None:
    doc = sample()
    doc.summary = "# not a heading\n- not a list\n1. not a list\n<br> literally"
    doc.learnings = ["**Detection:** typed by hand", "Learning 1", ""]
    doc.gaps = [ProcessGap(text="**Detection:** not a type"), ProcessGap(text="Gap 1")]
    text = to_markdown(doc)
    assert "\\# not a heading\\\n\\- not a list\\\n1\\. not a list\\\n\\<br> literally" in text
    read = from_markdown(text)
    assert read == doc
    assert read.gaps[0].type is None


def test_multi_paragraph_summary_keeps_its_paragraphs() -> None:
    doc = sample()
    doc.summary = "First paragraph.\n\nSecond one,\nwith a line break."
    text = to_markdown(doc)
    assert "## Summary\nFirst paragraph.\n\nSecond one,\\\nwith a line break.\n\n" in text
    assert from_markdown(text).summary == doc.summary


def test_whys_and_learnings_continue_lines_indented_under_their_item() -> None:
    doc = sample()
    doc.five_whys = ["line one\nline two"]
    doc.learnings = ["a\nb"]
    text = to_markdown(doc)
    assert "1. Why: line one\\\n   line two\n" in text
    assert "- a\\\n  b\n" in text
    assert from_markdown(text) == doc


def test_lone_surrogates_from_a_broken_paste_do_not_stop_a_save() -> None:
    doc = sample()
    doc.summary = "pasted \ud800 text"
    text = to_markdown(doc)
    assert "pasted \ufffd text" in text
    text.encode("utf-8")


def test_the_template_comes_from_the_templates_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui import paths
    from pmtui.document import templates

    (tmp_path / "postmortem.md.j2").write_text("custom: {{ title }}\n")
    monkeypatch.setattr(paths, "templates_dir", lambda: tmp_path)
    templates.environment.cache_clear()
    try:
        assert to_markdown(sample()) == "custom: Checkout outage\n"
        (tmp_path / "postmortem.md.j2").unlink()
        templates.environment.cache_clear()
        with pytest.raises(DocumentError, match="template postmortem.md.j2 not found in"):
            to_markdown(sample())
    finally:
        templates.environment.cache_clear()


def test_control_characters_are_dropped_and_the_rest_kept() -> None:
    doc = sample()
    doc.summary = "bell\x07 and\r\nwindows line"
    doc.timeline[0].event = "nul\x00 byte"
    read = from_markdown(to_markdown(doc))
    assert read.summary == "bell and\nwindows line"
    assert read.timeline[0].event == "nul byte"
