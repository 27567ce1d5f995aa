"""Blame-language detection: rules as data (``rules.toml``) plus an engine. No Textual here.

Public API (import from ``pmtui.blame``)::

    scan(text, *, config=None, allowed=()) -> list[Finding]
        Find phrases in ``text`` that may read as blame, in text order. Fast
        enough for every keystroke (rules compiled once per config and cached).
        Text in quotes ("...", “...”, '...'), `code spans`, code blocks and HTML
        comments is skipped. ``allowed`` is an iterable of model ``Allowance``
        (rule id or category; with ``match`` it covers findings whose text it
        contains, ignoring case and runs of whitespace); ``<!-- pmtui: allow
        RULE_ID ["json string"] -->`` comments inside ``text`` are honoured too.

    Finding (frozen dataclass)
        rule, category, line, column, end_line, end_column (1-based, end
        exclusive), start, end (0-based offsets into the scanned text), match
        (the matched text), message (hedged: "may read as blame"), suggestion
        (a reframe to offer, e.g. "What allowed this to happen?").

    CATEGORIES
        blame_question, human_error, counterfactual, character_judgement,
        named_cause, punishment, bad_action_item. Action-item quality findings
        use the separate category ACTION_ITEM ("action_item").

    check_action_item(item, *, today, config=None, allowed=()) -> list[Finding]
        Category "action_item": action-no-owner, action-no-due, action-overdue
        (due before ``today`` and status not Done), action-person-directed
        ("be careful", "double-check"...; one per phrase). Offsets refer to
        ``item.action``; the first three span the whole action.

    scan_document(doc, *, config=None, today=None) -> list[DocumentFinding]
        Scans every free-text field of a ``Postmortem`` and checks its action
        items (in action fields, person-directed phrases are reported once,
        as action_item findings). DocumentFinding(field, step, finding): field is a path such as
        "summary", "timeline[2].event", "five_whys[0]", "gaps[1].text",
        "action_items[0].action", "learnings[3]", "extra_sections[0].body";
        step is the wizard step (one of model.STEPS). Honours ``doc.allowed``;
        the author's and owners' first names count as people.

    load_blame_config(path=None) -> BlameConfig
        Reads ``[blame]`` from config.toml (pmtui.paths.config_file()):
        ``disable = ["rule-id" or "category", ...]``, ``names = [...]``,
        ``roles = [...]`` and ``[blame.terms]`` ``category = ["extra", "words"]``.
        Raises pmtui.config.ConfigError (one line) on a bad file.

    preload(config=None)
        Compile every rule now (rules otherwise compile on first use, 5-30 ms
        each); call it from a worker at start-up to keep the first keystrokes fast.

    BlameConfig, load_rules(), parse_allow_comments(text)

Example::

    from pmtui.blame import scan
    for f in scan("Bob should have checked the lag."):
        print(f.line, f.column, f.category, f.match, f.suggestion)
"""

from pmtui.blame.engine import (
    ACTION_ITEM,
    CATEGORIES,
    BlameConfig,
    DocumentFinding,
    Finding,
    Rule,
    check_action_item,
    load_blame_config,
    load_rules,
    parse_allow_comments,
    preload,
    scan,
    scan_document,
)

__all__ = [
    "ACTION_ITEM",
    "CATEGORIES",
    "BlameConfig",
    "DocumentFinding",
    "Finding",
    "Rule",
    "check_action_item",
    "load_blame_config",
    "load_rules",
    "parse_allow_comments",
    "preload",
    "scan",
    "scan_document",
]
