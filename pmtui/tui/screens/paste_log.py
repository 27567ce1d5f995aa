"""Paste log: a chat, paging or system log pasted into a text area, previewed as timeline
rows before anything is added.

The preview follows the text, the zone and the "keep speaker names" switch: it is built
(parse, merge against the timeline, blame check of every row) in a thread once the input
has been quiet for :data:`DEBOUNCE` seconds, and a result for input that has changed
since is dropped, so a 5,000-line paste never holds up typing. It lists each row's UTC
time, its source time and zone, its flags (DST gap or fold, assumed dates, ``blame`` for
rows the blame check finds something in) and its text, then the lines not understood.

Add dismisses with the rows that have a UTC time (read from the input as it is at that
moment); the timeline pane merges them (one undo step). Cancel (esc) dismisses with None:
nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Static, Switch, TextArea

from pmtui.timeline import (
    BLOCKING,
    Flag,
    LogParse,
    LogRow,
    Preview,
    PreviewRow,
    UnparsedLine,
    build_preview,
    merge_rows,
    parse_log,
    resolve_zone,
)
from pmtui.timeline.preview import describe, note, source_column, summary
from pmtui.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from pmtui.blame import Checker
    from pmtui.document.model import Postmortem, TimelineEntry
    from pmtui.document.session import DraftSession

#: Seconds of quiet (no key, no paste) before the preview is rebuilt.
DEBOUNCE = 0.2
#: Widest source column ("10:32 AM America/Los_Angeles UTC−7 (default zone)" is cut).
SOURCE_WIDTH = 24
#: Widest flags column.
FLAGS_WIDTH = 32
#: What the wizard tells the user to do about a row without a zone or a date.
TUI_HINTS: Mapping[Flag, str] = {
    Flag.ZONE_MISSING: "type the zone these times are in above",
    Flag.DATE_MISSING: "set the post-mortem's date (Facts) or write dates on the lines",
}


@dataclass(frozen=True)
class PasteInput:
    """What the preview is built from."""

    text: str
    #: The default zone for lines without one (None: none given, such rows are held).
    zone: str | None
    keep_names: bool


@dataclass
class PastePreview:
    """A built preview: the parse, its rows' statuses, and the lines the table shows
    (made when drawn: only the visible ones of a 5,000-line paste cost anything)."""

    input: PasteInput
    parse: LogParse
    preview: Preview
    #: One per table line: what it shows (made into Content by :meth:`line`).
    specs: list[_Spec] = field(default_factory=list)
    #: ``items[i]`` is what line ``i`` is about (None: a heading).
    items: list[PreviewRow | UnparsedLine | None] = field(default_factory=list)
    _made: dict[int, Content] = field(default_factory=dict)

    @property
    def to_add(self) -> int:
        return self.preview.count("new")

    def __len__(self) -> int:
        return len(self.specs)

    def line(self, index: int) -> Content:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _make(self.specs[index])
        return made


#: ("row", PreviewRow, source, flags) | ("note", text) | ("heading", text) | ("unparsed", line)
_Spec = tuple[Any, ...]


def build(
    given: PasteInput,
    *,
    existing: list[TimelineEntry],
    doc_date: dt.date | None,
    roles: Mapping[str, str],
    checker: Checker,
    doc: Postmortem | None,
) -> PastePreview:
    """Parse ``given``, merge it against ``existing`` (for the statuses) and lay out the
    preview's lines. Pure apart from the checker's cache: runs in a worker thread."""
    from pmtui.timeline.check import import_check

    parsed = parse_log(
        given.text,
        zone=given.zone,
        default_date=doc_date,
        keep_names=given.keep_names,
        roles=dict(roles),
    )
    merged = merge_rows(existing, parsed.rows, doc_date=doc_date)
    preview = build_preview(parsed, merged, check=import_check(checker, parsed.rows, doc))
    result = PastePreview(given, parsed, preview)
    _lay_out(result)
    return result


def _lay_out(result: PastePreview) -> None:
    rows = result.preview.rows
    sources = [source_column(item.row) for item in rows]
    flags = [_flags(item) for item in rows]
    source_width = min(SOURCE_WIDTH, max((len(s) for s in sources), default=6))
    flags_width = min(FLAGS_WIDTH, max((len(f) for f in flags), default=1))
    specs, items = result.specs, result.items
    for item, source, flag in zip(rows, sources, flags, strict=True):
        source, flag = _cut(source, source_width), _cut(flag, flags_width)
        specs.append(("row", item, f"{source:<{source_width}}", f"{flag:<{flags_width}}"))
        items.append(item)
        explained = note(item.row, TUI_HINTS)
        if explained:
            specs.append(("note", explained))
            items.append(item)
    if result.preview.unparsed:
        count = len(result.preview.unparsed)
        specs.append(("heading", f"Not understood ({count} lines, not added):"))
        items.append(None)
        for unparsed in result.preview.unparsed:
            specs.append(("unparsed", unparsed))
            items.append(unparsed)


def _make(spec: _Spec) -> Content:
    kind = spec[0]
    if kind == "row":
        return _row_line(spec[1], spec[2], spec[3])
    if kind == "note":
        return Content.from_markup("      [$warning]note: $text[/]", text=spec[1])
    if kind == "heading":
        return Content.styled(spec[1], "bold")
    unparsed: UnparsedLine = spec[1]
    return Content.assemble(
        Content.styled(f"  line {unparsed.line}: ", "dim"),
        Content(unparsed.text.strip()),
        Content.styled(f"  [{unparsed.reason}]", "dim"),
    )


def _flags(item: PreviewRow) -> str:
    """The row's flags, what blocks it first (cut at the end when too long)."""
    blocking = [str(f) for f in sorted(item.row.flags & BLOCKING)]
    status = ["already there"] if item.status == "duplicate" else []
    rest = [f for f in item.flags if f not in blocking and f != "blame"]
    blame = ["blame"] if item.findings else []
    return ", ".join(blocking + blame + status + rest) or "-"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _row_line(item: PreviewRow, source: str, flags: str) -> Content:
    row = item.row
    when = f"{row.utc.astimezone(dt.UTC):%Y-%m-%d %H:%M}" if row.utc is not None else "held"
    marker = Content.from_markup("[$warning]⚠[/] ") if item.findings else Content("  ")
    held = item.status == "held"
    line = Content.assemble(
        marker,
        Content.styled(f"{when:<16} ", "bold $warning" if held else "bold"),
        Content.styled(f"{source} ", "dim"),
        Content.styled(f"{flags} ", "$warning" if flags.strip() != "-" else "dim"),
        Content(row.text.replace("\n", " ")),
    )
    return line.stylize("dim") if item.status == "duplicate" else line


