"""A Markdown file as a tree of sections, whatever layout it follows.

Headings of any level make sections; so do run-in labels that other layouts use in
place of headings (the Google SRE example's ``**Root Causes:** text``; ``Date: ...``
lines under the title). Each section knows its own blocks and source lines, so that
anything not mapped can be kept verbatim. Parsing is markdown-it-py with pmtui's own
configuration (``pmtui.document.markdown.text``). No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from pmtui.document.markdown import text as mdtext
from pmtui.document.markdown.blocks import list_items as block_list_items
from pmtui.document.markdown.blocks import table_cells
from pmtui.importers.rules import META_KEYS, normalize

_BOLD_LABEL_RE = re.compile(
    r"^(?P<lead>\s*(?:\*\*|__)(?P<label>[^*_\n]{1,60}?)\s*"
    r"(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|(?:\*\*|__)(?=\s*$)))\s*(?P<rest>.*)$"
)
_PLAIN_LABEL_RE = re.compile(
    r"^(?P<lead>\s*(?P<label>[A-Za-z][\w ()/&'\u2019#.-]{0,40}?)\s*:)(?:\s+(?P<rest>.*)|$)"
)


@dataclass
class Block:
    """One top-level block: source lines ``[first, last)``; ``source`` is the inline
    Markdown of a paragraph (for a paragraph cut out of a labelled one, only its part)."""

    kind: str
    tokens: list[Token]
    first: int
    last: int
    source: str | None = None

    @property
    def inline(self) -> str:
        if self.source is not None:
            return self.source
        for tok in self.tokens:
            if tok.type == "inline":
                return tok.content
        return ""


@dataclass
class Section:
    """A heading (or run-in label) and what stands under it."""

    heading: str
    #: Inline Markdown of the heading as written.
    heading_source: str
    level: int
    #: 0-based line of the heading (or label).
    line: int
    label: bool = False
    #: A label that holds one value ("Date: 2024-03-05"), never the blocks after it.
    single_line: bool = False
    #: A label's text after the colon on its own line, as written.
    label_rest: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None
    #: Source lines of the section's own content (``start`` is right after the heading).
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str:
        return normalize(self.heading)

    @property
    def where(self) -> str:
        """How the "what went where" lines name it: ``## Root Causes`` or ``Root Causes:``."""
        if self.level == 0:
            return "text before the first section"
        if self.label:
            return f"{self.heading}:"
        return f"{'#' * self.level} {self.heading}"

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def subtree_end(self) -> int:
        return self.children[-1].subtree_end if self.children else self.end


#: pmtui's own notes in a file (``<!-- pmtui: allow RULE -->``): read as pmtui reads them.
PMTUI_NOTE_RE = re.compile(r"^<!--\s*pmtui:.*-->$", re.DOTALL)


