"""Change one action item's status in its file, touching only that row's status cell.

Used by the Actions screen. The file's lock is respected: if another pmtui (or this one,
in the wizard) has the file open, nothing is written. The new text is read back before it
is written: the item must now have the new status and every other field of the document
must be as it was, or nothing is written.

Until minimal-diff saves (``pmtui.document.markdown.patch``) land, :func:`patch_status`
edits the one cell itself; it is the only function to switch over then.
No Textual here.
"""

from __future__ import annotations

import re
from pathlib import Path

from pmtui.document.lock import DocumentLock
from pmtui.document.model import Postmortem, Status
from pmtui.errors import UserError

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class StatusError(UserError):
    """The status could not be changed (the file changed, or has no Status column)."""


def _split_lines(text: str) -> list[str]:
    """Lines with their own endings (CRLF, CR or LF kept as they are)."""
    return _LINE_RE.findall(text)


def _cell_bounds(line: str, start: int) -> tuple[int, int]:
    """(first, end) of the cell around 0-based ``start``: just inside its pipes."""
    first = start
    while first > 0 and line[first - 1] != "|":
        first -= 1
    end = start
    while end < len(line):
        if line[end] == "\\" and end + 1 < len(line):
            end += 2
            continue
        if line[end] == "|":
            break
        end += 1
    return first, end


def replace_cell(line: str, start: int, value: str, *, keep_width: bool = False) -> str:
    """``line`` with the cell at 0-based ``start`` holding ``value``. ``keep_width``: the
    table is aligned by hand, so the cell keeps its width when the new value fits."""
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    first, end = _cell_bounds(body, start)
    width = end - first
    if end >= len(body) and not body.rstrip().endswith("|"):
        new_cell = f" {value}"  # a row written without a closing pipe
    elif keep_width:
        new_cell = f" {value} ".ljust(width)
    else:
        new_cell = f" {value} "
    return body[:first] + new_cell + body[end:] + ending


_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _pipes(line: str) -> list[int]:
    """Where a table row's cell-separating pipes are (escaped pipes are text)."""
    found, i = [], 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            found.append(i)
        i += 1
    return found


def aligned(lines: list[str], row: int) -> bool:
    """True when the table holding ``row`` is padded so its pipes line up: the row's
    pipes are where its separator row's (``|:---|:---|``) are."""
    for index in range(row - 1, -1, -1):
        text = lines[index].rstrip("\r\n")
        if not text.lstrip().startswith("|") and "|" not in text:
            return False
        if _SEPARATOR_RE.match(text):
            return _pipes(text) == _pipes(lines[row].rstrip("\r\n"))
    return False


def patch_status(text: str, source: str, index: int, status: Status) -> tuple[str, Postmortem]:
    """``text`` with action item ``index``'s status set to ``status``, and the document
    it now reads as. Raises :class:`StatusError` or ``DocumentError``."""
    from pmtui.document.markdown import read_markdown

    doc, sources = read_markdown(text, source)
    if index >= len(doc.action_items):
        raise StatusError(f"{source}: action item {index + 1} is no longer in the file")
    span = sources.spans.get(f"action_items[{index}].status")
    if span is None:
        row_span = sources.span(f"action_items[{index}]")
        raise StatusError(
            f"{source}:{row_span.line if row_span else 1}: the action item's row has no "
            "Status cell; add one to change its status here"
        )
    lines = _split_lines(text.removeprefix("\ufeff"))
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    row = span.line - 1
    keep = aligned(lines, row)
    lines[row] = replace_cell(lines[row], span.column - 1, status.value, keep_width=keep)
    new_text = bom + "".join(lines)
    new_doc, _ = read_markdown(new_text, source)
    expected = doc.model_copy(deep=True)
    expected.action_items[index].status = status
    if new_doc != expected:
        raise StatusError(f"{source}:{span.line}: the status cell could not be changed safely")
    return new_text, new_doc


def set_status(path: Path, index: int, status: Status, *, expect_action: str | None = None) -> None:
    """Write action item ``index``'s new status into ``path``.

    ``expect_action``: the action text the caller saw; if the row now says something
    else (the file changed since it was listed), nothing is written. Raises
    ``LockHeld`` when a pmtui has the file open, :class:`StatusError` or another
    ``UserError`` (the file is then left as it was).
    """
    from pmtui.document.storage import atomic_write_bytes, read_text

    # The OS lock is held by any pmtui with the file open, this one included.
    lock = DocumentLock.acquire(path)
    try:
        raw = path.read_bytes() if path.is_file() else b""
        text = read_text(path)
        doc_text = text
        if expect_action is not None:
            from pmtui.document.markdown import read_markdown

            doc, _ = read_markdown(doc_text, str(path))
            if index >= len(doc.action_items) or doc.action_items[index].action != expect_action:
                raise StatusError(f"{path}: the file changed since it was listed; reload")
        new_text, _ = patch_status(doc_text, str(path), index, status)
        if new_text.encode("utf-8") != raw:
            atomic_write_bytes(path, new_text.encode("utf-8"))
    finally:
        lock.release()
