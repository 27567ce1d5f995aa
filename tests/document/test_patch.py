"""patch(): a save rewrites only the lines of what changed. For any document and any one
edit, the patched text reads back to exactly the edited document and every line outside
the edited field stays; hand-written files and layouts the patcher cannot follow still
save correctly (the whole document is then written)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.document.errors import DocumentError
from pmtui.document.markdown import from_markdown, patch, patched, read_markdown, to_markdown
from pmtui.document.markdown.patch import PATCHED_FIELDS
from pmtui.document.model import (
    ExtraSection,
    Postmortem,
    ProcessGap,
    Status,
    TimelineEntry,
)
from tests.document.edits import Edit, edits
from tests.document.strategies import postmortems
from tests.document.test_reader import FIXTURES
from tests.document.test_roundtrip import hand_written

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def edited(draw: st.DrawFn) -> tuple[Postmortem, Edit]:
    doc = draw(postmortems())
    return doc, draw(edits(doc))


def restyled(text: str) -> str:
    """The file as a person keeps it: CRLF, two blank lines between sections, ``5 Whys``."""
    text = text.replace("\n\n## ", "\n\n\n## ").replace("\n## Five Whys\n", "\n## 5 Whys\n")
    return text.replace("\n", "\r\n")


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def assert_only_region_changed(base: str, out: str, region: tuple[int, int]) -> None:
    before, after = lines_of(base), lines_of(out)
    start, end = region
    kept_after = len(before) - end
    assert after[:start] == before[:start], "a line before the edited field changed"
    assert len(after) - kept_after >= start
    assert after[len(after) - kept_after :] == before[end:], "a line after it changed"


@SETTINGS
@given(edited(), st.booleans())
def test_a_patch_reads_back_and_keeps_every_line_outside_the_edit(
    case: tuple[Postmortem, Edit], restyle: bool
) -> None:
    doc, edit = case
    base = to_markdown(doc)
    if restyle and from_markdown(restyled(base)) == doc:
        base = restyled(base)
    _, sources = read_markdown(base)
    assert sources.layout is not None
    out, found = patched(base, doc, edit.doc, sources)
    assert from_markdown(out) == edit.doc
    assert found is not None, f"{edit.name}: the whole document was rewritten"
    assert_only_region_changed(base, out, edit.region(sources.layout, lines_of(base)))
    if "\r\n" in base:
        assert out.count("\n") == out.count("\r\n")


@SETTINGS
@given(hand_written, st.data())
def test_hand_written_files_save_correctly_and_a_patch_stays_in_the_field(
    source: str, data: st.DataObject
) -> None:
    try:
        doc, sources = read_markdown(source)
    except DocumentError:
        return
    edit = data.draw(edits(doc))
    out, found = patched(source, doc, edit.doc, sources)
    assert from_markdown(out) == edit.doc
    if found is not None:  # else an unclosed fence or the like: written whole, correctly
        assert sources.layout is not None
        region = edit.region(sources.layout, lines_of(source))
        assert_only_region_changed(source, out, region)


def test_an_unchanged_document_keeps_the_file_byte_for_byte() -> None:
    text = "\ufeff" + (FIXTURES / "hand_formatted.md").read_text().replace("\n", "\r\n")
    text = text.removesuffix("\r\n")  # and no newline at the end
    doc = from_markdown(text)
    assert patch(text, doc, doc.model_copy(deep=True)) == text


def test_the_byte_order_mark_and_a_missing_last_newline_stay() -> None:
    text = "\ufeff# Post-Mortem: T\r\n\r\n## Key Learnings\r\n- Canary stages matter"
    doc = from_markdown(text)
    new = doc.model_copy(update={"learnings": ["Canaries matter", "Practice rollbacks."]})
    assert patch(text, doc, new) == (
        "\ufeff# Post-Mortem: T\r\n\r\n## Key Learnings\r\n- Canaries matter\r\n"
        "- Practice rollbacks."
    )
    whole = doc.model_copy(update={"extra_sections": [ExtraSection(heading="N", body="n")]})
    out, found = patched(text, doc, whole)
    assert found is None and out.startswith("\ufeff# Post-Mortem: T\r\n")
    assert out.endswith("## N\r\nn")


def test_a_change_the_file_cannot_take_is_written_whole_in_its_line_endings() -> None:
    text = (FIXTURES / "hand_formatted.md").read_text().replace("\n", "\r\n")
    doc = from_markdown(text)
    new = doc.model_copy(update={"extra_sections": [ExtraSection(heading="Notes", body="n")]})
    out, found = patched(text, doc, new)
    assert found is None  # kept sections are not edited by pmtui: written whole
    assert from_markdown(out) == new
    assert out.count("\n") == out.count("\r\n")


def test_a_section_the_file_lacks_goes_where_the_template_puts_it() -> None:
    text = (FIXTURES / "missing_sections.md").read_text()
    doc = from_markdown(text)
    assert doc.impact is None
    out = patch(text, doc, doc.model_copy(update={"impact": "Orders failed."}))
    assert out == text + "\n## Impact\nOrders failed.\n"  # after the summary
    summary = doc.model_copy(update={"summary": "", "learnings": ["Write it down"]})
    out = patch(text, doc, summary)
    assert out.endswith("## Summary\n\n## Key Learnings\n- Write it down\n")


def test_the_spec_templates_placeholders_make_way_for_the_first_entries() -> None:
    text = (FIXTURES / "spec_template.md").read_text()
    doc = from_markdown(text)
    new = doc.model_copy(deep=True)
    new.timeline = [TimelineEntry(time="09:15", event="Pager fired")]
    new.gaps = [ProcessGap(text="No canary")]
    new.five_whys = ["The pool size was 0."]
    out = patch(text, doc, new)
    assert from_markdown(out) == new
    assert "| HH:MM | [Event] |" not in out and "| 09:15 | Pager fired |" in out
    assert "1. Why: The pool size was 0." in out
    assert "2. Why: [Answer]" in out  # the other answers' placeholders stay
    assert "- [ ] No canary" in out and "Gap 1" not in out


def test_a_new_row_copies_the_tables_padding_and_pipes() -> None:
    text = (
        "# Post-Mortem: T\n\n## Timeline\n"
        "Time  | Event\n------|------------------\n09:00 | Deploy started\n"
    )
    doc = from_markdown(text)
    new = doc.model_copy(deep=True)
    new.timeline.append(TimelineEntry(time="09:30", event="Rolled back"))
    assert patch(text, doc, new) == text + "09:30 | Rolled back\n"


def test_status_spellings_and_other_cells_of_an_edited_row_stay() -> None:
    text = (FIXTURES / "hand_formatted.md").read_text()
    doc = from_markdown(text)
    new = doc.model_copy(deep=True)
    new.action_items[0].due = dt.date(2024, 4, 2)
    out = patch(text, doc, new)
    assert "| Add config validation to CI   | @dana   | 2024-04-02 | WIP    |" in out
    assert new.action_items[0].status is Status.IN_PROGRESS


def test_a_worst_case_line_of_brackets_is_patched() -> None:
    text = "# Post-Mortem: T\n\n## Summary\n" + "[" * 200_000 + "\n"
    doc = from_markdown(text)
    new = doc.model_copy(update={"title": "Brackets"})
    out, found = patched(text, doc, new)
    assert found is not None
    assert out == text.replace("# Post-Mortem: T", "# Post-Mortem: Brackets")


def test_every_field_of_the_model_is_patched() -> None:
    """A field added to the model is saved correctly (by a full rewrite) but not
    minimally until the patcher knows it: this test says where to add it."""
    assert set(Postmortem.model_fields) == PATCHED_FIELDS