@dataclass
class Outline:
    lines: list[str]
    #: The virtual root: level 0; its blocks are the text above and under the title.
    root: Section
    title: Section | None
    env: dict[str, Any]
    #: pmtui notes found in the file, and the lines they stood on (left out of every
    #: section: pmtui would read them back as notes, not as text).
    notes: list[str] = field(default_factory=list)
    note_lines: set[int] = field(default_factory=set)
    #: How many control characters were left out (Markdown cannot carry them).
    removed: int = 0
    #: YAML front matter ("---" lines around "key: value" lines at the top): its source
    #: lines, and its simple ``key: value`` pairs as (key, value, 0-based line).
    front_matter: list[str] = field(default_factory=list)
    front_pairs: list[tuple[str, str, int]] = field(default_factory=list)

    def text(self, source: str) -> str:
        """Plain text of inline Markdown (escapes decoded, links kept as written)."""
        return mdtext.parse_inline(source, self.env)

    def sections(self) -> Iterator[Section]:
        """Every section but the root and the title, in document order."""
        for section in self.root.walk():
            if section is not self.root and section is not self.title:
                yield section

    def preamble(self) -> list[Block]:
        blocks = list(self.root.blocks)
        if self.title is not None:
            blocks += self.title.blocks
        return blocks

    # ------------------------------------------------------------------ reading blocks

    def lines_of(self, block: Block) -> list[str]:
        """A block's source lines (a piece of a labelled paragraph: its own part, safe to
        stand at the start of a line)."""
        if block.source is not None:
            first, *rest = block.source.split("\n")
            return [line_start_safe(first), *rest]
        return self.lines[block.first : block.last]

    def label_body(self, section: Section) -> str:
        """A label section's text as written, without the label ("**Trigger:** text")."""
        rest = self.lines[section.line + 1 : section.end]
        return tidy([line_start_safe(section.label_rest), *rest])

    def verbatim(self, ranges: Iterable[tuple[int, int]]) -> str:
        """Source lines of ``ranges`` in order, a blank line where they stood apart."""
        out: list[str] = []
        previous: int | None = None
        for first, last in ranges:
            if previous is not None and first > previous and out and out[-1].strip():
                out.append("")
            out.extend(self.lines[i] for i in range(first, last) if i not in self.note_lines)
            previous = last
        return tidy(out)

    def paragraphs(self, blocks: Iterable[Block]) -> list[str]:
        """The text of each (non-empty) paragraph among ``blocks``."""
        texts = (self.text(b.inline).strip() for b in blocks if b.kind == "paragraph")
        return [t for t in texts if t]

    def items(self, blocks: Iterable[Block]) -> Iterator[tuple[str, list[str]]]:
        """(text, source lines) of every item of the lists among ``blocks``."""
        for block in blocks:
            spans = list(list_items(block))
            for i, (line, tokens) in enumerate(spans):
                end = spans[i + 1][0] if i + 1 < len(spans) else block.last
                yield self.item_text(tokens), self.lines[line:end]

    def item_text(self, tokens: list[Token]) -> str:
        """A list item's first paragraph as text, then its other blocks (as the reader
        of pmtui's own files does)."""
        parts: list[str] = []
        k = 0
        while k < len(tokens):
            start = k
            depth = 0
            while True:
                depth += tokens[k].nesting
                if depth <= 0:
                    break
                k += 1
            opener = tokens[start]
            if opener.type == "paragraph_open":
                parts.append(self.text(tokens[start + 1].content).strip())
            elif opener.map is not None:
                first, last = opener.map
                parts.append("\n".join(line.strip() for line in self.lines[first:last]).strip())
            k += 1
        return "\n\n".join(p for p in parts if p)

    def table(self, block: Block) -> tuple[list[str], list[tuple[int, list[str]]]]:
        """A table's header texts and (line, cell texts) of each body row."""
        header, rows = table_rows(block)
        return (
            [self.text(c).strip() for c in header],
            [(line, [self.text(c).strip() for c in cells]) for line, cells in rows],
        )


def line_start_safe(text: str) -> str:
    """Paragraph text that now starts a line, escaped if it would read as something else
    there ("# x", "- x", "1. x", "[ref]: url"): its first character becomes a literal."""
    if not text.strip() or _reads_as_paragraph(text):
        return text
    stripped = text.lstrip()
    number = re.match(r"^(\d{1,9})([.)])", stripped)
    escaped = (
        f"{number.group(1)}\\{number.group(2)}{stripped[number.end() :]}"
        if number
        else f"\\{stripped}"
        if stripped[0] in _ASCII_PUNCTUATION
        else stripped
    )
    return escaped if _reads_as_paragraph(escaped) else text


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _reads_as_paragraph(line: str) -> bool:
    tokens = mdtext.MD_BLOCKS.parse(line)
    return (
        len(tokens) == 3
        and tokens[0].type == "paragraph_open"
        and tokens[1].content == line.strip()
    )


