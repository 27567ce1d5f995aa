"""Read a post-mortem back from Markdown, tolerating what people and editors do to it
(CRLF, padded or unpadded tables, wrapped paragraphs, the bare spec template with its
placeholders); sections pmtui does not know are kept verbatim, in order.

The reader walks the top-level blocks: the header (title, ``**Date:**``-style fields,
pmtui's comments, free text), then one section per ``##`` heading, each read by the
function :data:`pmtui.document.markdown.sections.READERS` names for it. It records where
every field came from (:class:`~.sourcemap.SourceMap`).
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from typing import Any

from markdown_it.token import Token
from pydantic import ValidationError

from pmtui import times
from pmtui.document import comments
from pmtui.document.errors import DocumentError
from pmtui.document.markdown import sections
from pmtui.document.markdown.blocks import Block, Section, close_open_blocks, split_blocks
from pmtui.document.markdown.blocks import strip_blank_lines as _strip
from pmtui.document.markdown.sourcemap import Layout, Lines, SectionLayout, SourceMap
from pmtui.document.markdown.syntax import FIELD_KEYS, FIELD_RE, TITLE_RE, is_placeholder
from pmtui.document.markdown.text import MD_BLOCKS, parse_inline
from pmtui.document.model import (
    STEPS,
    Allowance,
    ExtraSection,
    Postmortem,
    Severity,
    describe_validation_error,
)


def read_markdown(text: str, source: str = "<text>") -> tuple[Postmortem, SourceMap]:
    """Parse a post-mortem written by pmtui or by hand after the spec's template, and say
    where each field came from.

    Raises ``DocumentError`` (``SOURCE:LINE: what is wrong``) for text that is not a
    post-mortem or holds a value that cannot be right (a date that does not exist).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("the file is empty", source)
    lines = text.split("\n")
    reader = Reader(lines, source)
    # Inline parsing is done lazily, per value, with a fast path for plain text. The
    # parse makes tens of thousands of short-lived tokens and no cycles: pausing the
    # cyclic garbage collector meanwhile saves about a third of the time.
    with _gc_paused():
        doc = reader.read(MD_BLOCKS.parse(text, reader.env))
    return doc, reader.sources


