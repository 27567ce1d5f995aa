"""dastergon/postmortem-templates: the template from Google's 2013 "Google API
infrastructure outage incident report". Issue Summary, Timeline (all times in Pacific
Time: converted to UTC), Root Cause, Resolution and recovery, Corrective and
Preventative Measures."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-google-api-infra.md"

RULES = (
    rule("Issue Summary", to=Target.SUMMARY),
    rule("Timeline", to=Target.TIMELINE),
    rule("Root Cause", to=Target.ROOT_CAUSES),
    rule("Resolution and recovery", to=Target.EXTRA),
    rule("Corrective and Preventative Measures", to=Target.ACTIONS),
)

LAYOUT = Layout(
    name="dastergon-google-api-infra",
    title="Google API infrastructure outage report template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Issue Summary", 3, Form.HEADING),
        mark("Timeline", 1, Form.HEADING),
        mark("Root Cause", 1, Form.HEADING),
        mark("Resolution and recovery", 3, Form.HEADING),
        mark("Corrective and Preventative Measures", 3, Form.HEADING),
    ),
    placeholder_titles=("Title",),
    aliases=("google-api-infra",),
)
