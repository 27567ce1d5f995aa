"""pmtui's notes inside a Markdown file: HTML comments a Markdown viewer does not show.

One grammar, used by the reader, the writer, the blame engine and ``pmtui lint``::

    <!-- pmtui: step timeline -->
    <!-- pmtui: allow human-error -->
    <!-- pmtui: allow should-have "matched text" -->
    <!-- pmtui: allow should-have "matched text" in "the sentence it stood in" -->
    <!-- pmtui: ignore-next-line -->
    <!-- pmtui: off -->
    <!-- pmtui: on -->

The allowed text is a JSON string (curly quotes are accepted when hand-written). The last
three are ``pmtui lint``'s line-scoped suppressions (as ruff's ``noqa`` and Vale's
``<!-- vale off -->``): alone on a line, they silence lint findings on the next file line,
or on every line from ``off`` to ``on``. They are about the file's lines, so only lint
reads them; the wizard's live warnings are unaffected. No Textual and no Markdown parser
here: this module is imported by the blame engine.
"""

from __future__ import annotations

import json
import re

from pmtui.document.model import Allowance

#: One whole pmtui comment: its kind (``step``, ``allow``) and its arguments.
COMMENT_RE = re.compile(r"^<!--\s*pmtui:\s*(\w[\w-]*)\s*(.*?)\s*-->$", re.DOTALL)
#: The suppression comments' kinds.
IGNORE_NEXT_LINE = "ignore-next-line"
OFF = "off"
ON = "on"
SUPPRESSIONS = (IGNORE_NEXT_LINE, OFF, ON)
#: Allow comments anywhere in a text (for text that is not read as a post-mortem).
_ALLOW_ANYWHERE_RE = re.compile(r"<!--\s*pmtui:\s*allow\b(.*?)-->", re.IGNORECASE | re.DOTALL)
#: A rule id written without quotes.
_RULE_RE = re.compile(r"^[\w.:/-]+$")


def parse_comment(text: str) -> tuple[str, str] | None:
    """``(kind, arguments)`` of one pmtui comment, or None for any other text."""
    match = COMMENT_RE.match(text.strip())
    if not match:
        return None
    return match.group(1).lower(), match.group(2)


def parse_allow(args: str) -> Allowance:
    """The arguments of an ``allow`` comment: a rule id, then optionally the text."""
    rule, rest = _json_or_word(args)
    match, rest = _quoted(rest)
    context = None
    rest = rest.strip()
    if match is not None and (rest.startswith("in ") or rest.startswith("in\t")):
        context, _ = _quoted(rest[2:])
    return Allowance(rule=rule, match=match, context=context)


def _quoted(text: str) -> tuple[str | None, str]:
    """A leading JSON string (or curly-quoted text) and what follows it."""
    text = text.strip()
    if not text:
        return None, ""
    if text.startswith("“") and "”" in text:
        end = text.index("”")
        return text[1:end], text[end + 1 :]
    try:
        value, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError:
        return text.strip('"'), ""
    return (value if isinstance(value, str) else str(value)), text[end:]


def find_allowances(text: str) -> list[Allowance]:
    """Every ``<!-- pmtui: allow … -->`` comment in ``text``, in order."""
    if "<!--" not in text:
        return []
    return [parse_allow(m.group(1)) for m in _ALLOW_ANYWHERE_RE.finditer(text)]


def format_allow(allowance: Allowance) -> str:
    """The comment for one allowance (the reverse of :func:`parse_allow`)."""
    rule = allowance.rule
    if not _RULE_RE.fullmatch(rule):
        rule = json.dumps(rule, ensure_ascii=False)
    text = f"<!-- pmtui: allow {rule}"
    if allowance.match is not None:
        text += " " + json.dumps(allowance.match, ensure_ascii=False)
        if allowance.context is not None:
            text += " in " + json.dumps(allowance.context, ensure_ascii=False)
    # A ">" inside could end the comment early ("-->"); JSON can spell it \u003e.
    text = text.replace(">", "\\u003e")
    return text + " -->"


def suppressed_lines(text: str) -> set[int]:
    """The 1-based lines of ``text`` that suppression comments silence: the line after an
    ``ignore-next-line``, and every line from an ``off`` to the next ``on`` (or the end).
    Comments inside fenced code blocks are text, not comments."""
    silenced: set[int] = set()
    off_since: int | None = None
    fence = ""
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if fence:
            if line.startswith(fence):
                fence = ""
            if off_since is not None:
                silenced.add(number)
            continue
        if line.startswith(("```", "~~~")):
            fence = line[:3]
        if off_since is not None:
            silenced.add(number)
        if not line.startswith("<!--"):
            continue
        found = parse_comment(line)
        if found is None or found[0] not in SUPPRESSIONS:  # words after it: a reason
            continue
        kind = found[0]
        if kind == IGNORE_NEXT_LINE:
            silenced.add(number + 1)
        elif kind == OFF and off_since is None:
            off_since = number
        elif kind == ON and off_since is not None:
            off_since = None
    return silenced


def format_step(step: str) -> str:
    return f"<!-- pmtui: step {step} -->"


def _json_or_word(args: str) -> tuple[str, str]:
    args = args.strip()
    if args.startswith('"'):
        try:
            value, end = json.JSONDecoder().raw_decode(args)
            return str(value), args[end:]
        except json.JSONDecodeError:
            pass
    parts = args.split(None, 1)
    if not parts:
        return "", ""
    return parts[0], parts[1] if len(parts) > 1 else ""
