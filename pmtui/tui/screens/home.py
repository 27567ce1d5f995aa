"""Home: saved post-mortems, newest first; open, new, delete; filter by typing (titles and
content); the Actions and Insights screens across every post-mortem.

The list is read in a thread once the screen is up, through the index in the cache folder
(:mod:`pmtui.repo.index`): a warm start re-reads only the files that changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.widgets.data_table import ColumnKey

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

    def matches(self, text: str, content: str = "") -> bool:
        """Every word of ``text`` is in the title, date, severity, file name or
        ``content`` (the post-mortem's text, case-folded)."""
        words = text.casefold().split()
        hay = f"{self.title} {self.date} {self.severity} {self.path.name}".casefold()
        return all(word in hay or word in content for word in words)


def load_rows(folder: Path, checker: Checker, today: dt.date | None = None) -> list[Row]:
    """Every post-mortem in ``folder``, newest first, with its warning count."""
    return load_listing(folder, checker, today)[0]


def load_listing(
    folder: Path, checker: Checker, today: dt.date | None = None
) -> tuple[list[Row], Callable[[], dict[Path, str]]]:
    """The rows (through the index: only changed files are read), and a function giving
    each file's text for the content filter (read from the index when called)."""
    from pmtui.repo.index import Index, newest_first

    index = Index(folder, checker)
    day = today or checker.today()
    rows = []
    entries = newest_first(index.refresh())
    for entry in entries:
        if entry.error is not None:
            rows.append(
                Row(entry.path, entry.title or entry.path.name, "", "", "unreadable", "",
                    entry.error)
            )  # fmt: skip
            continue
        count = entry.warning_count(index.key or "", day) or 0
        rows.append(
            Row(
                entry.path,
                entry.title or "(untitled)",
                entry.date.isoformat() if entry.date else "",
                entry.severity or "",
                f"{entry.complete}%",
                f"⚠ {count}" if count else "–",
            )
        )

    def contents() -> dict[Path, str]:
        return {e.path: e.haystack() for e in entries if e.error is None}

    return rows, contents


#: Rows added to the table at once when the list is shown (more than a screenful), and
#: then per refresh until every row is in.
FIRST_ROWS = 80
BATCH_ROWS = 200

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
            "ctrl+t",
            "actions",
            "Actions",
            id="home.actions",
            tooltip="Every action item across the post-mortems: follow-through",
            priority=True,
        ),
        Binding(
            "ctrl+r",
            "insights",
            "Insights",
            id="home.insights",
            tooltip="Severities, gaps, follow-through and learnings across the post-mortems",
            priority=True,
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
        #: Each post-mortem's text, case-folded, for the filter; read after the list is
        #: shown (until then the filter matches titles, dates and file names).
        self.contents: dict[Path, str] = {}
        self._fill_generation = 0
        #: False until the first listing has been read (in a thread, after the
        #: screen is up, so start-up never waits for the disk or pydantic).
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Input(
                placeholder="Type to filter (titles and content)…", id="filter", compact=True
            )
            yield DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-empty")
            yield Static("", id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "blameless post-mortems"
        table = self.query_one(DataTable)
        table.add_column("Title", key="title", width=self._title_width())
        table.add_column("Date", key="date", width=10)
        table.add_column("Sev", key="severity", width=5)
        table.add_column("Done", key="complete", width=10)
        table.add_column("Warn", key="warnings", width=5)
        table.focus()
        # Read the folder once the screen is up: start-up never waits for it.
        self.call_after_refresh(self.reload)

    def _title_width(self) -> int:
        """The title column gets what the other columns leave (they are never cut)."""
        others = 10 + 5 + 10 + 5  # date, severity, done, warnings
        padding = 2 * 5 + 2 + 2  # cell padding, the scroll bar, the body's padding
        return max(12, (self.app.size.width or 80) - others - padding)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        column = table.columns.get(ColumnKey("title"))
        width = self._title_width()
        if column is not None and column.width != width:
            column.width = width
            table.refresh(layout=True)

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from the wizard: the list may have changed
            self.reload()

    def reload(self) -> None:
        """Read the drafts folder again (in a thread); the list updates when done."""
        self._load_rows()

    @work(thread=True, exclusive=True, group="home-list")
    def _load_rows(self) -> None:
        app = pmtui_app(self)
        contents: Callable[[], dict[Path, str]] | None = None
        try:
            rows, contents = load_listing(app.settings.drafts_dir(), app.checker, app.today())
            error = None
        except Exception as exc:  # noqa: BLE001 - the list must always show
            rows, error = [], f"Could not list post-mortems: {exc}"
        self.app.call_from_thread(self._show_rows, rows, error)
        if contents is not None:
            self.app.call_from_thread(self.call_after_refresh, self._load_contents, contents)

    @work(thread=True, exclusive=True, group="home-contents")
    def _load_contents(self, contents: Callable[[], dict[Path, str]]) -> None:
        try:
            texts = contents()
        except Exception:  # noqa: BLE001 - the filter then matches titles only
            return
        self.app.call_from_thread(self._show_contents, texts)

    def _show_contents(self, contents: dict[Path, str]) -> None:
        self.contents = contents
        if self.filter_text.strip():
            self.apply_filter()

    def _show_rows(self, rows: list[Row], error: str | None) -> None:
        """The list, then (once it is on screen) the texts for the content filter."""
        if not self.query(DataTable):  # the app ended (or the screen went) meanwhile
            return
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
        self.shown = [
            row for row in self.rows if row.matches(text, self.contents.get(row.path, ""))
        ]
        self._fill_generation += 1
        self._fill(self._fill_generation, 0)
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

    def _fill(self, generation: int, start: int) -> None:
        """Add the shown rows to the table: a screenful now, the rest in batches after
        each refresh, so a long list is on screen at once (DataTable measures every cell
        it is given, about 0.2 ms a row)."""
        if generation != self._fill_generation:
            return  # the filter changed since: a newer fill is under way
        table = self.query_one(DataTable)
        end = min(len(self.shown), start + (FIRST_ROWS if start == 0 else BATCH_ROWS))
        # Cells are Rich Text, not str: DataTable parses str cells as markup, which costs
        # more (and knows no theme variables: an unreadable file is in the error colour).
        error_style = self.app.current_theme.error or "red"
        for row in self.shown[start:end]:
            title = Text(row.title, style=error_style if row.error is not None else "")
            table.add_row(
                title,
                Text(row.date),
                Text(row.severity),
                Text(row.complete),
                Text(row.warnings),
                key=str(row.path),
            )
        if end < len(self.shown):
            self.call_after_refresh(self._fill, generation, end)

    @property
    def filled(self) -> bool:
        """True when every shown row is in the table."""
        return self.query_one(DataTable).row_count == len(self.shown)

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

    def action_actions(self) -> None:
        from pmtui.tui.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen())

    def action_insights(self) -> None:
        from pmtui.tui.screens.insights import InsightsScreen

        self.app.push_screen(InsightsScreen())

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
