"""``pmtui lint``'s findings for one file: what the checker finds, placed at the file's
line and column.

A post-mortem is read into its fields (the reader records where each came from), so lint
reports exactly what the wizard and Review show, allowances and action-item checks
included. Any other text (notes, a file that does not parse as a post-mortem) is scanned
as it is; its own ``<!-- pmtui: allow … -->`` comments are honoured.

Lint-only, about the file's lines (:func:`pmtui.document.comments.suppressed_lines`):
``<!-- pmtui: ignore-next-line -->`` and ``<!-- pmtui: off -->`` … ``<!-- pmtui: on -->``
silence the findings whose line they cover (the finding's first file line decides), and
``--select``/``--ignore`` (:class:`RuleSelection`) keep or drop rules and categories.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from pmtui.blame.checker import Checker
from pmtui.config import BlameSettings
from pmtui.errors import UserError


@dataclass(frozen=True)
class LintFinding:
    """One finding at its place in a file (1-based; ``end_column`` exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    match: str
    message: str
    suggestion: str

    def as_text(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.category}/{self.rule}: "
            f"{self.message} (try: {self.suggestion})"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def lint_text(
    name: str,
    text: str,
    checker: Checker,
    *,
    selection: RuleSelection | None = None,
    suppress: bool = True,
) -> list[LintFinding]:
    """Every finding in one file's text, in line order, without those the file's
    suppression comments silence (``suppress``) or ``selection`` leaves out."""
    found = _lint_text(name, text, checker)
    if selection is not None:
        found = [f for f in found if selection.keeps(f.rule, f.category)]
    if suppress and "<!--" in text:
        from pmtui.document.comments import suppressed_lines

        silenced = suppressed_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
        found = [f for f in found if f.line not in silenced]
    return found


@dataclass(frozen=True)
class RuleSelection:
    """``--select`` and ``--ignore``: rule ids or categories (empty ``select``: all)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def keeps(self, rule: str, category: str) -> bool:
        if self.select and rule not in self.select and category not in self.select:
            return False
        return rule not in self.ignore and category not in self.ignore


def _lint_text(name: str, text: str, checker: Checker) -> list[LintFinding]:
    from pmtui.document.markdown import read_markdown

    results: list[LintFinding] = []
    if "# Post-Mortem" in text:
        try:
            doc, sources = read_markdown(text, name)
        except UserError:
            doc = None
        if doc is not None:
            for found in checker.document(doc):
                f = found.finding
                line, column = sources.locate(found.field, f.start, f.match)
                end_line, end_column = sources.locate(found.field, f.end)
                if (end_line, end_column) < (line, column) or f.start == f.end:
                    end_line, end_column = line, column + len(f.match)
                results.append(
                    LintFinding(name, line, column, end_line, end_column, f.rule, f.category,
                                f.match, f.message, f.suggestion)
                )  # fmt: skip
            results.sort(key=lambda r: (r.line, r.column, r.rule))
            return results
    for f in checker.raw(text):
        results.append(
            LintFinding(name, f.line, f.column, f.end_line, f.end_column, f.rule, f.category,
                        f.match, f.message, f.suggestion)
        )  # fmt: skip
    return results


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class RuleInfo:
    """One rule as ``--list-rules``, ``--explain`` and SARIF's ``tool.driver.rules`` show
    it (``message`` may hold ``{match}``, the text found)."""

    id: str
    category: str
    message: str
    suggestion: str
    examples_match: tuple[str, ...] = ()
    examples_nomatch: tuple[str, ...] = ()


def all_rules(settings: BlameSettings | None = None) -> list[RuleInfo]:
    """Every rule lint can report: ``rules.toml``'s, the action-item checks, and the
    user's own terms (``[blame.terms]``), in that order."""
    from pmtui.blame.checker import _ACTION_MESSAGES
    from pmtui.blame.engine import ACTION_ITEM, _user_rules, load_rules

    rules = [
        RuleInfo(r.id, r.category, r.message, r.suggestion, r.examples_match, r.examples_nomatch)
        for r in load_rules()
    ]
    rules += [
        RuleInfo(rule, ACTION_ITEM, message, suggestion)
        for rule, (message, suggestion) in _ACTION_MESSAGES.items()
    ]
    if settings is not None:
        rules += [
            RuleInfo(r.id, r.category, r.message, r.suggestion) for r in _user_rules(settings)
        ]
    return rules


def categories() -> tuple[str, ...]:
    """The blame categories and ``action_item``."""
    from pmtui.blame.engine import ACTION_ITEM, CATEGORIES

    return (*CATEGORIES, ACTION_ITEM)


def check_names(option: str, names: list[str], known: list[RuleInfo]) -> frozenset[str]:
    """``names`` (rule ids or categories, comma-separated values allowed) checked against
    the known ones; a typo is one line, with the nearest name."""
    import difflib

    valid = {r.id for r in known} | set(categories())
    chosen: set[str] = set()
    for raw in names:
        for name in (part.strip() for part in raw.split(",")):
            if not name:
                continue
            if name not in valid:
                close = difflib.get_close_matches(name, sorted(valid), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise UserError(
                    f"{option}: unknown rule or category {name!r}{hint} "
                    "(see pmtui lint --list-rules)"
                )
            chosen.add(name)
    return frozenset(chosen)
