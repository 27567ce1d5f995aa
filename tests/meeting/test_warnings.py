"""The banner's order (pmtui.meeting.warnings), without Textual: newest first, the field
just edited among warnings seen together, blame before housekeeping, dismissals kept."""

from __future__ import annotations

from pmtui.blame import Finding, scan
from pmtui.blame.checker import DocumentFinding
from pmtui.meeting.warnings import WarningBoard


def _found(field: str, sentence: str) -> DocumentFinding:
    findings: list[Finding] = scan(sentence)
    assert findings, sentence
    return DocumentFinding(field=field, step="whys", finding=findings[0])


OLD = _found("five_whys[0]", "Sam should have checked the config.")
NEW = _found("five_whys[1]", "Who approved this change?")


def test_the_newest_warning_is_shown_and_the_others_counted() -> None:
    board = WarningBoard()
    board.update([OLD])
    assert board.shown is not None and board.shown.found == OLD
    board.update([OLD, NEW])
    assert board.shown is not None and board.shown.found == NEW
    assert board.more == 1


def test_among_warnings_seen_together_the_edited_field_comes_first() -> None:
    board = WarningBoard()
    board.update([OLD, NEW], edited_field="five_whys[0]")
    assert board.shown is not None and board.shown.found == OLD


def test_a_warning_that_goes_away_and_comes_back_is_new_again() -> None:
    board = WarningBoard()
    board.update([OLD])
    board.update([OLD, NEW])
    board.update([NEW])
    board.update([NEW, OLD])
    assert board.shown is not None and board.shown.found == OLD


def test_a_dismissed_warning_stays_hidden() -> None:
    board = WarningBoard()
    board.update([OLD])
    board.update([OLD, NEW])
    assert board.shown is not None and board.shown.found == NEW
    board.dismiss(board.shown)
    board.update([OLD, NEW])
    assert board.shown is not None and board.shown.found == OLD
    assert board.more == 0
    board.update([OLD, NEW])  # still hidden at every later refresh
    assert [w.found for w in board.warnings] == [OLD]
