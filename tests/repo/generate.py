"""Realistic generated post-mortems for the repository tests and benchmarks: a folder of
N files written by pmtui's own writer, with varied severities, months, gap types, owners,
due dates (some overdue) and statuses."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

from pmtui.document.model import (
    ActionItem,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)
from pmtui.document.storage import new_path, save

SERVICES = ["checkout", "payments", "search", "login", "billing", "cdn", "queue", "dns",
            "build runners", "metrics pipeline", "mobile API", "email relay"]  # fmt: skip
CAUSES = [
    "a config push removed the {svc} provider key",
    "the {svc} connection pool was exhausted during a traffic spike",
    "a certificate for {svc} expired on a Saturday",
    "a schema migration locked the {svc} orders table",
    "a retry storm from {svc} clients overloaded the database",
    "disk filled on the {svc} hosts after log rotation stopped",
    "a dependency upgrade changed {svc} timeout defaults",
]
EVENTS = [
    "Deploy of {svc} v{n} started", "Error-rate alert fired for {svc}",
    "On-call acknowledged the page", "Incident channel opened; status page updated",
    "Rollback of {svc} started", "Traffic shifted to the standby region",
    "Latency back to normal", "Customer support informed", "Root cause identified in logs",
    "Fix deployed behind a feature flag", "Monitoring confirmed recovery",
]  # fmt: skip
OWNERS = ["@platform-team", "@dana", "@lee", "@sre", "@payments", "@priya", "@mobile", ""]
ACTIONS = [
    "Add automated validation of {svc} config to CI",
    "Alert on {svc} connection pool saturation above 80%",
    "Automate certificate renewal for {svc}",
    "Write a runbook for {svc} rollback",
    "Add a canary stage to {svc} deploys",
    "Rate-limit {svc} client retries with backoff",
    "Page the owning team when {svc} error budget burns fast",
]
LEARNINGS = [
    "Config changes need the same safety net as code changes",
    "Canary deploys catch {svc} regressions before customers do",
    "Alerts on saturation give earlier warning than alerts on errors",
    "Runbooks shorten recovery when the usual expert is away",
    "Certificate expiry needs automation, not calendar reminders",
    "Status page updates reduce support load during outages",
]


def make(i: int, rng: random.Random, today: dt.date) -> Postmortem:
    svc = rng.choice(SERVICES)
    date = today - dt.timedelta(days=rng.randint(0, 720))
    timeline = []
    minute = rng.randint(0, 600)
    for _ in range(rng.randint(8, 20)):
        minute += rng.randint(1, 25)
        hh, mm = divmod(minute % 1440, 60)
        timeline.append(
            TimelineEntry(time=f"{hh:02d}:{mm:02d}", event=rng.choice(EVENTS).format(svc=svc, n=i))
        )
    cause = rng.choice(CAUSES).format(svc=svc)
    actions = []
    for _ in range(rng.randint(2, 6)):
        due = date + dt.timedelta(days=rng.randint(7, 90))
        status = rng.choice([Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.PENDING])
        actions.append(
            ActionItem(
                action=rng.choice(ACTIONS).format(svc=svc),
                owner=rng.choice(OWNERS),
                due=due if rng.random() > 0.1 else None,
                status=status,
                verification="A test in CI fails without it" if rng.random() > 0.3 else "",
            )
        )
    return Postmortem(
        title=f"{svc.capitalize()} outage {i}",
        date=date,
        duration=f"{rng.randint(1, 5)} hours",
        severity=rng.choice(list(Severity)),
        author=rng.choice(["Dana Reyes", "Lee Park", "Priya Shah"]),
        summary=f"For {rng.randint(10, 180)} minutes {svc} was unavailable because {cause}. "
        "Customers saw errors at checkout and in the mobile app.\n\n"
        "The rollback restored service; the follow-up work is tracked below.",
        timeline=timeline,
        five_whys=[
            f"Because {cause}.",
            "The change was not validated before it reached production.",
            "Staging did not have the same configuration as production.",
            "Our process allowed config changes without review.",
            "Config safety was never prioritised on the roadmap.",
        ],
        gaps=[
            ProcessGap(
                text=f"No check caught the {svc} problem before production",
                type=rng.choice(list(GapType)),
                done=rng.random() > 0.5,
            )
            for _ in range(rng.randint(1, 4))
        ],
        action_items=actions,
        learnings=[rng.choice(LEARNINGS).format(svc=svc) for _ in range(rng.randint(2, 4))],
    )


def write_folder(
    folder: Path, n: int, *, seed: int = 11, today: dt.date | None = None
) -> list[Path]:
    """Write ``n`` post-mortems into ``folder``; their modification times are set an hour
    back (files checked out of git are rarely seconds old)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    past = dt.datetime.now().timestamp() - 3600
    for i in range(n):
        doc = make(i, rng, today)
        path = new_path(doc.title, doc.date, folder)
        save(doc, path)
        os.utime(path, (past, past))
        written.append(path)
    return written
