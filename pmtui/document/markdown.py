"""A post-mortem as Markdown: written after the spec's template, read back with nothing lost.

``to_markdown`` renders ``templates/postmortem.md.j2``; ``from_markdown`` parses with
markdown-it-py and tolerates what people and editors do to the file (CRLF, padded or
unpadded tables, wrapped paragraphs, the bare spec template with its placeholders,
sections it does not know, which are kept verbatim and written back in order).

pmtui's own notes live in HTML comments a Markdown viewer does not show::

    <!-- pmtui: step timeline -->
    <!-- pmtui: allow human-error -->
    <!-- pmtui: allow should-have "matched text" -->
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markdown_it.token import Token
from pydantic import ValidationError

from pmtui import paths
from pmtui.document import mdtext
from pmtui.document.errors import DocumentError
from pmtui.document.model import (
    STEPS,
    ActionItem,
    Allowance,
    ExtraSection,
    GapType,
    MeetingItem,
    MeetingRecord,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
    describe_validation_error,
)

TEMPLATE_NAME = "postmortem.md.j2"

# --------------------------------------------------------------------------- shared patterns

_TITLE_RE = re.compile(r"^post[- ]?mortem\s*:[ \t]*", re.IGNORECASE)
_FIELD_RE = re.compile(r"^\*\*([^*\n]+?)\s*(?::\*\*|\*\*\s*:)[ \t]*(.*)$")
_WHY_RE = re.compile(r"^why(?:[ \t]*\d+)?[ \t]*:[ \t]*", re.IGNORECASE)
_CHECKBOX_RE = re.compile(r"^\[([ xX])\](?:[ \t]+|$)")
_GAP_TYPE_RE = re.compile(
    r"^\*\*(" + "|".join(t.value for t in GapType) + r")\s*(?::\*\*|\*\*\s*:)[ \t]*",
    re.IGNORECASE,
)
_COMMENT_RE = re.compile(r"^<!--\s*pmtui:\s*(\w+)\s*(.*?)\s*-->$", re.DOTALL)
_RULE_RE = re.compile(r"^[\w.:/-]+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Timeline times people write by hand: "14:02 UTC", "14:02Z", "2024-03-05T14:02".
_TIME_SUFFIX_RE = re.compile(r"\s*(?:UTC|Z)$", re.IGNORECASE)
_ISO_T_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?=\d)")
_DATETIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(.*)$")

#: Spec template placeholders, compared with the Markdown source of a value.
_BRACKET_PLACEHOLDER_RE = re.compile(r"^\[[^\[\]\n]*\]$")
_PLACEHOLDERS: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"^YYYY-MM-DD$"),
    "duration": re.compile(r"^X hours$"),
    "severity": re.compile(r"^SEV-1/2/3$"),
    "time": re.compile(r"^HH:MM$"),
    "gap": re.compile(r"^Gap \d+$"),
    "learning": re.compile(r"^Learning \d+$"),
    "owner": re.compile(r"^@name$"),
}

_PLACEHOLDER_STARTS = frozenset("[YXSHGL@")

_SECTION_NAMES: dict[str, str] = {
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "five whys": "whys",
    "5 whys": "whys",
    "process gaps identified": "gaps",
    "process gaps": "gaps",
    "action items": "actions",
    "key learnings": "learnings",
    "learnings": "learnings",
    "meeting": "meeting",
}

_FIELD_KEYS = ("date", "duration", "severity", "author")

#: Status words people write by hand (lowercase, single spaces), to the three statuses.
_STATUS_WORDS: dict[str, Status] = {
    **{s.value.lower(): s for s in Status},
    **dict.fromkeys(("todo", "to do", "open", "not started", "planned"), Status.PENDING),
    **dict.fromkeys(("wip", "ongoing", "started", "doing", "in review"), Status.IN_PROGRESS),
    **dict.fromkeys(("complete", "completed", "closed", "finished", "resolved", "✅"), Status.DONE),
}


def _is_placeholder(kind: str, source: str) -> bool:
    source = source.strip()
    if not source or source[0] not in _PLACEHOLDER_STARTS:  # the common case, quickly
        return False
    if _BRACKET_PLACEHOLDER_RE.match(source):
        return kind not in ("date", "time", "severity")
    pattern = _PLACEHOLDERS.get(kind)
    return bool(pattern and pattern.match(source))


def _section_key(heading_source: str) -> str | None:
    name = " ".join(heading_source.strip().rstrip(":").split()).lower()
    return _SECTION_NAMES.get(name)


# =========================================================================== writer


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates_dir())),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
    )
    # A table cell with one space either side; an empty cell is "| |".
    env.filters["cell"] = lambda source: f" {source} " if source else " "
    return env


def _template() -> jinja2.Template:
    try:
        return _environment().get_template(TEMPLATE_NAME)
    except jinja2.TemplateNotFound:
        raise DocumentError(
            f"template {TEMPLATE_NAME} not found in {paths.templates_dir()}; reinstall pmtui"
        ) from None


def _reserved(kind: str) -> Callable[[str], bool]:
    return lambda source: _is_placeholder(kind, source)


def _indented(lines: list[str], indent: str) -> str:
    return ("\n" + indent).join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _format_datetime(value: dt.datetime) -> str:
    value = _utc(value)
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text + " UTC"


def _comment(allowance: Allowance) -> str:
    rule = allowance.rule
    if not _RULE_RE.fullmatch(rule):
        rule = json.dumps(rule, ensure_ascii=False)
    text = f"<!-- pmtui: allow {rule}"
    if allowance.match is not None:
        text += " " + json.dumps(allowance.match, ensure_ascii=False)
    # A ">" inside could end the comment early ("-->"); JSON can spell it \u003e.
    text = text.replace(">", "\\u003e")
    return text + " -->"


def _meeting_context(meeting: MeetingRecord) -> dict[str, Any]:
    fields: list[tuple[str, str]] = []
    if meeting.started_at is not None:
        fields.append(("Started", _format_datetime(meeting.started_at)))
    if meeting.ended_at is not None:
        fields.append(("Ended", _format_datetime(meeting.ended_at)))
    if meeting.ended_at is None or meeting.current_item:
        fields.append(("Current item", str(meeting.current_item + 1)))
    items = [
        {
            "name": mdtext.to_cell(item.name),
            "planned": _number(item.planned_minutes),
            "actual": _number(item.actual_seconds),
            "overrun": _number(item.overrun_seconds),
        }
        for item in meeting.items
    ]
    return {"fields": fields, "rows": items}


def _written_sections(doc: Postmortem) -> set[str]:
    written = {"summary", "timeline", "whys", "gaps", "actions", "learnings"}
    if doc.impact is not None:
        written.add("impact")
    if doc.meeting is not None:
        written.add("meeting")
    return written


def to_markdown(doc: Postmortem) -> str:
    """The post-mortem as Markdown after the spec's template (see module docstring)."""
    written = _written_sections(doc)
    extra = list(doc.extra_sections)
    preamble = None
    if extra and extra[0].heading == "" and _fits_under_header(_body(extra[0].body)):
        # free text that stood under the header fields goes back there
        preamble = _body(extra.pop(0).body)

    def heading_reserved(source: str) -> bool:
        key = _section_key(source)
        return key is not None and key not in written

    comments = []
    if doc.wizard_step is not None:
        comments.append(f"<!-- pmtui: step {doc.wizard_step} -->")
    comments += [_comment(a) for a in doc.allowed]

    context = {
        "title": mdtext.to_heading(doc.title, _reserved("title")),
        "date": doc.date.isoformat() if doc.date else "",
        "duration": mdtext.to_line(doc.duration, _reserved("duration")),
        "severity": doc.severity.value if doc.severity else "",
        "author": mdtext.to_line(doc.author, _reserved("author")),
        "comments": comments,
        "preamble": preamble,
        "summary": _paragraphs(doc.summary, "summary"),
        "impact": None if doc.impact is None else _paragraphs(doc.impact, "impact"),
        "timeline": [
            {"time": e.time, "event": mdtext.to_cell(e.event, _reserved("event"))}
            for e in doc.timeline
        ],
        "five_whys": [
            _indented(mdtext.to_lines(why, _reserved("why")), "   ") for why in doc.five_whys
        ],
        "gaps": [_gap_context(gap) for gap in doc.gaps],
        "with_verification": any(item.verification for item in doc.action_items),
        "action_items": [
            {
                "action": mdtext.to_cell(item.action, _reserved("action")),
                "owner": mdtext.to_cell(item.owner, _reserved("owner")),
                "due": item.due.isoformat() if item.due else "",
                "status": item.status.value,
                "verification": mdtext.to_cell(item.verification, _reserved("verification")),
            }
            for item in doc.action_items
        ],
        "learnings": [
            _indented(mdtext.to_lines(text, _reserved("learning")), "  ") for text in doc.learnings
        ],
        "meeting": None if doc.meeting is None else _meeting_context(doc.meeting),
        "extra_sections": [_extra_context(s, heading_reserved) for s in extra],
    }
    text = _template().render(**context)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (a broken paste) cannot be stored
        text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    return text


