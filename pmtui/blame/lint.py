"""``pmtui lint``'s findings for one file: what the checker finds, placed at the file's
line and column.

A post-mortem is read into its fields (the reader records where each came from), so lint
reports exactly what the wizard and Review show, allowances and action-item checks
included. Any other text (notes, a file that does not parse as a post-mortem) is scanned
as it is; its own ``<!-- pmtui: allow … -->`` comments are honoured.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from pmtui.blame.checker import Checker
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


def lint_text(name: str, text: str, checker: Checker) -> list[LintFinding]:
    """Every finding in one file's text, in line order."""
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
