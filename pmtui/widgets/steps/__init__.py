"""The wizard's step panes, one per ``model.STEPS`` entry.

Each pane is a widget built with a shared ``DraftSession``, so the wizard and
meeting mode embed the same panes: ``pane_class(step)(session)``.
"""

from __future__ import annotations

from pmtui.widgets.steps.actions import ActionsPane
from pmtui.widgets.steps.base import ListStepPane, StepPane
from pmtui.widgets.steps.facts import FactsPane
from pmtui.widgets.steps.gaps import GapsPane
from pmtui.widgets.steps.learnings import LearningsPane
from pmtui.widgets.steps.review import STEP_TITLES, ReviewPane
from pmtui.widgets.steps.timeline import TimelinePane
from pmtui.widgets.steps.whys import WhysPane

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
    "STEP_TITLES",
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
