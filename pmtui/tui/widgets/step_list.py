"""The wizard's list of steps: name, complete or not, and warning count."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pmtui.document.completeness import completed_steps
from pmtui.document.model import STEP_TITLES, STEPS, Postmortem


class StepList(OptionList):
    """One option per ``model.STEPS``; selecting one goes to that step."""

    DEFAULT_CSS = """
    StepList { width: 24; height: 1fr; border-right: vkey $primary 50%; }
    """

    def __init__(self, *, id: str | None = "step-list") -> None:
        super().__init__(*[Option(STEP_TITLES[s], id=s) for s in STEPS], id=id, compact=True)
        #: Per step: (complete, warnings) as last shown.
        self.state: dict[str, tuple[bool, int]] = {}

    def update_steps(self, doc: Postmortem, warnings: dict[str, int], current: str) -> None:
        """Redraw every step's marks; highlight ``current``."""
        completed = completed_steps(doc)
        for number, step in enumerate(STEPS, start=1):
            done = completed[step]
            count = warnings.get(step, 0)
            self.state[step] = (done, count)
            mark = "[$success]✓[/]" if done else "[dim]○[/]"
            warn = f" [$warning]⚠{count}[/]" if count else ""
            self.replace_option_prompt(step, f"{mark} {number} {STEP_TITLES[step]}{warn}")
        self.highlighted = STEPS.index(current)
