"""Keeping people's names out of imported rows.

A chat line's speaker becomes their role (when one is given for that name) or
"responder"; the same names inside the text are replaced too: the full name and
``@handles`` in any case, an e-mail address and its local part (``jane.doe``), and a
person's first name when written with its capital (``Jane restarted``, not ``will``).
Apps and bots (Slack's ``APP`` badge) are not people and keep their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

RESPONDER = "responder"


def _variants(name: str) -> tuple[set[str], set[str]]:
    """(forms matched in any case, forms matched only as written)."""
    any_case: set[str] = set()
    exact: set[str] = set()
    name = name.strip()
    local, at, _domain = name.partition("@")
    if at and local:
        any_case.update({name, local})
        words = [w for w in re.split(r"[._\-]+", local) if w]
        if len(words) > 1:
            any_case.add(" ".join(words))
            exact.add(words[0].capitalize())
        return any_case, exact
    any_case.add(name)
    words = name.split()
    if words:
        any_case.add("@" + name)
        any_case.add("@" + words[0])
        any_case.add("@" + "".join(words))
        any_case.add("@" + ".".join(words))
        if len(words) > 1 and len(words[0]) > 2:
            exact.add(words[0])
    return any_case, exact


class Anonymiser:
    """Replaces the speakers of one log with their roles or "responder"."""

    def __init__(
        self,
        speakers: Iterable[str],
        *,
        bots: Iterable[str] = (),
        keep_names: bool = False,
        roles: Mapping[str, str] | None = None,
    ) -> None:
        self.keep_names = keep_names
        self._roles = {k.strip().casefold(): v.strip() for k, v in (roles or {}).items()}
        self._replace: dict[str, str] = {}
        any_forms: dict[str, str] = {}
        exact_forms: dict[str, str] = {}
        people = set(speakers) - set(bots)
        for speaker in sorted(people, key=len, reverse=True):
            who = self.who(speaker)
            loose, strict = _variants(speaker)
            for form in loose:
                any_forms.setdefault(form.casefold(), who)
            for form in strict:
                exact_forms.setdefault(form, who)
        self._any = self._pattern(any_forms, re.IGNORECASE)
        self._exact = self._pattern(exact_forms, 0)
        self._any_map = any_forms
        self._exact_map = exact_forms

    @staticmethod
    def _pattern(forms: Mapping[str, str], flags: int) -> re.Pattern[str] | None:
        if not forms:
            return None
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@]|\.\w)", flags)

    def role(self, speaker: str) -> str | None:
        key = speaker.strip().casefold()
        if key in self._roles:
            return self._roles[key]
        local = key.partition("@")[0]
        return self._roles.get(local)

    def who(self, speaker: str, *, bot: bool = False) -> str:
        """What the row says instead of ``speaker``."""
        if self.keep_names or bot:
            return speaker
        return self.role(speaker) or RESPONDER

    def scrub(self, text: str) -> str:
        """``text`` with the speakers' names replaced (unchanged when names are kept)."""
        if self.keep_names:
            return text
        if self._any is not None:
            any_map = self._any_map
            text = self._any.sub(lambda m: any_map[m.group(0).casefold()], text)
        if self._exact is not None:
            exact_map = self._exact_map
            text = self._exact.sub(lambda m: exact_map[m.group(0)], text)
        return text
