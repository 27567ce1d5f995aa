"""dastergon/postmortem-templates: the template from the Real-World SRE book. Name(s),
Date and Last modified as plain lines under the title; Summary, Impact, Timeline, Root
Cause(s), Action Items, Appendix."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-real-world-sre.md"

#: Name(s) -> author, Date -> date (header labels, pmtui.importers.rules.META_KEYS);
#: Last modified is kept under the header.
RULES = (
    rule("Summary", to=Target.SUMMARY),
    rule("Impact", to=Target.IMPACT),
    rule("Timeline", to=Target.TIMELINE),
    rule("Root Cause(s)", to=Target.ROOT_CAUSES),
    rule("Action Items", to=Target.ACTIONS),
    rule("Appendix", to=Target.EXTRA),
)

LAYOUT = Layout(
    name="dastergon-real-world-sre",
    title="Real-World SRE template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Name(s)", 2, Form.LABEL),
        mark("Date", 1, Form.LABEL),
        mark("Last modified", 3, Form.LABEL),
        mark("Summary", 1, Form.HEADING),
        mark("Impact", 1, Form.HEADING),
        mark("Timeline", 1, Form.HEADING),
        mark("Root Cause(s)", 2, Form.HEADING),
        mark("Action Items", 1, Form.HEADING),
        mark("Appendix", 2, Form.HEADING),
    ),
    placeholder_titles=("Title of the incident",),
    aliases=("real-world-sre",),
)
