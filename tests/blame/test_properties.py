"""Properties that must hold for any text the wizard may hand to scan()."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.blame import CATEGORIES, scan

WORDS = st.sampled_from(
    [
        "who",
        "broke",
        "the",
        "engineer",
        "should",
        "have",
        "checked",
        "human",
        "error",
        "careless",
        "Bob",
        "deleted",
        "production",
        "fired",
        "be",
        "more",
        "careful",
        "remember",
        "to",
        "İstanbul",
        "ß",
        "ﬁ",
        "'quoted'",
        '"x"',
        "`code`",
        "\n",
        "\n\n",
        "|",
        "-",
        "1.",
        "#",
        ".",
        "?",
        "!",
        ";",
        ",",
        "because",
        "of",
        "his",
        "mistake",
        "on-call",
        "failed",
        "to",
    ]
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_findings_point_at_their_text(text: str) -> None:
    findings = scan(text)
    lines = text.split("\n")
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.match
        assert f.category in CATEGORIES
        before = text[: f.start]
        assert f.line == before.count("\n") + 1
        assert f.column == len(before) - (before.rfind("\n") + 1) + 1
        assert f.end_line == text[: f.end].count("\n") + 1
        assert 1 <= f.line <= len(lines)
    assert findings == sorted(findings, key=lambda f: (f.start, -f.end))


def test_text_whose_lowercase_changes_length() -> None:
    # "İ".lower() is two characters: positions must still be right.
    text = "İİİ İstanbul team: Bob should have waited."
    [f] = scan(text)
    assert f.match == "Bob should have waited"
    assert text[f.start : f.end] == f.match
