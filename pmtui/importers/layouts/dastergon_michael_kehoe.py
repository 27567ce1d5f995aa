"""dastergon/postmortem-templates: Michael Kehoe's template. Key/value tables (Summary,
Incident Timing), Postmortem Attendees, Incident Timeline (Date/Time | Who/What | Action/
Impact), Impact (End User / Infrastructure / Productivity), What caused the incident?
(Trigger(s) / Process Breakdown(s) / Root Cause(s)), Mitigation & Resolution, Open
Questions, Lessons Learnt (What went well / What went badly / Where did we get lucky),
Action Items & Followups (Action Item | Type | Who | Priority | Bug # | Due Date),
Supporting Documents."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-michael.kehoe.md"
#: Where the template was first published.
ORIGIN = "https://michael-kehoe.io/post/postmortem-template/"

RULES = (
    # Incident Severity -> severity, Postmortem Lead -> author, Postmortem Date -> date
    rule("Summary", to=Target.META),
    rule("Postmortem Attendees", to=Target.EXTRA),
    # Start Time -> date (when no better date), Time to Resolve (TTR) -> duration
    rule("Incident Timing", to=Target.META),
    rule("Incident Timeline", to=Target.TIMELINE),
    # End User / Infrastructure / Productivity Impact: impact, sub-heading prefixed
    rule("Impact", to=Target.IMPACT),
    rule(
        "What caused the incident?",
        to=Target.EXTRA,
        children=(
            rule("Trigger(s)", to=Target.EXTRA),
            rule("Process Breakdown(s)", to=Target.GAPS),
            rule("Root Cause(s)", to=Target.ROOT_CAUSES),
        ),
    ),
    rule("Mitigation & Resolution", to=Target.EXTRA),
    rule("Open Questions", to=Target.EXTRA),
    # What went well / What went badly / Where did we get lucky: sub-heading prefixed
    rule("Lessons Learnt", to=Target.LEARNINGS),
    rule("Action Items & Followups", to=Target.ACTIONS),
    rule("Supporting Documents", to=Target.EXTRA),
)

LAYOUT = Layout(
    name="dastergon-michael-kehoe",
    title="Michael Kehoe's template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Summary", 1, Form.HEADING),
        mark("Postmortem Attendees", 3, Form.HEADING),
        mark("Incident Timing", 3, Form.HEADING),
        mark("Incident Timeline", 2, Form.HEADING),
        mark("Impact", 1, Form.HEADING),
        mark("End User Impact", 2, Form.HEADING),
        mark("What caused the incident?", 3, Form.HEADING),
        mark("Process Breakdown(s)", 2, Form.HEADING),
        mark("Mitigation & Resolution", 2, Form.HEADING),
        mark("Open Questions", 2, Form.HEADING),
        mark("Lessons Learnt", 2, Form.HEADING),
        mark("What went badly", 2, Form.HEADING),
        mark("Where did we get lucky", 2, Form.HEADING),
        mark("Action Items & Followups", 3, Form.HEADING),
        mark("Supporting Documents", 1, Form.HEADING),
    ),
    placeholder_titles=("Postmortem Template",),
    aliases=("michael-kehoe", "kehoe"),
)
