"""Top-level Markdown blocks and sections, as the reader walks them, and the helper
that keeps a kept block from swallowing what follows it when written back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from markdown_it.token import Token

from pmtui.document.markdown.text import MD_BLOCKS


@dataclass
class Block:
    """One top-level block: its tokens, and its source lines [first, last) (0-based)."""

    tokens: list[Token]
    first: int
    last: int

    @property
    def kind(self) -> str:
        return self.tokens[0].type

    @property
    def inline(self) -> Token | None:
        for tok in self.tokens:
            if tok.type == "inline":
                return tok
        return None


@dataclass
class Section:
    """A ``## heading`` and the blocks under it (the first section has no heading)."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    #: Source lines [start, end) of the section's body (after its heading).
    start: int = 0
    end: int = 0


def split_blocks(tokens: list[Token], line_count: int) -> list[Block]:
    """The top-level blocks of a block-level token stream."""
    blocks: list[Block] = []
    start = 0
    depth = 0
    for i, tok in enumerate(tokens):
        depth += tok.nesting
        if depth == 0:
            group = tokens[start : i + 1]
            first_map = group[0].map or [0, 0]
            blocks.append(Block(group, first_map[0], first_map[1]))
            start = i + 1
    # A block's map ends where the next begins, at most: use the parser's own ranges.
    for block in blocks:
        block.last = min(block.last, line_count)
    return blocks


def strip_blank_lines(lines: list[str]) -> str:
    """``lines`` joined, without blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip(" \t"):
        start += 1
    while end > start and not lines[end - 1].strip(" \t"):
        end -= 1
    return "\n".join(lines[start:end])


_SENTINEL = "## pmtui-end-of-section"
_HTML_ENDS = (
    (re.compile(r"^<!--"), "-->"),
    (re.compile(r"^<\?"), "?>"),
    (re.compile(r"^<!\[CDATA\["), "]]>"),
    (re.compile(r"^<![A-Za-z]"), ">"),
    (re.compile(r"^<(script|pre|style|textarea)\b", re.IGNORECASE), None),
)


def close_open_blocks(body: str) -> str:
    """``body`` with an unclosed code fence or raw HTML block at its end closed, so that
    written back it cannot swallow the sections after it. Idempotent."""
    if not body or ("`" not in body and "~" not in body and "<" not in body):
        return body
    for _ in range(4):
        tokens = MD_BLOCKS.parse(f"{body}\n\n{_SENTINEL}")
        last = next((t for t in reversed(tokens) if t.level == 0 and t.nesting >= 0), None)
        if last is None or last.type == "heading_open":  # the sentinel: nothing swallowed
            return body
        if last.type == "fence":
            body += "\n" + last.markup
        elif last.type == "html_block":
            start = last.content.lstrip()
            end = "-->"
            for pattern, terminator in _HTML_ENDS:
                match = pattern.match(start)
                if match:
                    end = terminator or f"</{match.group(1)}>"
                    break
            body += "\n" + end
        else:
            return body
    return body


def kept_body(body: str) -> str:
    """A kept section's body as it is written: no blank lines at the ends, blocks closed."""
    return close_open_blocks(strip_blank_lines(body.split("\n")))


class TokenRun(Protocol):
    """What the token walks below need of a block (the reader's and the importers')."""

    tokens: list[Token]
    first: int
    last: int


def list_items(block: TokenRun) -> Iterator[tuple[int, int, list[Token]]]:
    """(first line, end line, tokens inside) of each item of a top-level list block
    (0-based lines, end exclusive, within the block)."""
    tokens = block.tokens
    i = 1
    while i < len(tokens) - 1:
        tok = tokens[i]
        if tok.type != "list_item_open":
            i += 1
            continue
        depth = 0
        j = i
        while True:
            depth += tokens[j].nesting
            if depth == 0:
                break
            j += 1
        line, end = tok.map if tok.map else (block.first, block.last)
        yield line, min(end, block.last), tokens[i + 1 : j]
        i = j + 1


def table_cells(block: TokenRun) -> tuple[list[Token], list[tuple[int, list[Token]]]]:
    """The header's cell tokens and (0-based line, cell tokens) of each body row of a
    table block; a cell token's ``content`` is its Markdown source."""
    header: list[Token] = []
    rows: list[tuple[int, list[Token]]] = []
    in_head = False
    row: list[Token] | None = None
    row_line = block.first
    for tok in block.tokens:
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
            row_line = tok.map[0] if tok.map else row_line
        elif tok.type == "inline" and row is not None:
            row.append(tok)
        elif tok.type == "tr_close" and row is not None:
            if in_head:
                header = row
            else:
                rows.append((row_line, row))
            row = None
    return header, rows
