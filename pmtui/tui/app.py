"""The Textual app: Home, the wizard, and (with ``meeting=True``) meeting mode.

The app is thin: it holds the settings, the one blame :class:`~pmtui.blame.Checker`,
the registry of open drafts, and opens screens. Everything the user can get wrong at
start-up (theme, key map) is checked in ``__init__`` and raised as a
:class:`~pmtui.errors.UserError`, which the CLI prints as one line.

SIGTERM and SIGHUP (the terminal window closed) end the app like ctrl+q: every open
draft is saved and unlocked first. The handlers run in the event loop
(``loop.add_signal_handler``), and a watchdog ends the process if shutting down the
terminal hangs (a closed terminal may never take the last bytes).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from pmtui.blame import Checker, preload
from pmtui.document.session import DraftSession, SessionRegistry
from pmtui.errors import UserError
from pmtui.tui.errors import report, reporting
from pmtui.tui.keymap import check_keymap
from pmtui.tui.palette import MeetingCommands, PmtuiCommands
from pmtui.tui.terminal import install as install_key_parser
from pmtui.tui.themes import THEMES, meeting_colours

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.theme import Theme

    from pmtui.config import Settings
    from pmtui.document.autosave import Clock


#: Signals that end the app after saving every draft.
EXIT_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP)
#: Seconds the app has to shut down after such a signal before the process exits anyway
#: (the drafts are saved and unlocked before this starts counting).
EXIT_GRACE = 3.0


class PmtuiApp(App[None]):
    """pmtui. ``new_title``/``open_path`` open the wizard straight away."""

    TITLE = "pmtui"
    SUB_TITLE = "blameless post-mortems"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-medium"),
        (140, "-wide"),
    ]
    COMMANDS = App.COMMANDS | {PmtuiCommands, MeetingCommands}

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        new_title: str | None = None,
        open_path: Path | None = None,
        clock: Clock = time.monotonic,
        today: Callable[[], dt.date] = dt.date.today,
        meeting: bool = False,
        follow: bool = False,
        agenda_minutes: tuple[float, ...] | None = None,
        theme: str | None = None,
        import_layout: str | None = None,
    ) -> None:
        super().__init__()
        install_key_parser()
        for custom in THEMES:
            self.register_theme(custom)
        if settings is None:
            from pmtui.config import load_settings

            settings = load_settings()
        self.settings = settings
        #: Every blame warning and action-item check in the app comes from it.
        self.checker = Checker(self.settings.blame, today=today)
        #: Drafts open in a screen; all saved and unlocked when the app ends.
        self.sessions = SessionRegistry()
        self.meeting = meeting
        #: ``pmtui meeting FILE --follow``: the read-only follower view of ``open_path``.
        self.follow = follow
        self.agenda_minutes = agenda_minutes or self.settings.meeting.agenda
        self.new_title = new_title
        self.open_path = open_path
        #: ``open_path`` is in this other layout: offer to import it instead.
        self.import_layout = import_layout
        self.clock = clock
        self.today = today
        self._apply_theme(theme)
        keymap = check_keymap(self.settings.keys)
        if keymap:
            self.set_keymap(keymap)
        self._signals: list[signal.Signals] = []
        self._terminating = False
        #: What the CLI prints on stderr after the app ends (drafts that failed to save).
        self.exit_notes: list[str] = []

    # -- theme -------------------------------------------------------------------

    def _apply_theme(self, asked: str | None) -> None:
        """``--theme``, else the one last picked in the palette, else ``[ui] theme``."""
        from pmtui import state

        configured = self.settings.ui.theme
        for name, where in ((asked, "--theme"), (configured, "[ui] theme")):
            if name is not None and name not in self.available_themes:
                names = ", ".join(sorted(self.available_themes))
                raise UserError(f"{where}: unknown theme {name!r}; choose one of: {names}")
        remembered = state.remembered_theme(configured)
        if remembered not in self.available_themes:
            remembered = None
        chosen = asked or remembered or configured
        if chosen:
            self.theme = chosen

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """pmtui's own CSS variables for the current theme (the meeting clock's colours);
        a theme's ``variables`` can still set them."""
        return {**super().get_theme_variable_defaults(), **meeting_colours(self.current_theme)}

    def _theme_picked(self, theme: Theme) -> None:
        from pmtui import state

        state.remember_theme(theme.name, self.settings.ui.theme)

    # -- screens -----------------------------------------------------------------

    def on_mount(self) -> None:
        from pmtui.tui.screens.home import HomeScreen

        # The blame rules, names and model load in a daemon thread: the first paint does
        # not wait for them, and no way out joins it (SIGHUP still saves and exits at once).
        threading.Thread(
            target=preload, args=(self.settings.blame,), name="pmtui-blame-preload", daemon=True
        ).start()
        # Remember a theme the user picks from now on (not the one set at start-up).
        self.theme_changed_signal.subscribe(self, self._theme_picked)
        self._install_signal_handlers()
        if self.follow and self.open_path is not None:
            from pmtui.tui.screens.meeting_follow import FollowScreen

            self.push_screen(FollowScreen(self.open_path))
            return
        self.push_screen(HomeScreen())
        if self.meeting:
            from pmtui.tui.screens.meeting import start_meeting_mode

            start_meeting_mode(self, self.open_path, self.agenda_minutes)
        elif self.new_title is not None:
            self.start_new(self.new_title)
        elif self.open_path is not None and self.import_layout is not None:
            self.offer_import(self.open_path, self.import_layout)
        elif self.open_path is not None:
            self.open_document(self.open_path)

    def new_session(self, title: str = "") -> DraftSession | None:
        """A new draft in the folder of post-mortems; a problem is a notification."""
        try:
            return DraftSession.create(
                title, folder=self.settings.drafts_dir(), clock=self.clock, checker=self.checker
            )
        except UserError as exc:
            report(self, "start a new post-mortem", exc)
            return None

    def open_session(self, path: Path, *, read_only: bool = False) -> DraftSession:
        """Open ``path`` (raises ``LockHeld`` or another ``UserError``)."""
        return DraftSession.open(path, read_only=read_only, clock=self.clock, checker=self.checker)

    def start_new(self, title: str = "") -> None:
        """Open the wizard on a new draft, title focused."""
        from pmtui.tui.screens.wizard import WizardScreen

        session = self.new_session(title)
        if session is not None:
            self.push_screen(WizardScreen(session, focus_field="title"))

    def open_document(self, path: Path) -> None:
        """Open ``path`` in the wizard; a file another pmtui holds can open read-only."""
        from pmtui.document.lock import LockHeld
        from pmtui.tui.screens.confirm import ConfirmScreen
        from pmtui.tui.screens.wizard import WizardScreen

        try:
            session = self.open_session(path)
        except LockHeld as held:

            def answered(read_only: bool | None) -> None:
                if not read_only:
                    return
                with reporting(self, "open"):
                    self.push_screen(WizardScreen(self.open_session(path, read_only=True)))

            question = (
                f"[b]{path.name}[/b] is open in another pmtui ({held.owner}).\n\n"
                "Editing it in two places would lose work. Open it read-only?"
            )
            self.push_screen(ConfirmScreen(question, yes="Open read-only"), answered)
            return
        except UserError as exc:
            # Never overwritten: nothing is written to a file that failed to load.
            report(self, "open", exc)
            return
        if session.read_only and session.read_only_reason:
            self.notify(session.read_only_reason, severity="warning", timeout=10, markup=False)
        self.push_screen(WizardScreen(session))

    def offer_import(self, path: Path, layout: str) -> None:
        """``path`` is a post-mortem in another layout: offer to convert it into a new
        pmtui file beside it (the original is never changed), then open that."""
        from pmtui.document.storage import atomic_write_text, new_path
        from pmtui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from pmtui.document.markdown import to_markdown
            from pmtui.importers import import_file

            with reporting(self, "import") as outcome:
                result = import_file(path, layout)
                target = new_path(result.doc.title or path.stem, result.doc.date, path.parent)
                atomic_write_text(target, to_markdown(result.doc))
            if outcome.ok:
                self.notify(
                    f"Imported {path.name} ({len(result.moves)} sections mapped) as {target.name}."
                )
                self.open_document(target)

        question = (
            f"[b]{path.name}[/b] is not in pmtui's layout; it looks like the [b]{layout}[/b] "
            "template.\n\nImport it into a new pmtui post-mortem beside it? "
            "(The original is not changed; `pmtui import` shows what goes where.)"
        )
        self.push_screen(ConfirmScreen(question, yes="Import"), answered)

    # -- leaving -----------------------------------------------------------------

    def close_sessions(self) -> None:
        """Save every open draft and release its lock."""
        from pmtui.tui.screens.session_screen import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.close_session()
        for session, exc in self.sessions.close_all():
            self.closing_failed(session.path, exc)

    def closing_failed(self, path: Path, exc: Exception) -> None:
        """A draft could not be saved as it closed (or was saved as a copy): say so now,
        and again on stderr once the app has ended (the screen is gone by then)."""
        from pmtui.document.session import KeptAsCopy

        report(self, f"save {path}", exc)
        self.exit_notes.append(
            str(exc) if isinstance(exc, KeptAsCopy) else f"could not save {path}: {exc}"
        )

    async def action_quit(self) -> None:
        self.close_sessions()
        self.exit()

    def on_unmount(self) -> None:
        # Every way out (quit, a crash in the UI, the end of a test) saves drafts.
        self.close_sessions()
        self._remove_signal_handlers()

    # -- signals -----------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGTERM/SIGHUP save and quit (only possible in the main thread's loop)."""
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for number in EXIT_SIGNALS:
            try:
                loop.add_signal_handler(number, self._signalled, number)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            self._signals.append(number)

    def _remove_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals = []

    def _signalled(self, number: signal.Signals) -> None:
        """In the event loop: save and unlock every draft, then quit (exit status
        128 + the signal number, as a shell reports it)."""
        if self._terminating:
            return
        self._terminating = True
        try:
            self.close_sessions()
        finally:
            code = 128 + int(number)
            watchdog = threading.Timer(EXIT_GRACE, os._exit, args=(code,))
            watchdog.daemon = True
            watchdog.start()
            self.exit(return_code=code)


def pmtui_app(node: DOMNode) -> PmtuiApp:
    """The running :class:`PmtuiApp`, typed (screens and panes reach the settings, the
    checker and the open drafts through it)."""
    app = node.app
    assert isinstance(app, PmtuiApp), f"pmtui screens run in PmtuiApp, not {type(app)}"
    return app
