"""Search every post-mortem's text: title, summary, impact, timeline, Five Whys, gaps,
action items, learnings and kept sections. No Textual here.

A query is words and ``"quoted phrases"``; a field is a hit when it holds every one of
them (any case). Each hit names the file, the field, the file line of the first term and
a snippet of that line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pmtui.repo.index import Entry, TextField

#: Longest snippet, in characters.
SNIPPET = 100
_TERM_RE = re.compile(r'"([^"]*)"|(\S+)')


def terms_of(query: str) -> list[str]:
    """``deploy "config push"`` -> ``["deploy", "config push"]`` (case-folded)."""
    terms = []
    for phrase, word in _TERM_RE.findall(query):
        term = " ".join((phrase or word).split()).casefold()
        if term:
            terms.append(term)
    return terms


@dataclass(frozen=True)
class Hit:
    """One field that matches: ``start``/``end`` locate the first term in ``snippet``."""

    path: Path
    postmortem: str
    field: str
    label: str
    line: int
    snippet: str
    start: int
    end: int


def _snippet(text: str, offset: int, length: int) -> tuple[str, int, int]:
    """The line of ``text`` around ``offset``, cut to :data:`SNIPPET` characters."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if line_end < 0:
        line_end = len(text)
    line = text[line_start:line_end]
    start = offset - line_start
    if len(line) > SNIPPET:
        left = max(0, min(start - SNIPPET // 3, len(line) - SNIPPET))
        cut = line[left : left + SNIPPET]
        prefix = "…" if left else ""
        suffix = "…" if left + SNIPPET < len(line) else ""
        start = start - left + len(prefix)
        line = prefix + cut + suffix
    stripped = line.lstrip()
    start -= len(line) - len(stripped)
    line = stripped.rstrip()
    return line, max(0, start), max(0, min(len(line), start + length))


def _match(field: TextField, terms: list[str]) -> Hit | None:
    folded = field.text.casefold()
    spaced = " ".join(folded.split())
    if not all(term in spaced for term in terms):
        return None
    offset, length = -1, 0
    if len(folded) == len(field.text):  # offsets agree (no "ß" -> "ss")
        for probe in (terms[0], terms[0].split()[0]):
            offset = folded.find(probe)
            if offset >= 0:
                length = len(probe)
                break
    if offset < 0:
        offset, length = 0, 0
    snippet, start, end = _snippet(field.text, offset, length)
    return Hit(Path(), "", field.path, field.label, field.line_of(offset), snippet, start, end)


def search(entries: Iterable[Entry], query: str) -> list[Hit]:
    """Every field of the readable files holding all of the query's terms, by file
    (in the order given) and then field order."""
    terms = terms_of(query)
    if not terms:
        return []
    hits: list[Hit] = []
    for entry in entries:
        if entry.error is not None:
            continue
        hay = entry.haystack()
        if not all(term.split()[0] in hay for term in terms):
            continue
        for field in entry.fields(lambda text: all(t.split()[0] in text for t in terms)):
            hit = _match(field, terms)
            if hit is not None:
                hits.append(
                    Hit(entry.path, entry.title, hit.field, hit.label, hit.line, hit.snippet,
                        hit.start, hit.end)
                )  # fmt: skip
    return hits
