"""Slack: text copied from the desktop or web client, and the workspace export.

Copy-paste (what a selection of messages gives when pasted as plain text):

- a message header, the name and the time separated by two or more spaces or a tab,
  with the message on the lines below: ``Jane Doe  10:32 AM``; apps carry the ``APP``
  badge (``PagerDuty  APP  10:32 AM``); older messages show the date
  (``Jane Doe  Mar 12th at 10:32 AM``);
- a time alone on a line (``10:33`` or ``10:33 AM``): the next message from the same person
  (Slack groups consecutive messages under one header);
- a day divider above them: ``Thursday, March 12th``, ``March 12th, 2025``, ``Today``;
- the bracketed one-line form ``[10:32 AM] name: text``.

Interface text copied along with messages (``2 replies``, ``View thread``, ``(edited)``,
reaction counts such as ``:eyes: 2``) is reported as not part of a message.

The export (Slack's "Export your workspace data"): one JSON array per channel and day, each
message an object with ``ts`` (epoch seconds as a string, UTC), ``user`` (an ID),
``user_profile.real_name`` and ``text``; see :func:`export_fields`.
"""

from __future__ import annotations

import re
from typing import Any

from pmtui.timeline.formats.common import (
    CLOCK,
    LineMatch,
    Stamp,
    clean_text,
    clock_from,
    month_day,
)

SHAPE = "slack"

_EMOJI = re.compile(r":[a-z0-9_+\-']+:")
_NAME = re.compile(r"^[^\W\d][\w.'\-@ ]{0,63}$")
_DATE_AT = (
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:, (?P<year>\d{4}))? at )?"
)

_HEADER = re.compile(
    rf"^(?P<name>\S.*?)(?:(?:\s{{2,}}|\t)(?P<app>APP)?\s*|\s+(?P<app2>APP)\s+){_DATE_AT}(?P<clock>{CLOCK})\s*$"
)
_BRACKET = re.compile(rf"^\s*\[(?P<clock>{CLOCK})\]\s*(?P<rest>.*)$")
_BARE = re.compile(rf"^\s*(?P<clock>{CLOCK})\s*$")
_NOISE = re.compile(
    r"^\s*(?:\d+ repl(?:y|ies)|view thread|last reply .*|new messages?|new|show (?:more|less)"
    r"|(?::[a-z0-9_+\-']+:\s*\d+\s*)+|\(edited\)|also sent to the channel"
    r"|replied to a thread:.*)\s*$",
    re.IGNORECASE,
)


def person(name: str) -> str | None:
    """The name without status emoji and pronouns, or None if it does not look like one."""
    name = _EMOJI.sub("", name)
    name = re.sub(r"\s*\((?:he|she|they|xe|ze)/[a-z/]+\)\s*", " ", name, flags=re.I)
    name = " ".join(name.split())
    if not name or len(name.split()) > 5 or not _NAME.match(name):
        return None
    return name


def match_header(line: str) -> LineMatch | None:
    """``Jane Doe  10:32 AM`` (the message follows on the next lines)."""
    m = _HEADER.match(line)
    if not m:
        return None
    name = person(m["name"])
    if name is None:
        return None
    date = None
    year_known = True
    if m["month"]:
        try:
            date, year_known = month_day(m["month"], m["day"], m["year"])
        except ValueError:
            return None
    written = line.strip()[len(m["name"]) :].strip().removeprefix("APP").strip()
    stamp = Stamp(written, clock_from(m), date, year_known=year_known)
    bot = bool(m["app"] or m["app2"])
    return LineMatch(stamp, "", SHAPE, speaker=name, chat=True, bot=bot)


def match_bracket(line: str) -> LineMatch | None:
    """``[10:32 AM] name: text``; without ``name:`` the text is the message."""
    m = _BRACKET.match(line)
    if not m:
        return None
    rest = m["rest"]
    speaker = None
    head, sep, tail = rest.partition(": ")
    if not sep and rest.endswith(":"):
        head, sep, tail = rest[:-1], ":", ""
    if sep and person(head):
        speaker, rest = person(head), tail
    elif person(rest) and rest == rest.strip() and len(rest.split()) <= 3 and rest.istitle():
        # "[10:32 AM] Jane Doe" with the message on the lines below (Teams' shape too).
        speaker, rest = person(rest), ""
    stamp = Stamp(m["clock"], clock_from(m))
    return LineMatch(stamp, clean_text(rest), SHAPE, speaker=speaker, chat=speaker is not None)


def bare_time(line: str) -> Stamp | None:
    """A time alone on a line: the next message of the same speaker."""
    m = _BARE.match(line)
    return Stamp(m["clock"], clock_from(m)) if m else None


def is_noise(line: str) -> bool:
    """Slack interface text copied with the messages (not part of any message)."""
    return bool(_NOISE.match(line))


def strip_edited(text: str) -> str:
    return re.sub(r"\s*\(edited\)\s*$", "", text)


# --------------------------------------------------------------------------- the export

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>|<((?:https?|mailto):[^>]*)>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")


def export_text(text: str) -> str:
    """Slack's message markup made plain: mentions of user IDs become ``@responder``
    (the export names IDs, not people), links their label, ``<!here>`` ``@here``."""
    text = _MENTION.sub("@responder", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def export_fields(obj: dict[str, Any]) -> tuple[str, str, str | None, bool] | None:
    """(ts, text, speaker, is_bot) when ``obj`` is a message of a Slack export, else None."""
    if obj.get("type") != "message" or not isinstance(obj.get("ts"), str):
        return None
    profile = obj.get("user_profile") or {}
    speaker = None
    if isinstance(profile, dict):
        speaker = profile.get("real_name") or profile.get("display_name") or None
    speaker = speaker or obj.get("user_name") or obj.get("username") or obj.get("user")
    bot = bool(obj.get("bot_id")) or obj.get("subtype") == "bot_message"
    text = export_text(str(obj.get("text") or ""))
    return obj["ts"], clean_text(text), (str(speaker) if speaker else None), bot
