"""Save a post-mortem by rewriting only the lines of what changed, so a file kept in git
shows a one-line diff for a one-field edit.

:func:`patch` takes the text a file held (as read, or as last written), the document read
from it and the document to save. Lines of values that did not change are kept byte for
byte (hand-wrapped paragraphs, padded tables, blank lines, CRLF endings, heading and
status spellings, ``9:07`` written without its leading zero); only what changed is
written anew:

- the title, a header field: that line (its ``**Date:**`` label kept);
- a summary or impact: the section's paragraphs;
- a timeline or action-item row: a changed cell rewrites its cell in the row's own padding,
  a new row is one new line in the table's style, a deleted row loses its line, a moved
  row moves its line;
- a why, gap or learning: that item's lines;
- the ``## Meeting`` record, pmtui's comments: their lines;
- a section the file does not have yet is put where the template puts it.

Correctness never depends on this: the patched text must read back to exactly the new
document. If it does not, each changed section is rewritten whole, and failing that the
whole document is written by :func:`~.writer.to_markdown`. No Textual here.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pmtui.document import comments
from pmtui.document.errors import DocumentError
from pmtui.document.markdown.reader import read_markdown
from pmtui.document.markdown.sourcemap import Item, Layout, Lines, SectionLayout, SourceMap
from pmtui.document.markdown.syntax import FIELD_KEYS
from pmtui.document.markdown.tables import rewrite_cell, row_segments
from pmtui.document.markdown.writer import action_cells, timeline_cells, to_markdown, writing
from pmtui.document.model import STEPS, Postmortem

__all__ = ["patch", "patched"]

#: Known sections in the template's order, with the model field each one holds.
SECTION_FIELDS: dict[str, str] = {
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "whys": "five_whys",
    "gaps": "gaps",
    "actions": "action_items",
    "learnings": "learnings",
    "meeting": "meeting",
}
#: Fields of a table row, and the value a row without that column reads as.
_ROW_FIELDS: dict[str, dict[str, Any]] = {
    "timeline": {"time": None, "event": ""},
    "actions": {"action": "", "owner": "", "due": None, "status": "Pending", "verification": ""},
}
#: Every field of the model this module writes; a change to any other field (one added
#: to the model later) is written by a full rewrite until it is handled here.
PATCHED_FIELDS = frozenset(
    {"above_title", "title", *FIELD_KEYS, *SECTION_FIELDS.values(), "extra_sections"}
    | {"allowed", "wizard_step"}
)
_NEWLINE_RE = re.compile(r"(\r\n|\r|\n)")
_BULLET_RE = re.compile(r"^([ \t]*)([-*+])([ \t]+)")
_NUMBER_RE = re.compile(r"^([ \t]*)(\d{1,9})([.)])")


def patch(
    base_text: str, base_doc: Postmortem, new_doc: Postmortem, sources: SourceMap | None = None
) -> str:
    """``new_doc`` as Markdown, changing only the lines of ``base_text`` (which reads as
    ``base_doc``; ``sources`` is its source map when known) that hold what changed."""
    return patched(base_text, base_doc, new_doc, sources)[0]


def patched(
    base_text: str, base_doc: Postmortem, new_doc: Postmortem, sources: SourceMap | None = None
) -> tuple[str, SourceMap | None]:
    """:func:`patch`, and the source map of the text returned (None when it is the full
    rewrite, whose map is not known without reading it)."""
    if new_doc == base_doc:
        return base_text, sources
    text = _Text(base_text)
    try:
        layout = sources.layout if sources is not None else None
        if layout is None:
            layout = read_markdown(base_text)[1].layout
    except DocumentError:
        layout = None
    if layout is not None:
        for whole_sections in (False, True):
            try:
                candidate = _Patcher(text, layout, base_doc, new_doc, whole_sections).run()
            except _CannotPatch:
                continue
            try:
                doc, found = read_markdown(candidate)
            except DocumentError:
                continue
            if doc == new_doc:
                return candidate, found
    return text.restyle(to_markdown(new_doc)), None


class _CannotPatch(Exception):
    """The change does not fit the file's layout: a coarser rewrite is tried."""


