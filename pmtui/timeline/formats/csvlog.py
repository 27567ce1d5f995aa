"""Reading a paging tool's CSV export: find the header, map its columns, one row per event.

Column names are compared without case, spaces or underscores (``created_at``,
``Created At`` and ``createdAt`` are the same column). A source module describes its
columns with :class:`Columns`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pmtui.timeline.formats.common import LineError, LineMatch, value_stamp


def norm(name: str) -> str:
    return "".join(name.lower().replace("_", "").split()).lstrip("\ufeff")


@dataclass(frozen=True)
class Columns:
    shape: str
    #: Every one of these columns must be present (normalised names).
    required: frozenset[str]
    time: tuple[str, ...]
    text: tuple[str, ...]
    speaker: tuple[str, ...] = ()
    #: Speaker values that are not people ("N/A", "System").
    not_people: frozenset[str] = frozenset()
    #: Prefix the text with the speaker ("responder: text")?
    prefix_speaker: bool = False
    #: Optional: make the event text from the whole row (normalised keys).
    text_of: Callable[[dict[str, str]], str] | None = None

    def fits(self, header: list[str]) -> bool:
        return self.required <= {norm(h) for h in header}


def header_of(text: str) -> list[str]:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    try:
        return next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return []


def _pick(row: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        value = row.get(name, "")
        if value and value.strip():
            return value.strip()
    return ""


def rows(text: str, cols: Columns) -> Iterator[tuple[int, str, LineMatch | LineError]]:
    """(line number, raw line, match or error) for each data row of ``text``."""
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    for record in reader:
        line_no = reader.line_num
        raw = lines[line_no - 1] if 0 < line_no <= len(lines) else ",".join(record)
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [norm(h) for h in record]
            continue
        if len(record) != len(header):
            yield (
                line_no,
                raw,
                LineError(f"row has {len(record)} columns, the header has {len(header)}"),
            )
            continue
        row = dict(zip(header, record, strict=True))
        when = _pick(row, cols.time)
        try:
            stamp = value_stamp(when) if when else None
        except LineError as exc:
            yield line_no, raw, exc
            continue
        if stamp is None:
            yield (
                line_no,
                raw,
                LineError(
                    f"no readable time in column {cols.time[0]}" + (f" ({when!r})" if when else "")
                ),
            )
            continue
        text_value = cols.text_of(row) if cols.text_of else _pick(row, cols.text)
        speaker = _pick(row, cols.speaker) or None
        if speaker and speaker.lower() in cols.not_people:
            speaker = None
        if not text_value:
            yield line_no, raw, LineError(f"no event text in column {cols.text[0]}")
            continue
        yield (
            line_no,
            raw,
            LineMatch(
                stamp,
                " ".join(text_value.split()),
                cols.shape,
                speaker=speaker,
                prefix=cols.prefix_speaker,
            ),
        )
