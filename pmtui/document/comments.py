"""pmtui's notes inside a Markdown file: HTML comments a Markdown viewer does not show.

One grammar, used by the reader, the writer and the blame engine::

    <!-- pmtui: step timeline -->
    <!-- pmtui: allow human-error -->
    <!-- pmtui: allow should-have "matched text" -->

The allowed text is a JSON string (curly quotes are accepted when hand-written). No
Textual and no Markdown parser here: this module is imported by the blame engine.
"""

from __future__ import annotations

import json
import re

from pmtui.document.model import Allowance

#: One whole pmtui comment: its kind (``step``, ``allow``) and its arguments.
COMMENT_RE = re.compile(r"^<!--\s*pmtui:\s*(\w+)\s*(.*?)\s*-->$", re.DOTALL)
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
    rest = rest.strip()
    match: str | None = None
    if rest:
        if rest.startswith("“") and "”" in rest:
            match = rest[1 : rest.index("”")]
        else:
            try:
                value, _ = json.JSONDecoder().raw_decode(rest)
                match = value if isinstance(value, str) else str(value)
            except json.JSONDecodeError:
                match = rest.strip('"')
    return Allowance(rule=rule, match=match)


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
    # A ">" inside could end the comment early ("-->"); JSON can spell it \u003e.
    text = text.replace(">", "\\u003e")
    return text + " -->"


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
