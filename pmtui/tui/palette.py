"""Command-palette (ctrl+p) commands: Home's, the wizard's and meeting mode's, named as
the README names them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

#: A palette command: its name, what it runs, and one line of help.
Command = tuple[str, Callable[[], object], str]


class CommandListProvider(Provider):
    """A Provider over a list of commands that depends on the current screen."""

    def _commands(self) -> Iterable[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class PmtuiCommands(CommandListProvider):
    """Save, Export Markdown, Next/Previous step, Go to step: <name>, Review, …"""

    def _commands(self) -> list[Command]:
        from pmtui.document.model import STEP_TITLES, STEPS
        from pmtui.tui.screens.home import HomeScreen
        from pmtui.tui.screens.wizard import WizardScreen
        from pmtui.tui.widgets.steps import ListStepPane, TimelinePane

        screen = self.screen
        commands: list[Command] = []
        if isinstance(screen, WizardScreen):
            commands += [
                ("Save", screen.action_save, "Save the post-mortem now"),
                ("Export Markdown", screen.action_export, "Write a Markdown copy"),
                ("Next step", screen.action_next_step, "Go to the next wizard step"),
                ("Previous step", screen.action_previous_step, "Go to the previous step"),
                ("Review", screen.action_review, "Rendered document, checklist, warnings"),
                ("Allow warning", screen.action_allow_warning, "Allow the shown blame warning"),
                ("Home", screen.action_home, "Save and go back to the list"),
            ]
            pane = screen.pane()
            if isinstance(pane, ListStepPane):
                item = pane.ITEM_NAME
                commands += [
                    (f"Add {item}", pane.action_add_row, f"Add a {item} after the current one"),
                    (f"Delete {item}", pane.action_delete_row, f"Delete the current {item}"),
                    (f"Move {item} up", partial(pane.action_move_row, -1), "Reorder"),
                    (f"Move {item} down", partial(pane.action_move_row, 1), "Reorder"),
                ]
            if isinstance(pane, TimelinePane):
                commands += [
                    ("Sort timeline by time", pane.action_sort, "Order the rows by time"),
                    (
                        "Paste log",
                        pane.action_paste_log,
                        "Paste a chat, paging or system log: preview, then add its rows",
                    ),
                    (
                        "Fill duration from the timeline",
                        pane.action_fill_duration,
                        "Duration = last row's time minus the first's",
                    ),
                ]
            for step in STEPS:
                commands.append(
                    (
                        f"Go to step: {STEP_TITLES[step]}",
                        partial(screen.show_step, step),
                        f"Show the {STEP_TITLES[step]} step",
                    )
                )
        if isinstance(screen, HomeScreen):
            commands += [
                ("New post-mortem", screen.action_new, "Start a new post-mortem"),
                ("Open", screen.action_open, "Open the selected post-mortem"),
                ("Delete", screen.action_delete, "Move the selected post-mortem to the trash"),
                (
                    "Actions",
                    screen.action_actions,
                    "Every action item across the post-mortems: owner, due, status, overdue",
                ),
                (
                    "Insights",
                    screen.action_insights,
                    "Severities, gaps, follow-through and learnings across the post-mortems",
                ),
            ]
        return commands


class MeetingCommands(CommandListProvider):
    """Meeting mode's controls on the meeting screen; "Start meeting" on a screen editing
    a post-mortem (the wizard), which opens meeting mode on that document."""

    def _commands(self) -> Iterable[Command]:
        from pmtui.tui.screens.meeting import CONTROLS, MeetingScreen, open_meeting
        from pmtui.tui.screens.meeting_entry import FACILITATION
        from pmtui.tui.screens.session_screen import SessionScreen

        screen = self.screen
        if isinstance(screen, MeetingScreen):
            # Only the controls that can act now (as the footer shows them).
            return [
                (name, getattr(screen, f"action_{action}"), help_text)
                for name, action, help_text in CONTROLS
                if screen.check_action(action, ()) is True
            ] + [
                (name, getattr(screen, f"action_{action}"), help_text)
                for name, action, help_text in FACILITATION
                if screen.check_action(action, ()) is True
            ]
        if isinstance(screen, SessionScreen):
            return [
                (
                    "Start meeting",
                    partial(open_meeting, self.app, screen),
                    "Run the timed post-mortem meeting on this document",
                )
            ]
        return []
