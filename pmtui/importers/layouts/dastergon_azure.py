"""dastergon/postmortem-templates: the template from Microsoft Azure's status history
posts. Date, Summary of impact, Customer impact, Root cause and mitigation, Next steps,
Provide feedback (customer survey)."""

from __future__ import annotations

from pmtui.importers.rules import Form, Layout, Target, mark, rule

SOURCE = "https://github.com/dastergon/postmortem-templates/blob/master/templates/postmortem-template-azure.md"

RULES = (
    rule("Date", to=Target.DATE),
    rule("Summary of impact", to=Target.SUMMARY),
    rule("Customer impact", to=Target.IMPACT),
    rule("Root cause and mitigation", to=Target.ROOT_CAUSES),
    rule("Next steps", to=Target.ACTIONS),
    rule("Provide feedback (customer survey)", to=Target.EXTRA),
)

LAYOUT = Layout(
    name="dastergon-azure",
    title="Azure status history template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=(
        mark("Date", 1, Form.HEADING),
        mark("Summary of impact", 3, Form.HEADING),
        mark("Customer impact", 2, Form.HEADING),
        mark("Root cause and mitigation", 3, Form.HEADING),
        mark("Next steps", 2, Form.HEADING),
        mark("Provide feedback (customer survey)", 3, Form.HEADING),
    ),
    placeholder_titles=("Title (incident)",),
    aliases=("azure",),
)
