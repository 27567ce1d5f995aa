"""PagerDuty's postmortem template (response.pagerduty.com, "After an Incident").

Owner, meeting and recording are bold labels under the title; then Overview, What
Happened, Contributing Factors, Resolution, Impact (a table of numbers), Responders,
Timeline (Time (UTC) | Event | Data Link), How'd We Do? (What Went Well? / What Didn't Go
So Well?), Action Items (Jira tickets) and Messaging (Internal Email / External Message).
The older PDF in PagerDuty/postmortem-docs calls Contributing Factors "Root Causes".
"""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://response.pagerduty.com/after/post_mortem_template/"
#: The same template as Markdown, and the older PDF.
ALSO = (
    "https://github.com/PagerDuty/incident-response-docs/blob/master/docs/after/"
    "post_mortem_template.md",
    "https://github.com/PagerDuty/postmortem-docs/blob/master/docs/assets/pdf/"
    "PostmortemTemplate.pdf",
)

#: Postmortem Owner -> author (a header label, pmtui.importers.rules.META_KEYS);
#: Meeting Scheduled For and Call Recording are kept under the header.
RULES = (
    rule("Overview", to=Target.SUMMARY),
    rule("What Happened", to=Target.EXTRA),
    rule("Contributing Factors", to=Target.GAPS),
    rule("Root Causes", to=Target.ROOT_CAUSES),
    rule("Resolution", to=Target.EXTRA),
    rule("Impact", to=Target.IMPACT),
    rule("Responders", to=Target.EXTRA),
    rule("Timeline", to=Target.TIMELINE),
    rule(
        "How'd We Do?",
        to=Target.LEARNINGS,
        children=(
            rule("What Went Well?", to=Target.LEARNINGS),
            # "we should follow up on all points here to improve our processes"
            rule("What Didn't Go So Well?", to=Target.GAPS),
        ),
    ),
    rule("Action Items", to=Target.ACTIONS),
    rule("Messaging", to=Target.EXTRA),
)

LAYOUT = Layout(
    name="pagerduty",
    title="PagerDuty postmortem template",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Postmortem Owner", 2, Form.LABEL),
        mark("Meeting Scheduled For", 2, Form.LABEL),
        mark("Call Recording", 1, Form.LABEL),
        mark("Overview", 1, Form.HEADING),
        mark("What Happened", 1, Form.HEADING),
        mark("Contributing Factors", 2, Form.HEADING),
        mark("Resolution", 1, Form.HEADING),
        mark("Impact", 1, Form.HEADING),
        mark("Responders", 2, Form.HEADING),
        mark("Timeline", 1, Form.HEADING),
        mark("How'd We Do?", 3, Form.HEADING),
        mark("What Went Well?", 1, Form.HEADING),
        mark("What Didn't Go So Well?", 2, Form.HEADING),
        mark("Action Items", 1, Form.HEADING),
        mark("Messaging", 2, Form.HEADING),
        mark("Internal Email", 1, Form.HEADING),
        mark("External Message", 1, Form.HEADING),
    ),
)
