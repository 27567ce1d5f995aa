"""Read and write a document's text fields by the blame engine's field paths
(``title``, ``five_whys[0]``, ``timeline[2].event``, ``action_items[0].owner``).
No Textual here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pmtui.document.model import Postmortem

_PATH_RE = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$")

#: Which wizard step shows each top-level field.
FIELD_STEPS: dict[str, str] = {
    "title": "facts",
    "date": "facts",
    "duration": "facts",
    "severity": "facts",
    "author": "facts",
    "summary": "facts",
    "impact": "facts",
    "timeline": "timeline",
    "five_whys": "whys",
    "gaps": "gaps",
    "action_items": "actions",
    "learnings": "learnings",
    "extra_sections": "review",
    "above_title": "review",
}


def text_fields(doc: Postmortem) -> Iterator[tuple[str, str, str]]:
    """Every free-text field of ``doc`` as (field path, wizard step, text), in step order:
    the fields the blame checker reads."""
    yield "title", "facts", doc.title
    yield "summary", "facts", doc.summary
    if doc.impact is not None:
        yield "impact", "facts", doc.impact
    yield "author", "facts", doc.author
    yield "duration", "facts", doc.duration
    for i, entry in enumerate(doc.timeline):
        yield f"timeline[{i}].event", "timeline", entry.event
    for i, why in enumerate(doc.five_whys):
        yield f"five_whys[{i}]", "whys", why
    for i, gap in enumerate(doc.gaps):
        yield f"gaps[{i}].text", "gaps", gap.text
    for i, item in enumerate(doc.action_items):
        yield f"action_items[{i}].action", "actions", item.action
        yield f"action_items[{i}].owner", "actions", item.owner
        yield f"action_items[{i}].verification", "actions", item.verification
    for i, learning in enumerate(doc.learnings):
        yield f"learnings[{i}]", "learnings", learning
    for i, extra in enumerate(doc.extra_sections):
        yield f"extra_sections[{i}].body", FIELD_STEPS["extra_sections"], extra.body
    if doc.above_title:
        yield "above_title", FIELD_STEPS["above_title"], doc.above_title


def split_path(path: str) -> tuple[str, int | None, str | None]:
    """``"timeline[2].event"`` -> ``("timeline", 2, "event")``."""
    match = _PATH_RE.match(path)
    if not match:
        raise ValueError(f"not a field path: {path!r}")
    name, index, attr = match.groups()
    return name, (int(index) if index is not None else None), attr


def step_of(path: str) -> str:
    """The wizard step where the field at ``path`` is edited."""
    return FIELD_STEPS.get(split_path(path)[0], "review")


def get_text(doc: Postmortem, path: str) -> str:
    """The text at ``path`` (empty when the row does not exist yet)."""
    name, index, attr = split_path(path)
    value: object = getattr(doc, name)
    if index is not None:
        items = value if isinstance(value, list) else []
        if index >= len(items):
            return ""
        value = items[index]
    if attr is not None:
        value = getattr(value, attr)
    return "" if value is None else str(value)


def set_text(doc: Postmortem, path: str, text: str) -> None:
    """Store ``text`` at ``path``; lists of strings grow to fit the index.

    Surrounding white space is dropped: it means nothing in Markdown, and kept it
    would have to be written as ``&#32;`` escapes.
    """
    text = text.strip()
    name, index, attr = split_path(path)
    if index is None:
        setattr(doc, name, text)
        return
    items = getattr(doc, name)
    if attr is None:
        values = list(items)
        while len(values) <= index:
            values.append("")
        values[index] = text
        setattr(doc, name, values)
    else:
        setattr(items[index], attr, text)


_LABELS = {
    "five_whys": "Why",
    "timeline": "Timeline row",
    "gaps": "Gap",
    "action_items": "Action item",
    "learnings": "Learning",
    "extra_sections": "Section",
}


def describe_field(path: str) -> str:
    """Words for a field path: ``five_whys[1]`` -> ``Why 2``,
    ``action_items[0].owner`` -> ``Action item 1 owner``."""
    try:
        name, index, attr = split_path(path)
    except ValueError:
        return path
    if index is None:
        return name.replace("_", " ").capitalize()
    words = f"{_LABELS.get(name, name)} {index + 1}"
    if attr and attr not in ("text", "event", "action", "body"):
        words += f" {attr}"
    return words
