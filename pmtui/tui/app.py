"""The Textual app: Home, the wizard, and (with ``meeting=True``) meeting mode."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.command import Provider

from pmtui.tui.palette import PmtuiCommands
from pmtui.tui.themes import THEMES

if TYPE_CHECKING:
    from pmtui.blame import BlameConfig
    from pmtui.document.autosave import Clock
    from pmtui.document.session import DraftSession


def _meeting_commands() -> type[Provider]:
    # Imported when the palette opens, not at start-up (it pulls in every step pane).
    from pmtui.tui.screens.meeting import MeetingCommands

    return MeetingCommands


class PmtuiApp(App[None]):
    """pmtui. ``new_title``/``open_path`` open the wizard straight away."""

    TITLE = "pmtui"
    SUB_TITLE = "blameless post-mortems"
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow"),
        (100, "-medium"),
        (140, "-wide"),
    ]
    COMMANDS = App.COMMANDS | {PmtuiCommands, _meeting_commands}

    def __init__(
        self,
        *,
        new_title: str | None = None,
        open_path: Path | None = None,
        clock: Clock = time.monotonic,
        today: Callable[[], dt.date] = dt.date.today,
        meeting: bool = False,
        agenda_minutes: tuple[float, ...] | None = None,
    ) -> None:
        super().__init__()
        for theme in THEMES:
            self.register_theme(theme)
        self.meeting = meeting
        self.agenda_minutes = agenda_minutes
        self.new_title = new_title
        self.open_path = open_path
        self.clock = clock
        self.today = today
        self._blame_config: BlameConfig | None = None
        self._blame_config_loaded = False
        #: Drafts open in a wizard; all saved and unlocked when the app ends.
        self.open_sessions: list[DraftSession] = []

    def on_mount(self) -> None:
        from pmtui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.meeting:
            from pmtui.tui.screens.meeting import DEFAULT_MINUTES, start_meeting_mode

            start_meeting_mode(self, self.open_path, self.agenda_minutes or DEFAULT_MINUTES)
        elif self.new_title is not None:
            self.start_new(self.new_title)
        elif self.open_path is not None:
            self.open_document(self.open_path)

    @property
    def blame_config(self) -> BlameConfig | None:
        """The user's ``[blame]`` config; a bad config is reported once, defaults used."""
        if not self._blame_config_loaded:
            self._blame_config_loaded = True
            from pmtui.blame import load_blame_config
            from pmtui.errors import UserError

            try:
                self._blame_config = load_blame_config()
            except (UserError, OSError) as exc:
                self.notify(f"Config ignored: {exc}", severity="warning", timeout=10)
        return self._blame_config

    def _session_options(self) -> dict[str, object]:
        return {"clock": self.clock, "today": self.today, "blame_config": self.blame_config}

    def start_new(self, title: str = "") -> None:
        """Open the wizard on a new draft in the drafts folder, title focused."""
        from pmtui.document.lock import LockHeld
        from pmtui.document.session import DraftSession
        from pmtui.errors import UserError
        from pmtui.tui.screens.wizard import WizardScreen

        try:
            session = DraftSession.create(title, **self._session_options())
        except (UserError, OSError, LockHeld) as exc:
            self.notify(f"Could not start a new post-mortem: {exc}", severity="error")
            return
        self.push_screen(WizardScreen(session, focus_field="title"))

    def open_document(self, path: Path) -> None:
        """Open ``path`` in the wizard; a file another pmtui holds can open read-only."""
        from pmtui.document.lock import LockHeld
        from pmtui.document.session import DraftSession
        from pmtui.errors import UserError
        from pmtui.tui.screens.confirm import ConfirmScreen
        from pmtui.tui.screens.wizard import WizardScreen

        try:
            session = DraftSession.open(path, **self._session_options())
        except LockHeld as held:

            def answered(read_only: bool | None) -> None:
                if not read_only:
                    return
                try:
                    session = DraftSession.open(path, read_only=True, **self._session_options())
                except (UserError, OSError) as exc:
                    self.notify(str(exc), severity="error", timeout=15)
                    return
                self.push_screen(WizardScreen(session))

            question = (
                f"[b]{path.name}[/b] is open in another pmtui (pid {held.pid}).\n\n"
                "Editing it in two places would lose work. Open it read-only?"
            )
            self.push_screen(ConfirmScreen(question, yes="Open read-only"), answered)
            return
        except (UserError, OSError) as exc:
            # Never overwritten: nothing is written to a file that failed to load.
            self.notify(f"Cannot open: {exc}", severity="error", timeout=15)
            return
        self.push_screen(WizardScreen(session))

    def close_sessions(self) -> None:
        """Save every open draft and release its lock."""
        import sys

        # Only screens that were ever imported can be open (quitting from Home
        # must not import every screen).
        for name, cls in (
            ("pmtui.tui.screens.meeting", "MeetingScreen"),
            ("pmtui.tui.screens.wizard", "WizardScreen"),
        ):
            module = sys.modules.get(name)
            if module is None:
                continue
            for screen in self.screen_stack:
                if isinstance(screen, getattr(module, cls)):
                    screen.close_session()
        # Drafts whose screen is already gone (the app is shutting down).
        from pmtui.errors import UserError

        for session in list(self.open_sessions):
            self.open_sessions.remove(session)
            try:
                session.close()
            except (UserError, OSError) as exc:
                self.notify(f"Could not save {session.path}: {exc}", severity="error")

    async def action_quit(self) -> None:
        self.close_sessions()
        self.exit()

    def on_unmount(self) -> None:
        # Every way out (quit, a crash in the UI, the end of a test) saves drafts.
        self.close_sessions()


def run(
    *,
    new_title: str | None = None,
    open_path: Path | None = None,
    meeting: bool = False,
    agenda: str | None = None,
    theme: str | None = None,
) -> int:
    if open_path is not None:
        # A file that does not parse: one clear line (PATH:LINE: what), exit 2,
        # and the file is never touched.
        from pmtui.document.storage import load

        load(open_path)
    minutes = None
    if meeting:
        from pmtui.meeting.agenda import resolve_agenda

        minutes = resolve_agenda(agenda)  # a bad --agenda or config: one line, exit 2
    app = PmtuiApp(
        new_title=new_title, open_path=open_path, meeting=meeting, agenda_minutes=minutes
    )
    if theme:
        if theme not in app.available_themes:
            from pmtui.errors import UserError

            names = ", ".join(sorted(app.available_themes))
            raise UserError(f"unknown theme {theme!r}; choose one of: {names}")
        app.theme = theme
    app.run()
    return app.return_code or 0
