"""dastergon/postmortem-templates: the template from Elastic Cloud's incident report.
"Title of the incident: Date" as the title, By: (Names), a brief description under it;
Background, What Happened (Chain of Events), Root Cause, Resolution, Impact, Action
Items."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-elastic.md"

#: By -> author (a header label); the date after the title's colon -> date; the brief
#: description under the title -> summary.
RULES = (
    rule("Background", to=Target.EXTRA),
    rule(
        "What Happened",
        to=Target.EXTRA,
        children=(rule("Chain of Events", to=Target.TIMELINE),),
    ),
    rule("Root Cause", to=Target.ROOT_CAUSES),
    rule("Resolution", to=Target.EXTRA),
    rule("Impact", to=Target.IMPACT),
    rule("Action Items", to=Target.ACTIONS),
)

LAYOUT = Layout(
    name="dastergon-elastic",
    title="Elastic Cloud incident report template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("By", 2, Form.LABEL),
        mark("Background", 2, Form.HEADING),
        mark("What Happened", 1, Form.HEADING),
        mark("Chain of Events", 3, Form.HEADING),
        mark("Root Cause", 1, Form.HEADING),
        mark("Resolution", 1, Form.HEADING),
        mark("Impact", 1, Form.HEADING),
        mark("Action Items", 1, Form.HEADING),
    ),
    preamble=Target.SUMMARY,
    placeholder_titles=("Title of the incident", "Title of the incident: Date"),
    aliases=("elastic",),
)
