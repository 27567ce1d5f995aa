"""Which layout a file is: every layout's fixture, pmtui's own format (never an import),
and text that is no post-mortem."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pmtui.document.markdown import to_markdown
from pmtui.document.model import Postmortem, TimelineEntry
from pmtui.importers import detect, looks_importable
from pmtui.importers.layouts import LAYOUTS, find_layout
from tests.importers.test_fixtures import FIXTURES, LAYOUT_OF

PMTUI_FIXTURES = Path(__file__).parent.parent / "document" / "fixtures"


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_each_fixture_is_its_layout(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    found = detect(text)
    assert found.layout == LAYOUT_OF[name]
    assert not found.is_pmtui
    assert looks_importable(text) == LAYOUT_OF[name]
    # and clearly so: the runner-up is well behind
    others = sorted((s for n, s in found.scores.items() if n != found.layout), reverse=True)
    assert found.confidence - others[0] >= 0.2


def test_labels_or_headings_tell_the_sre_book_example_from_its_template() -> None:
    """The same sections: run-in labels (the book's example) or headings (dastergon's)."""
    labels = "# X\n\n**Date:** 2024-01-02\n\n**Authors:** a\n\n**Summary:** s\n\n**Trigger:** t\n"
    headings = (
        "# X\n\n### Date\n\n2024-01-02\n\n### Authors\n\na\n\n### Summary\n\ns\n\n"
        "### Trigger\n\nt\n"
    )
    assert detect(labels).scores["google-sre"] > detect(labels).scores["dastergon-srebook"]
    assert detect(headings).scores["dastergon-srebook"] > detect(headings).scores["google-sre"]


def pmtui_text() -> str:
    doc = Postmortem(
        title="Cache outage",
        summary="A summary.",
        timeline=[TimelineEntry(time="10:00", event="alert")],
    )
    return to_markdown(doc)


@pytest.mark.parametrize(
    "text",
    [
        pmtui_text(),
        (PMTUI_FIXTURES / "full.md").read_text(encoding="utf-8"),
        (PMTUI_FIXTURES / "spec_template.md").read_text(encoding="utf-8"),
    ],
    ids=["written-by-pmtui", "full-fixture", "spec-template"],
)
def test_pmtuis_own_format_is_not_an_import(text: str) -> None:
    found = detect(text)
    assert found.is_pmtui
    assert found.layout is None
    assert looks_importable(text) is None


def test_a_foreign_layout_with_a_postmortem_title_is_still_an_import() -> None:
    """ "# Postmortem: X" is also how pmtui titles start; the sections decide."""
    text = (FIXTURES / "dastergon_michael_kehoe.md").read_text(encoding="utf-8")
    assert text.count("# Postmortem: Search indexer backlog") == 1
    assert detect(text).layout == "dastergon-michael-kehoe"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "just a line of text",
        "# Project README\n\n## Installation\n\npip install x\n\n## Usage\n\nRun it.\n\n"
        "## License\n\nMIT\n",
        "# Sprint retro\n\n## Summary\n\nGood sprint.\n\n## Action Items\n\n- ship it\n",
        "# Meeting notes\n\nDate: 2024-01-02\n\n- talked about the roadmap\n",
        "Some prose with a colon: and more.\n\n**Bold:** but no known label.\n",
    ],
    ids=["empty", "one-line", "readme", "retro", "notes", "prose"],
)
def test_text_that_is_no_postmortem(text: str) -> None:
    found = detect(text)
    assert found.layout is None
    assert not found.is_pmtui
    assert looks_importable(text) is None


def test_every_layout_names_its_source() -> None:
    for layout in LAYOUTS.values():
        if layout.detectable:
            assert layout.source.startswith("https://"), layout.name


def test_layouts_are_found_by_name_or_alias() -> None:
    assert find_layout("PagerDuty") is LAYOUTS["pagerduty"]
    assert find_layout("kehoe") is LAYOUTS["dastergon-michael-kehoe"]
    assert find_layout("nope") is None


def _without_some_sections(text: str, keep: float, seed: str) -> str:
    """``text`` with each section (heading or run-in label) kept with chance ``keep``."""
    lines = text.split("\n")
    starts = [
        i
        for i, line in enumerate(lines)
        if re.match(r"^#{2,6} |^\*\*[^*]+:\*\*|^(?:Name\(s\)|Date|Last modified|By):", line)
    ]
    rng = random.Random(seed)
    kept = lines[: starts[0]]
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        if rng.random() < keep:
            kept += lines[start:end]
    return "\n".join(kept)


@pytest.mark.parametrize("name", sorted(LAYOUT_OF))
def test_a_file_missing_sections_is_never_taken_for_another_layout(name: str) -> None:
    """Real files skip sections: detection may then say "no layout", never a wrong one,
    and with three quarters of the sections left it still knows the layout."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    right = 0
    for trial in range(10):
        for keep in (0.75, 0.5, 0.3):
            found = detect(_without_some_sections(text, keep, f"{name}-{keep}-{trial}")).layout
            assert found in (LAYOUT_OF[name], None)
            right += keep == 0.75 and found == LAYOUT_OF[name]
    assert right >= 9
