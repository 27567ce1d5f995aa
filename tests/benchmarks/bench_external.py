"""What watching for changes made on disk costs, on the large post-mortem of
bench_document (1,000 timeline rows, 200 action items).

- the poll on every UI tick (one ``stat``) against a full look (read, hash, parse) when
  the file did change;
- a save that checks the file is still the version last read (hash before the rename)
  against an unchecked save.

Ratios in one run. Run: ``.venv/bin/python -m tests.benchmarks external``
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pmtui.document import storage
from pmtui.document.session import DraftSession
from pmtui.document.stamp import FileStamp
from tests.benchmarks.bench_document import big_document

RUNS = 30


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    doc = big_document()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.md"
        storage.save(doc, path)
        size = path.stat().st_size
        session = DraftSession.open(path)
        poll = _median_ms(session.disk_may_have_changed, runs=1000)

        def changed_look() -> None:
            # Pretend the file changed: the look reads, hashes and parses it.
            session.stamp, session.external = FileStamp(0, 0, "", 0, 0), None
            session.check_disk()

        _, real_stamp = storage.load_stamped(path)
        look = _median_ms(changed_look, runs=10)
        session.stamp, session.external = real_stamp, None

        def checked_save() -> None:
            session.stamp = storage.save(doc, path, expected=session.stamp).stamp

        unchecked = _median_ms(lambda: storage.save(doc, path))
        _, session.stamp = storage.load_stamped(path)
        checked = _median_ms(checked_save)
        session.close()
    print(f"file: {size / 1024:.0f} KiB")
    print(f"poll per tick (stat):           {poll * 1000:8.1f} µs")
    print(f"look at a changed file:         {look:8.1f} ms  ({look / poll:,.0f}x the poll)")
    print(f"save, unchecked:                {unchecked:8.1f} ms")
    print(f"save, checked (hash first):     {checked:8.1f} ms  ({checked / unchecked:.2f}x)")