def tidy(lines: list[str]) -> str:
    """``lines`` joined, without the blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def _top_blocks(tokens: list[Token], line_count: int) -> list[Block]:
    blocks: list[Block] = []
    start = 0
    depth = 0
    for i, tok in enumerate(tokens):
        depth += tok.nesting
        if depth == 0:
            group = tokens[start : i + 1]
            first, last = group[0].map or (0, 0)
            kind = group[0].type.removesuffix("_open")
            blocks.append(Block(kind, group, first, min(last, line_count)))
            start = i + 1
    return blocks


def parse(text: str, known_labels: frozenset[str]) -> Outline:
    """The file's sections. ``known_labels`` (normalized) are the run-in labels read as
    section starts; any other ``Label:`` line is text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    cleaned = mdtext.clean(text)  # control characters a Markdown file cannot carry
    removed = len(text) - len(cleaned)
    text = cleaned
    lines = text.split("\n")
    front, pairs = _front_matter(lines)
    if front:  # not Markdown: parsed as blank lines, so every line number stays
        text = "\n".join([""] * (len(front) + 2) + lines[len(front) + 2 :])
    env: dict[str, Any] = {}
    blocks = _top_blocks(mdtext.MD_BLOCKS.parse(text, env), len(lines))
    root = Section(heading="", heading_source="", level=0, line=-1, start=0)
    outline = Outline(
        lines=lines,
        root=root,
        title=None,
        env=env,
        removed=removed,
        front_matter=front,
        front_pairs=pairs,
    )
    stack: list[Section] = [root]
    for block in blocks:
        if block.kind == "html_block" and _pmtui_notes(block, lines):
            outline.notes += [
                line.strip() for line in lines[block.first : block.last] if line.strip()
            ]
            outline.note_lines.update(range(block.first, block.last))
            continue
        if block.kind == "heading":
            level = int(block.tokens[0].tag[1])
            while stack[-1].label or stack[-1].level >= level:
                stack.pop()
            source = block.inline
            section = Section(
                heading=outline.text(source).strip(),
                heading_source=source,
                level=level,
                line=block.first,
                parent=stack[-1],
                start=block.last,
            )
            stack[-1].children.append(section)
            stack.append(section)
            if level == 1 and outline.title is None:
                outline.title = section
            continue
        if block.kind == "paragraph":
            under_title = all(s.level <= 1 for s in stack if not s.label)
            for piece in _split_labels(block, lines, known_labels, under_title=under_title):
                if isinstance(piece, Block):
                    if stack[-1].single_line:
                        stack.pop()
                    stack[-1].blocks.append(piece)
                    continue
                while stack[-1].label:
                    stack.pop()
                parent = stack[-1]
                piece.level = parent.level + 1
                piece.parent = parent
                parent.children.append(piece)
                stack.append(piece)
            continue
        if stack[-1].single_line:
            stack.pop()
        stack[-1].blocks.append(block)
    _set_ends(root, len(lines))
    return outline


def _split_labels(
    block: Block, lines: list[str], known: frozenset[str], *, under_title: bool
) -> Iterator[Block | Section]:
    """The paragraph cut at each line that starts with a known label: the label becomes
    a section (its text after the colon its first block); other lines stay paragraphs.

    Under the title, plain ``Date: ...`` labels count and header labels hold one line;
    further down only bold section labels do (``**Root Causes:** ...``)."""
    pending: list[int] = []  # line numbers of the current unlabelled run
    current: Section | None = None
    value_lines: list[str] = []

    def flush_text() -> Iterator[Block]:
        if pending:
            source = "\n".join(lines[i].strip() for i in pending)
            yield Block("paragraph", block.tokens, pending[0], pending[-1] + 1, source)
            pending.clear()

    def flush_label() -> Iterator[Block | Section]:
        nonlocal current
        if current is None:
            return
        source = "\n".join(value_lines).strip()
        if source:
            current.blocks.append(
                Block("paragraph", block.tokens, current.line, current.start, source)
            )
        yield current
        current = None
        value_lines.clear()

    for index in range(block.first, block.last):
        raw = lines[index]
        match = _BOLD_LABEL_RE.match(raw) or (_PLAIN_LABEL_RE.match(raw) if under_title else None)
        key = normalize(match.group("label")) if match else ""
        if match and key in known and (under_title or key not in META_KEYS):
            yield from flush_label()
            yield from flush_text()
            label = match.group("label")
            current = Section(
                heading=mdtext.parse_inline(label).strip(),
                heading_source=label,
                level=0,
                line=index,
                label=True,
                single_line=key in META_KEYS,
                start=index + 1,
                label_rest=match.group("rest") or "",
            )
            value_lines.append(match.group("rest") or "")
            continue
        if current is not None and current.single_line:
            yield from flush_label()
        if current is not None:
            value_lines.append(raw.strip())
            current.start = index + 1
        else:
            pending.append(index)
    yield from flush_label()
    yield from flush_text()


