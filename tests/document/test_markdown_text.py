"""The parser's fast path for runs of ``[``: the same text as markdown-it's own parse."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pmtui.document.markdown.text import MD, inline_text, parse_inline

PLAIN = MarkdownIt("commonmark").enable("table")

pieces = st.sampled_from(
    ["[", "]", "[[", "![", "](", "(u)", "[a]", "[ref]", "\\", "\\[", "`", "``", "*", "_",
     "<", ">", "<http://x.y>", "&amp;", " ", "\n", "a", "é", ":"]
)  # fmt: skip
sources = st.lists(pieces, max_size=30).map("".join)


def reference_env() -> dict[str, Any]:
    env: dict[str, Any] = {}
    PLAIN.parse("[ref]: http://x.y\n[a]: /a", env)
    return env


@settings(max_examples=2000, deadline=None)
@given(sources, st.booleans())
def test_brackets_read_as_markdown_it_reads_them(source: str, with_references: bool) -> None:
    env = reference_env() if with_references else None
    expected = inline_text(PLAIN.parseInline(source, env)[0].children)
    assert parse_inline(source, env) == expected
    assert inline_text(MD.parseInline(source, env)[0].children) == expected
