"""read(write(d)) == d for any post-mortem (hand-written files: see test_reader.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pmtui.document.errors import DocumentError
from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.model import Allowance, Postmortem
from tests.document.strategies import postmortems, text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(postmortems())
@example(Postmortem(allowed=[Allowance(rule="HH:MM\n")]))
def test_read_of_write_gives_the_same_document(doc: Postmortem) -> None:
    written = to_markdown(doc)
    assert from_markdown(written) == doc


@settings(max_examples=50, deadline=None)
@given(postmortems())
def test_every_table_row_stays_on_one_line(doc: Postmortem) -> None:
    lines = to_markdown(doc).split("\n")
    start = lines.index("## Timeline") + 3
    assert lines[start : start + len(doc.timeline)] == [
        line for line in lines[start : start + len(doc.timeline)] if line.startswith("| ")
    ]
    assert lines[start + len(doc.timeline)] == ""


#: Lines people and editors put in post-mortem files, valid or not.
HAND_WRITTEN_LINES = [
    "## Summary", "## Impact", "## Timeline", "## Five Whys", "## Process Gaps Identified",
    "## Action Items", "## Key Learnings", "## Meeting", "## Other notes", "### Sub", "# H1",
    "# Post-Mortem: again", "", "   ", "\t",
    "| Time (UTC) | Event |", "|:---|:---|", "| 10:00 | x |", "| HH:MM | [Event] |", "| 10:00 |",
    "|a|b|c|", "| Action | Owner | Due | Status |",
    "| Action | Owner | Due | Status | Verification |", "| x | @a | 2024-01-01 | Done | v |",
    "| [Systemic fix] | @name | YYYY-MM-DD | Pending |", "1. Why: a", "2. Why: [Answer]",
    "- [ ] Gap 1", "- [x] **Recovery:** r", "- Learning 1", "- l", "  continued",
    "**Date:** 2024-01-01", "**Severity:** SEV-2", "**Author:** x", "**Other:** y",
    "**Started:** 2024-01-01 10:00:00 UTC", "**Current item:** 2",
    "| Agenda item | Planned (min) | Actual (s) | Overrun (s) |", "| a | 5 | 30 | 0 |",
    "| Agenda item | Planned (min) | Actual (s) | Overrun (s) | Added (s) |",
    "| a | 5 | 30 | 0 | 300 |",
    "**Facilitator:** Ana", "**Pauses:** 2, 95.3 s in all", "**Pauses:** many", "### Attendees",
    "### Parking lot", "### Item 1: a", "### Item 9: z", "- Note: n", "- Decision: d", "### Other",
    "```", "~~~", "<!-- pmtui: step facts -->", '<!-- pmtui: allow r "m" -->', "<!-- other",
    "<pre>", "> quote", "---", "===", "    code", "[ref]: http://x", "see [a][ref]", "\u00a0",
    "  - nested", "> ## quoted", "* star", "1) paren", "<!-- pmtui: step nowhere -->",
    "| x \\| y |", "- [ ]", "10. Why: ten", "**Date:** bad", "## Summary:", "## key learnings",
]  # fmt: skip
hand_written = st.tuples(
    st.lists(
        st.one_of(st.sampled_from(HAND_WRITTEN_LINES), text.map(lambda s: s.replace("\n", " "))),
        max_size=25,
    ),
    st.booleans(),
).map(lambda t: ("# Post-Mortem: T\n" + "\n".join(t[0])).replace("\n", "\r\n" if t[1] else "\n"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hand_written)
@example("# Post-Mortem: T\n```")  # an unclosed fence must not swallow what is written after
@example("# Post-Mortem: T\n## ")
@example("# Post-Mortem: T\n1. Why: a\n# Post-Mortem: T")
@example("# Post-Mortem: T\n\u00a0\n| Time (UTC) | Event |")
@example("# Post-Mortem: T\n## Five Whys\n| Time (UTC) | Event |\n1. Why: a\n---")
@example("# Post-Mortem: T\n**Date:** 2024-01-01\n[ref]: http://x")
@example("# Post-Mortem: T\n## \n**Date:** 2024-01-01")
@example("# Post-Mortem: T\n0||\n---\n|:---|:---|")  # a "|---|" row right under a heading
@example("# Post-Mortem: T\n## \n[ref]: http://x\n# Post-Mortem: T")
def test_hand_written_files_read_or_fail_cleanly_and_write_back_stably(source: str) -> None:
    try:
        doc = from_markdown(source, "f.md")
    except DocumentError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("f.md")
        return
    written = to_markdown(doc)
    assert from_markdown(written) == doc
    assert to_markdown(from_markdown(written)) == written


#: What people put above the title: front matter, notes, comments, headings of sections
#: pmtui knows (which must stay where they are, not become sections).
ABOVE_TITLE_LINES = [
    "---", "title: Checkout outage", "tags: [a, b]", "<!-- a note -->",
    "<!-- pmtui: step facts -->", '<!-- pmtui: allow r "m" -->', "## Timeline",
    "| Time (UTC) | Event |", "|---|---|", "| 10:00 | x |", "## Summary", "Some text",
    "# H1", "# Post-Mortem", "[ref]: http://x", "", "Draft", "## Five Whys", "1. Why: a",
    "- item", "> quote", "===", "    indented", "**Date:** 2024-01-01",
]  # fmt: skip
above_title = st.lists(
    st.one_of(st.sampled_from(ABOVE_TITLE_LINES), text.map(lambda s: s.replace("\n", " "))),
    min_size=1,
    max_size=8,
).map("\n".join)


def _assert_stable(source: str) -> None:
    """write(read(x)) is stable: written again it reads as itself and writes the same."""
    try:
        doc = from_markdown(source, "f.md")
    except DocumentError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("f.md")
        return
    written = to_markdown(doc)
    again = from_markdown(written)
    assert again == doc
    assert to_markdown(again) == written


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(above_title, postmortems())
@example("## Timeline\n| Time (UTC) | Event |\n|---|---|\n| 10:00 | x |", Postmortem())
@example("---\ntitle: x\n---", Postmortem())
def test_text_above_the_title_is_kept_where_it_was(above: str, doc: Postmortem) -> None:
    doc = doc.model_copy(update={"above_title": ""})
    source = above + "\n" + to_markdown(doc)
    try:
        read = from_markdown(source)
    except DocumentError:  # e.g. an unclosed fence above swallows the title: one line
        return
    below = read.model_copy(update={"above_title": "", "allowed": doc.allowed})
    assert below.model_copy(update={"wizard_step": doc.wizard_step}) == doc  # nothing moved in
    written = to_markdown(read)
    # (kept text that starts with U+FEFF gets a byte order mark before it, exactly one)
    bom = "\ufeff" if read.above_title.startswith("\ufeff") else ""
    assert written.startswith(bom + read.above_title)
    _assert_stable(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.just(""), above_title), hand_written)
def test_write_of_read_is_a_fixed_point(above: str, source: str) -> None:
    """The fuzz property of issue 14.6: write(read(x)) == write(read(write(read(x))))."""
    _assert_stable(f"{above}\n{source}" if above else source)


def test_text_above_the_title_that_starts_with_u_feff_survives_a_save() -> None:
    """A line of U+FEFF kept above the title is not taken for a byte order mark when the
    saved file is read again (found by the property test above)."""
    _assert_stable("<!-- pmtui: step facts -->\n\ufeff\n# Post-Mortem:\n\n## Summary\n")
    doc = from_markdown("<!-- pmtui: step facts -->\n\ufeff\n# Post-Mortem: T\n", "f.md")
    assert from_markdown(to_markdown(doc)).above_title == doc.above_title == "\ufeff"
