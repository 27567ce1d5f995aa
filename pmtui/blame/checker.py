"""The one checker: every blame warning and action-item check pmtui shows comes from here.

The wizard's fields, Home's counts, the action-item panes, meeting mode, Review and
``pmtui lint`` all call a :class:`Checker`, so they agree: the user's ``[blame]``
settings, the document's own names (author, owners) and its allowances
(``<!-- pmtui: allow … -->``) count everywhere the same way. Results are cached by
text, so rescanning a large document after one edit costs one field's scan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pmtui.blame.engine import ACTION_ITEM, Finding, make_finding, scan
from pmtui.config import BlameSettings
from pmtui.document.fields import text_fields
from pmtui.document.model import ActionItem, Allowance, Postmortem


@dataclass(frozen=True)
class DocumentFinding:
    """A finding in one field of a post-mortem (``field`` is a path such as
    ``"timeline[2].event"``; ``step`` is the wizard step showing that field)."""

    field: str
    step: str
    finding: Finding


_ACTION_MESSAGES = {
    "action-no-owner": (
        "This action item has no owner; without one it may never be done",
        "Name one owner (a person or a team's @handle)",
    ),
    "action-no-due": (
        "This action item has no due date",
        "Add a due date (YYYY-MM-DD) so progress can be followed up",
    ),
    "action-overdue": (
        "This action item was due {due} and is not Done",
        "Mark it Done, or agree a new due date with its owner",
    ),
    "action-person-directed": (
        "This action asks people to try harder; it may not change the system",
        "Let's make this impossible to get wrong: validation, automation, safe defaults",
    ),
}
#: The action-item checks' rule ids (category ``action_item``).
ACTION_RULES: tuple[str, ...] = tuple(_ACTION_MESSAGES)


def _action_finding(rule: str, text: str, start: int, end: int, **fmt: str) -> Finding:
    message, suggestion = _ACTION_MESSAGES[rule]
    return make_finding(text, start, end, rule, ACTION_ITEM, message.format(**fmt), suggestion)


def people_in(doc: Postmortem) -> list[str]:
    """First names the document itself gives (author, owners) for the subject test."""
    names = []
    for raw in [doc.author] + [a.owner for a in doc.action_items]:
        for part in re.split(r"[,;/&]|\band\b", raw):
            part = part.strip().lstrip("@").strip()
            if part and re.fullmatch(r"[A-Z][\w'-]+", part.split()[0] if part.split() else ""):
                names.append(part.split()[0])
    return names


def _allowed_key(allowed: Iterable[Allowance]) -> tuple[tuple[str, str | None], ...]:
    return tuple((a.rule, a.match) for a in allowed)


class Checker:
    """Blame findings and action-item checks under one set of settings.

    Args:
        settings: the ``[blame]`` settings (rules switched off, names, roles, terms).
        today: the date overdue action items are measured against (a callable, so a
            long-running app rolls over midnight; tests inject a fixed day).
    """

    #: Cached scans kept, at most (a 1,000-row timeline fits many times over).
    CACHE_SIZE = 20_000

    def __init__(
        self,
        settings: BlameSettings | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.settings = settings or BlameSettings()
        self.today = today
        self._cache: dict[tuple[object, ...], list[Finding]] = {}
        self._names: dict[tuple[str, ...], BlameSettings] = {}

    # -- settings for one document --------------------------------------------

    def settings_for(self, doc: Postmortem | None) -> BlameSettings:
        """The settings with the document's own names (author, owners) added."""
        if doc is None:
            return self.settings
        # Keyed by the raw author and owners (cheap to read), not by the names found
        # in them (a regex per owner): a 200-item document is scanned field by field.
        key = (doc.author, *(item.owner for item in doc.action_items))
        found = self._names.get(key)
        if found is None:
            if len(self._names) > 64:
                self._names.clear()
            found = self._names[key] = self.settings.with_names(people_in(doc))
        return found

    # -- one text ----------------------------------------------------------------

    def text(
        self, text: str, *, doc: Postmortem | None = None, _settings: BlameSettings | None = None
    ) -> list[Finding]:
        """Findings in one field's text, with the document's names and allowances."""
        if not text or not text.strip():
            return []
        allowed = doc.allowed if doc is not None else []
        return self._scan(text, _settings or self.settings_for(doc), allowed)

    def raw(self, text: str) -> list[Finding]:
        """Findings in text that is not a post-mortem (``pmtui lint`` on any file); its
        own ``<!-- pmtui: allow … -->`` comments are honoured."""
        return self._scan(text, self.settings, [])

    def _scan(self, text: str, settings: BlameSettings, allowed: list[Allowance]) -> list[Finding]:
        key = (text, settings.names, _allowed_key(allowed) if allowed else ())
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = scan(text, config=settings, allowed=allowed)
        return found

    # -- action items -------------------------------------------------------------

    def action_item(
        self,
        item: ActionItem,
        *,
        doc: Postmortem | None = None,
        _settings: BlameSettings | None = None,
    ) -> list[Finding]:
        """Quality problems of one action item (category ``action_item``): no owner, no
        due date, overdue (due before today and not Done), person-directed ("be more
        careful"; one per phrase). Offsets refer to ``item.action``; the first three
        span the whole action. Allowances of the document count."""
        text = item.action
        findings: list[Finding] = []
        whole = (0, len(text))
        if not item.owner.strip():
            findings.append(_action_finding("action-no-owner", text, *whole))
        if item.due is None:
            findings.append(_action_finding("action-no-due", text, *whole))
        elif item.days_overdue(self.today()):
            findings.append(
                _action_finding("action-overdue", text, *whole, due=item.due.isoformat())
            )
        for f in self.text(text, doc=doc, _settings=_settings):
            if f.category == "bad_action_item":
                findings.append(_action_finding("action-person-directed", text, f.start, f.end))
        if doc is not None:
            allow_all = {a.rule for a in doc.allowed if a.match is None}
            findings = [
                f for f in findings if f.rule not in allow_all and f.category not in allow_all
            ]
        return findings

    # -- whole documents --------------------------------------------------------

    def document(self, doc: Postmortem) -> list[DocumentFinding]:
        """Every finding of ``doc``: each free-text field, then each action item's checks.
        In action fields a person-directed phrase is reported once, as an action-item
        check, not also as ``bad_action_item``."""
        result: list[DocumentFinding] = []
        settings = self.settings_for(doc)
        for path, step, text in text_fields(doc):
            found = self.text(text, doc=doc, _settings=settings)
            if path.endswith("].action"):
                found = [f for f in found if f.category != "bad_action_item"]
            result.extend(DocumentFinding(path, step, f) for f in found)
        for i, item in enumerate(doc.action_items):
            path = f"action_items[{i}].action"
            found = self.action_item(item, doc=doc, _settings=settings)
            result.extend(DocumentFinding(path, "actions", f) for f in found)
        return result

    def allowed_count(self, doc: Postmortem) -> int:
        """How many warnings the document's allowances silence (Review shows it, so
        reviewers see what was waved through)."""
        if not doc.allowed:
            return 0
        unallowed = doc.model_copy(update={"allowed": []})
        return len(self.document(unallowed)) - len(self.document(doc))

    def counts(self, doc: Postmortem) -> dict[str, int]:
        """Findings per wizard step."""
        counts: dict[str, int] = {}
        for found in self.document(doc):
            counts[found.step] = counts.get(found.step, 0) + 1
        return counts
