"""``import_text``: a post-mortem in another layout, as pmtui's model, and what went where.

The layout (``pmtui/importers/layouts/``) says which heading goes to which field; this
module does the moving, in two passes: header values first (title, date, author,
severity, duration: the timeline needs the date), then every section in order.
Timelines are read by ``timeline.py``, action items by ``actions.py``.

Nothing is dropped. What has no field, or cannot be read (a timeline row without a
readable time, a sixth "why"), is kept verbatim as an extra section, in document order,
and every move is reported as a :class:`Move`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmtui.document.markdown import close_open_blocks, from_markdown
from pmtui.document.model import (
    ActionItem,
    ExtraSection,
    GapType,
    Postmortem,
    ProcessGap,
    TimelineEntry,
)
from pmtui.document.storage import read_text
from pmtui.errors import UserError
from pmtui.importers import actions, timeline, values
from pmtui.importers import sections as sec
from pmtui.importers.detect import MIN_CONFIDENCE, Detection, detect_outline, known_labels
from pmtui.importers.layouts import LAYOUTS, find_layout
from pmtui.importers.rules import (
    COMMON_RULES,
    FIELD_WORDS,
    INHERITED,
    META_KEYS,
    Layout,
    Rule,
    Target,
    normalize,
)

__all__ = ["ImportResult", "Move", "NotImportable", "import_file", "import_text"]


class NotImportable(UserError):
    """The text cannot be imported (already pmtui's, no known layout, unknown layout)."""


@dataclass(frozen=True)
class Move:
    """One line of "what went where": a source heading (and its line) and its target."""

    source: str
    line: int | None
    target: str
    detail: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{where}{self.source} -> {self.target}{detail}"


@dataclass(frozen=True)
class ImportResult:
    doc: Postmortem
    layout: str
    #: The detection score of ``layout`` (0 to 1).
    confidence: float
    moves: list[Move]


def import_text(text: str, source: str = "<text>", layout: str | None = None) -> ImportResult:
    """Convert ``text`` (a post-mortem in another layout) to pmtui's model.

    ``layout`` names the layout (see ``pmtui.importers.layouts.LAYOUTS``); without it the
    layout is detected. Raises :class:`NotImportable` (one line, naming ``source``) for
    empty text, text already in pmtui's format, an unknown layout name, or text in no
    known layout."""
    if not text.strip():
        raise NotImportable(f"{source}: the file is empty")
    outline = sec.parse(text, known_labels())
    detection = detect_outline(outline)
    # pmtui's own titles start like many others ("# Postmortem: X"): with a layout named,
    # only a file that clearly is pmtui's (its sections, not only its title) is refused
    if detection.is_pmtui and (layout is None or detection.pmtui_score >= MIN_CONFIDENCE):
        raise NotImportable(f"{source}: already in pmtui's format; open it with 'pmtui open'")
    chosen = _choose(detection, layout, source)
    doc, moves = _Converter(outline, chosen).run()
    return ImportResult(
        doc=doc,
        layout=chosen.name,
        confidence=detection.scores.get(chosen.name, 0.0),
        moves=moves,
    )


def import_file(path: Path, layout: str | None = None) -> ImportResult:
    """:func:`import_text` on a file's text. A file that cannot be read (missing, a
    folder, not UTF-8) raises ``DocumentError``; both errors are one line."""
    return import_text(read_text(path), str(path), layout)


def _choose(detection: Detection, name: str | None, source: str) -> Layout:
    if name is not None:
        found = find_layout(name)
        if found is None:
            raise NotImportable(f"unknown layout {name!r}; known layouts: {', '.join(LAYOUTS)}")
        return found
    if detection.layout is None:
        raise NotImportable(
            f"{source}: does not look like a post-mortem in a layout pmtui knows "
            f"(best match {detection.confidence:.0%}); name one with --layout"
        )
    return LAYOUTS[detection.layout]


#: pmtui's section names: an extra section must not take one (it would read back as it).
_PMTUI_SECTIONS = frozenset(
    normalize(n)
    for n in (
        "Summary",
        "Impact",
        "Timeline",
        "Five Whys",
        "5 Whys",
        "Process Gaps Identified",
        "Process Gaps",
        "Action Items",
        "Key Learnings",
        "Learnings",
        "Meeting",
    )
)
_LISTS = ("bullet_list", "ordered_list")
#: "Why 1:", "**2nd Why**:", "Why?" before a why's answer (it needs a "?" or a separator:
#: "Why did it fail" is an answer that starts with "Why").
_WHY_PREFIX_RE = re.compile(
    r"^(?:\*\*|__)?\s*(?:why\s*#?\s*\d+|\d+\s*(?:st|nd|rd|th)?\s*why|why)"
    r"\s*\??\s*(?:\*\*|__)?\s*[:.)\-\u2013]?\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_PROBLEM_RE = re.compile(r"^(?:\*\*|__)?\s*problem\s*(?:\*\*|__)?\s*:", re.IGNORECASE)
_CHECKBOX_RE = re.compile(r"^\[([ xX])\]\s*")
_GAP_TYPE_RE = re.compile(
    r"^(?:\*\*|__)?\s*\[?(" + "|".join(t.value for t in GapType) + r")\]?(?:\s+gap)?\s*"
    r"(?:\*\*|__)?\s*[:\-\u2013]\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)


@dataclass
class _Header:
    rank: int
    value: Any
    line: int


class _Converter:
    def __init__(self, outline: sec.Outline, layout: Layout) -> None:
        self.o = outline
        self.layout = layout
        self.rules = layout.rules + COMMON_RULES
        self.header: dict[Target, _Header] = {}
        self.title = ""
        self.summary: list[str] = []
        self.summary_end: list[str] = []
        self.impact: list[str] = []
        self.timeline: list[TimelineEntry] = []
        self.whys: list[str] = []
        self.whys_line = 0
        self.gaps: list[ProcessGap] = []
        self.actions: list[ActionItem] = []
        self.learnings: list[str] = []
        #: (source line, extra section), sorted into document order at the end.
        self.extra: list[tuple[int, ExtraSection]] = []
        #: Source line ranges kept verbatim under the header, and whether one would read
        #: as a pmtui header field (then they get a heading of their own).
        self.preamble: list[tuple[int, int]] = []
        self.preamble_needs_heading = False
        self.handled: set[int] = set()
        self.contexts: dict[int, timeline.Context] = {}
        self.timelines: timeline.Reader | None = None
        self.moves: list[Move] = []

    # ------------------------------------------------------------------ run

    def run(self) -> tuple[Postmortem, list[Move]]:
        self.read_front_matter()
        self.read_title()
        for section in self.o.sections():
            if self.is_header_section(section):
                self.read_header_section(section)
        self.timelines = timeline.Reader(self.o, self.doc_date())
        self.read_preamble()
        for child in self.o.root.children:
            if child is self.o.title:
                for grandchild in child.children:
                    self.visit(grandchild, (), None)
            else:
                self.visit(child, (), None)
        for target, name in FIELD_WORDS.items():
            if target not in self.header:
                self.moves.append(Move(f"(no {name})", None, name, "not in the file: left empty"))
        doc = self.build()
        if self.o.removed:
            what = _count(self.o.removed, "control character")
            self.moves.append(
                Move("(the whole file)", None, "left out", f"{what}: Markdown cannot carry them")
            )
        if self.o.notes:
            self.moves.append(Move("<!-- pmtui: ... -->", None, "pmtui notes", "kept as notes"))
        moves = sorted(self.moves, key=lambda m: (m.line is None, m.line or 0))
        return doc, moves

    def build(self) -> Postmortem:
        extras = [section for _, section in sorted(self.extra, key=lambda item: item[0])]
        body, kept_notes = sec.take_notes(close_open_blocks(self.o.verbatim(sorted(self.preamble))))
        self.o.notes += kept_notes
        if body:
            heading = "Details" if self.preamble_needs_heading else ""
            extras.insert(0, ExtraSection(heading=heading, body=body))
        fields: dict[str, Any] = {
            name: self.header[t].value for t, name in FIELD_WORDS.items() if t in self.header
        }
        if self.o.notes:  # pmtui's own notes, read by pmtui's reader (the rule's one place)
            read = from_markdown("# Post-Mortem:\n\n" + "\n".join(self.o.notes))
            fields.update(allowed=read.allowed, wizard_step=read.wizard_step)
        return Postmortem(
            title=self.title,
            summary="\n\n".join(self.summary + self.summary_end),
            impact="\n\n".join(self.impact) if self.impact else None,
            timeline=self.timeline,
            five_whys=self.whys,
            gaps=self.gaps,
            action_items=self.actions,
            learnings=self.learnings,
            extra_sections=extras,
            **fields,
        )

    def doc_date(self) -> dt.date | None:
        date = self.header.get(Target.DATE)
        return date.value if date is not None and isinstance(date.value, dt.date) else None

    # ------------------------------------------------------------------ reporting, keeping

    def move(self, section: sec.Section | None, target: str, detail: str = "") -> None:
        if section is None or section.level == 0:
            line = self.o.preamble()[0].first + 1 if self.o.preamble() else None
            self.moves.append(Move("text before the first section", line, target, detail))
        else:
            self.moves.append(Move(section.where, section.line + 1, target, detail))

    def add_extra(self, heading: str, body: str, line: int) -> str:
        if normalize(heading) in _PMTUI_SECTIONS:
            heading = f"{heading} (as written)"
        body, notes = sec.take_notes(close_open_blocks(body))
        self.o.notes += notes
        self.extra.append((line, ExtraSection(heading=heading, body=body)))
        return heading

    def keep_section(self, section: sec.Section, why: str) -> None:
        """The whole section as an extra section (a label's name left out)."""
        if section.label:
            body = self.o.label_body(section)
        else:
            body = self.o.verbatim([(section.start, section.end)])
        name = self.add_extra(section.heading, body, section.line)
        self.move(section, f"extra section {name!r}", why)

    def keep_leftovers(self, section: sec.Section, chunks: list[list[str]], suffix: str) -> str:
        """What a mapped section holds besides its field: an extra section right after."""
        lines: list[str] = []
        for chunk in chunks:
            if lines:
                lines.append("")
            lines.extend(chunk)
        return self.add_extra(f"{section.heading} ({suffix})", sec.tidy(lines), section.line)

    def split(
        self, blocks: list[sec.Block], kinds: tuple[str, ...]
    ) -> tuple[list[sec.Block], list[list[str]]]:
        """The blocks of ``kinds``, and the source lines of the others."""
        wanted = [b for b in blocks if b.kind in kinds]
        return wanted, [self.o.lines_of(b) for b in blocks if b.kind not in kinds]

    def report(
        self, section: sec.Section, target: str, found: list[str], rest: list[list[str]]
    ) -> None:
        """One move line: what was found, what was kept as written."""
        details = list(found)
        if rest:
            kept = self.keep_leftovers(section, rest, "notes")
            details.append(f"other text kept as extra section {kept!r}")
        if not details:
            details.append("heading only; sub-sections below" if section.children else "empty")
        self.move(section, target, "; ".join(details))

    # ------------------------------------------------------------------ front matter

    def read_front_matter(self) -> None:
        """YAML front matter: its title (when there is no '# ' heading) and header keys;
        kept whole, fenced as YAML, as an extra section."""
        if not self.o.front_matter:
            return
        where = sec.Section("front matter", "", 1, 0, label=True)
        for key, value, line in self.o.front_pairs:
            here = sec.Section(key, key, 2, line, label=True)
            if normalize(key) == "title" and self.o.title is None:
                self.title = value
                self.move(here, "title", "from the front matter")
                continue
            target, rank = META_KEYS.get(normalize(key), (None, 0))
            if target is None:
                continue
            parsed, why = self.header_value(target, value)
            if parsed is None:
                self.move(here, "kept as written", f"{FIELD_WORDS[target]}: {why}")
            else:
                self.offer(target, parsed, rank, here, "from the front matter")
        lines = self.o.front_matter
        fence = "~~~" if any("```" in line for line in lines) else "```"
        body = "\n".join([f"{fence}yaml", *lines, fence])
        name = self.add_extra("Front matter", body, 0)
        self.move(where, f"extra section {name!r}", "kept whole, as YAML")

    # ------------------------------------------------------------------ title

    def read_title(self) -> None:
        title = self.o.title
        if title is None:
            if not self.title:
                self.moves.append(Move("(no '# ' heading)", None, "title", "left empty"))
            return
        text = title.heading.strip()
        found = values.find_date(text)
        if found is not None and not text[found.end :].strip(" )]"):
            head = text[: found.start].rstrip(" :-\u2013\u2014,([")
            head = re.sub(r"\s+(?:on|of|at|from)$", "", head, flags=re.IGNORECASE)
            if head:  # "Elastic Cloud Incident Report: February 4, 2019"
                self.offer(Target.DATE, found.date, 3, title, "the date in the title")
                text = head
        cleaned = _clean_title(text)
        placeholders = {normalize(p) for p in self.layout.placeholder_titles}
        if normalize(cleaned) in placeholders or normalize(text) in placeholders:
            self.move(title, "title", "a template placeholder: title left empty")
            return
        self.title = cleaned
        detail = ""
        if cleaned != title.heading.strip():
            detail = f"heading was {title.heading.strip()!r}"
            if _dropped_words(text, cleaned):
                name = self.add_extra("Original title", title.heading.strip(), title.line)
                detail += f"; kept whole as extra section {name!r}"
        self.move(title, "title", detail)

    # ------------------------------------------------------------------ header fields

    def offer(
        self, target: Target, value: Any, rank: int, section: sec.Section, how: str = ""
    ) -> bool:
        """Propose a header value; the best rank (then the first) wins."""
        current = self.header.get(target)
        name = FIELD_WORDS[target]
        if current is not None and current.rank <= rank:
            self.move(
                section, "kept as written", f"{name} already read from line {current.line + 1}"
            )
            return False
        if current is not None:
            how = f"{how}; " if how else ""
            self.move(section, name, f"{how}rather than line {current.line + 1}")
        else:
            self.move(section, name, how)
        self.header[target] = _Header(rank, value, max(section.line, 0))
        return True

    def header_value(self, target: Target, text: str) -> tuple[Any, str]:
        """The field value ``text`` gives, or ``None`` and why not."""
        text = text.strip()
        if not text:
            return None, "empty"
        if target is Target.DATE:
            found = values.find_date(text)
            if found is None:
                return None, f"{text!r} is not a date pmtui can read"
            return found.date, ""
        if target is Target.SEVERITY:
            return values.parse_severity(text)
        return text, ""

    def field_of(self, section: sec.Section) -> Target | None:
        """The header field (or key/value table) a section fills, if any."""
        if section.label and section.single_line:
            meta = META_KEYS.get(section.key)
            return meta[0] if meta else None
        found = self.find_rule(section, ())
        if found is not None:
            wanted = found.target in FIELD_WORDS or found.target is Target.META
            return found.target if wanted else None
        meta = META_KEYS.get(section.key)
        return meta[0] if meta is not None and not section.label else None

    def is_header_section(self, section: sec.Section) -> bool:
        return (section.label and section.single_line) or self.field_of(section) is not None

    def read_header_section(self, section: sec.Section) -> None:
        self.handled.add(id(section))
        target = self.field_of(section)
        if target is Target.META:
            self.to_meta(section)
            return
        line_label = section.label and section.single_line
        text = " ".join(self.o.paragraphs(section.blocks))
        taken = False
        why = "no pmtui field"  # a known label pmtui has no field for ("Status:")
        if target is not None:
            value, why = self.header_value(target, text)
            if value is not None:
                rank = META_KEYS.get(section.key, (target, 0))[1]
                taken = self.offer(target, value, rank, section)
        only_text = line_label or all(b.kind == "paragraph" for b in section.blocks)
        whole = target is not Target.DATE or values.parse_date(text) is not None
        if taken and only_text and whole:
            return
        if line_label and section.parent in (self.o.title, self.o.root):
            self.preamble.append((section.line, section.start))
            self.preamble_needs_heading |= section.key in ("date", "duration", "severity", "author")
            self.move(section, "kept under the header", "" if taken else why)
            return
        self.keep_section(section, "" if taken else why)

    def to_meta(self, section: sec.Section) -> None:
        """A key/value table or ``Key: value`` lines: header fields. The section is kept
        whole, as written, when it holds anything else."""
        taken: list[str] = []
        more = self.meta_leftover(section)
        for key, value, line in self.meta_pairs(section):
            target, rank = META_KEYS.get(normalize(key), (None, 0))
            if not value:
                continue
            if target is None:
                more = True
                continue
            here = sec.Section(key, key, section.level + 1, line, label=True)
            parsed, why = self.header_value(target, value)
            if parsed is None:
                self.move(here, "kept as written", f"{FIELD_WORDS[target]}: {why}")
                more = True
            elif self.offer(target, parsed, rank, here, f"from {section.where!r}"):
                taken.append(FIELD_WORDS[target])
                more |= target is Target.DATE and values.parse_date(value) is None
            else:
                more = True
        if more:
            body = self.o.verbatim([(section.start, section.end)])
            name = self.add_extra(section.heading, body, section.line)
            what = ", ".join(taken) if taken else "no pmtui header field"
            self.move(section, f"extra section {name!r}", f"kept whole: it holds more than {what}")
        elif not taken:
            self.move(section, "header fields", "empty")

    def meta_pairs(self, section: sec.Section) -> list[tuple[str, str, int]]:
        pairs: list[tuple[str, str, int]] = []
        for block in section.blocks:
            if block.kind == "table":
                header, rows = self.o.table(block)
                for line, cells in [(block.first, header), *rows]:
                    pairs.extend(
                        (cells[k], cells[k + 1], line) for k in range(0, len(cells) - 1, 2)
                    )
            elif block.kind == "paragraph":
                for offset, raw in enumerate(block.inline.split("\n")):
                    pair = sec.split_label(raw)
                    if pair is not None:
                        key, value = (self.o.text(part).strip() for part in pair)
                        pairs.append((key, value, block.first + offset))
        return pairs

    def meta_leftover(self, section: sec.Section) -> bool:
        """Whether a key/value section holds text that is not ``key: value`` pairs."""
        for block in section.blocks:
            if block.kind == "table":
                header, rows = self.o.table(block)
                if any(len(c) % 2 and c[-1] for c in [header, *(cells for _, cells in rows)]):
                    return True
            elif block.kind == "paragraph":
                lines = block.inline.split("\n")
                if any(raw.strip() and sec.split_label(raw) is None for raw in lines):
                    return True
            else:
                return True
        return False

    # ------------------------------------------------------------------ preamble

    def read_preamble(self) -> None:
        """Free text above and right under the title: the layout's preamble target
        (Elastic's brief description: the summary), else kept under the header."""
        blocks = self.o.preamble()
        if not blocks:
            return
        if self.layout.preamble is Target.SUMMARY:
            texts = self.o.paragraphs(blocks)
            self.summary.extend(texts)
            kept = [b for b in blocks if b.kind != "paragraph"]
            self.preamble.extend((b.first, b.last) for b in kept)
            detail = _count(len(texts), "paragraph")
            self.move(
                None, "summary", detail + ("; the rest kept under the header" if kept else "")
            )
            return
        self.preamble.extend((b.first, b.last) for b in blocks)
        self.move(None, "kept under the header", "as written")

    # ------------------------------------------------------------------ sections

    def find_rule(self, section: sec.Section, first: tuple[Rule, ...]) -> Rule | None:
        for candidate in (*first, *self.rules):
            if candidate.matches(section.heading):
                return candidate
        return None

    def visit(
        self,
        section: sec.Section,
        child_rules: tuple[Rule, ...],
        parent: tuple[Target, str | None] | None,
    ) -> None:
        """Move ``section`` (and its sub-sections) where its rule says. ``parent``: the
        parent section's target and the prefix its content got."""
        if id(section) in self.handled:
            for child in section.children:
                self.visit(child, (), None)
            return
        found = self.find_rule(section, child_rules)
        prefix: str | None = None
        rules_below: tuple[Rule, ...] = ()
        if found is not None:
            target, rules_below = found.target, found.children
            if target is Target.LEARNINGS and parent is not None and parent[0] is not Target.EXTRA:
                prefix = _prefix(section.heading)  # "What went well: ..."
        elif parent is not None and parent[0] in INHERITED:
            target = parent[0]
            prefix = _join_prefix(parent[1], section.heading)
        else:
            target = Target.EXTRA
        if target is Target.EXTRA:
            self.extra_section(section, rules_below)
            return
        if target in FIELD_WORDS or target is Target.META:  # reached through a child rule
            self.read_header_section(section)
            return
        getattr(self, f"to_{target.name.lower()}")(section, prefix)
        for child in section.children:
            self.visit(child, rules_below, (target, prefix))

    def extra_section(self, section: sec.Section, rules_below: tuple[Rule, ...]) -> None:
        """Keep ``section`` verbatim, with its sub-sections that have no rule of their own
        (deep enough, ``###`` or more, to stay inside it); the others go where their
        rules say."""
        ranges = [(section.start, section.end)]
        mapped: list[sec.Section] = []

        def absorb(node: sec.Section, below: tuple[Rule, ...]) -> None:
            for child in node.children:
                rule_ = self.find_rule(child, below)
                deep = child.level >= 3 and not child.label
                free = rule_ is None or rule_.target is Target.EXTRA
                if deep and free and not self.is_header_section(child):
                    ranges.append((child.line, child.end))
                    absorb(child, rule_.children if rule_ else ())
                else:
                    mapped.append(child)

        absorb(section, rules_below)
        # a label has no sub-sections: its text after the colon, on
        body = self.o.label_body(section) if section.label else self.o.verbatim(ranges)
        if body:
            name = self.add_extra(section.heading, body, section.line)
            self.move(section, f"extra section {name!r}")
        elif mapped:
            self.move(section, "(heading only)", "its sub-sections go where they belong")
        else:
            self.move(section, "nothing to import", "empty")
        for child in mapped:
            self.visit(child, rules_below, (Target.EXTRA, None))

    # ------------------------------------------------------------------ text fields

    def text_field(
        self, section: sec.Section, prefix: str | None, into: list[str], name: str
    ) -> None:
        """Paragraphs into a text field; for the impact, two-column tables too (PagerDuty's
        "Time in SEV-1 | 12 mins"), as "key: value" lines."""
        kinds = ("paragraph", "table") if into is self.impact else ("paragraph",)
        wanted, rest = self.split(section.blocks, kinds)
        texts: list[str] = []
        for block in wanted:
            if block.kind == "paragraph":
                texts.extend(self.o.paragraphs([block]))
                continue
            header, rows = self.o.table(block)
            if len(header) != 2 or any(len(cells) != 2 for _, cells in rows):
                rest.append(self.o.lines_of(block))
                continue
            pairs = [cells for _, cells in rows if any(cells)]
            texts.append("\n".join(f"{k}: {v}" if k else v for k, v in pairs))
        if prefix and texts:
            texts[0] = f"{prefix}: {texts[0]}"
        into.extend(texts)
        found = [_count(len(texts), "paragraph")] if texts else []
        if rest:
            kept = self.keep_leftovers(section, rest, "details")
            found.append(f"lists and tables kept as extra section {kept!r}")
        self.report(section, name, found, [])

    def to_summary(self, section: sec.Section, prefix: str | None) -> None:
        self.text_field(section, prefix, self.summary, "summary")

    def to_impact(self, section: sec.Section, prefix: str | None) -> None:
        self.text_field(section, prefix, self.impact, "impact")

    def to_summary_end(self, section: sec.Section, prefix: str | None) -> None:
        heading = prefix or _prefix(section.heading)
        self.text_field(section, heading, self.summary_end, "end of summary")

    # ------------------------------------------------------------------ lists

    def list_texts(self, section: sec.Section) -> tuple[list[str], list[list[str]]]:
        """Texts of a section's list items and paragraphs; the other blocks' lines."""
        wanted, rest = self.split(section.blocks, ("paragraph", *_LISTS))
        texts: list[str] = []
        for block in wanted:
            if block.kind == "paragraph":
                texts.extend(self.o.paragraphs([block]))
            else:
                texts.extend(text for text, _ in self.o.items([block]) if text)
        return texts, rest

    def to_learnings(self, section: sec.Section, prefix: str | None) -> None:
        texts, rest = self.list_texts(section)
        self.learnings.extend(f"{prefix}: {t}" if prefix else t for t in texts)
        self.report(section, "key learnings", [_count(len(texts), "learning")] * bool(texts), rest)

    def to_gaps(self, section: sec.Section, prefix: str | None) -> None:
        texts, rest = self.list_texts(section)
        self.gaps.extend(_gap(text, prefix) for text in texts)
        self.report(section, "process gaps", [_count(len(texts), "gap")] * bool(texts), rest)

    def to_whys(self, section: sec.Section, prefix: str | None) -> None:
        self.whys_or_causes(section, prefix, whys=True)

    def to_root_causes(self, section: sec.Section, prefix: str | None) -> None:
        self.whys_or_causes(section, prefix, whys=False)

    def whys_or_causes(self, section: sec.Section, prefix: str | None, *, whys: bool) -> None:
        """A list of up to 5 causes (or whys) -> the Five Whys; root causes in prose ->
        the summary's end; anything else is kept as an extra section."""
        blocks = section.blocks
        lists = [b for b in blocks if b.kind in _LISTS]
        answers: list[str] = []
        rest: list[list[str]] = []
        if lists:
            for text, lines in self.o.items(lists):
                if _PROBLEM_RE.match(text):  # Atlassian's "Problem: ..." opens the chain
                    rest.append(lines)
                elif answer := _without_why(text):
                    answers.append(answer)
            rest.extend(self.o.lines_of(b) for b in blocks if b.kind not in _LISTS)
        elif whys:  # "Why 1: ..." lines in a paragraph
            lines = [
                self.o.text(raw).strip()
                for block in blocks
                if block.kind == "paragraph"
                for raw in block.inline.split("\n")
            ]
            if lines and all(_without_why(line) != line for line in lines):
                answers = [_without_why(line) for line in lines]
                rest = [self.o.lines_of(b) for b in blocks if b.kind != "paragraph"]
        if answers and len(answers) <= 5 and not self.whys:
            self.whys = answers
            self.whys_line = section.line
            self.report(
                section, "five whys", [_count(len(answers), "why" if whys else "cause")], rest
            )
            return
        if not whys and not lists and blocks and all(b.kind == "paragraph" for b in blocks):
            self.to_summary_end(section, prefix)
            return
        if len(answers) > 5:
            why = f"{len(answers)} answers, more than the Five Whys hold"
        elif answers:
            why = f"the Five Whys were already filled from line {self.whys_line + 1}"
        else:
            why = "empty" if not blocks else "not a list pmtui can read as whys"
        self.keep_section(section, why)

    # ------------------------------------------------------------------ action items

    def to_actions(self, section: sec.Section, prefix: str | None) -> None:
        wanted, rest = self.split(section.blocks, ("table", *_LISTS))
        notes: set[str] = set()
        count = 0
        for block in wanted:
            if block.kind == "table":
                header, rows = self.o.table(block)
                found: list[tuple[ActionItem | None, list[str]]] = list(
                    actions.from_table(header, [cells for _, cells in rows], prefix)
                )
            else:
                found = [actions.from_text(text, prefix) for text, _ in self.o.items([block])]
            for item, item_notes in found:
                notes.update(item_notes)
                if item is not None:
                    self.actions.append(item)
                    count += 1
        details = [_count(count, "action item")] if count else []
        self.report(section, "action items", details + sorted(notes), rest)

    # ------------------------------------------------------------------ timeline

    def to_timeline(self, section: sec.Section, prefix: str | None) -> None:
        """Rows into the timeline. A date (or zone) in the heading, or in a parent
        timeline section, applies to the rows below; a date heading is no prefix."""
        assert self.timelines is not None
        parent = self.contexts.get(id(section.parent)) if section.parent else None
        context = parent.copy() if parent is not None else timeline.Context()
        dated_heading = self.timelines.note(section.heading, context) == "date"
        if (zone := values.find_zone(section.heading)) is not None:
            context.zone = zone
        result = self.timelines.read(section.blocks, context, None if dated_heading else prefix)
        self.contexts[id(section)] = context
        self.timeline.extend(result.entries)
        details = result.details()
        if result.kept:
            name = self.keep_leftovers(section, result.kept, "not read")
            reasons = "; ".join(sorted(set(result.unread))) or "not timeline rows"
            details.append(f"kept as extra section {name!r}: {reasons}")
        self.report(section, "timeline", details, [])


# =========================================================================== helpers

_TITLE_PREFIX_RE = re.compile(
    r"^\s*(?:(?:post[- ]?mortem|incident(?:\s+(?:report|review|post[- ]?mortem))?|"
    r"rca|root cause analysis|outage(?:\s+report)?)\s*(?:#\s*\d+|\d+)?\s*[:\-\u2013\u2014|]\s*|"
    r"#\s*\d+\s*[:\-\u2013\u2014|]\s*)",
    re.IGNORECASE,
)
_TITLE_SUFFIX_RE = re.compile(
    r"\s*[:\-\u2013\u2014|]?\s*\b(?:post[- ]?mortem|incident report|outage report)\s*$",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    {"post", "mortem", "postmortem", "incident", "report", "review", "rca", "outage"}
)


def _clean_title(text: str) -> str:
    """``"Postmortem: X"``, ``"Incident #123: X"``, ``"X Postmortem"`` -> ``"X"``; a
    trailing ``"(incident #465)"`` stays."""
    cleaned = text.strip()
    for _ in range(3):
        new = _TITLE_PREFIX_RE.sub("", cleaned, count=1).strip()
        if new == cleaned or not new:
            break
        cleaned = new
    match = re.fullmatch(r"(.*?)\s*(\([^()]*\))?\s*", cleaned)
    if match:
        head, tail = match.group(1), match.group(2)
        head = _TITLE_SUFFIX_RE.sub("", head).strip() or head
        cleaned = f"{head} {tail}" if tail else head
    return cleaned.strip()


def _dropped_words(original: str, cleaned: str) -> bool:
    """Whether cleaning the title took away more than "postmortem"-like words."""
    dropped = set(re.findall(r"\w+", original.lower())) - set(re.findall(r"\w+", cleaned.lower()))
    return bool(dropped - _TITLE_WORDS)


def _without_why(text: str) -> str:
    """A why's answer without its "Why 1:" (the text itself when it has none)."""
    match = _WHY_PREFIX_RE.match(text)
    if match is None or not re.search(r"[?:.)\-\u2013]", match.group(0)):
        return text.strip()
    return text[match.end() :].strip()


def _prefix(heading: str) -> str:
    return heading.strip().rstrip(":?.").strip()


def _join_prefix(parent: str | None, heading: str) -> str:
    return f"{parent}, {_prefix(heading)}" if parent else _prefix(heading)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _gap(text: str, prefix: str | None) -> ProcessGap:
    """A gap: ``[x]`` -> done; a leading "Detection:" (one of the spec's five types) ->
    typed; otherwise untyped."""
    done = False
    box = _CHECKBOX_RE.match(text)
    if box:
        done = box.group(1) != " "
        text = text[box.end() :]
    gap_type = None
    typed = _GAP_TYPE_RE.match(text)
    if typed:
        gap_type = GapType(typed.group(1).capitalize())
        text = text[typed.end() :]
    if prefix:
        text = f"{prefix}: {text}"
    return ProcessGap(text=text.strip(), type=gap_type, done=done)