class _Text:
    """The base text as the reader splits it into lines, each with its own line ending."""

    def __init__(self, text: str) -> None:
        self.bom = text.startswith("\ufeff")
        parts = _NEWLINE_RE.split(text.removeprefix("\ufeff"))
        self.lines: list[str] = parts[0::2]
        self.ends: list[str] = [*parts[1::2], ""]
        self.final_newline = len(self.lines) > 1 and self.lines[-1] == ""
        if self.final_newline:
            self.lines.pop()
            self.ends.pop()
        common = Counter(end for end in self.ends if end).most_common(1)
        #: The line ending new lines get: the file's most common one.
        self.newline = common[0][0] if common else "\n"

    def __len__(self) -> int:
        return len(self.lines)

    def blank(self, index: int) -> bool:
        """Whether line ``index`` is blank (lines outside the file count as blank)."""
        return not (0 <= index < len(self.lines)) or not self.lines[index].strip(" \t")

    def join(self, entries: Sequence[int | str]) -> str:
        """The text of ``entries``: an original line (by index, with its own ending) or a
        new line (with the file's usual ending)."""
        out = []
        last = len(entries) - 1
        for number, entry in enumerate(entries):
            if isinstance(entry, int):
                content, end = self.lines[entry], self.ends[entry]
            else:
                content, end = entry, ""
            if number < last or self.final_newline:
                end = end or self.newline
            elif number == last:
                end = ""
            out.append(content + end)
        return ("\ufeff" if self.bom else "") + "".join(out)

    def restyle(self, canonical: str) -> str:
        """The full rewrite with this file's line endings, byte order mark and (missing)
        newline at the end."""
        if not self.final_newline:
            canonical = canonical.removesuffix("\n")
        if self.newline != "\n":
            canonical = canonical.replace("\n", self.newline)
        # (a canonical text that starts with U+FEFF already has its byte order mark)
        return ("\ufeff" if self.bom and not canonical.startswith("\ufeff") else "") + canonical


@dataclass
class _Edit:
    """Replace base lines [start, end) with ``lines`` (start == end: insert before start)."""

    start: int
    end: int
    lines: list[int | str]
    rank: int = 0


@dataclass
class _Rendered:
    """A part of the new document written on its own: its lines and their layout."""

    lines: list[str]
    layout: Layout
    sections: dict[str, SectionLayout] = field(default_factory=dict)

    def take(self, span: Lines) -> list[str]:
        return self.lines[span[0] : span[1]]


@dataclass
class _Ops:
    """How the entries of a list changed: pairs kept or changed, old ones deleted, new
    ones inserted before an old one (None: after the last), and moved ones."""

    changed: list[tuple[int, int]] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    inserted: list[tuple[int | None, int]] = field(default_factory=list)
    #: (old entry whose lines move, where they go as in ``inserted``, new index)
    moved: list[tuple[int, int | None, int]] = field(default_factory=list)


def _list_ops(old: Sequence[Any], new: Sequence[Any]) -> _Ops:
    def key(value: Any) -> str:
        return value.model_dump_json() if hasattr(value, "model_dump_json") else repr(value)

    old_keys, new_keys = [key(v) for v in old], [key(v) for v in new]
    ops = _Ops()
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        ops.changed += [(i1 + k, j1 + k) for k in range(pairs)]
        ops.deleted += range(i1 + pairs, i2)
        anchor = i2 if i2 < len(old) else None
        ops.inserted += [(anchor, j) for j in range(j1 + pairs, j2)]
    # An inserted entry equal to a deleted one is that entry moved: its lines move.
    free: dict[str, list[int]] = {}
    for i in ops.deleted:
        free.setdefault(old_keys[i], []).append(i)
    inserted = []
    for anchor, j in ops.inserted:
        same = free.get(new_keys[j])
        if same:
            i = same.pop(0)
            ops.deleted.remove(i)
            ops.moved.append((i, anchor, j))
        else:
            inserted.append((anchor, j))
    ops.inserted = inserted
    return ops


