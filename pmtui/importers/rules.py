"""The vocabulary of a layout: where a heading's content goes (``Target``), a layout's
heading table (``Rule``), its detection signature (``Mark``) and the layout itself.

Each layout module under ``pmtui/importers/layouts/`` is data written with these
types; ``convert.py`` and ``detect.py`` are the only code that reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Target(StrEnum):
    """Where a section's content goes in pmtui's model (the value is what ``pmtui import``
    prints in its "what went where" lines)."""

    SUMMARY = "summary"
    #: Prose appended to the summary's end, the source heading as its prefix.
    SUMMARY_END = "end of summary"
    IMPACT = "impact"
    TIMELINE = "timeline"
    WHYS = "five whys"
    #: A list of up to 5 causes goes to the Five Whys; prose to the summary's end.
    ROOT_CAUSES = "root causes"
    GAPS = "process gaps"
    ACTIONS = "action items"
    LEARNINGS = "key learnings"
    DATE = "date"
    AUTHOR = "author"
    SEVERITY = "severity"
    DURATION = "duration"
    #: "Label | value" tables or "Label: value" lines that fill header fields.
    META = "header fields"
    EXTRA = "extra section"


#: Targets whose sub-sections (without a rule of their own) inherit the parent's target,
#: with the sub-heading kept as a prefix ("What went well: ...").
INHERITED = frozenset(
    {
        Target.SUMMARY,
        Target.IMPACT,
        Target.TIMELINE,
        Target.GAPS,
        Target.ACTIONS,
        Target.LEARNINGS,
    }
)


def normalize(name: str) -> str:
    """A heading, label or column title compared loosely: case, spacing, curly quotes,
    ``(s)`` plurals and a trailing ``:``/``?``/``.`` do not matter."""
    text = name.replace("\u2019", "'").replace("\u2018", "'").strip().strip("*_ \t")
    text = re.sub(r"\(s\)", "s", text, flags=re.IGNORECASE)
    text = text.rstrip(":?. \t").strip("*_ \t")
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Rule:
    """Headings (as the template writes them) whose content goes to ``target``.
    ``children`` are rules tried first for the sub-headings of a matching section."""

    names: tuple[str, ...]
    target: Target
    children: tuple[Rule, ...] = ()

    def matches(self, name: str) -> bool:
        return normalize(name) in {normalize(n) for n in self.names}


def rule(*names: str, to: Target, children: tuple[Rule, ...] = ()) -> Rule:
    return Rule(names=names, target=to, children=children)


class Form(StrEnum):
    HEADING = "heading"
    #: A run-in label: ``**Summary:** text`` (or ``Summary: text`` under the title).
    LABEL = "label"
    ANY = "any"


@dataclass(frozen=True)
class Mark:
    """One heading the layout's detection looks for. A match in the other form (a label
    where a heading is expected) counts half."""

    name: str
    weight: float = 1.0
    form: Form = Form.ANY


def mark(name: str, weight: float = 1.0, form: Form = Form.ANY) -> Mark:
    return Mark(name=name, weight=weight, form=form)


@dataclass(frozen=True)
class Layout:
    name: str
    #: What it is, in words ("Google SRE book example postmortem").
    title: str
    #: Where the structure followed here was published.
    source: str
    rules: tuple[Rule, ...]
    signature: tuple[Mark, ...]
    #: Where free text right under the title goes (Elastic's "Brief description": summary).
    preamble: Target = Target.EXTRA
    #: Template placeholder titles that mean "no title yet".
    placeholder_titles: tuple[str, ...] = ()
    #: Never chosen by detection, only with ``--layout``.
    detectable: bool = True
    aliases: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- header values

#: "Label: value" lines and key/value table rows that fill pmtui's header fields, with a
#: rank (lower wins when several are present). ``None``: known, kept as written.
META_KEYS: dict[str, tuple[Target | None, int]] = {
    normalize(key): value
    for key, value in {
        "Date": (Target.DATE, 0),
        "Incident Date": (Target.DATE, 0),
        "Date of Incident": (Target.DATE, 0),
        "Incident Date & Time": (Target.DATE, 0),
        "Start Date/Time": (Target.DATE, 1),
        "Start Date": (Target.DATE, 1),
        "Start Time": (Target.DATE, 1),
        "Postmortem Date": (Target.DATE, 2),
        "Author": (Target.AUTHOR, 0),
        "Authors": (Target.AUTHOR, 0),
        "Written by": (Target.AUTHOR, 0),
        "By": (Target.AUTHOR, 0),
        "Postmortem Owner": (Target.AUTHOR, 0),
        "Postmortem Lead": (Target.AUTHOR, 0),
        "Name(s)": (Target.AUTHOR, 1),
        "Owner": (Target.AUTHOR, 1),
        "Severity": (Target.SEVERITY, 0),
        "Incident Severity": (Target.SEVERITY, 0),
        "Severity Level": (Target.SEVERITY, 0),
        "Sev": (Target.SEVERITY, 0),
        "Priority": (Target.SEVERITY, 1),
        "Duration": (Target.DURATION, 0),
        "Incident Duration": (Target.DURATION, 0),
        "Outage Duration": (Target.DURATION, 0),
        "Time to Resolve (TTR)": (Target.DURATION, 1),
        "Status": (None, 0),
        "Report Status": (None, 0),
        "Last modified": (None, 0),
        "Incident Number": (None, 0),
        "Incident ID": (None, 0),
        "Meeting Scheduled For": (None, 0),
        "Call Recording": (None, 0),
        "Recording": (None, 0),
        "End Date/Time": (None, 0),
    }.items()
}

#: What header field names mean to a reader, for the "what went where" lines.
FIELD_WORDS = {
    Target.DATE: "date",
    Target.AUTHOR: "author",
    Target.SEVERITY: "severity",
    Target.DURATION: "duration",
}


#: pmtui's own section names (and the plainest synonyms): every layout falls back to
#: these after its own table, so a file that already has a "Five Whys" keeps it.
COMMON_RULES: tuple[Rule, ...] = (
    rule("Summary", to=Target.SUMMARY),
    rule("Impact", to=Target.IMPACT),
    rule("Timeline", to=Target.TIMELINE),
    rule("Five Whys", "5 Whys", to=Target.WHYS),
    rule("Root Cause", "Root Causes", to=Target.ROOT_CAUSES),
    rule("Process Gaps Identified", "Process Gaps", "Contributing Factors", to=Target.GAPS),
    rule("Action Items", "Follow-up Actions", to=Target.ACTIONS),
    rule("Key Learnings", "Learnings", "Lessons Learned", to=Target.LEARNINGS),
)
