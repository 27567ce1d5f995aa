"""Plain text <-> Markdown source for one field, so that what is written reads back exactly.

The reader turns Markdown inline tokens back into the text a person typed: escapes
and entities are decoded, wrapped lines are joined with one space, hard breaks and
``<br>`` become newlines, and real inline markup (``**bold**``, `` `code` ``,
links) is kept as its source characters. The writer does the reverse with as
little escaping as it can: it tries the text almost as-is, checks that the reader
gets the same text back, and escapes more only when it does not.

No Textual here; markdown-it-py does the parsing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_BRACKET_RUN_RE = re.compile(r"[\[!]+")


def _bracket_run(state: StateInline, silent: bool) -> bool:
    """Inline rule: a run of ``[`` and ``!`` with no ``]`` anywhere after it is literal.

    Only a ``]`` can close a link or image label, so without one every ``[`` (and the
    ``!`` of an image) ends up in the text anyway; markdown-it gets there one character
    at a time, scanning ahead for a label end from each ``[`` (25 µs a character: a
    2.5 MB line of ``[`` took 29 s). This takes the whole run at once. The last ``]``
    of the source is looked up once per parse (kept in the state's position cache under
    the key -1, never a position).
    """
    src, pos = state.src, state.pos
    if src[pos] not in "[!":
        return False
    last_close = state.cache.get(-1)
    if last_close is None:
        last_close = state.cache[-1] = src.rfind("]")
    if last_close > pos:
        return False
    run = _BRACKET_RUN_RE.match(src, pos, state.posMax)
    end = run.end() if run else pos + 1
    if not silent:
        # markdown-it-py >= 4.3 buffers pending text; older versions keep a str
        append = getattr(state, "append_pending", None)
        if append is not None:
            append(src[pos:end])
        else:
            state.pending += src[pos:end]
    state.pos = end
    return True


def _parser(*disabled: str) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.inline.ruler.before("link", "bracket_run", _bracket_run)
    return md.disable(list(disabled)) if disabled else md


#: The one parser configuration used to read and to check what is written.
MD = _parser()
#: The same, block structure only: the reader parses each value's inline text on demand.
MD_BLOCKS = _parser("inline")

BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)

# Characters that can change how a line parses when they start it.
_LINE_START_RE = re.compile(r"^(?:[#>+\-*=`~<|_\[\\]|\d{1,9}[.)])")
# Characters that can make inline markup, entities or breaks (or a cell edge, when writing).
_INLINE_SPECIAL_RE = re.compile(r"[\\`*_\[\]<>&!|]")
# The ones inline parsing acts on: text without any of them reads as itself.
_READ_SPECIAL_RE = re.compile(r"[\\`*_\[\]<&\n]")
# Full escaping: every character inline parsing could treat specially.
_FULL_ESCAPE_RE = re.compile(r"([\\`*_\[\]<>&!|#~=+\-(){}.\"'])")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


#: Control characters other than tab and newline: a Markdown file cannot carry them
#: (markdown-it turns NUL and their entities into U+FFFD, CR into a line break).
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without the control characters a Markdown file cannot carry."""
    return _UNSAFE_RE.sub("", text)


def entity(ch: str) -> str:
    return f"&#{ord(ch)};"


# --------------------------------------------------------------------------- reading


def inline_text(tokens: Sequence[Token] | None) -> str:
    """The plain text of a run of inline tokens (see the module docstring)."""
    if not tokens:
        return ""
    out: list[str] = []
    links: list[Token] = []
    for tok in tokens:
        kind = tok.type
        if kind in ("text", "text_special"):
            out.append(tok.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "html_inline":
            out.append("\n" if BR_RE.fullmatch(tok.content) else tok.content)
        elif kind == "code_inline":
            body = tok.content
            pad = ""
            if (
                body.startswith("`")
                or body.endswith("`")
                or (body.startswith(" ") and body.endswith(" ") and body.strip(" "))
            ):
                pad = " "
            out.append(f"{tok.markup}{pad}{body}{pad}{tok.markup}")
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            out.append(tok.markup)
        elif kind == "link_open":
            links.append(tok)
            out.append("<" if tok.markup == "autolink" else "[")
        elif kind == "link_close":
            opener = links.pop() if links else tok
            if opener.markup == "autolink":
                out.append(">")
            else:
                out.append(f"]({_destination(opener, 'href')})")
        elif kind == "image":
            out.append(f"![{inline_text(tok.children)}]({_destination(tok, 'src')})")
        else:  # pragma: no cover - commonmark+table has no other inline tokens
            out.append(tok.content)
    return "".join(out)


def _destination(tok: Token, attr: str) -> str:
    dest = str(tok.attrGet(attr) or "")
    if not dest or re.search(r"[\s()<>]", dest):
        dest = f"<{dest}>"
    title = tok.attrGet("title")
    if title:
        title_text = str(title).replace("\\", "\\\\").replace('"', '\\"')
        dest += f' "{title_text}"'
    return dest


def parse_inline(source: str, env: dict[str, Any] | None = None) -> str:
    """Plain text of one piece of inline Markdown source (``env``: the block parse's
    environment, so reference links resolve)."""
    if not source:
        return ""
    if not _READ_SPECIAL_RE.search(source):
        return source
    tokens = MD.parseInline(source, env)
    return inline_text(tokens[0].children if tokens else None)


# --------------------------------------------------------------------------- writing


def _encode_edges(line: str) -> str:
    """Write leading/trailing whitespace as entities: the parser strips it otherwise."""
    if not line or not (line[0].isspace() or line[-1].isspace()):
        return line
    stripped = line.strip()
    if not stripped:
        return "".join(entity(c) for c in line)
    start = line.index(stripped[0])
    end = start + len(stripped)
    return (
        "".join(entity(c) for c in line[:start]) + stripped + "".join(entity(c) for c in line[end:])
    )


def _escape_line_start(line: str) -> str:
    match = _LINE_START_RE.match(line)
    if not match:
        return line
    token = match.group(0)
    if token[-1] in ".)" and token[0].isdigit():
        return f"{token[:-1]}\\{token[-1]}{line[len(token) :]}"
    return f"\\{line}"


def _full_escape(text: str) -> str:
    return _FULL_ESCAPE_RE.sub(r"\\\1", text)


def _entity_escape(text: str) -> str:
    return "".join(entity(c) if c in _ASCII_PUNCT else c for c in text)


_Escaper = Callable[[str], str]
_TIERS: tuple[_Escaper, ...] = (lambda s: s, _full_escape, _entity_escape)


def _single_line(text: str, escape: _Escaper) -> str:
    """One line of inline source; newlines become ``<br>``."""
    parts = text.split("\n")
    if len(parts) == 1:
        return _encode_edges(escape(text))
    out = []
    for i, part in enumerate(parts):
        src = escape(part)
        # Whitespace next to <br> survives; only the ends of the whole value are stripped.
        if i == 0:
            src = _encode_edges(src + "x")[:-1]
        if i == len(parts) - 1:
            src = _encode_edges("x" + src)[1:]
        out.append(src)
    return "<br>".join(out)


def _multi_line(text: str, escape: _Escaper) -> list[str]:
    """Lines of one paragraph; newlines become hard breaks (a trailing ``\\``)."""
    trailing = len(text) - len(text.rstrip("\n"))
    body = text[: len(text) - trailing] if trailing else text
    lines = body.split("\n")
    out = []
    for line in lines:
        src = _encode_edges(escape(line))
        if src:
            src = _escape_line_start(src)
        out.append(src)
    if trailing:
        out[-1] += entity("\n") * trailing
    for i in range(len(out) - 1):
        out[i] += "\\"
    if out == [""]:
        return []
    return out


#: The link reference definitions (``[label]: url``) of the document being written: a
#: value is checked as the reader will parse it, where ``[a][label]`` is a link.
_REFERENCES: ContextVar[dict[str, Any] | None] = ContextVar("references", default=None)


@contextlib.contextmanager
def references(env: dict[str, Any] | None) -> Iterator[None]:
    """Write values checked against ``env`` (a block parse's environment) meanwhile."""
    token = _REFERENCES.set(env)
    try:
        yield
    finally:
        _REFERENCES.reset(token)


def _verified(text: str, render: Callable[[_Escaper], str]) -> str:
    if not _INLINE_SPECIAL_RE.search(text) and "\n" not in text:
        fast = render(_TIERS[0])
        if fast == text or not _INLINE_SPECIAL_RE.search(fast):
            return fast
    env = _REFERENCES.get()
    candidate = ""
    for escape in _TIERS:
        candidate = render(escape)
        if parse_inline(candidate, env) == text:
            return candidate
    return candidate


def to_line(text: str, reserved: Callable[[str], bool] | None = None) -> str:
    """Inline source for a one-line place (heading, header field, table cell before pipes)."""
    text = clean(text)
    return _verified(text, lambda esc: _disambiguate(_single_line(text, esc), reserved))


def to_cell(text: str, reserved: Callable[[str], bool] | None = None) -> str:
    """Source for a table cell: like :func:`to_line`, with every ``|`` escaped."""
    return to_line(text, reserved).replace("|", "\\|")


def to_heading(text: str, reserved: Callable[[str], bool] | None = None) -> str:
    """Source for ATX heading text: a trailing run of ``#`` would be dropped, so escape it."""
    src = to_line(text, reserved)
    if src.endswith("#") and not src.endswith("\\#"):
        src = src[:-1] + "\\#"
    return src


def to_lines(text: str, reserved: Callable[[str], bool] | None = None) -> list[str]:
    """Source lines of one paragraph (no blank lines in between)."""
    text = clean(text)

    def render(escape: _Escaper) -> str:
        lines = _multi_line(text, escape)
        if lines:
            lines[0] = _disambiguate(lines[0], reserved)
        return "\n".join(lines)

    joined = _verified(text, render)
    return joined.split("\n") if joined else []


_PARAGRAPH_SPLIT_RE = re.compile(r"(?<=[^\n])\n\n(?=[^\n])")


def to_paragraphs(text: str, reserved: Callable[[str], bool] | None = None) -> list[list[str]]:
    """Source lines of each paragraph of a multi-paragraph text (blank line between)."""
    text = clean(text)
    if not text:
        return []
    return [to_lines(chunk, reserved) for chunk in _PARAGRAPH_SPLIT_RE.split(text)]


def _disambiguate(src: str, reserved: Callable[[str], bool] | None) -> str:
    """If the source would read as something else (a placeholder, a prefix), write its
    first character as an entity: the text stays the same, the source no longer matches."""
    if reserved is None or not src or not reserved(src):
        return src
    if src[0] == "\\" and len(src) > 1:
        return entity(src[1]) + src[2:]
    if src[0] == "&":
        return entity("&") + src[1:]
    return entity(src[0]) + src[1:]
