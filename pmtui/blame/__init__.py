"""Blame-language detection: rules as data (``rules.toml``), the engine that applies them,
and the one checker every part of pmtui calls. No Textual here.

Public API (import from ``pmtui.blame``)::

    Checker(settings=None, *, today=date.today)
        .text(text, *, doc=None) -> list[Finding]     one field, with the document's
                                                       names (author, owners) and allowances
        .action_item(item, *, doc=None) -> list[Finding]
            category "action_item": action-no-owner, action-no-due, action-overdue,
            action-person-directed ("be careful", "double-check"...; one per phrase)
        .document(doc) -> list[DocumentFinding]       every field and action item
        .counts(doc) -> {step: number of findings}
        .raw(text) -> list[Finding]                   text that is not a post-mortem

    Finding (frozen dataclass)
        rule, category, line, column, end_line, end_column (1-based, end exclusive),
        start, end (0-based offsets into the text), match, message (hedged: "may read
        as blame"), suggestion (a reframe, e.g. "What allowed this to happen?").

    DocumentFinding(field, step, finding): field is a path such as "summary",
        "timeline[2].event", "action_items[0].action"; step is one of model.STEPS.

    CATEGORIES: blame_question, human_error, counterfactual, character_judgement,
        named_cause, punishment, bad_action_item; ACTION_ITEM = "action_item".

    scan(text, *, config=None, allowed=()) -> list[Finding]
        The rules engine under the checker (quoted text, `code` and HTML comments are
        skipped; ``<!-- pmtui: allow RULE ["text"] -->`` comments are honoured).

    preload(config=None): compile every rule now (from a worker at start-up).

Settings are :class:`pmtui.config.BlameSettings` (``[blame]`` in the config).

Example::

    from pmtui.blame import Checker
    for f in Checker().text("Bob should have checked the lag."):
        print(f.line, f.column, f.category, f.match, f.suggestion)
"""

from pmtui.blame.checker import ACTION_RULES, Checker, DocumentFinding, people_in
from pmtui.blame.engine import ACTION_ITEM, CATEGORIES, Finding, Rule, load_rules, preload, scan

__all__ = [
    "ACTION_ITEM",
    "ACTION_RULES",
    "CATEGORIES",
    "Checker",
    "DocumentFinding",
    "Finding",
    "Rule",
    "load_rules",
    "people_in",
    "preload",
    "scan",
]
