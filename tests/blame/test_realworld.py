"""Real, blameless post-mortems (public incidents, in our own words) raise nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.blame import scan, scan_document
from pmtui.cli.lint import lint_text

FILES = sorted((Path(__file__).parent / "realworld").glob("*.md"))


def test_there_are_three() -> None:
    assert len(FILES) == 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_blame_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [(f.line, f.rule, f.match) for f in scan(text)] == []
    assert lint_text(str(path), text, today=dt.date(2026, 11, 26)) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parses_as_postmortem_without_findings(path: Path) -> None:
    markdown = pytest.importorskip("pmtui.document.markdown")
    doc = markdown.from_markdown(path.read_text(encoding="utf-8"), str(path))
    assert doc.timeline and len(doc.five_whys) == 5 and doc.action_items
    assert scan_document(doc, today=dt.date(2026, 11, 26)) == []