def _extra_context(section: ExtraSection, reserved: Callable[[str], bool]) -> dict[str, Any]:
    heading = mdtext.to_heading(section.heading, reserved)
    body = _body(section.body)
    # The body goes right under its heading, as in the spec's layout, unless its first
    # line would then change how the heading reads (a "|---|" row makes it a table).
    gap = False
    if body:
        first_line = body.split("\n", 1)[0]
        if "|" in first_line or "-" in first_line:
            tokens = mdtext.MD_BLOCKS.parse(f"## {heading}\n{first_line}")
            gap = not tokens or tokens[0].type != "heading_open"
    return {"heading": heading, "body": body, "gap": gap}


def _paragraphs(text: str, kind: str) -> list[str]:
    return ["\n".join(lines) for lines in mdtext.to_paragraphs(text, _reserved(kind))]


def _gap_context(gap: ProcessGap) -> dict[str, Any]:
    def reserved(source: str) -> bool:
        return bool(_GAP_TYPE_RE.match(source)) or (
            gap.type is None and _is_placeholder("gap", source)
        )

    lines = mdtext.to_lines(gap.text, reserved)
    if gap.type is not None:
        prefix = f"**{gap.type.value}:**"
        lines = [f"{prefix} {lines[0]}" if lines and lines[0] else prefix, *lines[1:]]
    return {"done": gap.done, "text": _indented(lines, "  ")}


