"""Step 2 of the spec, Five Whys (Systems Focus): one answer per level."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from pmtui.document.model import WHY_LEVELS
from pmtui.tui.widgets.steps.base import StepPane


def _table() -> str:
    rows = "\n".join(
        f"[b]Why {w.level}:[/b]\u00a0{w.question}\n\u00a0\u00a0→ [i]{w.focus}[/i]"
        for w in WHY_LEVELS
    )
    return rows


class WhysPane(StepPane):
    STEP = "whys"
    TITLE = "3 · Five Whys"
    GUIDANCE = (
        "[b]Five Whys (Systems Focus)[/b]\n\n"
        "Dig into the [b]process[/b], not the [b]person[/b].\n"
        "Each answer is the cause of the one above.\n\n" + _table() + "\n\n"
        "[i]An individual's action is never a root cause: ask what made it possible.[/i]"
    )
    GUIDANCE_SHORT = "Dig into the [b]process[/b], not the [b]person[/b]."

    def compose_fields(self) -> ComposeResult:
        whys = self.doc.five_whys
        for i, level in enumerate(WHY_LEVELS):
            yield Label(
                f"[b]Why {level.level}:[/b]\u00a0{level.question}\u00a0[i]({level.focus})[/i]",
                classes="field-label",
            )
            text = whys[i] if i < len(whys) else ""
            yield self.text_area(
                f"five_whys[{i}]",
                f"Why {level.level}",
                text,
                id=f"why-{i + 1}",
                placeholder=f"{level.focus}…",
            )
