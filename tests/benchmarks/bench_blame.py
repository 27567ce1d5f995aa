"""Blame scan speed: throughput on 1 MB of post-mortem prose, latency of one 2 KB field.

Targets (issue 3): >= 5 MB/s, and p99 <= 2 ms for a 2 KB field, because the
wizard scans the focused field on every keystroke. Also (issue 10): the time to load the
name list and the statistical model, and a 2 KB field none of whose sentences were seen.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from pmtui.blame import preload, scan

CORPUS = Path(__file__).resolve().parent.parent / "blame" / "corpus"
REALWORLD = Path(__file__).resolve().parent.parent / "blame" / "realworld"


def _samples(name: str, kind: str = "") -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    rows = [ln.partition(" | ") for ln in lines if ln.strip() and not ln.startswith("#")]
    return [text for label, _, text in rows if label.startswith(kind)]


def prose(size: int, *, adversarial: bool = False, seed: int = 7) -> str:
    """Post-mortem Markdown of ``size`` characters.

    Realistic: the real-world post-mortems and plain post-mortem sentences, with
    one blameful sentence in about thirty. Adversarial: only corpus sentences,
    traps included, so nearly every sentence holds a trigger word.
    """
    rng = random.Random(seed)
    clean = _samples("blameless.txt", "" if adversarial else "plain")
    blameful = _samples("blameful.txt")
    docs = [] if adversarial else [p.read_text("utf-8") for p in sorted(REALWORLD.glob("*.md"))]
    parts: list[str] = []
    total = 0
    while total < size:
        if docs and rng.random() < 0.5:
            chunk = rng.choice(docs)
        else:
            picks = [rng.choice(blameful if rng.random() < 0.03 else clean) for _ in range(6)]
            chunk = "## Notes\n\n" + " ".join(picks) + "\n\n- " + rng.choice(clean) + "\n"
        parts.append(chunk)
        total += len(chunk)
    return "\n".join(parts)[:size]


def _throughput(text: str) -> tuple[float, int]:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        findings = scan(text)
        runs.append(time.perf_counter() - start)
    return len(text.encode("utf-8")) / 1e6 / min(runs), len(findings)


def main() -> None:
    from pmtui.blame import model, names

    start = time.perf_counter()
    names.given_names()
    print(f"load the name list: {(time.perf_counter() - start) * 1000:.0f} ms (once)")
    start = time.perf_counter()
    model.load()
    print(f"load the statistical model: {(time.perf_counter() - start) * 1000:.0f} ms (once)")
    start = time.perf_counter()
    preload()
    print(
        f"compile all rules: {(time.perf_counter() - start) * 1000:.0f} ms (once, lazily per rule)"
    )
    for label, adversarial in (("post-mortem prose", False), ("adversarial corpus", True)):
        rate, found = _throughput(prose(1_000_000, adversarial=adversarial))
        print(f"throughput, 1 MB {label}: {rate:.1f} MB/s ({found} findings, best of 3)")

    field = prose(2048, adversarial=True, seed=11)
    times = []
    for i in range(2000):
        # vary the text a little, like typing does
        sample = field[: 2048 - (i % 40)]
        start = time.perf_counter()
        scan(sample)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(f"2 KB field: p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {times[-1]:.3f} ms (2000 scans)")
    # The model caches verdicts by sentence; a field never seen before pays for all of them.
    cold = []
    for i in range(200):
        sample = prose(2048, adversarial=True, seed=1000 + i)
        start = time.perf_counter()
        scan(sample)
        cold.append((time.perf_counter() - start) * 1000)
    cold.sort()
    print(f"2 KB field never seen: p50 {statistics.median(cold):.3f} ms, p99 {cold[197]:.3f} ms")


if __name__ == "__main__":
    main()
