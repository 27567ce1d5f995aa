"""dastergon/postmortem-templates: the template from the Site Reliability Engineering
book. The Google SRE example's sections, every one a heading (``### Date`` ...
``### Detection`` under the title, then ``## Action Items``, ``## Lessons Learned`` with
its three sub-headings, ``## Timeline``, ``## Supporting information``)."""

from __future__ import annotations

from pmtui.importers.layouts import google_sre
from pmtui.importers.rules import Form, Layout, mark

SOURCE = (
    "https://github.com/dastergon/postmortem-templates/blob/master/templates/"
    "postmortem-template-srebook.md"
)

#: The same heading -> field table as the SRE book's example it was taken from.
RULES = google_sre.RULES

LAYOUT = Layout(
    name="dastergon-srebook",
    title="SRE book template (dastergon/postmortem-templates)",
    source=SOURCE,
    rules=RULES,
    signature=tuple(mark(m.name, m.weight, Form.HEADING) for m in google_sre.LAYOUT.signature),
    placeholder_titles=("Title (incident #)",),
    aliases=("srebook",),
)
