"""The post-mortem written as Markdown, after the spec's template.

``templates/postmortem.md.j2`` is the layout; here every value is turned into Markdown
source with as little escaping as reads back exactly (:mod:`.text`), never into a
placeholder of the spec's template by accident (:mod:`.syntax`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

from pmtui import times
from pmtui.document import comments
from pmtui.document.markdown import meeting, text
from pmtui.document.markdown.blocks import kept_body
from pmtui.document.markdown.syntax import (
    FIELD_KEYS,
    FIELD_RE,
    GAP_TYPE_RE,
    is_placeholder,
    reserved,
    section_key,
)
from pmtui.document.markdown.text import MD_BLOCKS
from pmtui.document.model import ActionItem, ExtraSection, Postmortem, ProcessGap, TimelineEntry
from pmtui.document.templates import render

TEMPLATE_NAME = "postmortem.md.j2"


def to_markdown(doc: Postmortem, *, references_from: Postmortem | None = None) -> str:
    """The post-mortem as Markdown after the spec's template. Values are written to read
    back among the link reference definitions of ``references_from`` (default: ``doc``),
    for a part of a document rendered on its own."""
    with writing(references_from or doc):
        return _to_markdown(doc)


def writing(doc: Postmortem) -> contextlib.AbstractContextManager[None]:
    """Values of ``doc`` are written meanwhile to read back in ``doc``'s file: checked
    against the link reference definitions its kept text holds."""
    kept = [doc.above_title, *(section.body for section in doc.extra_sections)]
    if not any("]:" in body for body in kept):
        return text.references(None)
    env: dict[str, Any] = {}
    for body in kept:
        MD_BLOCKS.parse(body, env)
    return text.references(env)


def _to_markdown(doc: Postmortem) -> str:
    written = _written_sections(doc)
    extra = list(doc.extra_sections)
    preamble = None
    if extra and extra[0].heading == "" and _fits_under_header(kept_body(extra[0].body)):
        # free text that stood under the header fields goes back there
        preamble = kept_body(extra.pop(0).body)

    def heading_reserved(source: str) -> bool:
        key = section_key(source)
        return key is not None and key not in written

    notes = []
    if doc.wizard_step is not None:
        notes.append(comments.format_step(doc.wizard_step))
    notes += [comments.format_allow(a) for a in doc.allowed]

    context = {
        "above_title": kept_body(doc.above_title),
        "title": text.to_heading(doc.title, reserved("title")),
        "date": times.format_date(doc.date),
        "duration": text.to_line(doc.duration, reserved("duration")),
        "severity": doc.severity.value if doc.severity else "",
        "author": text.to_line(doc.author, reserved("author")),
        "comments": notes,
        "preamble": preamble,
        "summary": _paragraphs(doc.summary, "summary"),
        "impact": None if doc.impact is None else _paragraphs(doc.impact, "impact"),
        "timeline": [timeline_cells(entry) for entry in doc.timeline],
        "five_whys": [
            _indented(text.to_lines(why, reserved("why")), "   ") for why in doc.five_whys
        ],
        "gaps": [_gap_context(gap) for gap in doc.gaps],
        "with_verification": any(item.verification for item in doc.action_items),
        "action_items": [action_cells(item) for item in doc.action_items],
        "learnings": [
            _indented(text.to_lines(value, reserved("learning")), "  ") for value in doc.learnings
        ],
        "meeting": None if doc.meeting is None else meeting.context(doc.meeting),
        "extra_sections": [_extra_context(s, heading_reserved) for s in extra],
    }
    out = render(TEMPLATE_NAME, **context)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a broken paste) cannot be stored
        out = re.sub("[\ud800-\udfff]", "\ufffd", out)
    if out.startswith("\ufeff"):
        # Kept text begins with U+FEFF: write a byte order mark before it, since the
        # reader drops one at the start of a file.
        out = "\ufeff" + out
    return out


def timeline_cells(entry: TimelineEntry) -> dict[str, str]:
    """The Markdown source of each cell of a timeline row (by field name)."""
    return {"time": entry.time, "event": text.to_cell(entry.event, reserved("event"))}


def action_cells(item: ActionItem) -> dict[str, str]:
    """The Markdown source of each cell of an action item's row (by field name)."""
    return {
        "action": text.to_cell(item.action, reserved("action")),
        "owner": text.to_cell(item.owner, reserved("owner")),
        "due": times.format_date(item.due),
        "status": item.status.value,
        "verification": text.to_cell(item.verification, reserved("verification")),
    }


def _written_sections(doc: Postmortem) -> set[str]:
    written = {"summary", "timeline", "whys", "gaps", "actions", "learnings"}
    if doc.impact is not None:
        written.add("impact")
    if doc.meeting is not None:
        written.add("meeting")
    return written


def _indented(lines: list[str], indent: str) -> str:
    return ("\n" + indent).join(lines)


def _paragraphs(value: str, kind: str) -> list[str]:
    return ["\n".join(lines) for lines in text.to_paragraphs(value, reserved(kind))]


def _gap_context(gap: ProcessGap) -> dict[str, Any]:
    def gap_reserved(source: str) -> bool:
        return bool(GAP_TYPE_RE.match(source)) or (
            gap.type is None and is_placeholder("gap", source)
        )

    lines = text.to_lines(gap.text, gap_reserved)
    if gap.type is not None:
        prefix = f"**{gap.type.value}:**"
        lines = [f"{prefix} {lines[0]}" if lines and lines[0] else prefix, *lines[1:]]
    return {"done": gap.done, "text": _indented(lines, "  ")}


def _extra_context(
    section: ExtraSection, heading_reserved: Callable[[str], bool]
) -> dict[str, Any]:
    heading = text.to_heading(section.heading, heading_reserved)
    body = kept_body(section.body)
    # The body goes right under its heading, as in the spec's layout, unless its first
    # line would then change how the heading reads (a "|---|" row makes it a table).
    gap = False
    if body:
        first_line = body.split("\n", 1)[0]
        if "|" in first_line or "-" in first_line:
            tokens = MD_BLOCKS.parse(f"## {heading}\n{first_line}")
            gap = not tokens or tokens[0].type != "heading_open"
    return {"heading": heading, "body": body, "gap": gap}


def _fits_under_header(body: str) -> bool:
    """Whether ``body`` can stand under the header fields and read back as itself: not
    empty, and no line that would read as a header field (else it goes under ``## ``)."""
    if not body:
        return False
    for line in body.split("\n"):
        match = FIELD_RE.match(line.strip(" \t"))
        if match and match.group(1).strip().lower() in FIELD_KEYS:
            return False
    return True
