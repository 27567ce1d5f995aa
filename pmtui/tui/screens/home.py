"""Home: saved post-mortems, newest first; open, new, delete; filter by typing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from pmtui.tui.app import pmtui_app
from pmtui.tui.errors import reporting

if TYPE_CHECKING:
    from pmtui.blame import Checker


@dataclass(frozen=True)
class Row:
    """One saved post-mortem as the list shows it."""

    path: Path
    title: str
    date: str
    severity: str
    complete: str
    warnings: str
    error: str | None = None

    def matches(self, text: str) -> bool:
        words = text.lower().split()
        hay = f"{self.title} {self.date} {self.severity} {self.path.name}".lower()
        return all(word in hay for word in words)


def load_rows(folder: Path, checker: Checker) -> list[Row]:
    """Every post-mortem in ``folder``, newest first, with its warning count."""
    from pmtui.document.completeness import percent_complete
    from pmtui.document.storage import list_postmortems

    rows = []
    for listing in list_postmortems(folder):
        doc = listing.doc
        if doc is None:
            rows.append(
                Row(
                    listing.path,
                    listing.title or listing.path.name,
                    "",
                    "",
                    "unreadable",
                    "",
                    listing.error or "cannot be read",
                )
            )
            continue
        count = len(checker.document(doc))
        rows.append(
            Row(
                listing.path,
                doc.title or "(untitled)",
                doc.date.isoformat() if doc.date else "",
                doc.severity.value if doc.severity else "",
                f"{percent_complete(doc)}%",
                f"⚠ {count}" if count else "–",
            )
        )
    return rows


EMPTY_TEXT = """\
[b]pmtui[/b] guides you through a [b]blameless post-mortem[/b]: facts, timeline, \
Five Whys, process gaps, action items and key learnings, with a warning whenever \
the wording slips into blame. [i]Focus on what happened, not who did it.[/i]

No post-mortems yet. Press [b]ctrl+n[/b] to start one (or run [b]pmtui new --title "…"[/b]).
Drafts are saved as Markdown in {folder}"""


class HomeScreen(Screen[None]):
    """The list of saved post-mortems."""

    BINDINGS = [
        Binding(
            "ctrl+n", "new", "New", id="home.new", tooltip="Start a new post-mortem", priority=True
        ),
        Binding("enter", "open", "Open", id="home.open", tooltip="Open the selected post-mortem"),
        Binding(
            "delete",
            "delete",
            "Delete",
            id="home.delete",
            tooltip="Move the selected post-mortem to the trash (asks first)",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            id="home.clear-filter",
            tooltip="Show every post-mortem",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.shown: list[Row] = []
        #: False until the first listing has been read (in a thread, after the
        #: screen is up, so start-up never waits for the disk or pydantic).
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Input(placeholder="Type to filter…", id="filter", compact=True)
            yield DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-empty")
            yield Static("", id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "blameless post-mortems"
        table = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("Date", key="date", width=10)
        table.add_column("Sev", key="severity", width=5)
        table.add_column("Done", key="complete", width=10)
        table.add_column("Warn", key="warnings", width=5)
        table.focus()
        # Read the folder once the screen is up: start-up never waits for it.
        self.call_after_refresh(self.reload)

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from the wizard: the list may have changed
            self.reload()

    def reload(self) -> None:
        """Read the drafts folder again (in a thread); the list updates when done."""
        self._load_rows()

    @work(thread=True, exclusive=True, group="home-list")
    def _load_rows(self) -> None:
        app = pmtui_app(self)
        try:
            rows, error = load_rows(app.settings.drafts_dir(), app.checker), None
        except Exception as exc:  # noqa: BLE001 - the list must always show
            rows, error = [], f"Could not list post-mortems: {exc}"
        self.app.call_from_thread(self._show_rows, rows, error)

    def _show_rows(self, rows: list[Row], error: str | None) -> None:
        self.rows = rows
        if error:
            self.notify(error, severity="error")
        self.loaded = True
        self.apply_filter()

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", Input).value

    def apply_filter(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        text = self.filter_text.strip()
        self.shown = [row for row in self.rows if row.matches(text)]
        for row in self.shown:
            title = escape(row.title) if row.error is None else f"[$error]{escape(row.title)}[/]"
            table.add_row(
                title, row.date, row.severity, row.complete, row.warnings, key=str(row.path)
            )
        empty = self.query_one("#home-empty", Static)
        if not self.loaded:
            empty.update("Reading saved post-mortems…")
        elif not self.rows:
            folder = pmtui_app(self).settings.drafts_dir()
            empty.update(EMPTY_TEXT.format(folder=escape(str(folder))))
        elif not self.shown:
            empty.update(f"No post-mortem matches “{escape(text)}”. Press escape to clear.")
        else:
            empty.update("")
        empty.display = not self.shown
        table.display = bool(self.shown)
        count = len(self.rows)
        self.query_one("#home-status", Static).update(
            f"{len(self.shown)} of {count} post-mortem{'s' if count != 1 else ''}"
            if text
            else f"{count} post-mortem{'s' if count != 1 else ''} · newest first"
        )

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing anywhere on the list filters it."""
        filter_input = self.query_one("#filter", Input)
        if self.focused is filter_input:
            return
        if event.is_printable and event.character:
            filter_input.value += event.character
            event.stop()
        elif event.key == "backspace" and filter_input.value:
            filter_input.value = filter_input.value[:-1]
            event.stop()

    def selected(self) -> Row | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None:
            return None
        index = table.cursor_row
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def action_new(self) -> None:
        pmtui_app(self).start_new("")

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            pmtui_app(self).open_document(row.path)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        from pmtui.paths import trash_dir
        from pmtui.tui.screens.confirm import ConfirmScreen

        question = (
            f"Move “{escape(row.title)}” to the trash?\n\n[dim]{escape(str(row.path))}[/]\n"
            f"It goes to {escape(str(trash_dir()))}, it is not destroyed."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(row)

        self.app.push_screen(ConfirmScreen(question, yes="Move to trash"), answered)

    def _delete(self, row: Row) -> None:
        from pmtui.document.storage import move_to_trash

        self.loaded = False
        with reporting(self, "delete"):
            moved = move_to_trash(row.path)
            self.notify(f"Moved to the trash: {moved}")
        self.reload()