class PasteLogScreen(ModalScreen[list[LogRow] | None]):
    """Paste a log, see what it becomes, add it (or cancel)."""

    CSS_PATH = "paste_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="paste.cancel", tooltip="Close; nothing is added"),
        Binding(
            "alt+a",
            "add",
            "Add",
            id="paste.add",
            tooltip="Add the new rows to the timeline in time order",
            priority=True,
        ),
    ]

    def __init__(
        self, session: DraftSession, *, zone: str | None, roles: Mapping[str, str]
    ) -> None:
        super().__init__()
        self.session = session
        self.default_zone = zone or ""
        self.roles = dict(roles)
        #: The preview on show (None: nothing pasted yet).
        self.shown: PastePreview | None = None
        self._timer: Timer | None = None

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="paste-dialog"):
            yield Static(
                "[b]Paste log[/b]: a Slack or Teams conversation, ISO 8601, syslog or "
                "journalctl lines, a PagerDuty or Opsgenie CSV, JSON lines, HH:MM notes",
                id="paste-title",
            )
            yield TextArea(
                id="paste-text",
                soft_wrap=False,
                show_line_numbers=True,
                highlight_cursor_line=False,
                compact=True,
                placeholder="Paste the log here (ctrl+v or your terminal's paste)…",
            )
            with Horizontal(id="paste-options"):
                yield Label("Zone of times without one:", classes="paste-label")
                yield Input(
                    self.default_zone,
                    id="paste-zone",
                    placeholder="e.g. America/Los_Angeles",
                    compact=True,
                    select_on_focus=False,
                )
                yield Switch(False, id="paste-keep-names", animate=False)
                yield Label("Keep speaker names (off: role or “responder”)", classes="paste-label")
            yield Static("", id="paste-zone-message", classes="-empty")
            yield Static("Nothing pasted yet.", id="paste-summary")
            yield RowTable(self._count, self._line, empty="No rows yet.", id="paste-preview")
            yield Static("", id="paste-detail")
            with Horizontal(id="paste-buttons"):
                yield Static(
                    "alt+a adds · esc cancels",
                    id="paste-keys",
                )
                yield Button("Cancel", id="paste-cancel", compact=True)
                yield Button("Add", id="paste-add", variant="primary", compact=True, disabled=True)

    def on_mount(self) -> None:
        self.query_one("#paste-text", TextArea).focus()
        self._check_zone()

    # -- the preview's table -----------------------------------------------------

    def _count(self) -> int:
        return len(self.shown) if self.shown is not None else 0

    def _line(self, index: int) -> Content:
        assert self.shown is not None
        return self.shown.line(index)

    # -- input -------------------------------------------------------------------

    def current_input(self) -> PasteInput:
        """What is typed now (an unknown zone counts as none: its rows are held)."""
        text = self.query_one("#paste-text", TextArea).text
        zone = self.query_one("#paste-zone", Input).value.strip() or None
        if zone is not None:
            try:
                resolve_zone(zone)
            except ValueError:
                zone = None
        keep = self.query_one("#paste-keep-names", Switch).value
        return PasteInput(text, zone, keep)

    @on(TextArea.Changed, "#paste-text")
    @on(Switch.Changed, "#paste-keep-names")
    def _input_changed(self) -> None:
        self._schedule()

    @on(Input.Changed, "#paste-zone")
    def _zone_changed(self) -> None:
        self._check_zone()
        self._schedule()

    def _check_zone(self) -> None:
        text = self.query_one("#paste-zone", Input).value.strip()
        message: str | None = None
        if text:
            try:
                resolve_zone(text)
            except ValueError as exc:
                message = str(exc)
        self._zone_message(message, error=True)

    def _zone_message(self, message: str | None, *, error: bool) -> None:
        widget = self.query_one("#paste-zone-message", Static)
        widget.update(Content(message or ""))
        widget.set_class(not message, "-empty")
        widget.set_class(error, "-error")
        self.query_one("#paste-zone", Input).set_class(bool(message), "-ask")

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._rebuild)

    def _rebuild(self) -> None:
        given = self.current_input()
        if self.shown is not None and self.shown.input == given:
            return
        doc = self.session.doc
        self._build(given, list(doc.timeline), doc.date)

    @work(thread=True, exclusive=True, group="paste-preview")
    def _build(
        self, given: PasteInput, existing: list[TimelineEntry], doc_date: dt.date | None
    ) -> None:
        result = self._compute(given, existing, doc_date)
        self.app.call_from_thread(self._show, result)

    def _compute(
        self, given: PasteInput, existing: list[TimelineEntry], doc_date: dt.date | None
    ) -> PastePreview:
        return build(
            given,
            existing=existing,
            doc_date=doc_date,
            roles=self.roles,
            checker=self.session.checker,
            doc=self.session.doc,
        )

    def _show(self, result: PastePreview) -> None:
        if not self.is_attached or result.input != self.current_input():
            return  # stale: the input changed meanwhile, a newer preview is on its way
        self.shown = result
        preview = result.preview
        lead = summary(preview) if result.input.text.strip() else "Nothing pasted yet."
        blamed = len(preview.with_findings)
        if blamed:
            lead += f"; ⚠ {blamed} with blame warnings (reword them after adding)"
        self.query_one("#paste-summary", Static).update(Content(lead))
        self.query_one("#paste-preview", RowTable).rows_changed(cursor=0)
        self._detail(0)
        add = self.query_one("#paste-add", Button)
        add.label = f"Add {result.to_add} row{'s' if result.to_add != 1 else ''}"
        add.disabled = result.to_add == 0
        zoneless = sum(1 for r in result.parse.rows if Flag.ZONE_MISSING in r.flags)
        if zoneless and not self.query_one("#paste-zone", Input).value.strip():
            self._zone_message(
                f"{zoneless} row{'s have' if zoneless != 1 else ' has'} no zone: which zone "
                "are these times in? Type it above (an IANA name, an offset or PST).",
                error=False,
            )
        elif not zoneless:
            self._check_zone()

    @on(RowTable.Highlighted, "#paste-preview")
    def _highlighted(self, event: RowTable.Highlighted) -> None:
        self._detail(event.index)

    def _detail(self, index: int) -> None:
        widget = self.query_one("#paste-detail", Static)
        item = None
        if self.shown is not None and 0 <= index < len(self.shown.items):
            item = self.shown.items[index]
        if isinstance(item, PreviewRow):
            row = item.row
            parts = [f"line {row.line} ({row.shape}): {source_column(row)}"]
            parts += [f"blame: {describe(finding)}" for finding in item.findings]
            widget.update(Content("\n".join(parts)))
        elif isinstance(item, UnparsedLine):
            widget.update(Content(f"line {item.line} was not understood: {item.reason}"))
        else:
            widget.update(Content(""))

    # -- add / cancel ------------------------------------------------------------

    def action_add(self) -> None:
        given = self.current_input()
        result = self.shown
        if result is None or result.input != given:
            doc = self.session.doc
            result = self._compute(given, list(doc.timeline), doc.date)  # the newest text
        if result.to_add == 0:
            self.notify("Nothing to add: no new rows with a UTC time in the log.")
            return
        self.dismiss(result.parse.ready)

    @on(Button.Pressed, "#paste-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#paste-cancel")
    def action_cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.dismiss(None)
