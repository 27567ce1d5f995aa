"""Precision and recall of the blame rules on a labelled corpus written for this test.

``corpus/blameful.txt`` holds sentences labelled with the categories they show;
``corpus/blameless.txt`` holds neutral post-mortem prose and traps built on the
trigger words. Run with ``-s`` to see the table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pmtui.blame import CATEGORIES, scan

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Sample:
    labels: frozenset[str]  # empty for blameless sentences
    kind: str  # category, "trap:<category>" or "plain"
    text: str


def _read(name: str, blameful: bool) -> list[Sample]:
    samples = []
    for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        label, _, text = raw.partition(" | ")
        label = label.strip()
        labels = frozenset(label.split(",")) if blameful else frozenset()
        samples.append(Sample(labels, label, text.strip()))
    return samples


BLAMEFUL = _read("blameful.txt", blameful=True)
BLAMELESS = _read("blameless.txt", blameful=False)


Counts = tuple[int, int, int]  # true positives, false positives, false negatives


def evaluate() -> tuple[dict[str, Counts], Counts, list[str]]:
    """Per category (tp, fp, fn), overall sentence-level (tp, fp, fn), and error lines."""
    per = {c: [0, 0, 0] for c in CATEGORIES}
    overall = [0, 0, 0]
    errors = []
    for sample in BLAMEFUL + BLAMELESS:
        predicted = {f.category for f in scan(sample.text)}
        for c in CATEGORIES:
            if c in sample.labels and c in predicted:
                per[c][0] += 1
            elif c in predicted:
                per[c][1] += 1
                errors.append(f"FP {c:20} {sample.kind:26} {sample.text}")
            elif c in sample.labels:
                per[c][2] += 1
                errors.append(f"FN {c:20} {sample.kind:26} {sample.text}")
        if sample.labels:
            overall[0 if sample.labels & predicted else 2] += 1
        elif predicted:
            overall[1] += 1
    return (
        {c: (v[0], v[1], v[2]) for c, v in per.items()},
        (overall[0], overall[1], overall[2]),
        errors,
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _row(name: str, counts: Counts) -> str:
    tp, fp, fn = counts
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return f"{name:22} {tp + fn:4} {tp:4} {fp:4} {fn:4} {precision:9.3f} {recall:7.3f}"


def table() -> tuple[str, float, float]:
    per, overall, errors = evaluate()
    header = ("category", "n", "tp", "fp", "fn", "precision", "recall")
    lines = ["{:22} {:>4} {:>4} {:>4} {:>4} {:>9} {:>7}".format(*header)]
    lines.extend(_row(c, counts) for c, counts in per.items())
    lines.append(_row("overall (sentences)", overall))
    lines.append(f"blameful={len(BLAMEFUL)} blameless={len(BLAMELESS)}")
    lines.extend(errors)
    tp, fp, fn = overall
    return "\n".join(lines), _ratio(tp, tp + fp), _ratio(tp, tp + fn)


def test_corpus_size_and_coverage() -> None:
    assert len(BLAMEFUL) >= 150
    assert len(BLAMELESS) >= 150
    traps = [s for s in BLAMELESS if s.kind.startswith("trap:")]
    assert len(traps) >= len(BLAMELESS) / 2
    counts = Counter(c for s in BLAMEFUL for c in s.labels)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 15
    assert {s.kind.removeprefix("trap:") for s in traps} == set(CATEGORIES)


def test_precision_and_recall() -> None:
    report, precision, recall = table()
    print("\n" + report)
    # Floors as measured with the statistical layer (recall was 0.90+ with rules alone; the
    # model vetoes some rule matches it reads as blameless).
    assert precision >= 0.99 and recall >= 0.88, report


def _flagged(sentences: list[str]) -> int:
    """How many of ``sentences`` raise a blame finding."""
    return sum(any(f.category in CATEGORIES for f in scan(s)) for s in sentences)


def _v2_figures(names: tuple[str, ...]) -> tuple[int, int, int, int]:
    """(sentences, true positives, false positives, misses) over corpus v2 files."""
    import json

    rows = [
        json.loads(line)
        for name in names
        for line in (CORPUS / "v2" / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    tp = fp = fn = 0
    for row in rows:
        hit = any(f.category in CATEGORIES for f in scan(row["text"]))
        blameful = row["label"] != "none"
        tp += hit and blameful
        fp += hit and not blameful
        fn += blameful and not hit
    return len(rows), tp, fp, fn


def test_corpus_v2_training_sentences() -> None:
    """The sentences the model was trained on (``train.jsonl`` and ``train_extra.jsonl``):
    floors as measured. No measure of generalisation (that is the out-of-fold figure of
    ``scripts/train_blame.py --report``, and the blind split, measured once per version
    by ``scripts/blame_corpus.py evaluate --split blind``)."""
    n, tp, fp, fn = _v2_figures(("train.jsonl", "train_extra.jsonl"))
    # measured: P 0.990, R 0.720 over 16,986. The 2,565 sentences of real text added last
    # (t11784 on) fit at R 0.579; the 14,421 before them at P 0.990, R 0.758 (P 0.987,
    # R 0.766 before those were added).
    assert n >= 16900
    assert _ratio(tp, tp + fp) >= 0.98 and _ratio(tp, tp + fn) >= 0.70, (tp, fp, fn)


def test_corpus_v2_whole() -> None:
    """The whole corpus, blind split included: a regression floor only (as measured after
    tuning ended: P 0.990, R 0.721 over 17,688 sentences). It reports totals, never which
    blind sentences miss, so it gives nothing to tune on."""
    n, tp, fp, fn = _v2_figures(("sentences.jsonl", "train_extra.jsonl"))
    assert n >= 17600
    assert _ratio(tp, tp + fp) >= 0.98 and _ratio(tp, tp + fn) >= 0.70, "below the floor"


def test_corpus_v2_development_set() -> None:
    """Fresh sentences never trained on (``dev.jsonl``), on which the operating point is
    chosen: the nearest thing here to text nobody tuned on, though not held out (those
    are ``blind2.jsonl`` and ``blind3.jsonl``, measured once per version). Floors below
    the figures as measured: P 0.917, R 0.625 over 2,814."""
    n, tp, fp, fn = _v2_figures(("dev.jsonl",))
    assert n >= 2800
    assert _ratio(tp, tp + fp) >= 0.905 and _ratio(tp, tp + fn) >= 0.61, (tp, fp, fn)


def test_ordinary_prose_rarely_raises_a_finding() -> None:
    """Technical prose by people, about people (5,000 sentences of the Rust blog,
    ``scripts/extract_prose.py``): findings there are false alarms. Half trains the
    model as blameless text; the other half only calibrates its threshold. Measured on
    the calibration half: 2.0 per 1,000 (the model before it was trained with prose and
    calibrated on it: 10.0). A regression floor, not a held-out figure."""
    half = (CORPUS / "prose" / "calibration.txt").read_text("utf-8").split("\n")[:-1]
    hits = _flagged(half)
    assert len(half) >= 2400
    assert hits / len(half) <= 0.0035, f"{hits} findings in {len(half)} sentences"


def test_prose_nobody_tuned_on_rarely_raises_a_finding() -> None:
    """Half the Go blog's sentences (``prose/go_heldout.txt``, ``scripts/extract_prose.py
    --go``): never trained on, never calibrated on; the other half trains the model as
    blameless text. Measured: 1.6 findings per 1,000 (3.5 before the model trained on
    the other half, 1.5 before the real-text sentences t11784 on were added)."""
    half = (CORPUS / "prose" / "go_heldout.txt").read_text("utf-8").split("\n")[:-1]
    hits = _flagged(half)
    assert len(half) >= 7000
    assert hits / len(half) <= 0.0025, f"{hits} findings in {len(half)} sentences"


def test_ordinary_post_mortems_rarely_raise_a_finding() -> None:
    """The blameless lines of real post-mortems that the model never trained on
    (``prose/postmortem_calibration.jsonl``: a third of the documents two helpers
    collected, by source hash; the other documents' lines are training sentences). They
    calibrate the operating point (at most 2 findings per 1,000; measured 1.7): a
    regression floor, not a held-out figure (that is ``scripts/blame_corpus.py
    realprose``)."""
    import json

    path = CORPUS / "prose" / "postmortem_calibration.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    blameless = [r["text"] for r in rows if r["label"] == "none"]
    hits = _flagged(blameless)
    assert len(blameless) >= 2300
    assert hits / len(blameless) <= 0.003, f"{hits} findings in {len(blameless)} sentences"


if __name__ == "__main__":
    print(table()[0])
