"""The statistical layer over the rules' findings (called by :func:`pmtui.blame.scan`).

For each sentence of the text (quotes, code and comments blanked out), the model of
:mod:`pmtui.blame.model` gives the probability that it reads as blame, knowing which
categories the rules found in it:

* no rule matched, the sentence holds no quote, does not name blame to reject it
  (``[blameless] rejections`` in ``rules.toml``) and the probability reaches the model's
  threshold: one finding for the sentence, in the category the model finds most likely,
  with that category's reframe;
* rules matched but the probability is below the model's ``veto``: the rules' findings in
  that sentence are dropped (a trap such as "this isn't any one person's fault"), except
  those of rules that never raised a false alarm in training (``trusted``), which are
  dropped only below the lower ``trusted_veto``, and those of rules the model never saw
  fire (the user's own ``[blame.terms]``), which are never dropped
  (:meth:`pmtui.blame.model.Model.keeps`);
* otherwise the rules' findings stand: they carry the exact span and the rule's reframe.

Verdicts are cached by sentence, so re-scanning a field after one keystroke scores only
the sentence that changed.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from pmtui.blame import model as model_module
from pmtui.blame.engine import (
    _CATEGORY_SUGGESTION,
    CATEGORIES,
    Finding,
    _inside,
    _Lines,
    _quoted_spans,
    _Sentences,
    load_rules,
    make_finding,
    model_rule_id,
    rejects_blame,
)
from pmtui.blame.normalise import Normalised

if TYPE_CHECKING:
    from pmtui.blame.engine import _Filters
    from pmtui.config import BlameSettings

_LABELS = {
    "blame_question": "a blame question",
    "human_error": "human error as the cause",
    "counterfactual": "hindsight about what someone should have done",
    "character_judgement": "a judgement of a person",
    "named_cause": "a person as the cause",
    "punishment": "punishment",
    "bad_action_item": "an action asking people to try harder",
}
#: The model's finding message per category (hedged, like the rules').
MESSAGES = {c: f"This sentence may read as blame ({label})" for c, label in _LABELS.items()}

# Leading list markers, quote marks and headings, trailing punctuation: not highlighted.
_LEAD_RE = re.compile(r"\A[\s>*#+\-\d.)\[\]xX_:]*")
_TAIL_RE = re.compile(r"[\s.!?;,:]*\Z")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3

_CACHE: dict[tuple[str, frozenset[str], frozenset[str]], model_module.Verdict] = {}
_CACHE_SIZE = 50_000
#: A sentence's text as the model reads it (whitespace folded), or None when it has too
#: few words to judge; by the sentence as cut.
_PIECES: dict[str, str | None] = {}


def _model_text(piece: str) -> str | None:
    found = _PIECES.get(piece, "")
    if found == "":
        if len(_PIECES) >= _CACHE_SIZE:
            _PIECES.clear()
        words = len(_WORD_RE.findall(piece))
        found = _PIECES[piece] = " ".join(piece.split()) if words >= _MIN_WORDS else None
    return found


def verdict(
    model: model_module.Model, sentence: str, rule_categories: frozenset[str], names: frozenset[str]
) -> model_module.Verdict:
    """The model's verdict on one normalised sentence (cached)."""
    key = (sentence, rule_categories, names)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = model.verdict(model_module.features(sentence, rule_categories, names))
    return found


def _disabled_categories(config: BlameSettings) -> frozenset[str]:
    """Categories the model stays out of: those switched off, and those of switched-off
    rules (disabling ``should-have`` should not bring the same warning back from the
    model)."""
    if not config.disable:
        return frozenset()
    by_id = {r.id: r.category for r in load_rules()}
    return frozenset(by_id.get(d, d) for d in config.disable)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (its quoted spans, code and comments) replaced by spaces."""
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s sentences (list items, table cells...), as the rules cut them."""
    cuts = _Sentences(text)
    spans = []
    start = 0
    for b, e in zip(cuts.starts, cuts.ends, strict=True):
        end = b + 1 if text[b] in ".!?;" else b
        if end > start:
            spans.append((start, end))
        start = e
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def apply_model(
    text: str,
    norm: Normalised,
    findings: list[Finding],
    matched: list[int],
    names: frozenset[str],
    config: BlameSettings,
    filters: _Filters,
    lines: _Lines,
    quoted: list[tuple[int, int]],
) -> list[Finding]:
    """``findings`` (the rules', in text order) with the model's additions and vetoes.

    ``matched`` holds the start of every rule match, including those an allowance or a
    quote silenced: the model adds nothing to a sentence a rule matched, so allowing a
    rule's finding is not undone by the model. Nor does it report a category whose rules
    the user switched off (``[blame] disable``). ``quoted`` holds the quoted spans of
    ``text``."""
    model = model_module.load()
    if model is None:
        return findings
    disabled = _disabled_categories(config)
    quoted_norm = quoted if norm.text == text else _quoted_spans(norm.text)
    clean = _blanked(norm.text, quoted_norm)
    out: list[Finding] = []
    added = False
    i = 0
    for s, e in sentences(clean):
        o_start, o_end = norm.span(s, e)
        inside: list[Finding] = []
        while i < len(findings) and findings[i].start < o_end:
            if findings[i].start >= o_start:
                inside.append(findings[i])
            else:
                out.append(findings[i])
            i += 1
        piece = clean[s:e]
        judged = _model_text(piece)
        if judged is None:
            out.extend(inside)
            continue
        cats = frozenset(f.category for f in inside if f.category in CATEGORIES)
        v = verdict(model, judged, cats, names)
        if inside:
            out.extend(f for f in inside if model.keeps(f.rule, v.probability))
            continue
        if v.probability < model.threshold or _inside(quoted_norm, s, e) or rejects_blame(judged):
            # (a sentence holding a quote is judged only by its rules: its own words may
            # be a frame around someone else's, "she mentions that he '...'"; so is one
            # that names blame to reject it)
            continue
        rule = model_rule_id(v.category)
        if rule in config.disable or v.category in disabled:
            continue
        k = bisect.bisect_left(matched, o_start)
        if k < len(matched) and matched[k] < o_end:
            continue
        lead = _LEAD_RE.match(piece)
        a = s + (lead.end() if lead else 0)
        tail = _TAIL_RE.search(piece)
        b = s + (tail.start() if tail else len(piece))
        if b <= a:
            continue
        start, end = norm.span(a, b)
        if filters.drops(rule, v.category, text, start, end):
            continue
        out.append(
            make_finding(
                text,
                start,
                end,
                rule,
                v.category,
                MESSAGES[v.category],
                _CATEGORY_SUGGESTION[v.category],
                lines,
            )
        )
        added = True
    out.extend(findings[i:])
    if added:
        out.sort(key=lambda f: (f.start, -f.end))
    return out
