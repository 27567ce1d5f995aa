"""Tables as the reader sees them: a header, and rows of cells matched to columns by
their titles (or by position when no title is known)."""

from __future__ import annotations

import re

from markdown_it.token import Token

from pmtui.document.markdown.blocks import Block, table_cells
from pmtui.document.markdown.text import parse_inline


def cell_source(cells: list[Token], columns: dict[str, int], name: str) -> str:
    """Markdown source of the named column's cell ("" when the row has none)."""
    index = columns.get(name)
    return "" if index is None or index >= len(cells) else cells[index].content


def header_and_rows(block: Block) -> tuple[list[str], list[tuple[int, list[Token]]]]:
    """Header texts and (line, cell inline tokens) of each body row."""
    header, rows = table_cells(block)
    return [parse_inline(cell.content).strip() for cell in header], rows


def match_columns(
    header: list[str], names: dict[str, str], positional: tuple[str, ...]
) -> dict[str, int]:
    """Column index per field: by title (exact, then prefix: "Time (UTC)" is "time"),
    else by position when no title is known."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = " ".join(title.split()).lower()
        key = names.get(name)
        if key is None:
            for known, value in names.items():
                if name.startswith(known):
                    key = value
                    break
        if key is not None and key not in columns:
            columns[key] = index
    if not columns:
        columns = {name: i for i, name in enumerate(positional)}
    return columns


def cell_starts(line: str) -> list[int]:
    """0-based column where each cell's content starts in a table row's source line
    (pipes escaped with a backslash or inside code spans do not split cells)."""
    starts = []
    for start, end in row_segments(line):
        while start < end and line[start] in " \t":
            start += 1
        starts.append(start)
    return starts


_ROW_SPECIAL_RE = re.compile(r"[\\`|]")


def row_segments(line: str) -> list[tuple[int, int]]:
    """Where each cell of a table row's source line is: (start, end) between its pipes,
    padding included (pipes escaped with a backslash or inside code spans do not split
    cells; nothing after a trailing pipe is a cell)."""
    segments: list[tuple[int, int]] = []
    n = len(line)
    i = n - len(line.lstrip(" \t"))
    if i < n and line[i] == "|":
        i += 1
    cell_start = i
    in_code = 0
    while True:
        found = _ROW_SPECIAL_RE.search(line, i)
        if found is None:
            break
        i = found.start()
        ch = line[i]
        if ch == "\\":
            i += 2 if i + 1 < n else 1
            continue
        if ch == "`":
            run = 1
            while i + run < n and line[i + run] == "`":
                run += 1
            in_code = 0 if in_code == run else (in_code or run)
            i += run
            continue
        if not in_code:
            segments.append((cell_start, i))
            cell_start = i + 1
        i += 1
    if line[cell_start:].strip(" \t"):
        segments.append((cell_start, n))
    return segments


def rewrite_cell(line: str, segment: tuple[int, int], source: str) -> str:
    """``line`` with the cell at ``segment`` holding ``source`` instead, padded as the cell
    was (the same width when it fits, so aligned pipes stay aligned)."""
    start, end = segment
    raw = line[start:end]
    content = raw.strip(" \t")
    if content:
        lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
        trail = len(raw) - len(raw.rstrip(" \t"))
    else:
        lead = raw[:1] if raw else ""
        trail = 1 if len(raw) > 1 else 0
    pad = max(min(trail, 1), len(raw) - len(lead) - len(source))
    if not source:
        pad = max(len(raw) - len(lead), 0)
    if end == len(line):  # the last cell, with no pipe after it: no trailing spaces
        pad = 0
    return line[:start] + lead + source + " " * pad + line[end:]
