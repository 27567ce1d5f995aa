"""Given names: who counts as a person in the subject test and in the statistical layer.

Three sources, all matched the same way:

* ``names.txt``: over 20,000 given names from many cultures, extracted from Faker's person
  providers by ``scripts/extract_names.py`` (MIT, see ``NAMES_LICENSE``), without the
  names that are also ordinary English words;
* the hand list in ``rules.toml`` (``[names] first_names``);
* the user's ``[blame] names`` and the document's author and owners, passed in as
  ``extra`` by the engine.

A word is a name when it is in one of them, capitalised or not ("adaeze wiped the
bucket" is chat, and still about Adaeze).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("names.txt")


@functools.cache
def given_names() -> frozenset[str]:
    """Every shipped given name, case-folded (loaded once, on first use)."""
    from pmtui.blame.engine import rules_data

    names = {
        line.strip().casefold()
        for line in NAMES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    names.update(n.casefold() for n in rules_data().get("names", {}).get("first_names", ()))
    return frozenset(names)


def folded_names(names: Iterable[str]) -> frozenset[str]:
    """``names`` (config, document) in the form :func:`is_name` compares."""
    return frozenset(n.strip().lstrip("@").casefold() for n in names if n.strip().lstrip("@"))


def is_name(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether ``word`` (one word, possibly with a trailing ``'s``) is a person's name;
    ``extra`` holds more names, as :func:`folded_names` gives them."""
    word = word.strip().lstrip("@")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    folded = word.casefold()
    if len(folded) < 2:
        return False
    return folded in given_names() or folded in extra
