"""The whole post-mortem, read-only, as the Review step shows it: headings, fields,
tables and lists laid out for reading, only the visible lines drawn.

Textual's Markdown widget mounts a widget per block and per table cell: a 1,000-row
timeline took tens of seconds to show. This view builds styled lines from the model in
one pass (linear, a few milliseconds for 1,000 rows), wraps them to the width once per
width, and draws the visible ones (Textual's Line API). The file itself is the spec's
Markdown; Export writes it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pmtui import times
from pmtui.document.model import WHY_LEVELS, Postmortem


@dataclass(frozen=True)
class Line:
    """One logical line: its text, its style, and the indent of wrapped continuations."""

    text: str
    style: str = ""
    indent: int = 0


def document_lines(doc: Postmortem) -> list[Line]:
    """The post-mortem as lines to read, in the spec's template order."""
    lines: list[Line] = [Line(f"Post-Mortem: {doc.title or '(untitled)'}", "bold $accent")]
    for label, value in (
        ("Date", times.format_date(doc.date)),
        ("Duration", doc.duration),
        ("Severity", doc.severity.value if doc.severity else ""),
        ("Author", doc.author),
    ):
        lines.append(Line(f"{label}: {value or '—'}", "" if value else "dim"))

    def heading(text: str) -> None:
        lines.append(Line(""))
        lines.append(Line(text, "bold $primary"))

    def paragraphs(text: str) -> None:
        if not text.strip():
            lines.append(Line("(empty)", "dim italic"))
            return
        for paragraph in text.split("\n"):
            lines.append(Line(paragraph))

    heading("Summary")
    paragraphs(doc.summary)
    if doc.impact is not None:
        heading("Impact")
        paragraphs(doc.impact)
    heading(f"Timeline (UTC) · {len(doc.timeline)} rows")
    width = max((len(row.time) for row in doc.timeline), default=5)
    for row in doc.timeline:
        event = row.event.replace("\n", " ")
        lines.append(Line(f"{row.time:<{width}}  {event}", indent=width + 2))
    if not doc.timeline:
        lines.append(Line("(no rows)", "dim italic"))
    heading("Five Whys")
    for i, level in enumerate(WHY_LEVELS):
        answer = doc.five_whys[i] if i < len(doc.five_whys) else ""
        text = answer.replace("\n", " ") or "—"
        lines.append(Line(f"{level.level}. Why ({level.focus}): {text}", indent=3))
    heading("Process Gaps Identified")
    for gap in doc.gaps:
        mark = "✓" if gap.done else "☐"
        kind = f"{gap.type.value}: " if gap.type else ""
        fix = f"  → fix: {gap.type.fix_category}" if gap.type else ""
        lines.append(Line(f"{mark} {kind}{gap.text.replace(chr(10), ' ')}{fix}", indent=2))
    if not doc.gaps:
        lines.append(Line("(none yet)", "dim italic"))
    heading("Action Items")
    for item in doc.action_items:
        due = times.format_date(item.due) or "no due date"
        owner = item.owner or "no owner"
        lines.append(
            Line(f"• {item.action or '…'} — {owner} · {due} · {item.status.value}", indent=2)
        )
        if item.verification:
            lines.append(Line(f"  verified by: {item.verification}", "dim", indent=4))
    if not doc.action_items:
        lines.append(Line("(none yet)", "dim italic"))
    heading("Key Learnings")
    for learning in doc.learnings:
        lines.append(Line(f"• {learning.replace(chr(10), ' ')}", indent=2))
    if not doc.learnings:
        lines.append(Line("(none yet)", "dim italic"))
    if doc.meeting is not None and doc.meeting.items:
        heading("Meeting")
        for agenda_item in doc.meeting.items:
            spent = times.format_mmss(agenda_item.actual_seconds)
            lines.append(
                Line(f"{agenda_item.name}: {spent} of {agenda_item.planned_minutes:g} min")
            )
    for section in doc.extra_sections:
        heading(section.heading or "(notes under the header)")
        for body_line in section.body.split("\n"):
            lines.append(Line(body_line))
    return lines


class DocumentView(ScrollView, can_focus=True):
    """Read-only lines, wrapped to the width, only the visible ones drawn."""

    DEFAULT_CSS = """
    DocumentView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Line] = []
        self._wrapped: list[tuple[str, str]] = []
        self._width = 0

    def show(self, lines: list[Line]) -> None:
        self._lines = lines
        self._width = 0
        self._wrap()
        self.refresh()

    def plain_text(self) -> str:
        """What is shown, as text (for tests)."""
        return "\n".join(line.text for line in self._lines)

    def _wrap(self) -> None:
        width = max(20, self.scrollable_content_region.width or self.size.width or 80)
        if width == self._width:
            return
        self._width = width
        wrapped: list[tuple[str, str]] = []
        for line in self._lines:
            if len(line.text) <= width:
                wrapped.append((line.text, line.style))
                continue
            parts = textwrap.wrap(
                line.text, width, subsequent_indent=" " * min(line.indent, width // 2)
            ) or [""]
            wrapped.extend((part, line.style) for part in parts)
        self._wrapped = wrapped
        self.virtual_size = Size(width, len(wrapped))

    def on_resize(self) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        self._wrap()
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.get_visual_style()
        if not 0 <= index < len(self._wrapped):
            return Strip.blank(width, base.rich_style)
        text, style = self._wrapped[index]
        content = Content.styled(text, style) if style else Content(text)
        strip = Strip(content.render_segments(base)).crop(0, width)
        return strip.extend_cell_length(width, base.rich_style)