class _Patcher:
    """One patch of one base text into one new document."""

    def __init__(
        self, text: _Text, layout: Layout, old: Postmortem, new: Postmortem, whole: bool
    ) -> None:
        self.text = text
        self.layout = layout
        self.old = old
        self.new = new
        #: Rewrite each changed section whole (the second try).
        self.whole = whole
        self.edits: list[_Edit] = []

    # ------------------------------------------------------------------ driver

    def run(self) -> str:
        old, new = self.old, self.new
        for name in type(old).model_fields:
            if name not in PATCHED_FIELDS and getattr(old, name) != getattr(new, name):
                raise _CannotPatch(f"{name} is not patched")
        if old.above_title != new.above_title or old.extra_sections != new.extra_sections:
            raise _CannotPatch("kept text changed")
        with writing(new):
            self._title()
            self._fields()
            self._comments()
            for key in SECTION_FIELDS:
                self._section(key)
        return self._assemble()

    def _assemble(self) -> str:
        edits = sorted(self.edits, key=lambda e: (e.start, e.end > e.start, e.rank))
        entries: list[int | str] = []
        position = 0
        for edit in edits:
            if edit.start < position:
                raise _CannotPatch("overlapping edits")
            entries.extend(range(position, edit.start))
            entries.extend(edit.lines)
            position = edit.end
        entries.extend(range(position, len(self.text)))
        if not entries:
            raise _CannotPatch("nothing left")
        return self.text.join(entries)

    def _replace(self, span: Lines, lines: Sequence[int | str]) -> None:
        self.edits.append(_Edit(span[0], span[1], list(lines)))

    def _insert(self, at: int, lines: Sequence[int | str], rank: int = 0) -> None:
        self.edits.append(_Edit(at, at, list(lines), rank))

    def _insert_block(self, at: int, lines: list[str], *, under_heading: bool = False) -> None:
        """Insert a block of lines, apart from what is around it by blank lines."""
        at = min(at, len(self.text))
        block: list[int | str] = list(lines)
        if not under_heading and not self.text.blank(at - 1) and at > 0:
            block.insert(0, "")
        if at < len(self.text) and not self.text.blank(at):
            block.append("")
        self._insert(at, block)

    def _render(self, **values: Any) -> _Rendered:
        """A document holding only ``values``, written as the writer writes it."""
        mini = Postmortem(**values)
        lines = to_markdown(mini, references_from=self.new).split("\n")
        _, sources = read_markdown("\n".join(lines))
        assert sources.layout is not None
        return _Rendered(lines, sources.layout, sources.layout.sections)

    # ------------------------------------------------------------------ header

    def _title(self) -> None:
        if self.old.title == self.new.title:
            return
        rendered = self._render(title=self.new.title)
        layout, mine = self.layout, rendered.layout
        canonical = rendered.lines[mine.title[0]]
        if layout.title_value is None or mine.title_value is None:
            self._replace(layout.title, [canonical])
            return
        source = canonical[mine.title_value[0] : mine.title_value[1]]
        raw = self.text.lines[layout.title[0]]
        start, end = layout.title_value
        head = raw[:start]
        if source and start == end and not head.endswith((" ", "\t")):
            head += " "
        elif not source:
            head = head.rstrip(" \t")
        self._replace(layout.title, [head + source + raw[end:]])

    def _fields(self) -> None:
        layout = self.layout
        loose: list[str] = []
        for number, key in enumerate(FIELD_KEYS):
            value = getattr(self.new, key)
            if getattr(self.old, key) == value:
                continue
            rendered = self._render(**{key: value})
            line, column = rendered.layout.fields[key]
            canonical = rendered.lines[line]
            source = canonical[column:]
            if key in layout.fields:
                at, start = layout.fields[key]
                prefix = self.text.lines[at][:start]
                if not source:
                    new_line = prefix.rstrip(" \t")
                elif prefix.endswith((" ", "\t")):
                    new_line = prefix + source
                else:
                    new_line = f"{prefix} {source}"
                self._replace((at, at + 1), [new_line])
                continue
            before = [layout.fields[k][0] for k in FIELD_KEYS[:number] if k in layout.fields]
            after = [layout.fields[k][0] for k in FIELD_KEYS[number + 1 :] if k in layout.fields]
            if before:
                self._insert(max(before) + 1, [canonical], rank=number)
            elif after:
                self._insert(min(after), [canonical], rank=number)
            else:
                loose.append(canonical)
        if loose:
            self._insert_block(layout.title[1], loose)

    def _comments(self) -> None:
        old, new, layout = self.old, self.new, self.layout
        steps = [line for line, kind, args in layout.comments if kind == "step" and args in STEPS]
        allows = [line for line, kind, _ in layout.comments if kind == "allow"]
        if len(allows) != len(old.allowed):
            raise _CannotPatch("allow comments do not match the document")
        header: list[str] = []  # new comments where the template puts them
        if old.wizard_step != new.wizard_step:
            if new.wizard_step is None:
                for line in steps:
                    self._delete_comment(line)
            elif steps:
                self._replace((steps[-1], steps[-1] + 1), [comments.format_step(new.wizard_step)])
            elif allows:
                self._insert(allows[0], [comments.format_step(new.wizard_step)], rank=-1)
            else:
                header.append(comments.format_step(new.wizard_step))
        if old.allowed != new.allowed:
            ops = _list_ops(old.allowed, new.allowed)
            for i, j in ops.changed:
                self._replace((allows[i], allows[i] + 1), [comments.format_allow(new.allowed[j])])
            for i in ops.deleted:
                self._delete_comment(allows[i])
            placed: list[tuple[int | None, int, int | str]] = [
                (anchor, j, comments.format_allow(new.allowed[j])) for anchor, j in ops.inserted
            ]
            placed += [(anchor, j, allows[i]) for i, anchor, j in ops.moved]
            for i, _, _ in ops.moved:
                self._replace((allows[i], allows[i] + 1), [])
            last = max((line for line, _, _ in layout.comments), default=None)
            for anchor, j, entry in sorted(placed, key=lambda p: p[1]):
                if anchor is not None:
                    self._insert(allows[anchor], [entry], rank=j)
                elif allows or last is not None:
                    self._insert((allows[-1] if allows else last or 0) + 1, [entry], rank=j)
                elif isinstance(entry, str):
                    header.append(entry)
        if header:
            self._insert_block(layout.header_end, header)

    def _delete_comment(self, line: int) -> None:
        """Remove a comment line; a blank line stays where it kept two blocks apart."""
        text = self.text
        apart = not text.blank(line - 1) and not text.blank(line + 1)
        self._replace((line, line + 1), [""] if apart and 0 < line < len(text) - 1 else [])

    # ------------------------------------------------------------------ sections

    def _section(self, key: str) -> None:
        name = SECTION_FIELDS[key]
        old_value, new_value = getattr(self.old, name), getattr(self.new, name)
        if old_value == new_value:
            return
        section = self.layout.sections.get(key)
        if section is None:
            if new_value is not None:
                self._insert_section(key, name, new_value)
            return
        if new_value is None:
            self._delete_section(section)
            return
        if self.whole or key == "meeting":
            self._replace_content(key, name, section, new_value)
        elif key in ("summary", "impact"):
            self._paragraphs(key, section, old_value or "", new_value)
        elif key in _ROW_FIELDS:
            self._rows(key, section, old_value, new_value)
        elif key == "whys":
            self._whys(section, old_value, new_value)
        else:
            self._items(key, section, old_value, new_value)

    def _replace_content(self, key: str, name: str, section: SectionLayout, value: Any) -> None:
        rendered = self._render(**{name: value})
        content = rendered.sections[key].content
        lines = rendered.take(content) if content else []
        if section.content is not None:
            self._replace(section.content, lines)
        elif lines:
            self._insert_block(section.heading[1], lines, under_heading=True)

    def _paragraphs(self, key: str, section: SectionLayout, old: str, new: str) -> None:
        """Rewrite the paragraphs that changed; the ones before and after stay as they are."""
        blocks = [lines for lines, _ in section.paragraphs]
        texts = [text for _, text in section.paragraphs]
        if not texts or "\n\n".join(texts) != old:
            self._replace_content(key, SECTION_FIELDS[key], section, new)
            return
        kept_before, position = 0, 0
        while kept_before < len(texts):
            piece = texts[kept_before]
            if new.startswith(piece + "\n\n", position):
                position += len(piece) + 2
            elif new[position:] == piece:
                position = len(new)
            else:
                break
            kept_before += 1
        kept_after, end = 0, len(new)
        while kept_after < len(texts) - kept_before:
            piece = "\n\n" + texts[len(texts) - 1 - kept_after]
            if end - len(piece) < position or not new.startswith(piece, end - len(piece)):
                break
            end -= len(piece)
            kept_after += 1
        changed = blocks[kept_before : len(blocks) - kept_after]
        middle = new[position:end]
        if not middle:
            if not changed:
                raise _CannotPatch("paragraphs do not match")
            if kept_before:  # remove the blank lines before them too
                self._replace((blocks[kept_before - 1][1], changed[-1][1]), [])
            elif kept_after:
                self._replace((changed[0][0], blocks[len(blocks) - kept_after][0]), [])
            else:
                self._replace((changed[0][0], changed[-1][1]), [])
            return
        rendered = self._render(**{SECTION_FIELDS[key]: middle})
        content = rendered.sections[key].content
        lines = rendered.take(content) if content else []
        if changed:
            self._replace((changed[0][0], changed[-1][1]), lines)
        elif kept_after:
            self._insert(blocks[kept_before][0], [*lines, ""])
        else:
            self._insert(blocks[-1][1], ["", *lines])

    def _insert_section(self, key: str, name: str, value: Any) -> None:
        rendered = self._render(**{name: value})
        mine = rendered.sections[key]
        lines = rendered.lines[mine.heading[0] : (mine.content or mine.heading)[1]]
        sections = self.layout.sections
        keys = list(SECTION_FIELDS)
        before = [sections[k] for k in keys[: keys.index(key)] if k in sections]
        after = [sections[k] for k in keys[keys.index(key) + 1 :] if k in sections]
        if before:
            at = before[-1].end
        elif after:
            at = after[0].heading[0]
        else:
            at = len(self.text)
        self._insert_block(at, lines)

    def _delete_section(self, section: SectionLayout) -> None:
        start, end = section.heading[0], min(section.end, len(self.text))
        if end >= len(self.text):  # the last section: no blank lines left at the end
            while start > 0 and self.text.blank(start - 1):
                start -= 1
        self._replace((start, end), [])

    # ------------------------------------------------------------------ rows

    def _model_items(self, section: SectionLayout, count: int) -> list[Item]:
        items = [item for item in section.items if item.index is not None]
        if len(items) != count or any(item.index != i for i, item in enumerate(items)):
            raise _CannotPatch("items do not match the document")
        return items

    def _rows(self, key: str, section: SectionLayout, old: list[Any], new: list[Any]) -> None:
        if not section.tables:
            raise _CannotPatch("no table")
        items = self._model_items(section, len(old))
        cells: Callable[[Any], dict[str, str]] = (
            timeline_cells if key == "timeline" else action_cells
        )
        fields = _ROW_FIELDS[key]
        ops = _list_ops(old, new)
        lines = self.text.lines

        for i, j in ops.changed:
            item = items[i]
            table = section.tables[item.table]
            line = lines[item.lines[0]]
            segments = row_segments(line)
            sources = cells(new[j])
            # rewrite cells from the right, so the earlier segments stay where they are
            changes = []
            for name in fields:
                if getattr(old[i], name) == getattr(new[j], name):
                    continue
                column = table.columns.get(name)
                if column is None or column >= len(segments):
                    raise _CannotPatch(f"no {name} cell")
                changes.append((column, sources[name]))
            for column, source in sorted(changes, reverse=True):
                line = rewrite_cell(line, segments[column], source)
            self._replace(item.lines, [line])
        for i in ops.deleted:
            self._replace(items[i].lines, [])
        for i, _, _ in ops.moved:
            self._replace(items[i].lines, [])

        new_rows: list[tuple[int | None, int, int | str]] = [
            (anchor, j, self._new_row(section, items, anchor, cells(new[j]), new[j], fields))
            for anchor, j in ops.inserted
        ]
        new_rows += [(anchor, j, items[i].lines[0]) for i, anchor, j in ops.moved]
        self._place(section, items, new_rows)

    def _place(
        self,
        section: SectionLayout,
        items: list[Item],
        entries: list[tuple[int | None, int, int | str]],
        rows: bool = True,
    ) -> None:
        """Put new (or moved) entries before their anchor, or after the last entry."""
        if not entries:
            return
        by_anchor: dict[int | None, list[tuple[int, int | str]]] = {}
        for anchor, j, entry in entries:
            by_anchor.setdefault(anchor, []).append((j, entry))
        for anchor, group in by_anchor.items():
            lines = [entry for _, entry in sorted(group, key=lambda g: g[0])]
            if anchor is not None:
                self._insert(items[anchor].lines[0], lines, rank=1)
            elif items:
                at = items[-1].lines[1]
                self._insert(at, lines if rows else self._apart(section, at, lines), rank=1)
            else:
                self._first_entries(section, lines, rows)

    def _first_entries(self, section: SectionLayout, lines: list[int | str], rows: bool) -> None:
        """The first entries of a table or list that has none: in place of the template's
        placeholders when it has them, else at its end."""
        fillers = section.items
        if rows:
            fillers = [item for item in fillers if item.table == 0]
        if fillers:
            self._replace((fillers[0].lines[0], fillers[-1].lines[1]), lines)
            return
        if rows and section.tables:
            header = section.tables[0].header
            self._insert(header + 2, lines, rank=1)
            return
        raise _CannotPatch("no list")

    def _new_row(
        self,
        section: SectionLayout,
        items: list[Item],
        anchor: int | None,
        sources: dict[str, str],
        value: Any,
        fields: dict[str, Any],
    ) -> str:
        """A new row in the style of its neighbour (or of the table's header)."""
        if anchor is not None:
            near: Item | None = items[anchor]
        elif items:
            near = items[-1]
        else:
            near = next((item for item in section.items if item.table == 0), None)
        number = near.table if near is not None else 0
        table = section.tables[number]
        line = self.text.lines[near.lines[0]] if near is not None else ""
        segments = row_segments(line)
        if len(segments) < table.width:
            line = self.text.lines[table.header]
            segments = row_segments(line)
        by_column = {column: name for name, column in table.columns.items()}
        for field_name, default in fields.items():
            current = getattr(value, field_name)
            current = getattr(current, "value", current)
            if field_name not in table.columns and current != default:
                raise _CannotPatch(f"no {field_name} column")
        for column in range(len(segments) - 1, -1, -1):
            name = by_column.get(column)
            line = rewrite_cell(line, segments[column], sources[name] if name else "")
        return line

    # ------------------------------------------------------------------ list items

    def _items(self, key: str, section: SectionLayout, old: list[Any], new: list[Any]) -> None:
        items = self._model_items(section, len(old))
        ops = _list_ops(old, new)
        name = SECTION_FIELDS[key]
        for i, j in ops.changed:
            lines = self._new_item(key, name, new[j], items[i])
            self._replace(items[i].lines, self._apart(section, items[i].lines[1], lines))
        for i in ops.deleted:
            self._replace(items[i].lines, [])
        for i, _, _ in ops.moved:
            self._replace(items[i].lines, [])
        entries: list[tuple[int | None, int, int | str]] = []
        for anchor, j in ops.inserted:
            near = items[anchor] if anchor is not None else (items[-1] if items else None)
            if near is None and section.items:
                near = section.items[0]
            entries += [(anchor, j, line) for line in self._new_item(key, name, new[j], near)]
        for i, anchor, j in ops.moved:
            entries += [(anchor, j, line) for line in range(*items[i].lines)]
        self._place(section, items, entries, rows=False)

    def _apart(self, section: SectionLayout, at: int, lines: list[Any]) -> list[Any]:
        """``lines`` of a list item put before line ``at``, with a blank line after them
        when ``at`` is text that would otherwise continue the item."""
        starts = {item.lines[0] for item in section.items}
        if lines and not self.text.blank(at) and at not in starts and at < section.end:
            return [*lines, ""]
        return lines

    def _new_item(self, key: str, name: str, value: Any, near: Item | None) -> list[str]:
        """The lines of one list item, with the bullet its neighbour uses."""
        rendered = self._render(**{name: [value]})
        lines = rendered.take(rendered.sections[key].items[0].lines)
        if near is not None and lines:
            marker = _BULLET_RE.match(self.text.lines[near.lines[0]])
            if marker and marker.group(2) != "-" and lines[0].startswith("- "):
                lines[0] = marker.group(2) + lines[0][1:]
        return lines

    def _whys(self, section: SectionLayout, old: list[str], new: list[str]) -> None:
        """The Five Whys are levels: compared place by place (a placeholder answer the
        template left is a free place)."""
        slots = section.items
        if any(slot.index is not None and slot.index != i for i, slot in enumerate(slots)):
            raise _CannotPatch("answers do not match the document")
        if sum(slot.index is not None for slot in slots) != len(old):
            raise _CannotPatch("answers do not match the document")
        for i in range(max(len(slots), len(new))):
            if i < len(slots):
                slot = slots[i]
                before = old[slot.index] if slot.index is not None else None
                if i < len(new):
                    if before != new[i]:
                        lines = self._new_why(new, i, slots[0])
                        self._replace(slot.lines, self._apart(section, slot.lines[1], lines))
                elif slot.index is not None:
                    self._replace(slot.lines, [])
            elif slots:
                at = slots[-1].lines[1]
                self._insert(at, self._apart(section, at, self._new_why(new, i, slots[0])), rank=i)
            else:
                raise _CannotPatch("no list")

    def _new_why(self, whys: list[str], index: int, first: Item) -> list[str]:
        rendered = self._render(five_whys=[""] * index + [whys[index]])
        lines = rendered.take(rendered.sections["whys"].items[index].lines)
        style = self.text.lines[first.lines[0]]
        bullet = _BULLET_RE.match(style)
        number = _NUMBER_RE.match(style)
        if lines and bullet:
            lines[0] = _NUMBER_RE.sub(bullet.group(2), lines[0], count=1)
        elif lines and number and number.group(3) == ")":
            lines[0] = _NUMBER_RE.sub(lambda m: f"{m.group(1)}{m.group(2)})", lines[0], count=1)
        return lines
