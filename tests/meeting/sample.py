"""A realistic post-mortem for meeting-mode tests and screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmtui.document.markdown import to_markdown
from pmtui.document.model import (
    ActionItem,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    TimelineEntry,
)


def sample_doc() -> Postmortem:
    return Postmortem(
        title="Checkout errors after a config push",
        date=dt.date(2026, 1, 14),
        duration="47 minutes",
        severity=Severity.SEV2,
        author="Dana Ortiz",
        summary=(
            "A payment-gateway timeout set to 0 ms reached production in a config push; "
            "38% of checkouts failed for 47 minutes until the change was rolled back."
        ),
        impact="About 2,100 failed checkouts; support received 140 tickets.",
        timeline=[
            TimelineEntry(time="14:02", event="Config change merged and deployed"),
            TimelineEntry(time="14:09", event="Checkout error rate alert fired"),
            TimelineEntry(time="14:31", event="On-call engineer identified the timeout value"),
            TimelineEntry(time="14:49", event="Config rolled back; errors stopped"),
        ],
        five_whys=[
            "The gateway timeout was 0 ms, so every payment call failed at once.",
            "The config schema accepts any integer for timeouts.",
        ],
        gaps=[
            ProcessGap(text="No validation of timeout values in CI", type=GapType.PREVENTION),
            ProcessGap(text="Alert took 7 minutes to fire", type=GapType.DETECTION),
        ],
        action_items=[
            ActionItem(
                action="Add schema validation for timeouts to the CI pipeline",
                owner="@platform",
                due=dt.date(2026, 2, 1),
                verification="A PR with timeout 0 fails CI",
            )
        ],
        learnings=["Config is code: it needs the same checks as code."],
    )


def write_sample(path: Path, doc: Postmortem | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_markdown(doc or sample_doc()), encoding="utf-8")
    return path
