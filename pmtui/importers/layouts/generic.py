"""Headings common to many post-mortems, for a file in no layout pmtui knows (only with
``--layout generic``; detection never picks it)."""

from __future__ import annotations

from pmtui.importers.rules import Layout, Target, rule

RULES = (
    rule(
        "Overview",
        "Executive Summary",
        "Incident Summary",
        "Issue Summary",
        "TL;DR",
        to=Target.SUMMARY,
    ),
    rule("Customer Impact", "User Impact", "Affected users", to=Target.IMPACT),
    rule("Chain of Events", "Sequence of Events", "Incident Timeline", to=Target.TIMELINE),
    rule("Root Cause(s)", "Root Cause Analysis", "Causes", to=Target.ROOT_CAUSES),
    rule(
        "What went wrong",
        "What didn't go well",
        "What could have gone better",
        "Contributing Conditions",
        "Process Breakdowns",
        to=Target.GAPS,
    ),
    rule("Lessons Learnt", "Takeaways", "What went well", "What we learned", to=Target.LEARNINGS),
    rule(
        "Follow-up tasks",
        "Follow-ups",
        "Next steps",
        "Corrective Actions",
        "Remediation",
        "Action Plan",
        "Recommendations",
        to=Target.ACTIONS,
    ),
)

LAYOUT = Layout(
    name="generic",
    title="common post-mortem headings (no particular template)",
    source="",
    rules=RULES,
    signature=(),
    detectable=False,
)
