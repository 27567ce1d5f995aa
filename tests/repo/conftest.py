"""A folder of realistic post-mortems for the repository tests: hand-formatted and
pmtui-written files, overdue and done items, and one file that does not parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def checkout() -> str:
    return f"""\
# Post-Mortem: Checkout outage after config push

**Date:** {day(-40)}
**Duration:** 1 hour 35 minutes
**Severity:** SEV-1
**Author:** Dana Reyes

## Summary
A config push removed the payment provider key; checkout failed for
95 minutes until the config was rolled back.

## Timeline
| Time (UTC) | Event                                   |
|:-----------|:----------------------------------------|
| 14:02      | Config change deployed to production    |
| 14:09      | Error-rate alert fired for checkout     |
| 15:37      | Config rolled back; checkout recovered  |

## Five Whys
1. Why: The payment provider key was missing from the new config.
2. Why: The config template had no required-field check.

## Process Gaps Identified
- [ ] **Prevention:** No validation of required config keys
- [x] **Detection:** No alert on payment-provider errors

## Action Items
| Action                                   | Owner          | Due          | Status      |
|:-----------------------------------------|:---------------|:-------------|:------------|
| Add config validation to the CI pipeline | @platform-team | {day(-10)}   | In progress |
| Alert on payment-provider error rate     | @dana          | {day(-30)}   | Done        |
| Write a rollback runbook for checkout    | @lee           | {day(20)}   | Pending     |

## Key Learnings
- Config changes need the same safety net as code changes
- Alerts on provider errors give earlier warning than alerts on orders
"""


def cache() -> str:
    return f"""\
# Post-Mortem: Cache cluster failover took too long

**Date:** {day(-100)}
**Duration:** 3 hours
**Severity:** SEV-2
**Author:** Lee Park

## Summary
The cache cluster lost its primary; failover took three hours because the runbook was out
of date.

## Timeline
| Time (UTC) | Event |
|:---|:---|
| 02:10 | Primary cache node lost its disk |
| 05:12 | Failover completed |

## Five Whys
1. Why: The failover script expected a host name that no longer exists.

## Process Gaps Identified
- [ ] **Recovery:** Rollback took too long
- [ ] **Knowledge:** Team didn't know the runbook was stale

## Action Items
| Action | Owner | Due | Status |
|:---|:---|:---|:---|
| Test the cache failover runbook every quarter | @lee | {day(-60)} | Pending |
| Rewrite the failover script to discover hosts | @sre, @dana | {day(-5)} | Pending |

## Key Learnings
- Runbooks rot unless a drill exercises them
- Failover drills find stale runbooks before incidents do
"""


BROKEN = """\
# Post-Mortem: Broken dates

**Date:** 2024-13-45
**Severity:** SEV-3

## Summary
This file has a date that does not exist.
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with .pmtui.toml (postmortems_dir = docs/postmortems), three files in
    it (one broken), and the current folder set to the project."""
    project = tmp_path / "project"
    pm = project / "docs" / "postmortems"
    pm.mkdir(parents=True)
    (project / ".pmtui.toml").write_text('postmortems_dir = "docs/postmortems"\n', "utf-8")
    (pm / "2024-01-10-checkout.md").write_text(checkout(), encoding="utf-8")
    (pm / "2024-02-01-cache.md").write_text(cache(), encoding="utf-8")
    (pm / "2024-03-01-broken.md").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project)
    return pm
