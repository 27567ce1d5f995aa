"""The blame check of imported rows, for the preview (the CLI's and the wizard's).

The rows' speakers are people even when the post-mortem names nobody: their first names
count for the blame check's subject test, so ``Jane should have checked`` is found in a
pasted line whether or not the names are kept. The document (when given) adds its own
names and its allowances, as in the wizard's fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pmtui.blame import Checker, Finding
from pmtui.document.model import Postmortem
from pmtui.timeline.rows import LogRow


def speaker_names(rows: Iterable[LogRow]) -> list[str]:
    """The first names of the rows' speakers, each once."""
    names: list[str] = []
    for row in rows:
        words = (row.speaker or "").split()
        if words and words[0] not in names:
            names.append(words[0])
    return names


def import_check(
    checker: Checker, rows: Iterable[LogRow], doc: Postmortem | None = None
) -> Callable[[str], list[Finding]]:
    """``text -> findings`` for :func:`pmtui.timeline.build_preview`."""
    settings = checker.settings_for(doc).with_names(speaker_names(rows))

    def check(text: str) -> list[Finding]:
        return checker.text(text, doc=doc, _settings=settings)

    return check
