"""A post-mortem as JSON or as a standalone HTML page (Markdown is the writer's job)."""

from __future__ import annotations

import json
from typing import Any

from pmtui.document.markdown import to_markdown
from pmtui.document.markdown.meeting import ROLE_LABELS
from pmtui.document.model import GAP_TYPES, WHY_LEVELS, MeetingRecord, Postmortem
from pmtui.document.templates import render
from pmtui.timeline.zones import local_time, team_zone

FORMATS = ("md", "json", "html")
HTML_TEMPLATE = "postmortem.html.j2"


def to_data(doc: Postmortem) -> dict[str, Any]:
    """Plain data with exactly the keys ``pmtui export --format json`` promises."""
    meeting = None if doc.meeting is None else meeting_data(doc.meeting)
    return {
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "duration": doc.duration,
        "severity": doc.severity.value if doc.severity else None,
        "author": doc.author,
        "summary": doc.summary,
        "impact": doc.impact,
        "timeline": [{"time": e.time, "event": e.event} for e in doc.timeline],
        "five_whys": list(doc.five_whys),
        "gaps": [
            {"text": g.text, "type": g.type.value if g.type else None, "done": g.done}
            for g in doc.gaps
        ],
        "action_items": [
            {
                "action": a.action,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status.value,
                "verification": a.verification,
            }
            for a in doc.action_items
        ],
        "learnings": list(doc.learnings),
        "extra_sections": [{"heading": s.heading, "body": s.body} for s in doc.extra_sections],
        "meeting": meeting,
    }


def meeting_data(m: MeetingRecord) -> dict[str, Any]:
    """The ``meeting`` object of the JSON export; ``current_item`` counts from 1, as in
    the Markdown."""
    return {
        "started_at": m.started_at.isoformat() if m.started_at else None,
        "ended_at": m.ended_at.isoformat() if m.ended_at else None,
        "running_since": m.running_since.isoformat() if m.running_since else None,
        "current_item": m.current_item + 1,
        "facilitator": m.facilitator,
        "scribe": m.scribe,
        "owner": m.owner,
        "attendees": list(m.attendees),
        "parking_lot": list(m.parking_lot),
        "pauses": {"count": m.pauses.count, "total_seconds": m.pauses.total_seconds},
        "items": [
            {
                "name": item.name,
                "planned_minutes": item.planned_minutes,
                "actual_seconds": item.actual_seconds,
                "overrun_seconds": item.overrun_seconds,
                "added_seconds": item.added_seconds,
                "notes": list(item.notes),
                "decisions": list(item.decisions),
            }
            for item in m.items
        ],
    }


def to_json(doc: Postmortem) -> str:
    return json.dumps(to_data(doc), indent=2, ensure_ascii=False) + "\n"


def to_html(doc: Postmortem, *, timezone: str | None = None) -> str:
    """A standalone page; every value is HTML-escaped (section bodies rendered safely).
    With the team's ``timezone`` (not UTC), the timeline shows its local time beside UTC."""
    zone = team_zone(timezone)
    local = [local_time(e.time, zone, doc.date) for e in doc.timeline] if zone else None
    return render(
        HTML_TEMPLATE,
        doc=doc,
        data=to_data(doc),
        why_levels=WHY_LEVELS,
        gap_types=GAP_TYPES,
        zone=zone.label if zone else None,
        local_times=local,
        role_labels=ROLE_LABELS,
    )


def export(doc: Postmortem, fmt: str, *, timezone: str | None = None) -> str:
    """The document in ``fmt`` (one of :data:`FORMATS`); ``timezone``: the team's zone,
    shown beside UTC in the HTML page's timeline."""
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "json":
        return to_json(doc)
    if fmt == "html":
        return to_html(doc, timezone=timezone)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
