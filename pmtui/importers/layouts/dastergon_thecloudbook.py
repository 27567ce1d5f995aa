"""dastergon/postmortem-templates: the template from "The Practice of Cloud System
Administration" (Limoncelli et al.). Report Status, Executive Summary, Outage
Description, Affected users, Start/End Date/Time, Duration, Timeline, Contributing
Conditions Analysis (What went well? / What could have gone better?), Recommendations
(with Names of people involved)."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-thecloudbook.md"

RULES = (
    rule("Report Status", to=Target.EXTRA),
    rule("Executive Summary", to=Target.SUMMARY),
    rule("Outage Description", to=Target.EXTRA),
    rule("Affected users", to=Target.IMPACT),
    rule("Start Date/Time", to=Target.DATE),
    rule("End Date/Time", to=Target.EXTRA),
    rule("Duration", to=Target.DURATION),
    rule("Timeline", to=Target.TIMELINE),
    rule(
        "Contributing Conditions Analysis",
        to=Target.GAPS,
        children=(
            rule("What went well?", to=Target.LEARNINGS),
            rule("What could have gone better?", to=Target.GAPS),
        ),
    ),
    rule(
        "Recommendations",
        to=Target.ACTIONS,
        children=(rule("Names of people involved", to=Target.EXTRA),),
    ),
)

LAYOUT = Layout(
    name="dastergon-thecloudbook",
    title="The Practice of Cloud System Administration template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Report Status", 2, Form.HEADING),
        mark("Executive Summary", 2, Form.HEADING),
        mark("Outage Description", 2, Form.HEADING),
        mark("Affected users", 2, Form.HEADING),
        mark("Start Date/Time", 2, Form.HEADING),
        mark("End Date/Time", 2, Form.HEADING),
        mark("Duration", 1, Form.HEADING),
        mark("Timeline", 1, Form.HEADING),
        mark("Contributing Conditions Analysis", 3, Form.HEADING),
        mark("What went well?", 1, Form.HEADING),
        mark("What could have gone better?", 2, Form.HEADING),
        mark("Recommendations", 1, Form.HEADING),
        mark("Names of people involved", 2, Form.HEADING),
    ),
    placeholder_titles=("Title",),
    aliases=("thecloudbook", "cloud-book"),
)
