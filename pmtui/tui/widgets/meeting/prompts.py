"""What to say to the room: the ground rules and safety contract before the start, a blame
warning shown large, the facilitation question for the moment, and the tips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from pmtui.meeting.guidance import (
    FACILITATION_TIPS,
    GROUND_RULES,
    SAFETY_EXPECTATIONS,
    SAFETY_PROMISES,
    tip_at,
)

if TYPE_CHECKING:
    from pmtui.meeting.warnings import ShownWarning


def rules_markup() -> str:
    """The spec's ground rules and psychological-safety contract."""
    rules = "\n".join(
        f"  {i}. [b]{rule}[/b] {text}" for i, (rule, text) in enumerate(GROUND_RULES, 1)
    )
    promises = "\n".join(f"  • [b]{what}[/b] {rest}" for what, rest in SAFETY_PROMISES)
    expect = "\n".join(f"  • [b]{what}[/b] {rest}" for what, rest in SAFETY_EXPECTATIONS)
    return (
        "[b $accent]Ground rules[/]\n"
        f"{rules}\n\n"
        "[b $accent]The psychological safety contract[/]\n"
        f"[b]We promise:[/b]\n{promises}\n"
        f"[b]We expect:[/b]\n{expect}\n\n"
        "[i]We don't fire people for making mistakes. "
        "We fire people for hiding them.[/i]"
    )


def tips_markup() -> str:
    """The spec's facilitation tips."""
    return "[b]Facilitation tips[/b]\n" + "\n".join(
        f"{tip.when}\n  [b]“{tip.ask}”[/b]" for tip in FACILITATION_TIPS
    )


class BlameAlert(Static):
    """A blame warning in the current item's steps, shown large, with its reframe."""

    def show(self, warning: ShownWarning | None, more: int = 0, *, controls: bool = True) -> None:
        """Show ``warning`` (``more`` others exist); ``controls``: say how to allow or
        dismiss it (not in a follower's read-only view)."""
        if warning is None:
            self.update("")
            self.add_class("-empty")
            return
        finding = warning.found.finding
        extra = f"  (+{more} more)" if more else ""
        hint = "\n[dim]ctrl+l allow · ctrl+g dismiss[/dim]" if controls else ""
        self.update(
            Content.from_markup(
                "[b]⚠ “$match”[/b]$more\n$message\n[b]Try:[/b] $suggestion" + hint,
                match=finding.match,
                more=extra,
                message=finding.message,
                suggestion=finding.suggestion,
            )
        )
        self.remove_class("-empty")


class RoomQuestion(Static):
    """The facilitation question for this moment (hidden when there is none)."""

    def show(self, question: str | None) -> None:
        if question is None:
            self.add_class("-empty")
            return
        self.update(Content.from_markup("[b]Ask the room now:[/b] [b]“$q”[/b]", q=question))
        self.remove_class("-empty")


class TipLine(Static):
    """Where the full tips do not fit, one tip at a time, by the meeting clock (hidden
    while a question is up). Worded as advice for later ("if …"), muted, with no bar:
    it must not pass for the room's question."""

    def show(self, elapsed: float, hidden: bool) -> None:
        self.set_class(hidden, "-empty")
        tip = tip_at(elapsed)
        self.update(Content.from_markup("Tip · $when → “$ask”", when=tip.short, ask=tip.ask))
