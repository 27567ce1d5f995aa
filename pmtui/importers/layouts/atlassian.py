"""Atlassian's incident postmortem template (Incident Management handbook).

Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline (UTC
lines), Five whys, Blameless root cause, Related records (backlog check, recurrence),
Lessons learned, Follow-up tasks. The handbook's and Confluence's versions also say
"Root cause", "Backlog check", "Recurrence", "Corrective actions": all are here.
"""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://www.atlassian.com/incident-management/postmortem/templates"

RULES = (
    rule("Incident summary", "Postmortem summary", to=Target.SUMMARY),
    rule("Leadup", to=Target.EXTRA),
    rule("Fault", to=Target.EXTRA),
    rule("Impact", to=Target.IMPACT),
    rule("Detection", to=Target.EXTRA),
    rule("Response", to=Target.EXTRA),
    rule("Recovery", to=Target.EXTRA),
    rule("Timeline", to=Target.TIMELINE),
    rule(
        "Five whys",
        "Five whys root cause identification",
        "Root cause identification",
        to=Target.WHYS,
    ),
    rule("Blameless root cause", "Root cause", to=Target.ROOT_CAUSES),
    rule("Related records", "Backlog check", "Recurrence", "Related incidents", to=Target.EXTRA),
    rule("Lessons learned", to=Target.LEARNINGS),
    rule("Follow-up tasks", "Corrective actions", to=Target.ACTIONS),
)

LAYOUT = Layout(
    name="atlassian",
    title="Atlassian incident postmortem template",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Incident summary", 2, Form.HEADING),
        mark("Leadup", 3, Form.HEADING),
        mark("Fault", 3, Form.HEADING),
        mark("Impact", 1, Form.HEADING),
        mark("Detection", 1, Form.HEADING),
        mark("Response", 1, Form.HEADING),
        mark("Recovery", 1, Form.HEADING),
        mark("Timeline", 1, Form.HEADING),
        mark("Five whys", 2, Form.HEADING),
        mark("Blameless root cause", 2, Form.HEADING),
        mark("Related records", 2, Form.HEADING),
        mark("Lessons learned", 1, Form.HEADING),
        mark("Follow-up tasks", 2, Form.HEADING),
    ),
)
