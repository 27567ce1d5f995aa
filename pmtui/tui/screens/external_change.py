"""The file changed on disk while it was open: say what changed and ask what to do.

Dismisses with one of :data:`RELOAD`, :data:`KEEP_MINE`, :data:`MERGE`, or None (decide
later: nothing is saved until then, and ctrl+s asks again). What the choices do is in
:class:`~pmtui.document.session.DraftSession` (``reload``, ``keep_mine``, ``merge``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from pmtui.document.external import ExternalChange
    from pmtui.document.model import Postmortem

RELOAD = "reload"
KEEP_MINE = "keep"
MERGE = "merge"

#: Longest list of changes shown per side (the rest is counted).
MAX_LINES = 8


def _bullets(lines: list[str], none: str) -> str:
    if not lines:
        return f"  {none}"
    shown = [f"  • {escape(line)}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"  … and {len(lines) - MAX_LINES} more")
    return "\n".join(shown)


class ExternalChangeScreen(ModalScreen[str | None]):
    """Ask what to do about ``change``, given the session's document ``mine``."""

    DEFAULT_CSS = """
    ExternalChangeScreen { align: center middle; }
    ExternalChangeScreen > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ExternalChangeScreen VerticalScroll { height: auto; max-height: 24; }
    ExternalChangeScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ExternalChangeScreen Button { margin-left: 1; }
    """

    BINDINGS = [
        Binding(
            "escape", "later", "Later", id="external.later", tooltip="Decide later (not saved)"
        ),
    ]

    def __init__(self, change: ExternalChange, mine: Postmortem) -> None:
        super().__init__()
        self.change = change
        merge = change.merge(mine)
        self.mergeable = merge is not None and merge.ok
        self.text = self._text(change, mine)

    @staticmethod
    def _text(change: ExternalChange, mine: Postmortem) -> str:
        name = escape(change.path.name)
        lines = [f"[b]{name} changed on disk[/b] since pmtui read it. Nothing was written over it."]
        if change.theirs is None:
            lines += [
                "",
                f"Their version {escape(change.error or 'cannot be used')}.",
                "pmtui will not write over it. Keep yours as a copy, or fix the file "
                "and pmtui asks again.",
            ]
        else:
            lines += ["", "[b]Their changes[/b]", _bullets(change.theirs_changed(), "none")]
        lines += ["", "[b]Your changes[/b]", _bullets(change.mine_changed(mine), "none")]
        merge = change.merge(mine)
        if merge is not None and not merge.ok:
            both = escape(", ".join(merge.conflict_labels()))
            lines += ["", f"[b]Merge is not possible[/b]: both changed {both}."]
        lines += [
            "",
            "[b]Reload[/b] drops your changes and shows theirs. "
            "[b]Keep mine[/b] saves yours beside it as "
            f"{escape(change.path.stem)}.mine-DATE-TIME{escape(change.path.suffix)} and you go "
            "on editing that copy; theirs stays as it is.",
        ]
        if merge is not None and merge.ok:
            lines[-1] += " [b]Merge[/b] takes their changes and keeps yours."
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll():
                yield Static(self.text, id="external-text")
            with Horizontal():
                yield Button("Later", id="external-later")
                if self.change.usable:
                    yield Button("Reload theirs", id="external-reload", variant="warning")
                yield Button("Keep mine (copy)", id="external-keep", variant="primary")
                if self.mergeable:
                    yield Button("Merge", id="external-merge", variant="success")

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_default)

    def _focus_default(self) -> None:
        """Merge when it is offered, else Keep mine: neither loses anyone's work."""
        first = "#external-merge" if self.mergeable else "#external-keep"
        for button in self.query(first).results(Button):
            button.focus()

    def action_later(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#external-later")
    def _later(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#external-reload")
    def _reload(self) -> None:
        self.dismiss(RELOAD)

    @on(Button.Pressed, "#external-keep")
    def _keep(self) -> None:
        self.dismiss(KEEP_MINE)

    @on(Button.Pressed, "#external-merge")
    def _merge(self) -> None:
        self.dismiss(MERGE)
