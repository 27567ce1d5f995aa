"""Actions: every action item across the post-mortems, sortable and filterable; the
status of an item is changed in place, in its file (one cell; the lock respected).

The list, its filters and its sort orders are :mod:`pmtui.repo.actions`; writing a
status is :mod:`pmtui.repo.status`. This screen only shows them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Select, Static

from pmtui.document.model import Status
from pmtui.repo.actions import (
    COLUMNS,
    STATUS_FILTERS,
    ActionQuery,
    all_rows,
    next_status,
    sort_rows,
)
from pmtui.repo.index import ActionRow
from pmtui.tui.app import pmtui_app

_STATUS_CHOICES = [("Any status", "any")] + [
    (name.replace("-", " ").capitalize(), name) for name in STATUS_FILTERS
]


class ActionsScreen(Screen[None]):
    """Follow-through on every action item."""

    DEFAULT_CSS = """
    ActionsScreen #actions-body { height: 1fr; padding: 0 1; }
    ActionsScreen #actions-filters { height: auto; }
    ActionsScreen #actions-text { width: 1fr; }
    ActionsScreen #actions-owner { width: 20; }
    ActionsScreen #actions-status { width: 20; }
    ActionsScreen #actions-overdue { width: auto; }
    ActionsScreen #actions-table { height: 1fr; }
    ActionsScreen #actions-status-line { height: 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "back", "Home", id="actions.back", tooltip="Back to the list"),
        Binding(
            "space",
            "cycle_status",
            "Next status",
            id="actions.cycle-status",
            tooltip="Pending → In progress → Done, written to the file",
        ),
        Binding("d", "set_status('Done')", "Done", id="actions.done", tooltip="Mark Done"),
        Binding("s", "sort", "Sort", id="actions.sort", tooltip="Sort by the cursor's column"),
        Binding("slash", "focus_filter", "Filter", id="actions.filter", tooltip="Filter"),
        Binding("o", "toggle_overdue", "Overdue", id="actions.overdue", tooltip="Overdue only"),
        Binding("enter", "open", "Open", id="actions.open", tooltip="Open the post-mortem"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ActionRow] = []
        self.shown: list[ActionRow] = []
        self.errors: list[str] = []
        self.loaded = False
        self.sort_column = "due"
        self.sort_reverse = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="actions-body"):
            with Horizontal(id="actions-filters"):
                yield Input(placeholder="Filter: action, owner, post-mortem…", id="actions-text",
                            compact=True)  # fmt: skip
                yield Input(placeholder="Owner (@dana)", id="actions-owner", compact=True)
                yield Select(_STATUS_CHOICES, value="any", allow_blank=False,
                             id="actions-status", compact=True)  # fmt: skip
                yield Checkbox("Overdue only", id="actions-overdue", compact=True)
            yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
            yield Static("Reading action items…", id="actions-status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "action items across the post-mortems"
        table = self.query_one(DataTable)
        widths = {"due": 10, "overdue": 7, "status": 11, "owner": 14, "action": 40}
        for key, label in COLUMNS.items():
            table.add_column(label, key=key, width=widths.get(key))
        table.focus()
        self.call_after_refresh(self.reload)

    # -- reading -------------------------------------------------------------

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="actions-list")
    def _load(self) -> None:
        from pmtui.repo.index import Index

        app = pmtui_app(self)
        try:
            entries = Index(app.settings.drafts_dir()).refresh(warnings=False)
            rows = all_rows(entries)
            errors = [e.error for e in entries if e.error is not None]
            problem = None
        except Exception as exc:  # noqa: BLE001 - the screen must always show
            rows, errors, problem = [], [], f"Could not read the action items: {exc}"
        self.app.call_from_thread(self._show, rows, errors, problem)

    def _show(self, rows: list[ActionRow], errors: list[str], problem: str | None) -> None:
        self.rows, self.errors, self.loaded = rows, errors, True
        if problem:
            self.notify(problem, severity="error", markup=False)
        for error in errors:
            self.notify(error, title="Cannot read", severity="warning", markup=False)
        self.apply_filter()

    # -- filtering and sorting ------------------------------------------------

    def current_query(self) -> ActionQuery:
        status = self.query_one("#actions-status", Select).value
        owner = self.query_one("#actions-owner", Input).value.strip()
        return ActionQuery(
            owner=owner or None,
            status=str(status) if status in STATUS_FILTERS else None,
            overdue=self.query_one("#actions-overdue", Checkbox).value,
            text=self.query_one("#actions-text", Input).value.strip(),
        )

    def apply_filter(self, keep: tuple[Path, int] | None = None) -> None:
        today = pmtui_app(self).today()
        q = self.current_query()
        chosen = [r for r in self.rows if q.matches(r, today)]
        self.shown = sort_rows(chosen, self.sort_column, today, reverse=self.sort_reverse)
        table = self.query_one(DataTable)
        table.clear()
        for row in self.shown:
            late = row.overdue_days(today)
            table.add_row(
                row.due.isoformat() if row.due else "–",
                f"{late} d" if late else "",
                row.status.value,
                row.owner or "(no owner)",
                row.action,
                row.postmortem or row.path.name,
                key=f"{row.path}\0{row.index}",
            )
        if keep is not None:
            for i, row in enumerate(self.shown):
                if (row.path, row.index) == keep:
                    table.move_cursor(row=i)
                    break
        self._status_line(today)

    def _status_line(self, today: object) -> None:
        overdue = sum(1 for r in self.shown if r.overdue_days(pmtui_app(self).today()))
        arrow = "↓" if self.sort_reverse else "↑"
        text = (
            f"{len(self.shown)} of {len(self.rows)} action items · {overdue} overdue · "
            f"sorted by {COLUMNS[self.sort_column].lower()} {arrow}"
        )
        if self.errors:
            n = len(self.errors)
            text += f" · {n} file{'s' if n != 1 else ''} could not be read"
        self.query_one("#actions-status-line", Static).update(text)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _filters_changed(self) -> None:
        if self.loaded:
            self.apply_filter()

    @on(Input.Submitted)
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    def sort_by(self, column: str) -> None:
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.apply_filter(self._current_key())

    def action_sort(self) -> None:
        table = self.query_one(DataTable)
        keys = list(COLUMNS)
        self.sort_by(keys[max(0, min(table.cursor_column, len(keys) - 1))])

    def action_focus_filter(self) -> None:
        self.query_one("#actions-text", Input).focus()

    def action_toggle_overdue(self) -> None:
        box = self.query_one("#actions-overdue", Checkbox)
        box.value = not box.value

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id in ("actions-text", "actions-owner"):
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()

    # -- the selected item ---------------------------------------------------

    def selected(self) -> ActionRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None:
            return None
        index = table.cursor_row
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def _current_key(self) -> tuple[Path, int] | None:
        row = self.selected()
        return (row.path, row.index) if row is not None else None

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            pmtui_app(self).open_document(row.path)

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from the wizard: statuses may have changed
            self.reload()

    def action_cycle_status(self) -> None:
        row = self.selected()
        if row is not None:
            self.change_status(row, next_status(row.status))

    def action_set_status(self, value: str) -> None:
        row = self.selected()
        if row is not None:
            self.change_status(row, Status(value))

    def change_status(self, row: ActionRow, status: Status) -> None:
        """Write ``status`` into the item's file (in a thread); the row changes when done."""
        app = pmtui_app(self)
        if any(session.path == row.path for session in app.sessions):
            self.notify(
                f"{row.path.name} is open in the wizard; change the status there.",
                severity="warning",
                markup=False,
            )
            return
        self._write_status(row, status)

    @work(thread=True, group="actions-write")
    def _write_status(self, row: ActionRow, status: Status) -> None:
        from pmtui.document.lock import LockHeld
        from pmtui.errors import UserError
        from pmtui.repo.status import set_status

        try:
            set_status(row.path, row.index, status, expect_action=row.action)
        except LockHeld as held:
            message = f"{row.path.name} is open in another pmtui (pid {held.pid}); not changed."
            self.app.call_from_thread(self.notify, message, severity="warning", markup=False)
            return
        except UserError as exc:
            message = f"Could not change the status: {exc}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._status_written, row, status)

    def _status_written(self, row: ActionRow, status: Status) -> None:
        new = dataclasses.replace(row, status=status)
        self.rows = [new if r is row else r for r in self.rows]
        self.apply_filter(keep=(row.path, row.index))
        self.notify(f"{status.value}: {row.action}", markup=False)