_FRONT_KEY_RE = re.compile(r"^([A-Za-z][\w -]*):(?:\s+(.*?))?\s*$")


def _front_matter(lines: list[str]) -> tuple[list[str], list[tuple[str, str, int]]]:
    """YAML front matter at the top of the file: its lines between the "---" fences, and
    its one-line ``key: value`` pairs (quotes taken off; lists and nesting left alone)."""
    if not lines or lines[0].strip() != "---":
        return [], []
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return [], []
    body = lines[1:end]
    pairs: list[tuple[str, str, int]] = []
    for offset, line in enumerate(body, start=1):
        match = _FRONT_KEY_RE.match(line)
        if match and match.group(2):
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            pairs.append((match.group(1), value, offset))
    if not pairs:
        return [], []
    return body, pairs


def take_notes(body: str) -> tuple[str, list[str]]:
    """``body`` without the HTML blocks that are only pmtui notes, and those notes: kept
    verbatim in an extra section, pmtui would read them back as notes, not as text."""
    lines = body.split("\n")
    notes: list[str] = []
    drop: set[int] = set()
    for block in _top_blocks(mdtext.MD_BLOCKS.parse(body), len(lines)):
        if block.kind == "html_block" and _pmtui_notes(block, lines):
            notes += [line.strip() for line in lines[block.first : block.last] if line.strip()]
            drop.update(range(block.first, block.last))
    if not drop:
        return body, []
    return tidy([line for i, line in enumerate(lines) if i not in drop]), notes


def _pmtui_notes(block: Block, lines: list[str]) -> bool:
    """Whether an HTML block is only pmtui notes (pmtui's reader takes it as notes)."""
    found = [line.strip() for line in lines[block.first : block.last] if line.strip()]
    return bool(found) and all(PMTUI_NOTE_RE.match(line) for line in found)


def split_label(line: str) -> tuple[str, str] | None:
    """``(label, value)`` of a ``**Label:** value`` or ``Label: value`` line, as written."""
    match = _BOLD_LABEL_RE.match(line) or _PLAIN_LABEL_RE.match(line)
    if match is None:
        return None
    return match.group("label"), (match.group("rest") or "").strip()


def _set_ends(section: Section, end: int) -> None:
    """Each section's own content ends where its first child (or next sibling) starts."""
    for i, child in enumerate(section.children):
        following = section.children[i + 1].line if i + 1 < len(section.children) else end
        _set_ends(child, following)
    if section.children:
        section.end = section.children[0].line
    else:
        section.end = end
    if section.label:
        # a label's own lines: its value lines, then the blocks it took
        last_block = max((b.last for b in section.blocks), default=section.start)
        section.end = max(section.start, min(section.end, max(last_block, section.start)))


def table_rows(block: Block) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header cell sources and (line, cell sources) of each body row of a table block."""
    header, rows = table_cells(block)
    return [c.content for c in header], [(line, [c.content for c in row]) for line, row in rows]


def list_items(block: Block) -> Iterator[tuple[int, list[Token]]]:
    """(0-based line, tokens inside) of each item of a top-level list block."""
    for line, _end, inside in block_list_items(block):
        yield line, inside