def _fits_under_header(body: str) -> bool:
    """Whether ``body`` can stand under the header fields and read back as itself: not
    empty, and no line that would read as a header field (else it goes under ``## ``)."""
    if not body:
        return False
    for line in body.split("\n"):
        match = _FIELD_RE.match(line.strip(" \t"))
        if match and match.group(1).strip().lower() in _FIELD_KEYS:
            return False
    return True


def _body(body: str) -> str:
    return close_open_blocks(_strip_blank_lines(body.split("\n")))


_SENTINEL = "## pmtui-end-of-section"
_HTML_ENDS = (
    (re.compile(r"^<!--"), "-->"),
    (re.compile(r"^<\?"), "?>"),
    (re.compile(r"^<!\[CDATA\["), "]]>"),
    (re.compile(r"^<![A-Za-z]"), ">"),
    (re.compile(r"^<(script|pre|style|textarea)\b", re.IGNORECASE), None),
)


def close_open_blocks(body: str) -> str:
    """``body`` with an unclosed code fence or raw HTML block at its end closed, so that
    written back it cannot swallow the sections after it. Idempotent."""
    if not body or ("`" not in body and "~" not in body and "<" not in body):
        return body
    for _ in range(4):
        tokens = mdtext.MD_BLOCKS.parse(f"{body}\n\n{_SENTINEL}")
        last = next((t for t in reversed(tokens) if t.level == 0 and t.nesting >= 0), None)
        if last is None or last.type == "heading_open":  # the sentinel: nothing swallowed
            return body
        if last.type == "fence":
            body += "\n" + last.markup
        elif last.type == "html_block":
            start = last.content.lstrip()
            end = "-->"
            for pattern, terminator in _HTML_ENDS:
                match = pattern.match(start)
                if match:
                    end = terminator or f"</{match.group(1)}>"
                    break
            body += "\n" + end
        else:
            return body
    return body


