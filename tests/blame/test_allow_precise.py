"""Allow is precise: the wizard's Allow covers that warning in that field's sentence only,
lapses when the sentence is edited, and Review, lint and the wizard agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmtui.blame import Checker
from pmtui.blame.lint import lint_text
from pmtui.document.comments import format_allow, parse_allow, parse_comment
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Allowance, Postmortem
from pmtui.document.session import DraftSession

CHECKER = Checker(today=lambda: dt.date(2026, 1, 1))
SENTENCE = "The operator should have waited for the replica."


def _doc() -> Postmortem:
    return Postmortem(
        title="Replica",
        summary=f"{SENTENCE} Then the pool drained.",
        five_whys=[SENTENCE],
    )


def _session(tmp_path: Path, doc: Postmortem) -> DraftSession:
    return DraftSession(doc, tmp_path / "pm.md", checker=CHECKER)


def test_allow_in_one_field_does_not_silence_the_same_words_elsewhere(tmp_path: Path) -> None:
    doc = _doc()
    session = _session(tmp_path, Postmortem(**{**doc.model_dump(), "five_whys": ["Other text."]}))
    [finding] = session.scan(session.doc.summary)
    session.allow(finding, text=session.doc.summary)
    [allowance] = session.doc.allowed
    assert allowance.context == SENTENCE
    assert session.scan(session.doc.summary) == []
    # The same words in another sentence (another field, or another place) still warn.
    assert CHECKER.text("Bob said the operator should have waited.", doc=session.doc)


def test_the_allowance_lapses_when_its_sentence_is_edited(tmp_path: Path) -> None:
    session = _session(tmp_path, _doc())
    [finding] = session.scan(session.doc.summary)
    session.allow(finding, text=session.doc.summary)
    assert not [f for f in session.findings() if f.field == "summary"]
    session.doc.summary = "The operator should have waited for the primary."
    assert [f.field for f in session.findings()].count("summary") == 1


def test_review_counts_what_was_allowed() -> None:
    doc = _doc()
    [finding] = CHECKER.text(doc.summary, doc=doc)
    from pmtui.blame.engine import sentence_of

    doc.allowed = [
        Allowance(
            rule=finding.rule,
            match=finding.match,
            context=sentence_of(doc.summary, finding.start, finding.end),
        )
    ]
    assert CHECKER.allowed_count(doc) == 2  # the why holds the same sentence
    assert [f.field for f in CHECKER.document(doc)] == []


def test_the_comment_round_trips_and_lint_agrees(tmp_path: Path) -> None:
    allowance = Allowance(rule="should-have", match="should have", context='He said "no" --> ok')
    kind, args = parse_comment(format_allow(allowance)) or ("", "")
    assert kind == "allow" and parse_allow(args) == allowance
    doc = _doc()
    doc.five_whys = []
    [finding] = CHECKER.text(doc.summary, doc=doc)
    session = _session(tmp_path, doc)
    session.allow(finding, text=doc.summary)
    text = to_markdown(session.doc)
    assert from_markdown(text).allowed == session.doc.allowed
    assert lint_text("pm.md", text, CHECKER) == []
    edited = text.replace("replica. Then", "primary. Then")  # the summary, not the comment
    assert [f.rule for f in lint_text("pm.md", edited, CHECKER)] == [finding.rule]
