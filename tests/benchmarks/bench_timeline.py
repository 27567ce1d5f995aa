"""Timeline import speed: a generated 5,000-line Slack copy-paste, parsed and merged.

Target (timeline issue): importing a 5,000-line chat log takes <= 1 s. "Import" is what
``pmtui timeline`` does between reading the file and writing it: parse (zones, DST,
names), merge into a timeline of 50 rows, and build and render the preview with the blame
check on every row. Parse+merge alone is reported too, and so is the wizard's Paste log
preview (``pmtui.tui.screens.paste_log.build``: parse, merge, blame check with the app's
Checker, the preview's table lines), which runs in a worker thread. Median of 7 runs.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from pmtui.blame import preload, scan
from pmtui.document.model import TimelineEntry
from pmtui.timeline import build_preview, merge_rows, parse_log, render_preview

PEOPLE = ["Jane Doe", "Bob Smith", "Priya Raman", "Marek Kowalski", "Ana Lima"]
SAYINGS = [
    "error rate on checkout is {n}%",
    "@{other} can you check the primary?",
    "replica lag is {n}s, failing over",
    "rolling back deploy 2026.03.12-{n}",
    "p99 latency at {n}00ms",
    "status page updated",
    "{first} restarted the pods",
    "looks like the connection pool is exhausted again",
    "we should have had an alert for this",
]


def slack_log(lines: int, seed: int = 5) -> str:
    """A Slack copy-paste of about ``lines`` lines over two days, times in order."""
    rng = random.Random(seed)
    out = ["Thursday, March 12th"]
    minute = 9 * 60
    day = 12
    while len(out) < lines:
        minute += rng.choice((0, 1, 1, 2, 3))
        if minute >= 24 * 60:
            minute -= 24 * 60
            day += 1
            out.append(dt.date(2026, 3, day).strftime("%A, %B ") + f"{day}th")
        hour, mins = divmod(minute, 60)
        clock = f"{(hour % 12) or 12}:{mins:02d} {'PM' if hour >= 12 else 'AM'}"
        person, other = rng.sample(PEOPLE, 2)
        if rng.random() < 0.3:
            out.append(clock)  # the same person's next message
        else:
            out.append(f"{person}  {clock}")
        for _ in range(rng.choice((1, 1, 1, 2))):
            saying = rng.choice(SAYINGS)
            out.append(saying.format(n=rng.randint(1, 99), other=other, first=other.split()[0]))
        if rng.random() < 0.05:
            out.append(":eyes: 2")
    return "\n".join(out[:lines]) + "\n"


EXISTING = [
    TimelineEntry(time=f"{9 + i // 6:02d}:{(i * 10) % 60:02d}", event=f"row {i}") for i in range(50)
]
DOC_DATE = dt.date(2026, 3, 12)


def _median(run: Callable[[], object], repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    text = slack_log(5000)
    preload()

    def parse_and_merge() -> object:
        parsed = parse_log(text, zone="America/Los_Angeles", default_date=DOC_DATE)
        return merge_rows(EXISTING, parsed.rows, doc_date=DOC_DATE)

    def full_import() -> str:
        parsed = parse_log(text, zone="America/Los_Angeles", default_date=DOC_DATE)
        merged = merge_rows(EXISTING, parsed.rows, doc_date=DOC_DATE)
        return render_preview(build_preview(parsed, merged, check=scan))

    parsed = parse_log(text, zone="America/Los_Angeles", default_date=DOC_DATE)
    merged = merge_rows(EXISTING, parsed.rows, doc_date=DOC_DATE)
    print(
        f"5,000-line Slack paste: {len(parsed.rows)} rows, {len(parsed.unparsed)} lines not "
        f"understood, {merged.added} added to a 50-row timeline"
    )
    pm = _median(parse_and_merge)
    full = _median(full_import)
    print(f"parse + merge: {pm * 1000:.0f} ms (median of 7)")
    print(
        f"parse + merge + preview with blame check: {full * 1000:.0f} ms (median of 7; "
        f"target <= 1000 ms: {'met' if full <= 1.0 else 'NOT met'})"
    )
    ui = _median(lambda: _paste_preview(text))
    print(
        f"wizard Paste log preview (worker thread): {ui * 1000:.0f} ms (median of 7; "
        f"target <= 1000 ms: {'met' if ui <= 1.0 else 'NOT met'})"
    )


def _paste_preview(text: str) -> object:
    from pmtui.blame import Checker
    from pmtui.document.model import Postmortem
    from pmtui.tui.screens.paste_log import PasteInput, build

    doc = Postmortem(title="Bench", date=DOC_DATE, timeline=list(EXISTING))
    return build(
        PasteInput(text, "America/Los_Angeles", False),
        existing=list(EXISTING),
        doc_date=DOC_DATE,
        roles={},
        checker=Checker(),  # a fresh cache, as for a first paste
        doc=doc,
    )


if __name__ == "__main__":
    main()
