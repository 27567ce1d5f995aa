"""Which layout a Markdown file is written in, and how sure that is.

Each layout has a signature (``Layout.signature``): the headings its template has, each
with a weight and whether it is a heading or a run-in label. A file's score for a
layout is the weight of the signature it shows over the signature's total (a heading
found as a label, or the other way round, counts half). pmtui's own format is scored
the same way and is never an import.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pmtui.document.markdown.syntax import TITLE_RE as PMTUI_TITLE_RE  # the reader's own rule
from pmtui.importers import sections as sec
from pmtui.importers.layouts import LAYOUTS
from pmtui.importers.rules import COMMON_RULES, META_KEYS, Form, Mark, Rule, mark, normalize

#: A layout is chosen at this score, or from LOW_CONFIDENCE when it leads the runner-up
#: by MIN_LEAD times (a file that kept only some of its template's sections). Tuned on
#: fixtures with sections removed at random, checked on a held-out set of removals.
MIN_CONFIDENCE = 0.5
LOW_CONFIDENCE = 0.25
MIN_LEAD = 2.0

#: pmtui's own file format (the spec's template), scored like a layout.
PMTUI_SIGNATURE: tuple[Mark, ...] = (
    mark("Date", 1, Form.LABEL),
    mark("Duration", 1, Form.LABEL),
    mark("Severity", 1, Form.LABEL),
    mark("Author", 1, Form.LABEL),
    mark("Summary", 1, Form.HEADING),
    mark("Timeline", 1, Form.HEADING),
    mark("Five Whys", 2, Form.HEADING),
    mark("Process Gaps Identified", 2, Form.HEADING),
    mark("Action Items", 1, Form.HEADING),
    mark("Key Learnings", 2, Form.HEADING),
)
#: What a "# Post-Mortem: title" heading adds to pmtui's score.
PMTUI_TITLE_WEIGHT = 3.0


@dataclass(frozen=True)
class Detection:
    #: The best layout's name, or ``None`` (pmtui's own format, or no layout scores enough).
    layout: str | None
    confidence: float
    #: Every detectable layout's score, 0 to 1.
    scores: dict[str, float] = field(default_factory=dict)
    is_pmtui: bool = False
    pmtui_score: float = 0.0


@functools.cache
def known_labels() -> frozenset[str]:
    """Every run-in label a layout reads (normalized): header keys and section names."""
    names: set[str] = set(META_KEYS)

    def add(rules: tuple[Rule, ...]) -> None:
        for rule_ in rules:
            names.update(normalize(n) for n in rule_.names)
            add(rule_.children)

    for layout in LAYOUTS.values():
        add(layout.rules)
        names.update(normalize(m.name) for m in layout.signature)
    add(COMMON_RULES)
    names.update(normalize(m.name) for m in PMTUI_SIGNATURE)
    return frozenset(names)


def detect(text: str) -> Detection:
    return detect_outline(sec.parse(text, known_labels()))


def detect_outline(outline: sec.Outline) -> Detection:
    found: dict[str, set[Form]] = {}
    for section in outline.sections():
        form = Form.LABEL if section.label else Form.HEADING
        found.setdefault(section.key, set()).add(form)
    scores = {
        layout.name: _score(layout.signature, found)
        for layout in LAYOUTS.values()
        if layout.detectable
    }
    pmtui_score = _pmtui_score(outline, found)
    ranked = sorted(scores, key=lambda name: scores[name], reverse=True)
    best_score = scores[ranked[0]] if ranked else 0.0
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    titled = outline.title is not None and bool(PMTUI_TITLE_RE.match(outline.title.heading_source))
    if titled and pmtui_score >= best_score:
        return Detection(None, pmtui_score, scores, is_pmtui=True, pmtui_score=pmtui_score)
    clear = best_score >= MIN_CONFIDENCE or (
        best_score >= LOW_CONFIDENCE and best_score >= MIN_LEAD * second
    )
    if not clear:
        return Detection(None, best_score, scores, pmtui_score=pmtui_score)
    return Detection(ranked[0], best_score, scores, pmtui_score=pmtui_score)


def _score(signature: tuple[Mark, ...], found: dict[str, set[Form]]) -> float:
    total = sum(m.weight for m in signature)
    if not total:
        return 0.0
    got = 0.0
    for wanted in signature:
        forms = found.get(normalize(wanted.name))
        if not forms:
            continue
        got += (
            wanted.weight if wanted.form is Form.ANY or wanted.form in forms else wanted.weight / 2
        )
    return round(got / total, 3)


def _pmtui_score(outline: sec.Outline, found: dict[str, set[Form]]) -> float:
    titled = outline.title is not None and bool(PMTUI_TITLE_RE.match(outline.title.heading_source))
    total = sum(m.weight for m in PMTUI_SIGNATURE) + PMTUI_TITLE_WEIGHT
    got = _score(PMTUI_SIGNATURE, found) * (total - PMTUI_TITLE_WEIGHT)
    if titled:
        got += PMTUI_TITLE_WEIGHT
    return round(got / total, 3)


def looks_importable(text: str) -> str | None:
    """The layout ``pmtui import`` would read ``text`` as, or ``None`` (pmtui's own
    format, or not a post-mortem in a known layout). For ``pmtui open`` to offer an
    import instead of refusing the file."""
    return detect(text).layout
