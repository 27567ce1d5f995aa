"""Helpers for the Pilot tests: an app with a fake clock, and saved documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui.document.model import (
    ActionItem,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)
from pmtui.tui.app import PmtuiApp
from tests.fakes import FakeClock

TODAY = dt.date(2024, 3, 8)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_app(clock: FakeClock, **kwargs: object) -> PmtuiApp:
    return PmtuiApp(clock=clock, today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]


def full_doc() -> Postmortem:
    """A complete, blameless post-mortem."""
    return Postmortem(
        title="Checkout outage after config push",
        date=dt.date(2024, 3, 7),
        duration="1 hour 35 minutes",
        severity=Severity.SEV2,
        author="Dana Reyes",
        summary="A config push disabled the payment provider; checkout failed for 95 minutes.",
        impact="About 4,100 orders failed; support received 230 tickets.",
        timeline=[
            TimelineEntry(time="14:02", event="Config change deployed to production"),
            TimelineEntry(time="14:09", event="Error-rate alert fired for checkout"),
            TimelineEntry(time="15:37", event="Config rolled back; checkout recovered"),
        ],
        five_whys=[
            "The payment provider key was missing from the new config.",
            "The config template had no required-field check.",
            "The staging config already had the key, so tests passed.",
            "Config changes skip the validation that code changes get.",
            "Config validation was never on the roadmap.",
        ],
        gaps=[
            ProcessGap(text="No validation of required config keys", type=GapType.PREVENTION),
            ProcessGap(
                text="No alert on payment-provider errors", type=GapType.DETECTION, done=True
            ),
        ],
        action_items=[
            ActionItem(
                action="Add automated config validation to CI pipeline",
                owner="@platform-team",
                due=dt.date(2024, 4, 1),
                status=Status.IN_PROGRESS,
                verification="A config without the key fails CI",
            )
        ],
        learnings=["Config changes need the same safety net as code changes"],
        wizard_step="gaps",
    )


@pytest.fixture
def saved_doc(tmp_path: Path) -> Path:
    from pmtui.document.storage import save

    path = tmp_path / "2024-03-07-checkout-outage.md"
    save(full_doc(), path)
    return path
