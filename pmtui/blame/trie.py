"""Word lists as prefix-tree regexes (used by the rules engine and normalisation)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a prefix tree (Python's ``re`` tries
    alternatives one by one, so a tree is far faster than a flat ``a|b|c``).
    Longer words win; a space in a word matches any run of whitespace."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if "" in node:
            if not alts:
                return ""
            return "(?:" + "|".join(alts) + ")?"
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + build(root) + ")" if root else "(?!)"
