"""read(write(d)) == d for any post-mortem (hand-written files: see test_reader.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Postmortem
from tests.document.strategies import postmortems


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(postmortems())
def test_read_of_write_gives_the_same_document(doc: Postmortem) -> None:
    written = to_markdown(doc)
    assert from_markdown(written) == doc


@settings(max_examples=100, deadline=None)
@given(postmortems())
def test_every_table_row_stays_on_one_line(doc: Postmortem) -> None:
    lines = to_markdown(doc).split("\n")
    start = lines.index("## Timeline") + 3
    assert lines[start : start + len(doc.timeline)] == [
        line for line in lines[start : start + len(doc.timeline)] if line.startswith("| ")
    ]
    assert lines[start + len(doc.timeline)] == ""
