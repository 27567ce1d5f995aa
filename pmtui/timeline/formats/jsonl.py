"""JSON: one object per line (JSON Lines, e.g. ``journalctl -o json`` or a structured
application log), or a JSON array of objects (a Slack export day file).

The time is the first of these fields present: ``timestamp``, ``@timestamp``, ``time``,
``ts``, ``datetime``, ``date``, ``created_at``, ``createdAt``, ``eventTime``,
``__REALTIME_TIMESTAMP`` (journald, microseconds); the value is ISO 8601 / RFC 3339 or
epoch seconds (milliseconds and microseconds are told apart by size). The text is the
first of ``message``, ``msg``, ``MESSAGE``, ``text``, ``log``, ``event``, ``summary``,
``description``; the speaker the first of ``speaker``, ``author``, ``user_name``,
``username``, ``user``. Slack export messages are read with
:func:`pmtui.timeline.formats.slack.export_fields`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pmtui.timeline.formats import slack
from pmtui.timeline.formats.common import LineError, LineMatch, clean_text, value_stamp

SHAPE = "jsonl"

TIME_KEYS = (
    "timestamp",
    "@timestamp",
    "time",
    "ts",
    "datetime",
    "date",
    "created_at",
    "createdAt",
    "eventTime",
    "__REALTIME_TIMESTAMP",
)
TEXT_KEYS = ("message", "msg", "MESSAGE", "text", "log", "event", "summary", "description")
SPEAKER_KEYS = ("speaker", "author", "user_name", "username", "user")


def looks_like_json(text: str) -> bool:
    """JSON Lines (the first line is an object) or a JSON array of objects. A chat line
    such as ``[10:32 AM] name: text`` also starts with a bracket, so it must parse."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        try:
            return isinstance(json.loads(first), dict)
        except json.JSONDecodeError:
            return first.rstrip().endswith("}")
    if stripped.startswith("["):
        if stripped[1:].lstrip().startswith(("{", "]")):
            return True
        try:
            return isinstance(json.loads(stripped), list)
        except json.JSONDecodeError:
            return False
    return False


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def entry(obj: Any) -> LineMatch:
    """A LineMatch for one JSON object, or LineError saying what is missing."""
    if not isinstance(obj, dict):
        raise LineError("JSON value is not an object")
    exported = slack.export_fields(obj)
    if exported is not None:
        ts, text, speaker, bot = exported
        stamp = value_stamp(ts)
        if stamp is None or not text:
            raise LineError("Slack message without a time or text")
        return LineMatch(stamp, text, "slack-export", speaker=speaker, bot=bot, prefix=True)
    when = _first(obj, TIME_KEYS)
    if when is None:
        raise LineError("JSON object has no time field (" + ", ".join(TIME_KEYS[:5]) + "...)")
    stamp = value_stamp(when)
    if stamp is None:
        raise LineError(f"JSON time {when!r} is not ISO 8601 or epoch seconds")
    text = _first(obj, TEXT_KEYS)
    if text is None:
        raise LineError("JSON object has no text field (" + ", ".join(TEXT_KEYS[:4]) + "...)")
    speaker = _first(obj, SPEAKER_KEYS)
    if isinstance(speaker, dict):
        speaker = speaker.get("name") or speaker.get("real_name")
    return LineMatch(
        stamp,
        clean_text(str(text)),
        SHAPE,
        speaker=str(speaker) if speaker else None,
        prefix=speaker is not None,
    )


def entries(text: str) -> Iterator[tuple[int, str, LineMatch | LineError]]:
    lines = text.splitlines()
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield exc.lineno, "", LineError(f"not valid JSON: {exc.msg}")
            return
        if not isinstance(data, list):
            yield 1, lines[0] if lines else "", LineError("JSON value is not an array")
            return
        for i, obj in enumerate(data, start=1):
            raw = json.dumps(obj, ensure_ascii=False)[:200]
            try:
                yield i, raw, entry(obj)
            except LineError as exc:
                yield i, raw, exc
        return
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, line, LineError(f"not valid JSON: {exc.msg}")
            continue
        try:
            yield line_no, line, entry(obj)
        except LineError as exc:
            yield line_no, line, exc
