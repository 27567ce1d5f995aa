"""Real, blameless post-mortems (public incidents, in our own words) raise nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.blame import Checker, scan
from pmtui.blame.lint import lint_text

CHECKER = Checker(today=lambda: dt.date(2026, 11, 26))
FILES = sorted((Path(__file__).parent / "realworld").glob("*.md"))


def test_there_are_three() -> None:
    assert len(FILES) == 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_blame_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [(f.line, f.rule, f.match) for f in scan(text)] == []
    assert lint_text(str(path), text, CHECKER) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parses_as_postmortem_without_findings(path: Path) -> None:
    markdown = pytest.importorskip("pmtui.document.markdown")
    doc = markdown.from_markdown(path.read_text(encoding="utf-8"), str(path))
    assert doc.timeline and len(doc.five_whys) == 5 and doc.action_items
    assert CHECKER.document(doc) == []
