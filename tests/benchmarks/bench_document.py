"""Read, write and patch (a save that rewrites one changed cell) of post-mortems:

- a large one (1,000 timeline rows and 200 action items): target <= 50 ms each;
- the worst case of issue 14.8, a 2.5 MB line of ``[`` (was 29 s to open, 60 s a save);

each as a ratio to the same operation on a 10-row document, in one run. Run:
``.venv/bin/python -m tests.benchmarks document``
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from typing import Any

from pmtui.document.markdown import from_markdown, patched, read_markdown, to_markdown
from pmtui.document.model import (
    ActionItem,
    GapType,
    Postmortem,
    ProcessGap,
    Severity,
    Status,
    TimelineEntry,
)

RUNS = 40
TARGET_MS = 50.0


def big_document(rows: int = 1000, actions: int = 200) -> Postmortem:
    start = dt.datetime(2024, 3, 5, 0, 0)
    events = [
        "Alert fired: checkout error rate above 5% (p99 2.5s)",
        "On-call engineer acknowledged the page",
        "Rolled back config v42 | canary stage skipped",
        "Status page updated; customers notified by email",
        "Error rate back to baseline, *monitoring* continues",
    ]
    timeline = [
        TimelineEntry(
            time=(start + dt.timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M"),
            event=f"{events[i % len(events)]} (step {i})",
        )
        for i in range(rows)
    ]
    statuses = list(Status)
    actions = [
        ActionItem(
            action=f"Add automated config validation to CI pipeline, part {i}",
            owner=f"@team-{i % 7}",
            due=dt.date(2024, 4, 1) + dt.timedelta(days=i % 60),
            status=statuses[i % 3],
            verification="A bad config fails the build" if i % 2 else "",
        )
        for i in range(actions)
    ]
    return Postmortem(
        title="Checkout outage after config change",
        date=dt.date(2024, 3, 5),
        duration="16 hours",
        severity=Severity.SEV1,
        author="Dana Ruiz",
        summary="Checkout returned errors for sixteen hours after a config change. " * 5,
        impact="12% of orders failed.",
        timeline=timeline,
        five_whys=[f"Answer {i} about the system, not a person." for i in range(5)],
        gaps=[ProcessGap(text=f"Gap {i} in monitoring", type=GapType.DETECTION) for i in range(20)],
        action_items=actions,
        learnings=[f"Learning number {i}: canaries matter" for i in range(20)],
    )


def _time(
    func: Callable[[Any], object], arg: object, runs: int = RUNS
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time leaves out the waits other
    processes on a busy machine cause, so the two together tell noise from slowness)."""
    func(arg)  # warm up (template compile, parser set-up)
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        func(arg)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return wall, cpu


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[round(0.95 * (len(ordered) - 1))]


def _report(name: str, samples: tuple[list[float], list[float]]) -> None:
    (median, p95), (cpu_median, cpu_p95) = _stats(samples[0]), _stats(samples[1])
    verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
    print(
        f"{name:<6} median {median:6.2f} ms  p95 {p95:6.2f} ms  "
        f"(CPU: median {cpu_median:6.2f} ms  p95 {cpu_p95:6.2f} ms)  "
        f"target <= {TARGET_MS:.0f} ms, {len(samples[0])} runs: {verdict}"
    )


def brackets_document() -> Postmortem:
    """Issue 14.8's worst case: a summary that is one 2.5 MB line of ``[``."""
    return Postmortem(title="Brackets", summary="[" * 2_500_000)


def _patch_case(doc: Postmortem) -> Callable[[Any], object]:
    """A save of ``doc`` with its title edited, patched over the text it was read from
    (what a session's save does: patch, then the check that it reads back)."""
    text = to_markdown(doc)
    base, sources = read_markdown(text)
    new = base.model_copy(update={"title": base.title + " (edited)"})

    def save(_: object) -> object:
        out, found = patched(text, base, new, sources)
        assert found is not None, "the patch fell back to a full rewrite"
        return out

    return save


def _sizes() -> None:
    """Each operation's median, and its ratio to the 10-row document's."""
    cases = [
        ("10 rows", big_document(rows=10, actions=2), RUNS),
        ("1,000 rows", big_document(), RUNS),
        ("2.5 MB [", brackets_document(), 5),
    ]
    base: dict[str, float] = {}
    print(f"{'document':<11} {'chars':>10}  {'read':>16}  {'write':>16}  {'patch':>16}")
    for name, doc, runs in cases:
        text = to_markdown(doc)
        assert from_markdown(text) == doc, f"round trip failed on {name}"
        row = []
        for what, func, arg in (
            ("read", from_markdown, text),
            ("write", to_markdown, doc),
            ("patch", _patch_case(doc), None),
        ):
            median = _stats(_time(func, arg, runs)[1])[0]  # CPU time
            base.setdefault(what, median)
            row.append(f"{median:8.1f} ms {median / base[what]:5.0f}x")
        print(f"{name:<11} {len(text):>10,}  " + "  ".join(row))


def main() -> None:
    _sizes()
    doc = big_document()
    text = to_markdown(doc)
    assert from_markdown(text) == doc, "round trip failed on the benchmark document"
    print(
        f"document: {len(doc.timeline)} timeline rows, {len(doc.action_items)} action items, "
        f"{len(text):,} characters of Markdown"
    )
    _report("write", _time(to_markdown, doc))
    _report("read", _time(from_markdown, text))


if __name__ == "__main__":
    main()
