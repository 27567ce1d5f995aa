"""Small dialogs over the meeting clock: one line for a note, a decision or a
parking-lot entry; the roles and attendees; and the safe word's flash to the room.

Each sits at the bottom of the screen so the clock and the agenda stay in view (the
clock keeps running underneath); what they collect is handed back with ``dismiss``
and recorded by :class:`~pmtui.tui.screens.meeting.MeetingScreen`.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from pmtui.meeting.agenda import SAFE_WORD_TEXT

#: How long the safe word's message stays up (any key clears it sooner).
FLASH_SECONDS = 4.0


#: Entry kind -> (dialog title, help line); ``{item}`` is the current agenda item.
ENTRY_PROMPTS: dict[str, tuple[str, str]] = {
    "note": ("Note on “{item}”", "Saved in the meeting record under this agenda item."),
    "decision": ("Decision on “{item}”", "Saved in the meeting record under this agenda item."),
    "parking-lot entry": (
        "Parking lot",
        "An off-topic point to come back to; saved in the meeting record.",
    ),
}


#: Facilitation controls that act on the current agenda item (only while it runs).
FACILITATION_LIVE = ("add_note", "add_decision", "safe_word")

#: (palette name, screen action, help) for the facilitation record's controls.
FACILITATION: tuple[tuple[str, str, str], ...] = (
    ("Add note", "add_note", "A note on the current agenda item"),
    ("Add decision", "add_decision", "A decision on the current agenda item"),
    ("Add to parking lot", "add_parking", "An off-topic point, for later"),
    ("Roles and attendees", "roles", "Facilitator, scribe, incident owner, attendees"),
    ("Safe word: enough, let's move on", "safe_word", "Tell the room; park the topic"),
)

FACILITATION_BINDINGS: tuple[Binding, ...] = (
    Binding(
        "f2",
        "add_note",
        "Note",
        id="meeting.note",
        tooltip="Add a note on this item",
        priority=True,
    ),
    Binding(
        "f3",
        "add_decision",
        "Decision",
        id="meeting.decision",
        tooltip="Add a decision on this item",
        priority=True,
    ),
    Binding(
        "f4",
        "add_parking",
        "Park",
        id="meeting.parking",
        tooltip="Add to the parking lot",
        priority=True,
    ),
    Binding(
        "f12",
        "safe_word",
        "Move on",
        id="meeting.safe-word",
        tooltip="Safe word: “Enough, let's move on”; parks the topic",
        priority=True,
    ),
    Binding(
        "ctrl+r",
        "roles",
        "Roles",
        id="meeting.roles",
        tooltip="Facilitator, scribe, incident owner and attendees",
        show=False,
        priority=True,
    ),
)


class Roles(NamedTuple):
    facilitator: str
    scribe: str
    owner: str
    attendees: list[str]


class _BottomDialog(ModalScreen[object]):
    DEFAULT_CSS = """
    _BottomDialog { align: center bottom; background: $background 30%; }
    _BottomDialog > Vertical {
        width: 90; max-width: 100%; height: auto; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    _BottomDialog .dialog-title { text-style: bold; }
    _BottomDialog .dialog-help { color: $text-muted; }
    _BottomDialog Horizontal { height: auto; align-horizontal: right; }
    _BottomDialog Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="meeting-entry.cancel", tooltip="Close, save nothing"
        ),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#entry-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class EntryScreen(_BottomDialog):
    """One line of text (a note, a decision, a parking-lot entry); dismisses with the
    text, or None when cancelled. Empty text is not accepted."""

    def __init__(self, title: str, help_text: str, *, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.help_text = help_text
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-dialog"):
            yield Label(self.title_text, classes="dialog-title", id="entry-title")
            yield Input(placeholder=self.placeholder, id="entry-text")
            yield Static(self.help_text, classes="dialog-help")
            with Horizontal():
                yield Button("Cancel (esc)", id="entry-cancel", compact=True)
                yield Button("Add (enter)", id="entry-add", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#entry-text", Input).focus()

    @on(Input.Submitted, "#entry-text")
    @on(Button.Pressed, "#entry-add")
    def _add(self) -> None:
        entry = self.query_one("#entry-text", Input).value.strip()
        if not entry:
            self.notify("Type the entry first (esc closes without saving).", timeout=3)
            return
        self.dismiss(entry)


class RolesScreen(_BottomDialog):
    """The facilitator, scribe, incident owner and attendees (one per line); dismisses
    with :class:`Roles`, or None when cancelled."""

    DEFAULT_CSS = """
    RolesScreen #roles-attendees { height: 6; }
    RolesScreen Input { margin-bottom: 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save roles",
            id="meeting-roles.save",
            tooltip="Save the roles and attendees",
            priority=True,
        ),
    ]

    def __init__(self, roles: Roles) -> None:
        super().__init__()
        self.roles = roles

    def compose(self) -> ComposeResult:
        roles = self.roles
        with Vertical(id="roles-dialog"):
            yield Label("Roles and attendees", classes="dialog-title")
            yield Label("Facilitator")
            yield Input(roles.facilitator, id="roles-facilitator", compact=True)
            yield Label("Scribe")
            yield Input(roles.scribe, id="roles-scribe", compact=True)
            yield Label("Incident owner")
            yield Input(roles.owner, id="roles-owner", compact=True)
            yield Label("Attendees (one per line)")
            yield TextArea("\n".join(roles.attendees), id="roles-attendees", compact=True)
            with Horizontal():
                yield Button("Cancel (esc)", id="entry-cancel", compact=True)
                yield Button("Save (ctrl+s)", id="roles-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#roles-facilitator", Input).focus()

    @on(Button.Pressed, "#roles-save")
    def action_save(self) -> None:
        def value(field: str) -> str:
            return self.query_one(f"#roles-{field}", Input).value

        attendees = self.query_one("#roles-attendees", TextArea).text.split("\n")
        self.dismiss(Roles(value("facilitator"), value("scribe"), value("owner"), attendees))


class SafeWordFlash(ModalScreen[None]):
    """ "Enough, let's move on", large, for the room; gone after a few seconds or a key."""

    DEFAULT_CSS = """
    SafeWordFlash { align: center middle; background: $background 60%; }
    SafeWordFlash > Vertical {
        width: 80%; height: auto; padding: 1 2; border: heavy $warning;
        background: $warning 20%;
    }
    SafeWordFlash #safe-word-text { text-style: bold; text-align: center; width: 100%; }
    SafeWordFlash #safe-word-filed { text-align: center; width: 100%; color: $text-muted; }
    """

    def __init__(self, filed: str) -> None:
        super().__init__()
        self.filed = filed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(SAFE_WORD_TEXT.upper(), id="safe-word-text")
            yield Static(
                f"Filed in the parking lot: {self.filed}", id="safe-word-filed", markup=False
            )

    def on_mount(self) -> None:
        self.set_timer(FLASH_SECONDS, self._close)

    def _close(self) -> None:
        if self.is_current:
            self.dismiss(None)

    def on_key(self) -> None:
        self._close()