def _strip_blank_lines(lines: list[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip(" \t"):
        start += 1
    while end > start and not lines[end - 1].strip(" \t"):
        end -= 1
    return "\n".join(lines[start:end])


# =========================================================================== reader


@dataclass
class _Block:
    """One top-level block: tokens[start:end], source lines [first, last)."""

    tokens: list[Token]
    first: int
    last: int

    @property
    def kind(self) -> str:
        return self.tokens[0].type

    @property
    def inline(self) -> Token | None:
        for tok in self.tokens:
            if tok.type == "inline":
                return tok
        return None


@dataclass
class _Section:
    heading: _Block | None
    blocks: list[_Block] = field(default_factory=list)
    #: Source lines [start, end) of the section's body (after its heading).
    start: int = 0
    end: int = 0


def _blocks(tokens: list[Token], line_count: int) -> list[_Block]:
    blocks: list[_Block] = []
    start = 0
    depth = 0
    for i, tok in enumerate(tokens):
        depth += tok.nesting
        if depth == 0:
            group = tokens[start : i + 1]
            first_map = group[0].map or [0, 0]
            blocks.append(_Block(group, first_map[0], first_map[1]))
            start = i + 1
    # A block's map ends where the next begins, at most: use the parser's own ranges.
    for block in blocks:
        block.last = min(block.last, line_count)
    return blocks


def from_markdown(text: str, source: str = "<text>") -> Postmortem:
    """Parse a post-mortem written by pmtui or by hand after the spec's template.

    Raises ``DocumentError`` (``SOURCE:LINE: what is wrong``) for text that is not a
    post-mortem or holds a value that cannot be right (a date that does not exist).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("the file is empty", source)
    lines = text.split("\n")
    reader = _Reader(lines, source)
    # Inline parsing is done lazily, per value, with a fast path for plain text. The
    # parse makes tens of thousands of short-lived tokens and no cycles: pausing the
    # cyclic garbage collector meanwhile saves about a third of the time.
    with _gc_paused():
        return reader.read(mdtext.MD_BLOCKS.parse(text, reader.env))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Reader:
    """One read of one file: walks the top-level blocks, section by section. Line
    numbers inside are 0-based (as markdown-it's maps); errors report them 1-based."""

    def __init__(self, lines: list[str], source: str):
        self.lines = lines
        self.source = source
        self.data: dict[str, Any] = {}
        self.extra: list[ExtraSection] = []
        #: Free text around the header: (first line, end line, the lines kept) per block.
        self.preamble: list[tuple[int, int, list[str]]] = []
        self.allowed: list[Allowance] = []
        self.step: str | None = None
        self.seen: set[str] = set()
        #: The parser's environment (link reference definitions) for inline parsing.
        self.env: dict[str, Any] = {}
        #: Line indices some top-level block covers (others are blank or link definitions).
        self.owned: set[int] = set()

    # ------------------------------------------------------------------ helpers

    def text(self, source: str) -> str:
        return mdtext.parse_inline(source, self.env)

    def error(self, message: str, line: int | None) -> DocumentError:
        return DocumentError(message, self.source, None if line is None else line + 1)

    def verbatim(self, first: int, last: int) -> list[str]:
        return self.lines[first:last]

    def _joined(self, parts: list[tuple[int, int, list[str]]], start: int, end: int) -> list[str]:
        """Source lines [start, end) made of the parts' lines and the lines no block owns
        (blank lines, link reference definitions); lines read as something else (pmtui
        comments, a parsed table) are left out, with a blank line to keep blocks apart."""
        lines: list[str] = []
        skipped = False

        def keep(new: list[str]) -> None:
            nonlocal skipped
            # blocks that stood apart must not run together where lines were left out
            if skipped and lines and lines[-1].strip(" \t") and new and new[0].strip(" \t"):
                lines.append("")
            lines.extend(new)
            skipped = False

        position = start
        for first, last, part in [*parts, (end, end, [])]:
            for index in range(position, max(position, first)):
                if index in self.owned:
                    skipped = True
                else:
                    keep([self.lines[index]])
            if part:
                keep(part)
            position = max(position, last)
        return lines

    def _has_unowned_text(self, start: int, end: int) -> bool:
        return any(i not in self.owned and self.lines[i].strip(" \t") for i in range(start, end))

    def build(self, model: type[Any], line: int | None, what: str, **values: Any) -> Any:
        try:
            return model(**values)
        except ValidationError as exc:
            # "time: time '25:00' is not..." reads better as "time '25:00' is not..."
            words = describe_validation_error(exc)
            words = re.sub(r"(^|; )([a-z][\w ]*): \2\b", r"\1\2", words)
            raise self.error(f"{what}: {words}", line) from None

    # ------------------------------------------------------------------ top level

    def read(self, tokens: list[Token]) -> Postmortem:
        blocks = _blocks(tokens, len(self.lines))
        title_index = self._find_title(blocks)
        title_block = blocks[title_index]
        heading_src = title_block.inline.content if title_block.inline else ""
        title_src = _TITLE_RE.sub("", heading_src, count=1)
        title = "" if _is_placeholder("title", title_src) else self.text(title_src)

        for block in blocks[:title_index]:
            self._preamble_block(block)

        self.owned = {i for block in blocks for i in range(block.first, block.last)}
        sections: list[_Section] = [_Section(None, start=0, end=len(self.lines))]
        for block in blocks[title_index + 1 :]:
            if block.kind == "heading_open" and block.tokens[0].tag == "h2":
                sections[-1].end = block.first
                sections.append(_Section(block, start=block.last, end=len(self.lines)))
            elif self._comment_block(block):
                continue
            else:
                sections[-1].blocks.append(block)

        for block in sections[0].blocks:
            if block.kind == "paragraph_open":
                self._header_paragraph(block)
            else:
                self._preamble_block(block)
        for section in sections[1:]:
            self._section(section)

        if self.preamble or self._has_unowned_text(0, sections[0].end):
            body = self._joined(self.preamble, 0, sections[0].end)
            body = close_open_blocks(_strip_blank_lines(body))
            if body:
                self.extra.insert(0, ExtraSection(heading="", body=body))
        values = dict(self.data)
        values.update(
            title=title,
            extra_sections=self.extra,
            allowed=self.allowed,
            wizard_step=self.step,
        )
        return self.build(Postmortem, title_block.first, "post-mortem", **values)

    def _find_title(self, blocks: list[_Block]) -> int:
        for i, block in enumerate(blocks):
            if block.kind != "heading_open" or block.tokens[0].tag != "h1":
                continue
            inline = block.inline
            if inline is not None and _TITLE_RE.match(inline.content):
                return i
        first_line = next((i for i, line in enumerate(self.lines) if line.strip()), 0)
        raise self.error(
            'no "# Post-Mortem: <title>" heading; is this a pmtui post-mortem?', first_line
        )

    def _preamble_block(self, block: _Block) -> None:
        if self._comment_block(block):
            return
        self.preamble.append((block.first, block.last, self.verbatim(block.first, block.last)))

    def _comment_block(self, block: _Block) -> bool:
        if block.kind != "html_block":
            return False
        comments = [line.strip() for line in block.tokens[0].content.split("\n") if line.strip()]
        parsed = [_COMMENT_RE.match(c) for c in comments]
        if not parsed or not all(parsed):
            return False
        for offset, match in enumerate(parsed):
            assert match is not None
            self._comment(match.group(1).lower(), match.group(2), block.first + offset)
        return True

    def _comment(self, kind: str, args: str, line: int) -> None:
        if kind == "step":
            if args in STEPS:
                self.step = args
            return
        if kind != "allow":
            return
        rule, rest = _json_or_word(args)
        match = None
        rest = rest.strip()
        if rest:
            try:
                match, _ = json.JSONDecoder().raw_decode(rest)
            except json.JSONDecodeError:
                match = rest.strip('"')
            if not isinstance(match, str):
                match = str(match)
        self.allowed.append(Allowance(rule=rule, match=match))

    # ------------------------------------------------------------------ header fields

    def _header_paragraph(self, block: _Block) -> None:
        unknown: list[str] = []
        for line in range(block.first, block.last):
            raw = self.lines[line]
            match = _FIELD_RE.match(raw.strip(" \t"))
            key = match.group(1).strip().lower() if match else ""
            if not match or key not in _FIELD_KEYS:
                unknown.append(raw)
                continue
            self._header_field(key, match.group(2).rstrip(" \t"), line)
        if unknown:
            self.preamble.append((block.first, block.last, unknown))

    def _header_field(self, key: str, src: str, line: int) -> None:
        if _is_placeholder(key, src):
            src = ""
        value = self.text(src)
        if key == "date":
            self.data["date"] = self._date(value, line, "date")
        elif key == "severity":
            self.data["severity"] = self._severity(value, line)
        else:
            self.data[key] = value

    def _date(self, value: str, line: int, what: str) -> dt.date | None:
        value = value.strip()
        if not value:
            return None
        try:
            if not _DATE_RE.match(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(f"{what} {value!r} is not a date; write YYYY-MM-DD", line) from None

    def _severity(self, value: str, line: int) -> Severity | None:
        value = value.strip()
        if not value:
            return None
        match = re.match(r"^sev[- ]?([123])$", value, re.IGNORECASE)
        if not match:
            raise self.error(f"severity {value!r} must be SEV-1, SEV-2 or SEV-3", line)
        return Severity(f"SEV-{match.group(1)}")

    # ------------------------------------------------------------------ sections

    def _section(self, section: _Section) -> None:
        assert section.heading is not None
        heading = section.heading
        inline = heading.inline
        heading_src = inline.content if inline else ""
        key = _section_key(heading_src)
        if key is not None and key in self.seen:
            key = None
        if key is None:
            self._extra(section)
            return
        self.seen.add(key)
        handler = getattr(self, f"_read_{key}")
        leftover: list[_Block] = handler(section.blocks)
        if leftover or self._has_unowned_text(section.start, section.end):
            self._extra(_Section(heading, leftover, section.start, section.end))

    def _extra(self, section: _Section) -> None:
        assert section.heading is not None
        inline = section.heading.inline
        heading = self.text(inline.content if inline else "")
        parts = [(b.first, b.last, self.verbatim(b.first, b.last)) for b in section.blocks]
        body = self._joined(parts, section.start, section.end)
        body = close_open_blocks(_strip_blank_lines(body))
        self.extra.append(ExtraSection(heading=heading, body=body))

    def _paragraphs_text(self, blocks: list[_Block], kind: str) -> tuple[str, list[_Block]]:
        parts: list[str] = []
        for block in blocks:
            if block.kind == "paragraph_open" and block.inline is not None:
                if len(blocks) == 1 and _is_placeholder(kind, block.inline.content):
                    return "", []
                parts.append(self.text(block.inline.content))
            else:
                parts.append("\n".join(self.verbatim(block.first, block.last)).strip("\n"))
        return "\n\n".join(parts), []

    def _read_summary(self, blocks: list[_Block]) -> list[_Block]:
        self.data["summary"], leftover = self._paragraphs_text(blocks, "summary")
        return leftover

    def _read_impact(self, blocks: list[_Block]) -> list[_Block]:
        self.data["impact"], leftover = self._paragraphs_text(blocks, "impact")
        return leftover

    def _tables(self, blocks: list[_Block]) -> tuple[list[_Block], list[_Block]]:
        tables = [b for b in blocks if b.kind == "table_open"]
        others = [b for b in blocks if b.kind != "table_open"]
        return tables, others

    def _read_timeline(self, blocks: list[_Block]) -> list[_Block]:
        tables, leftover = self._tables(blocks)
        entries: list[TimelineEntry] = []
        for table in tables:
            header, rows = _table_rows(table)
            columns = _columns(header, {"time": "time", "event": "event"}, ("time", "event"))
            self._refuse_unknown_columns("timeline", header, columns, rows)
            for line, cells in rows:
                get = _cell_getter(cells, columns)
                time_src, event_src = get("time"), get("event")
                if _is_placeholder("time", time_src) and (
                    not event_src or _is_placeholder("event", event_src)
                ):
                    continue
                if not time_src and not event_src:
                    continue
                if _is_placeholder("time", time_src) or not time_src.strip():
                    raise self.error(
                        f"timeline row {len(entries) + 1} has an event but no time; "
                        "write the time as HH:MM or YYYY-MM-DD HH:MM (UTC)",
                        line,
                    )
                time = _ISO_T_RE.sub(r"\1 ", _TIME_SUFFIX_RE.sub("", self.text(time_src)))
                event = "" if _is_placeholder("event", event_src) else self.text(event_src)
                entries.append(
                    self.build(
                        TimelineEntry,
                        line,
                        f"timeline row {len(entries) + 1}",
                        time=time,
                        event=event,
                    )
                )
        self.data["timeline"] = entries
        return leftover

    def _refuse_unknown_columns(
        self,
        what: str,
        header: list[str],
        columns: dict[str, int],
        rows: list[tuple[int, list[Token]]],
    ) -> None:
        """A filled-in column pmtui has no field for would be lost on the next save: say so
        rather than drop it (an empty extra column is simply left out)."""
        known = set(columns.values())
        for line, cells in rows:
            for index, cell in enumerate(cells):
                if index not in known and cell.content.strip():
                    name = header[index] if index < len(header) and header[index] else index + 1
                    raise self.error(
                        f"{what} table: column {name!r} is not one pmtui keeps; "
                        "move what it holds into a section of its own",
                        line,
                    )

    def _list_items(self, blocks: list[_Block]) -> tuple[list[tuple[int, str, str]], list[_Block]]:
        """(line, first paragraph source, full text) of each item of the section's lists."""
        items: list[tuple[int, str, str]] = []
        leftover: list[_Block] = []
        for block in blocks:
            if block.kind not in ("bullet_list_open", "ordered_list_open"):
                leftover.append(block)
                continue
            items.extend(self._items_of(block))
        return items, leftover

    def _items_of(self, block: _Block) -> Iterator[tuple[int, str, str]]:
        tokens = block.tokens
        i = 1
        while i < len(tokens) - 1:
            tok = tokens[i]
            if tok.type != "list_item_open":
                i += 1
                continue
            depth = 0
            j = i
            while True:
                depth += tokens[j].nesting
                if depth == 0:
                    break
                j += 1
            item_tokens = tokens[i + 1 : j]
            line = tok.map[0] if tok.map else block.first
            yield (line, *self._item_text(item_tokens))
            i = j + 1

    def _item_text(self, tokens: list[Token]) -> tuple[str, str]:
        """The item's first paragraph as source, and its other blocks as text."""
        first_src = ""
        rest: list[str] = []
        k = 0
        while k < len(tokens):
            start = k
            depth = 0
            while True:  # tokens[start:k+1] is one block of the item
                depth += tokens[k].nesting
                if depth <= 0:
                    break
                k += 1
            opener = tokens[start]
            if opener.type == "paragraph_open":
                inline = tokens[start + 1]
                if start == 0:
                    first_src = inline.content
                else:
                    rest.append(self.text(inline.content))
            elif opener.map is not None:
                first, last = opener.map
                rest.append("\n".join(line.strip() for line in self.verbatim(first, last)))
            k += 1
        return first_src, "\n\n".join(rest)

    def _read_whys(self, blocks: list[_Block]) -> list[_Block]:
        items, leftover = self._list_items(blocks)
        whys: list[tuple[str, bool]] = []
        for line, first_src, rest in items:
            src = _WHY_RE.sub("", first_src, count=1)
            if _is_placeholder("why", src) and not rest:
                whys.append(("", True))
                continue
            text = self.text(src)
            if rest:
                text = f"{text}\n\n{rest}" if text else rest
            whys.append((text, False))
            if len(whys) > 5:
                raise self.error("Five Whys has more than 5 answers; keep at most 5", line)
        while whys and whys[-1][1]:
            whys.pop()
        if len(whys) > 5:
            raise self.error("Five Whys has more than 5 answers; keep at most 5", items[5][0])
        self.data["five_whys"] = [text for text, _ in whys]
        return leftover

    def _read_gaps(self, blocks: list[_Block]) -> list[_Block]:
        items, leftover = self._list_items(blocks)
        gaps: list[ProcessGap] = []
        for _line, first_src, rest in items:
            src = first_src
            done = False
            box = _CHECKBOX_RE.match(src)
            if box:
                done = box.group(1) != " "
                src = src[box.end() :]
            gap_type = None
            typed = _GAP_TYPE_RE.match(src)
            if typed:
                gap_type = GapType(typed.group(1).capitalize())
                src = src[typed.end() :]
            elif _is_placeholder("gap", src) and not rest:
                continue
            text = self.text(src)
            if rest:
                text = f"{text}\n\n{rest}" if text else rest
            gaps.append(ProcessGap(text=text, type=gap_type, done=done))
        self.data["gaps"] = gaps
        return leftover

    def _read_actions(self, blocks: list[_Block]) -> list[_Block]:
        tables, leftover = self._tables(blocks)
        items: list[ActionItem] = []
        names = {
            "action": "action",
            "owner": "owner",
            "due": "due",
            "due date": "due",
            "status": "status",
            "verification": "verification",
            "how verified": "verification",
            "verified by": "verification",
        }
        for table in tables:
            header, rows = _table_rows(table)
            columns = _columns(header, names, ("action", "owner", "due", "status", "verification"))
            self._refuse_unknown_columns("action items", header, columns, rows)
            for line, cells in rows:
                get = _cell_getter(cells, columns)
                sources = {k: get(k) for k in ("action", "owner", "due", "status")}
                placeholders = {
                    "action": _is_placeholder("action", sources["action"]),
                    "owner": _is_placeholder("owner", sources["owner"]),
                    "due": _is_placeholder("date", sources["due"]),
                }
                verification_src = get("verification")
                if (
                    any(placeholders.values())
                    and all(placeholders[k] or not sources[k] for k in placeholders)
                    and not verification_src
                ):
                    continue
                what = f"action item {len(items) + 1}"
                due = None
                if not placeholders["due"]:
                    due = self._date(self.text(sources["due"]), line, f"{what}: due")
                items.append(
                    self.build(
                        ActionItem,
                        line,
                        what,
                        action="" if placeholders["action"] else self.text(sources["action"]),
                        owner="" if placeholders["owner"] else self.text(sources["owner"]),
                        due=due,
                        status=self._status(self.text(sources["status"]), line, what),
                        verification=self.text(verification_src),
                    )
                )
        self.data["action_items"] = items
        return leftover

    def _status(self, value: str, line: int, what: str) -> Status:
        key = " ".join(value.replace("-", " ").replace("_", " ").split()).lower()
        if not key:
            return Status.PENDING
        status = _STATUS_WORDS.get(key)
        if status is not None:
            return status
        raise self.error(f"{what}: status {value!r} must be Pending, In progress or Done", line)

    def _read_learnings(self, blocks: list[_Block]) -> list[_Block]:
        items, leftover = self._list_items(blocks)
        learnings = []
        for _line, first_src, rest in items:
            if _is_placeholder("learning", first_src) and not rest:
                continue
            text = self.text(first_src)
            if rest:
                text = f"{text}\n\n{rest}" if text else rest
            learnings.append(text)
        self.data["learnings"] = learnings
        return leftover

    def _read_meeting(self, blocks: list[_Block]) -> list[_Block]:
        values: dict[str, Any] = {}
        items: list[MeetingItem] = []
        leftover: list[_Block] = []
        for block in blocks:
            if block.kind == "paragraph_open" and block.inline is not None:
                rest = self._meeting_fields(block, values)
                if rest:
                    leftover.append(block)
            elif block.kind == "table_open":
                header, rows = _table_rows(block)
                columns = _columns(
                    header,
                    {"agenda item": "name", "planned (min)": "planned", "actual (s)": "actual"},
                    ("name", "planned", "actual"),
                )
                for line, cells in rows:
                    get = _cell_getter(cells, columns)
                    what = f"meeting agenda item {len(items) + 1}"
                    name, planned, actual = (
                        self.text(get(k)) for k in ("name", "planned", "actual")
                    )
                    items.append(
                        self.build(
                            MeetingItem,
                            line,
                            what,
                            name=name,
                            planned_minutes=self._number(planned, line, what),
                            actual_seconds=self._number(actual, line, what),
                        )
                    )
            else:
                leftover.append(block)
        values["items"] = items
        self.data["meeting"] = self.build(
            MeetingRecord, blocks[0].first if blocks else None, "meeting", **values
        )
        return leftover

    def _meeting_fields(self, block: _Block, values: dict[str, Any]) -> bool:
        unknown = False
        for line in range(block.first, block.last):
            match = _FIELD_RE.match(self.lines[line].strip(" \t"))
            key = match.group(1).strip().lower() if match else ""
            if not match:
                unknown = True
                continue
            value = self.text(match.group(2)).strip()
            if key in ("started", "ended"):
                values[f"{key}_at"] = self._datetime(value, line, key)
            elif key == "current item":
                if not value.isdigit() or int(value) < 1:
                    raise self.error(f"meeting current item {value!r} must be 1 or more", line)
                values["current_item"] = int(value) - 1
            else:
                unknown = True
        return unknown

    def _datetime(self, value: str, line: int, what: str) -> dt.datetime | None:
        if not value:
            return None
        match = _DATETIME_RE.match(value)
        zone = match.group(3).strip().upper() if match else ""
        if not match or zone not in ("", "UTC", "Z", "+00:00"):
            raise self.error(f"meeting {what} time {value!r} must be YYYY-MM-DD HH:MM:SS UTC", line)
        try:
            parsed = dt.datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}")
        except ValueError:
            raise self.error(f"meeting {what} time {value!r} does not exist", line) from None
        return parsed.replace(tzinfo=dt.UTC)

    def _number(self, value: str, line: int, what: str) -> float:
        value = value.strip()
        if not value:
            return 0.0
        try:
            number = float(value)
        except ValueError:
            raise self.error(f"{what}: {value!r} is not a number", line) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise self.error(f"{what}: {value!r} is not a number", line)
        return number


# --------------------------------------------------------------------------- tables


def _table_rows(block: _Block) -> tuple[list[str], list[tuple[int, list[Token]]]]:
    """Header texts and (line, cell inline tokens) of each body row."""
    header: list[str] = []
    rows: list[tuple[int, list[Token]]] = []
    in_head = False
    row: list[Token] | None = None
    row_line = block.first
    for tok in block.tokens:
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
            row_line = tok.map[0] if tok.map else row_line
        elif tok.type == "inline" and row is not None:
            row.append(tok)
        elif tok.type == "tr_close" and row is not None:
            if in_head:
                header = [mdtext.parse_inline(c.content).strip() for c in row]
            else:
                rows.append((row_line, row))
            row = None
    return header, rows


def _columns(
    header: list[str], names: dict[str, str], positional: tuple[str, ...]
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = " ".join(title.split()).lower()
        key = names.get(name)
        if key is None:
            for known, value in names.items():
                if name.startswith(known):
                    key = value
                    break
        if key is not None and key not in columns:
            columns[key] = index
    if not columns:
        columns = {name: i for i, name in enumerate(positional)}
    return columns


def _cell_getter(cells: list[Token], columns: dict[str, int]) -> Callable[[str], str]:
    """Markdown source of the named column's cell ("" when the row has no such cell)."""

    def get(name: str) -> str:
        index = columns.get(name)
        if index is None or index >= len(cells):
            return ""
        return cells[index].content

    return get


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
