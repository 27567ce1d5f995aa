"""The Google SRE book's example postmortem ("Shakespeare Sonnet++", Appendix D).

Header values and the first sections are run-in labels (``Date:``, ``Root Causes:``);
Action Items is a table (Action Item | Type | Owner | Bug, the status written after the
bug); Lessons Learned has What went well / What went wrong / Where we got lucky; the
timeline is lines under a ``2015-10-21 (all times UTC)`` date line.
"""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://sre.google/sre-book/example-postmortem/"

#: Heading (or label) -> pmtui field. Date, Authors and Status are header labels
#: (pmtui.importers.rules.META_KEYS): Date -> date, Authors -> author, Status kept.
RULES = (
    rule("Date", to=Target.DATE),
    rule("Authors", to=Target.AUTHOR),
    rule("Status", to=Target.EXTRA),
    rule("Summary", to=Target.SUMMARY),
    rule("Impact", to=Target.IMPACT),
    rule("Root Causes", to=Target.ROOT_CAUSES),
    rule("Trigger", to=Target.EXTRA),
    rule("Resolution", to=Target.EXTRA),
    rule("Detection", to=Target.EXTRA),
    rule("Action Items", to=Target.ACTIONS),
    # What went well / What went wrong / Where we got lucky: learnings, sub-heading prefixed
    rule("Lessons Learned", to=Target.LEARNINGS),
    rule("Timeline", to=Target.TIMELINE),
    rule("Supporting information", to=Target.EXTRA),
)

LAYOUT = Layout(
    name="google-sre",
    title="Google SRE book example postmortem",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Date", 1, Form.LABEL),
        mark("Authors", 1, Form.LABEL),
        mark("Status", 1, Form.LABEL),
        mark("Summary", 1, Form.LABEL),
        mark("Impact", 1, Form.LABEL),
        mark("Root Causes", 1, Form.LABEL),
        mark("Trigger", 2, Form.LABEL),
        mark("Resolution", 1, Form.LABEL),
        mark("Detection", 1, Form.LABEL),
        mark("Action Items"),
        mark("Lessons Learned"),
        mark("What went well"),
        mark("What went wrong"),
        mark("Where we got lucky", 2),
        mark("Timeline"),
        mark("Supporting information", 2),
    ),
    aliases=("google", "sre-book"),
)
