"""Whatever an import makes of a file, pmtui writes it and reads it back unchanged: a
property over files built from every layout's headings, labels and odd bodies (the
cases it found are pinned below)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.document.markdown import from_markdown, to_markdown
from pmtui.document.markdown import text as mdtext
from pmtui.importers import NotImportable, import_text
from pmtui.importers.layouts import LAYOUTS

NAMES = sorted(
    {name for layout in LAYOUTS.values() for r in layout.rules for name in r.names}
    | {
        name
        for layout in LAYOUTS.values()
        for r in layout.rules
        for c in r.children
        for name in c.names
    }
    | {"Date", "Severity", "Authors", "By", "Status", "Duration", "Name(s)", "Meeting"}
)
_CHARS = st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF)
TEXT = st.text(
    alphabet=st.one_of(_CHARS, st.sampled_from(list("\n\n|*_-#>`:[]()<!\\ 0123456789"))),
    max_size=50,
)
LINE = TEXT.map(lambda t: t.replace("\n", " "))
TIMES = st.sampled_from(
    ["14:51", "2:51 PM", "2024-03-05 09:12 UTC", "9:05 PDT", "TBD", "6:23 AM PT"]
)
BODY = st.one_of(
    TEXT,
    st.lists(LINE, min_size=1, max_size=7).map(
        lambda xs: "\n".join(f"{i + 1}. {x}" for i, x in enumerate(xs))
    ),
    st.lists(st.tuples(TIMES, LINE), min_size=1, max_size=3).map(
        lambda rows: "\n".join(f"- {t} {x}" for t, x in rows)
    ),
    st.lists(st.tuples(LINE, LINE, TIMES), min_size=1, max_size=3).map(
        lambda rows: (
            "| Action Item | Owner | Time |\n|---|---|---|\n"
            + "\n".join(
                f"| {a.replace('|', '/')} | {b.replace('|', '/')} | {t} |" for a, b, t in rows
            )
        )
    ),
    st.sampled_from(
        [
            "```\nan unclosed fence",
            "<details>\nan open HTML block",
            "2015-10-21 (all times UTC)\n14:51 a row",
            "> (all times in Pacific Time)\n\n- 6:23 AM: a row",
            "[ref]: http://x\n\nsee [it][ref]",
            "<!-- pmtui: allow human-error -->",
        ]
    ),
)
HEADING = st.tuples(
    st.sampled_from(["## ", "### ", "#### ", "**", ""]), st.one_of(st.sampled_from(NAMES), LINE)
)


def render(kind: str, name: str, body: str) -> str:
    if kind == "**":
        return f"**{name}:** {body}"
    if kind == "":
        return f"{name}: {body}"
    return f"{kind}{name}\n\n{body}"


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    title=st.sampled_from(["# Postmortem: T", "# T: May 2, 2024", "", "# Incident #3: T"]),
    sections=st.lists(st.tuples(HEADING, BODY), max_size=6),
    layout=st.sampled_from(sorted(LAYOUTS)),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_every_import_reads_back_unchanged(
    title: str, sections: list[tuple[tuple[str, str], str]], layout: str, newline: str
) -> None:
    text = title + "\n\n" + "\n\n".join(render(k, n, b) for (k, n), b in sections) + "\n"
    try:
        result = import_text(text.replace("\n", newline), "f.md", layout)
    except NotImportable:
        return
    assert from_markdown(to_markdown(result.doc)) == result.doc


# --------------------------------------------------------------------------- found by it


def test_pmtui_notes_in_a_foreign_file_stay_notes() -> None:
    text = "# X\n\n**Summary:** s\n\n<!-- pmtui: allow human-error -->\n\n**Trigger:** t\n"
    result = import_text(text, "f.md", "google-sre")
    assert [a.rule for a in result.doc.allowed] == ["human-error"]
    assert all("pmtui:" not in s.body for s in result.doc.extra_sections)
    assert from_markdown(to_markdown(result.doc)) == result.doc


@pytest.mark.parametrize(
    "rest", ["# not a heading", "[ref]: http://x", "1. not a list", "- not a list", "> no quote"]
)
def test_label_text_that_would_start_a_block_stays_text(rest: str) -> None:
    """ "**Trigger:** # x" is a paragraph; "# x" alone at a line start would be a heading."""
    doc = import_text(f"# X\n\n**Summary:** s\n\n**Trigger:** {rest}\n", "f.md", "google-sre").doc
    body = next(s.body for s in doc.extra_sections if s.heading == "Trigger")
    tokens = mdtext.MD_BLOCKS.parse(body)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert mdtext.parse_inline(tokens[1].content) == rest
    assert from_markdown(to_markdown(doc)) == doc


def test_a_label_text_never_becomes_a_link_definition_for_other_fields() -> None:
    text = "# X\n\n**Authors:** [ref]: http://x\n\n**Action Items:** [ref]: http://x\n"
    doc = import_text(text, "f.md", "google-sre").doc
    assert doc.author == "[ref]: http://x"
    assert from_markdown(to_markdown(doc)).author == "[ref]: http://x"


def test_control_characters_are_left_out_and_said() -> None:
    result = import_text("# X\n\n**Summary:** a\x1bb\n", "f.md", "google-sre")
    assert result.doc.summary == "ab"
    assert "1 control character: Markdown cannot carry them" in "\n".join(map(str, result.moves))
