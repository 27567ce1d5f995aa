"""Hypothesis strategies for whole post-mortems with adversarial text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from pmtui.document.model import (
    STEPS,
    ActionItem,
    Allowance,
    ExtraSection,
    GapType,
    MeetingItem,
    MeetingPauses,
    MeetingRecord,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)

#: Pieces that mean something to Markdown, to the template or to the reader.
TRICKY = [
    "|",
    "\\",
    "\\|",
    "#",
    "# ",
    "## ",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~~~",
    "<",
    ">",
    "<br>",
    "<b>",
    "<!-- pmtui: step facts -->",
    "-->",
    "&",
    "&amp;",
    "&#32;",
    "[",
    "]",
    "[x]",
    "[ ] ",
    "![a](b)",
    "[link](http://x.y)",
    "<http://x.y>",
    "- ",
    "+ ",
    "1. ",
    "2)",
    "---",
    ":---|",
    "===",
    "    ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n\n\n",
    "Why: ",
    "**Detection:** ",
    "[Answer]",
    "[Event]",
    "Gap 1",
    "Learning 2",
    "@name",
    "HH:MM",
    "YYYY-MM-DD",
    "X hours",
    "Summary",
    "Impact",
    "Meeting",
    "é",
    "日本",
    "🔥",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\ufeff",
]

_chars = st.characters(exclude_categories=("Cs", "Cc"))
text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(_chars, max_size=6)), max_size=6).map(
    "".join
)

_minutes = st.tuples(st.integers(0, 23), st.integers(0, 59))
time_text = st.one_of(
    _minutes.map(lambda hm: f"{hm[0]:02d}:{hm[1]:02d}"),
    st.tuples(st.dates(dt.date(1970, 1, 1), dt.date(2100, 12, 31)), _minutes).map(
        lambda d: f"{d[0].isoformat()} {d[1][0]:02d}:{d[1][1]:02d}"
    ),
)
dates = st.dates(dt.date(1970, 1, 1), dt.date(2100, 12, 31))
numbers = st.one_of(
    st.integers(0, 10_000).map(float),
    st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
)
utc_times = st.datetimes(dt.datetime(1970, 1, 2), dt.datetime(2100, 1, 1)).map(
    lambda d: d.replace(tzinfo=dt.UTC)
)

#: Section bodies are Markdown kept verbatim: real Markdown, never a level-2 heading.
BODY_PIECES = [
    "Some *notes* with a | pipe and \\ backslash.",
    "- one\n- two",
    "1. first\n2. second",
    "```\n## fenced, not a heading\n# nor this\n```",
    "### A sub-heading\ntext under it",
    "# A level-one heading inside",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "> a quote\n> over two lines",
    "<div>html</div>",
    "Trailing spaces kept  \nnext line",
    "Emoji 🔥 and ünïcödé",
]
bodies = st.lists(st.sampled_from(BODY_PIECES), max_size=3).map("\n\n".join)


def meeting_records() -> st.SearchStrategy[MeetingRecord]:
    """Any ``## Meeting`` record, facilitation record included."""
    lines = st.lists(text, max_size=3)
    return st.builds(
        MeetingRecord,
        started_at=st.none() | utc_times,
        ended_at=st.none() | utc_times,
        running_since=st.none() | utc_times,
        current_item=st.integers(0, 6),
        items=st.lists(
            st.builds(
                MeetingItem,
                name=text,
                planned_minutes=numbers,
                actual_seconds=numbers,
                added_seconds=st.just(0.0) | numbers,
                notes=lines,
                decisions=lines,
            ),
            max_size=5,
        ),
        facilitator=text,
        scribe=text,
        owner=text,
        attendees=lines,
        parking_lot=lines,
        pauses=st.builds(MeetingPauses, count=st.integers(0, 50), total_seconds=numbers),
    )


@st.composite
def postmortems(draw: st.DrawFn) -> Postmortem:
    extra = draw(
        st.lists(st.builds(ExtraSection, heading=text, body=bodies), max_size=3).filter(
            # an unnamed first section is the header's free text: tested with fixtures
            lambda sections: not sections or sections[0].heading != ""
        )
    )
    meeting = draw(st.none() | meeting_records())
    return Postmortem(
        above_title=draw(bodies),
        title=draw(text),
        date=draw(st.none() | dates),
        duration=draw(text),
        severity=draw(st.none() | st.sampled_from(Severity)),
        author=draw(text),
        summary=draw(text),
        impact=draw(st.none() | text),
        timeline=draw(st.lists(st.builds(TimelineEntry, time=time_text, event=text), max_size=4)),
        five_whys=draw(st.lists(text, max_size=5)),
        gaps=draw(
            st.lists(
                st.builds(
                    ProcessGap,
                    text=text,
                    type=st.none() | st.sampled_from(GapType),
                    done=st.booleans(),
                ),
                max_size=4,
            )
        ),
        action_items=draw(
            st.lists(
                st.builds(
                    ActionItem,
                    action=text,
                    owner=text,
                    due=st.none() | dates,
                    status=st.sampled_from(Status),
                    verification=text,
                ),
                max_size=4,
            )
        ),
        learnings=draw(st.lists(text, max_size=4)),
        extra_sections=extra,
        meeting=meeting,
        allowed=draw(st.lists(st.builds(Allowance, rule=text, match=st.none() | text), max_size=3)),
        wizard_step=draw(st.none() | st.sampled_from(STEPS)),
    )