def from_markdown(text: str, source: str = "<text>") -> Postmortem:
    """:func:`read_markdown` without the source map."""
    return read_markdown(text, source)[0]


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Reader:
    """One read of one file. Line numbers inside are 0-based (as markdown-it's maps);
    errors report them 1-based."""

    def __init__(self, lines: list[str], source: str):
        self.lines = lines
        self.source = source
        #: Field values read so far, by model field name.
        self.data: dict[str, Any] = {}
        self.extra: list[ExtraSection] = []
        #: Free text around the header: (first line, end line, the lines kept) per block.
        self.preamble: list[tuple[int, int, list[str]]] = []
        self.allowed: list[Allowance] = []
        self.step: str | None = None
        self.seen: set[str] = set()
        #: The parser's environment (link reference definitions) for inline parsing.
        self.env: dict[str, Any] = {}
        #: Line indices some top-level block covers (others are blank or link definitions).
        self.owned: set[int] = set()
        self.layout = Layout()
        self.sources = SourceMap(lines, layout=self.layout)
        #: The known section being read (its readers record their rows and items in it).
        self.section: SectionLayout = SectionLayout((0, 0), 0)

    # ------------------------------------------------------------------ helpers

    def text(self, source: str) -> str:
        """The plain text of one piece of inline Markdown source."""
        return parse_inline(source, self.env)

    def error(self, message: str, line: int | None) -> DocumentError:
        return DocumentError(message, self.source, None if line is None else line + 1)

    def verbatim(self, first: int, last: int) -> list[str]:
        return self.lines[first:last]

    def column_of(self, line: int, source: str) -> int:
        """0-based column where ``source`` (its first line) starts on ``line``."""
        head = source.split("\n", 1)[0].strip()
        raw = self.lines[line] if 0 <= line < len(self.lines) else ""
        found = raw.find(head) if head else -1
        return found if found >= 0 else len(raw) - len(raw.lstrip())

    def build(self, model: type[Any], line: int | None, what: str, **values: Any) -> Any:
        try:
            return model(**values)
        except ValidationError as exc:
            # "time: time '25:00' is not..." reads better as "time '25:00' is not..."
            words = describe_validation_error(exc)
            words = re.sub(r"(^|; )([a-z][\w ]*): \2\b", r"\1\2", words)
            raise self.error(f"{what}: {words}", line) from None

    def joined(self, parts: list[tuple[int, int, list[str]]], start: int, end: int) -> list[str]:
        """Source lines [start, end) made of the parts' lines and the lines no block owns
        (blank lines, link reference definitions); lines read as something else (pmtui
        comments, a parsed table) are left out, with a blank line to keep blocks apart."""
        lines: list[str] = []
        skipped = False

        def keep(new: list[str]) -> None:
            nonlocal skipped
            # blocks that stood apart must not run together where lines were left out
            if skipped and lines and lines[-1].strip(" \t") and new and new[0].strip(" \t"):
                lines.append("")
            lines.extend(new)
            skipped = False

        position = start
        for first, last, part in [*parts, (end, end, [])]:
            for index in range(position, max(position, first)):
                if index in self.owned:
                    skipped = True
                else:
                    keep([self.lines[index]])
            if part:
                keep(part)
            position = max(position, last)
        return lines

    def has_unowned_text(self, start: int, end: int) -> bool:
        return any(i not in self.owned and self.lines[i].strip(" \t") for i in range(start, end))

    def trimmed(self, first: int, last: int) -> Lines:
        """Lines [first, last) without the blank lines at their end."""
        last = min(last, len(self.lines))
        while last > first + 1 and not self.lines[last - 1].strip(" \t"):
            last -= 1
        return first, last

    # ------------------------------------------------------------------ top level

    def read(self, tokens: list[Token]) -> Postmortem:
        blocks = split_blocks(tokens, len(self.lines))
        title_index = self._find_title(blocks)
        title_block = blocks[title_index]
        heading_src = title_block.inline.content if title_block.inline else ""
        title_src = TITLE_RE.sub("", heading_src, count=1)
        title = "" if is_placeholder("title", title_src) else self.text(title_src)
        self.sources.add(
            "title", title_block.first, self.column_of(title_block.first, title_src or "#")
        )
        self._title_layout(title_block, heading_src, title_src)

        self.owned = {i for block in blocks for i in range(block.first, block.last)}
        above_title = self._above_title(blocks[:title_index], title_block.first)
        parts: list[Section] = [Section(None, start=0, end=len(self.lines))]
        for block in blocks[title_index + 1 :]:
            if block.kind == "heading_open" and block.tokens[0].tag == "h2":
                parts[-1].end = block.first
                parts.append(Section(block, start=block.last, end=len(self.lines)))
            elif self._comment_block(block):
                continue
            else:
                parts[-1].blocks.append(block)

        for block in parts[0].blocks:
            if block.kind == "paragraph_open":
                self._header_paragraph(block)
            else:
                self._preamble_block(block)
        for part in parts[1:]:
            self._section(part)

        preamble = False
        header_start = title_block.last
        if self.preamble or self.has_unowned_text(header_start, parts[0].end):
            body = self.joined(self.preamble, header_start, parts[0].end)
            kept = close_open_blocks(_strip(body))
            if kept:
                self.extra.insert(0, ExtraSection(heading="", body=kept))
                preamble = True
        self._number_extra_sections(preamble, header_start)
        values = dict(self.data)
        values.update(
            above_title=above_title,
            title=title,
            extra_sections=self.extra,
            allowed=self.allowed,
            wizard_step=self.step,
        )
        doc: Postmortem = self.build(Postmortem, title_block.first, "post-mortem", **values)
        return doc

    def _number_extra_sections(self, preamble: bool, header_start: int) -> None:
        """Kept sections were recorded as ``extra:N`` while reading; free text from the
        header, kept as section 0, is known only at the end."""
        spans = self.sources.spans
        offset = 1 if preamble else 0
        for index in range(len(self.extra) - offset):
            span = spans.pop(f"extra:{index}", None)
            if span is not None:
                spans[f"extra_sections[{index + offset}].body"] = span
        if preamble:
            first = self.preamble[0][0] if self.preamble else header_start
            self.sources.add("extra_sections[0].body", first, 0)

    def _find_title(self, blocks: list[Block]) -> int:
        for i, block in enumerate(blocks):
            if block.kind != "heading_open" or block.tokens[0].tag != "h1":
                continue
            inline = block.inline
            if inline is not None and TITLE_RE.match(inline.content):
                return i
        first_line = next((i for i, line in enumerate(self.lines) if line.strip()), 0)
        raise self.error(
            'no "# Post-Mortem: <title>" heading; is this a pmtui post-mortem?', first_line
        )

    def _title_layout(self, block: Block, heading_src: str, title_src: str) -> None:
        layout = self.layout
        layout.title = (block.first, block.last)
        layout.header_end = block.last
        if block.last - block.first != 1:
            return  # a setext heading: rewritten whole
        raw = self.lines[block.first]
        at = raw.find(heading_src) if heading_src else -1
        if at >= 0 and raw.count(heading_src) == 1:
            end = at + len(heading_src)
            layout.title_value = (end - len(title_src), end)

    def _above_title(self, blocks: list[Block], title_line: int) -> str:
        """What stands above the title, verbatim (pmtui's comments there are read)."""
        parts = []
        for block in blocks:
            if not self._comment_block(block):
                parts.append((block.first, block.last, self.verbatim(block.first, block.last)))
        if not parts and not self.has_unowned_text(0, title_line):
            return ""
        text = _strip(self.joined(parts, 0, title_line))
        if text:
            first = next(i for i in range(title_line) if self.lines[i].strip(" \t"))
            self.sources.add("above_title", first, 0, title_line - 1)
        return text

    def _preamble_block(self, block: Block) -> None:
        if self._comment_block(block):
            return
        self.preamble.append((block.first, block.last, self.verbatim(block.first, block.last)))

    def _comment_block(self, block: Block) -> bool:
        """A block made only of pmtui comments: read them; False for any other block."""
        if block.kind != "html_block":
            return False
        notes = [
            (block.first + i, line.strip())
            for i, line in enumerate(block.tokens[0].content.split("\n"))
            if line.strip()
        ]
        parsed = [comments.parse_comment(note) for _, note in notes]
        if not parsed or not all(parsed):
            return False
        for (line, _), found in zip(notes, parsed, strict=True):
            assert found is not None
            kind, args = found
            self.layout.comments.append((line, kind, args))
            if kind == "step" and args in STEPS:
                self.step = args
            elif kind == "allow":
                self.allowed.append(comments.parse_allow(args))
        return True

    # ------------------------------------------------------------------ header fields

    def _header_paragraph(self, block: Block) -> None:
        unknown: list[str] = []
        for line in range(block.first, block.last):
            raw = self.lines[line]
            match = FIELD_RE.match(raw.strip(" \t"))
            key = match.group(1).strip().lower() if match else ""
            if not match or key not in FIELD_KEYS:
                unknown.append(raw)
                continue
            value_src = match.group(2).rstrip(" \t")
            self.sources.add(key, line, self.column_of(line, value_src) if value_src else len(raw))
            indent = len(raw) - len(raw.lstrip(" \t"))
            self.layout.fields[key] = (line, indent + match.start(2))
            self.layout.header_end = max(self.layout.header_end, block.last)
            self._header_field(key, value_src, line)
        if unknown:
            self.preamble.append((block.first, block.last, unknown))

    def _header_field(self, key: str, src: str, line: int) -> None:
        if is_placeholder(key, src):
            src = ""
        value = self.text(src)
        if key == "date":
            self.data["date"] = self.date(value, line, "date")
        elif key == "severity":
            self.data["severity"] = self._severity(value, line)
        else:
            self.data[key] = value

    def date(self, value: str, line: int, what: str) -> Any:
        """A ``YYYY-MM-DD`` value (None when empty), or an error naming ``what``."""
        value = value.strip()
        if not value:
            return None
        try:
            return times.parse_date(value)
        except ValueError:
            raise self.error(f"{what} {value!r} is not a date; write YYYY-MM-DD", line) from None

    def _severity(self, value: str, line: int) -> Severity | None:
        value = value.strip()
        if not value:
            return None
        match = re.match(r"^sev[- ]?([123])$", value, re.IGNORECASE)
        if not match:
            raise self.error(f"severity {value!r} must be SEV-1, SEV-2 or SEV-3", line)
        return Severity(f"SEV-{match.group(1)}")

    # ------------------------------------------------------------------ sections

    def _section(self, section: Section) -> None:
        assert section.heading is not None
        heading = section.heading
        inline = heading.inline
        key = sections.key_of(inline.content if inline else "")
        if key is not None and key in self.seen:
            key = None  # a second "## Timeline" is kept as written, not read twice
        if key is None:
            self.keep(section)
            return
        self.seen.add(key)
        self.section = SectionLayout(
            (heading.first, heading.last), min(section.end, len(self.lines))
        )
        leftover = sections.READERS[key](self, section.blocks)
        kept = {id(block) for block in leftover}
        used = [block for block in section.blocks if id(block) not in kept]
        if used:
            self.section.content = self.trimmed(used[0].first, used[-1].last)
        self.layout.sections[key] = self.section
        if leftover or self.has_unowned_text(section.start, section.end):
            self.keep(Section(heading, leftover, section.start, section.end))

    def keep(self, section: Section) -> None:
        """Keep a section (or what pmtui could not read of one) verbatim."""
        assert section.heading is not None
        inline = section.heading.inline
        heading = self.text(inline.content if inline else "")
        parts = [(b.first, b.last, self.verbatim(b.first, b.last)) for b in section.blocks]
        body = self.joined(parts, section.start, section.end)
        self.sources.add(f"extra:{len(self.extra)}", section.start, 0, section.end - 1)
        self.extra.append(ExtraSection(heading=heading, body=close_open_blocks(_strip(body))))
