"""Tables as the reader sees them: a header, and rows of cells matched to columns by
their titles (or by position when no title is known)."""

from __future__ import annotations

from markdown_it.token import Token

from pmtui.document.markdown.blocks import Block
from pmtui.document.markdown.text import parse_inline


def cell_source(cells: list[Token], columns: dict[str, int], name: str) -> str:
    """Markdown source of the named column's cell ("" when the row has none)."""
    index = columns.get(name)
    return "" if index is None or index >= len(cells) else cells[index].content


def header_and_rows(block: Block) -> tuple[list[str], list[tuple[int, list[Token]]]]:
    """Header texts and (line, cell inline tokens) of each body row."""
    header: list[str] = []
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
                header = [parse_inline(c.content).strip() for c in row]
            else:
                rows.append((row_line, row))
            row = None
    return header, rows


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
    starts: list[int] = []
    i = 0
    n = len(line)
    while i < n and line[i] in " \t":
        i += 1
    if i < n and line[i] == "|":
        i += 1
    cell_start = i
    in_code = 0
    while i <= n:
        ch = line[i] if i < n else "|"
        if ch == "\\" and i + 1 < n:
            i += 2
            continue
        if ch == "`":
            run = 1
            while i + run < n and line[i + run] == "`":
                run += 1
            in_code = 0 if in_code == run else (in_code or run)
            i += run
            continue
        if (ch == "|" and not in_code) or i == n:
            if i < n or line[cell_start:].strip(" \t"):  # no cell after a trailing pipe
                j = cell_start
                while j < i and line[j] in " \t":
                    j += 1
                starts.append(j)
            cell_start = i + 1
        i += 1
    return starts
