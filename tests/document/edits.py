"""Hypothesis strategies for one edit of one field of a post-mortem, as a user makes it
in the wizard or meeting mode, and the part of the file each edit may change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from pmtui.document.markdown.sourcemap import Layout, Lines
from pmtui.document.markdown.syntax import FIELD_KEYS
from pmtui.document.model import (
    ActionItem,
    Allowance,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)
from tests.document.strategies import dates, meeting_records, text, time_text


@dataclass
class Edit:
    """What was edited (``field``, a section key or header field) and the new document."""

    name: str
    field: str
    doc: Postmortem

    def region(self, layout: Layout, lines: list[str]) -> Lines:
        """The base lines this edit may change; every line outside must stay."""
        line_count = len(lines)
        if self.field == "title":
            return layout.title
        if self.field in layout.fields:
            line = layout.fields[self.field][0]
            return line, line + 1
        if self.field in FIELD_KEYS:
            return layout.title[0], _first_heading(layout, line_count)
        if self.field == "comments":  # under the header, or beside the comments there are
            last = max((line for line, _, _ in layout.comments), default=0)
            return layout.title[1], max(_first_heading(layout, line_count), last + 2)
        sections = layout.sections
        if self.field in sections:
            section = sections[self.field]
            start = section.heading[0]
            if section.end >= line_count:  # the last section goes with the blank lines before
                while start > 0 and not lines[start - 1].strip():
                    start -= 1
            return start, section.end
        order = ["summary", "impact", "timeline", "whys", "gaps", "actions", "learnings"]
        order.append("meeting")
        index = order.index(self.field)
        # a section the file does not have goes where the template puts it: after the
        # known section before it, else before the known section after it
        before = [sections[k] for k in order[:index] if k in sections]
        after = [sections[k] for k in order[index + 1 :] if k in sections]
        if before:
            return before[-1].heading[0], before[-1].end
        return (after[0].heading[0], after[0].heading[0]) if after else (0, line_count)


def _first_heading(layout: Layout, line_count: int) -> int:
    return min((s.heading[0] for s in layout.sections.values()), default=line_count)


Change = Callable[[Postmortem], None]


@st.composite
def edits(draw: st.DrawFn, doc: Postmortem) -> Edit:
    """One edit of one field of ``doc`` (a copy is edited)."""
    new = doc.model_copy(deep=True)
    options: list[tuple[str, str, Change]] = []

    def option(name: str, field: str, change: Change) -> None:
        options.append((name, field, change))

    option("title", "title", lambda d: setattr(d, "title", draw(text)))
    option("date", "date", lambda d: setattr(d, "date", draw(st.none() | dates)))
    option("duration", "duration", lambda d: setattr(d, "duration", draw(text)))
    option(
        "severity",
        "severity",
        lambda d: setattr(d, "severity", draw(st.none() | st.sampled_from(Severity))),
    )
    option("author", "author", lambda d: setattr(d, "author", draw(text)))
    option("summary", "summary", lambda d: setattr(d, "summary", draw(text)))
    option("impact", "impact", lambda d: setattr(d, "impact", draw(st.none() | text)))
    option("allow", "comments", lambda d: d.allowed.append(draw(_allowances)))

    rows = len(doc.timeline)
    option(
        "add row",
        "timeline",
        lambda d: d.timeline.insert(draw(st.integers(0, rows)), draw(_entries)),
    )
    if rows:
        row = st.integers(0, rows - 1)
        option(
            "time", "timeline", lambda d: setattr(d.timeline[draw(row)], "time", draw(time_text))
        )
        option("event", "timeline", lambda d: setattr(d.timeline[draw(row)], "event", draw(text)))
        option("delete row", "timeline", lambda d: d.timeline.pop(draw(row)))
        option(
            "move row",
            "timeline",
            lambda d: d.timeline.insert(draw(row), d.timeline.pop(draw(row))),
        )

    whys = len(doc.five_whys)
    if whys:
        option(
            "why",
            "whys",
            lambda d: d.five_whys.__setitem__(draw(st.integers(0, whys - 1)), draw(text)),
        )
    if whys < 5:
        option("add why", "whys", lambda d: d.five_whys.append(draw(text)))

    gaps = len(doc.gaps)
    option("add gap", "gaps", lambda d: d.gaps.insert(draw(st.integers(0, gaps)), draw(_gaps)))
    if gaps:
        gap = st.integers(0, gaps - 1)
        option("gap text", "gaps", lambda d: setattr(d.gaps[draw(gap)], "text", draw(text)))
        option(
            "gap type",
            "gaps",
            lambda d: setattr(
                d.gaps[draw(gap)], "type", draw(st.none() | st.sampled_from(GapType))
            ),
        )
        option("gap done", "gaps", lambda d: _toggle(d.gaps[draw(gap)]))
        option("delete gap", "gaps", lambda d: d.gaps.pop(draw(gap)))

    actions = len(doc.action_items)
    option(
        "add action",
        "actions",
        lambda d: d.action_items.insert(draw(st.integers(0, actions)), draw(_actions)),
    )
    if actions:
        action = st.integers(0, actions - 1)
        for name in ("action", "owner", "verification"):
            option(name, "actions", _set_action(draw, action, name, text))
        option("due", "actions", _set_action(draw, action, "due", st.none() | dates))
        option("status", "actions", _set_action(draw, action, "status", st.sampled_from(Status)))
        option("delete action", "actions", lambda d: d.action_items.pop(draw(action)))

    learnings = len(doc.learnings)
    option(
        "add learning",
        "learnings",
        lambda d: d.learnings.insert(draw(st.integers(0, learnings)), draw(text)),
    )
    if learnings:
        learning_at = st.integers(0, learnings - 1)
        option(
            "learning",
            "learnings",
            lambda d: d.learnings.__setitem__(draw(learning_at), draw(text)),
        )
        option("delete learning", "learnings", lambda d: d.learnings.pop(draw(learning_at)))

    option("meeting", "meeting", lambda d: setattr(d, "meeting", draw(_meetings)))
    if doc.meeting is not None and doc.meeting.items:
        count = len(doc.meeting.items)
        option(
            "meeting time",
            "meeting",
            lambda d: _meeting_time(d, draw(st.integers(0, count - 1)), draw(st.integers(0, 9999))),
        )

    name, field, change = draw(st.sampled_from(options))
    change(new)
    return Edit(name, field, new)


def _toggle(gap: ProcessGap) -> None:
    gap.done = not gap.done


def _meeting_time(doc: Postmortem, index: int, seconds: int) -> None:
    assert doc.meeting is not None
    doc.meeting.items[index].actual_seconds = float(seconds)


def _set_action(
    draw: st.DrawFn, pick: st.SearchStrategy[int], name: str, values: st.SearchStrategy[object]
) -> Change:
    return lambda d: setattr(d.action_items[draw(pick)], name, draw(values))


_entries = st.builds(TimelineEntry, time=time_text, event=text)
_gaps = st.builds(
    ProcessGap, text=text, type=st.none() | st.sampled_from(GapType), done=st.booleans()
)
_actions = st.builds(
    ActionItem,
    action=text,
    owner=text,
    due=st.none() | dates,
    status=st.sampled_from(Status),
    verification=text,
)
_allowances = st.builds(Allowance, rule=text.filter(bool), match=st.none() | text)
_meetings = st.none() | meeting_records()
