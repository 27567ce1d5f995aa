"""The wizard's step panes, one per ``model.STEPS`` entry.

Each pane is a widget built with a shared ``DraftSession``, so the wizard and
meeting mode embed the same panes: ``pane_class(step)(session)``.
"""

from __future__ import annotations

from pmtui.tui.widgets.steps.actions import ActionsPane
from pmtui.tui.widgets.steps.base import ListStepPane, StepPane
from pmtui.tui.widgets.steps.facts import FactsPane
from pmtui.tui.widgets.steps.gaps import GapsPane
from pmtui.tui.widgets.steps.learnings import LearningsPane
from pmtui.tui.widgets.steps.review import ReviewPane
from pmtui.tui.widgets.steps.timeline import TimelinePane
from pmtui.tui.widgets.steps.whys import WhysPane

#: model.STEPS -> the pane class that edits that step.
STEP_PANES: dict[str, type[StepPane]] = {
    "facts": FactsPane,
    "timeline": TimelinePane,
    "whys": WhysPane,
    "gaps": GapsPane,
    "actions": ActionsPane,
    "learnings": LearningsPane,
    "review": ReviewPane,
}


def pane_class(step: str) -> type[StepPane]:
    """The pane class for a step name from ``model.STEPS``."""
    return STEP_PANES[step]


__all__ = [
    "STEP_PANES",
    "ActionsPane",
    "FactsPane",
    "GapsPane",
    "LearningsPane",
    "ListStepPane",
    "ReviewPane",
    "StepPane",
    "TimelinePane",
    "WhysPane",
    "pane_class",
]
