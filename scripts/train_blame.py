"""Train the blame detector's statistical layer and write ``pmtui/blame/model.bin.gz``.

Run from the repository root, with the ``[train]`` extra installed::

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_blame.py            # train, choose thresholds, write
    .venv/bin/python scripts/train_blame.py --report   # cross-validation figures only

Trains on ``tests/blame/corpus/v2/train.jsonl`` only (never the blind split). Features
are :func:`pmtui.blame.model.features` of the normalised sentence, including which
categories the rules found in it. Two logistic regressions: blameful or not, and which
of the seven categories. The regularisation strength, the threshold and the veto (below
which the rules' own findings are dropped) are chosen by 5-fold cross-validation on the
training split: the most recall whose out-of-fold precision reaches ``--precision``.
Deterministic: fixed seeds, sorted features, a gzip without a time stamp.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRAIN = ROOT / "tests" / "blame" / "corpus" / "v2" / "train.jsonl"
SEED = 0
FOLDS = 5
MIN_DF = 2
C_GRID = (10.0,)
VETO_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def load_records() -> list[dict[str, str]]:
    return [json.loads(line) for line in TRAIN.read_text("utf-8").splitlines() if line.strip()]


def sentence_inputs(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """What the model sees of one corpus sentence: its normalised text and the rule
    categories the rules (alone) find in it, as the engine computes them at run time;
    and the ids of those rules."""
    from pmtui.blame import CATEGORIES, scan
    from pmtui.blame.normalise import normalise

    found = [f for f in scan(text, statistical=False) if f.category in CATEGORIES]
    cats = frozenset(f.category for f in found)
    return " ".join(normalise(text).text.split()), cats, frozenset(f.rule for f in found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="print CV figures, write nothing")
    parser.add_argument(
        "--precision", type=float, default=0.95, help="out-of-fold precision to reach"
    )
    parser.add_argument(
        "--veto",
        type=float,
        default=0.5,
        help="below this probability the rules' own findings in a sentence are dropped",
    )
    args = parser.parse_args(argv)
    try:
        import numpy as np
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        print("train_blame: scikit-learn is not installed (pip install -e '.[train]')")
        return 2
    from pmtui.blame.model import MODEL_FILE, dump, features, weighted

    records = load_records()
    labels = [r["label"] for r in records]
    feats = []
    fired = []
    for r in records:
        text, cats, rules = sentence_inputs(r["text"])
        feats.append(features(text, cats))
        fired.append(rules)
    # Rules that never fired on a blameless training sentence are trusted: the model
    # never vetoes them (their findings stand whatever it thinks).
    false_alarms = {
        rule for rules, lab in zip(fired, labels, strict=True) if lab == "none" for rule in rules
    }
    trusted = sorted({rule for rules in fired for rule in rules} - false_alarms)
    rule_hit = [bool(rules - set(trusted)) for rules in fired]
    trusted_hit = np.array([bool(rules & set(trusted)) for rules in fired])
    df: dict[str, int] = {}
    for blocks in feats:
        for block in blocks:
            for f in block:
                df[f] = df.get(f, 0) + 1
    n = len(records)
    vocab = sorted(f for f, k in df.items() if k >= MIN_DF or f.startswith("r:"))
    idf = {f: 1.0 if f.startswith("r:") else math.log((1 + n) / (1 + df[f])) + 1 for f in vocab}
    col = {f: i for i, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for i, blocks in enumerate(feats):
        for f, v in sorted(weighted(blocks, idf.get)):
            rows.append(i)
            cols.append(col[f])
            vals.append(v)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    y = np.array([lab != "none" for lab in labels], dtype=int)
    hit = np.array(rule_hit)
    print(f"{n} sentences, {int(y.sum())} blameful, {len(vocab)} features")

    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y))

    def oof(c: float) -> np.ndarray:
        p = np.zeros(len(y))
        for tr, te in folds:
            clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
            clf.fit(x[tr], y[tr])
            p[te] = clf.predict_proba(x[te])[:, 1]
        return p

    def best_point(p: np.ndarray, vetoes: tuple[float, ...]) -> tuple[float, float, float, float]:
        """(recall, precision, threshold, veto) with the most recall at the precision."""
        best = (0.0, 0.0, 1.0, 0.0)
        for t in np.arange(0.30, 0.99, 0.01):
            for veto in [v for v in vetoes if v <= t]:
                flagged = (p >= t) | trusted_hit | (hit & (p >= veto))
                tp = int((flagged & (y == 1)).sum())
                fp = int((flagged & (y == 0)).sum())
                prec = tp / (tp + fp) if tp + fp else 0.0
                rec = tp / int(y.sum())
                if prec >= args.precision and rec > best[0]:
                    best = (rec, prec, float(round(t, 2)), veto)
        return best

    results = {}
    for c in C_GRID:
        p = oof(c)
        if args.report:
            order = np.argsort(-p)
            for target in (0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.90):
                k = max((k for k in range(20, n) if y[order[:k]].mean() >= target), default=0)
                print(
                    f"  model alone: precision {target}: recall {y[order[:k]].sum() / y.sum():.3f}"
                )
        if args.report:
            for veto in VETO_GRID:
                rec, prec, t, _ = best_point(p, (veto,))
                print(f"  veto {veto}: recall {rec:.3f} precision {prec:.3f} at t {t}")
        results[c] = best_point(p, (args.veto,))
        rec, prec, t, veto = results[c]
        print(f"C {c:5}: out-of-fold recall {rec:.3f} precision {prec:.3f} at t {t} veto {veto}")
    c = max(C_GRID, key=lambda k: (results[k][0], -k))
    rec, prec, threshold, veto = results[c]
    print(f"chosen C {c}: threshold {threshold}, veto {veto} (CV recall {rec:.3f}, P {prec:.3f})")
    if args.report:
        return 0

    blame = LogisticRegression(C=c, max_iter=5000, random_state=SEED).fit(x, y)
    pos = np.flatnonzero(y == 1)
    cat_labels = np.array([labels[i] for i in pos])
    cats = sorted(set(cat_labels))
    category = LogisticRegression(C=c, max_iter=5000, random_state=SEED).fit(x[pos], cat_labels)
    assert list(category.classes_) == cats
    weights = np.hstack([blame.coef_.T, category.coef_.T])  # features x (1 + categories)
    keep = np.flatnonzero(np.abs(weights).max(axis=1) >= 1e-4)
    weights = np.hstack([np.array([[idf[f]] for f in vocab]), weights])
    meta = {
        "categories": cats,
        "threshold": threshold,
        "veto": veto,
        "trusted": trusted,
        "vetoable": sorted(false_alarms),
        "bias": [float(blame.intercept_[0]), *map(float, category.intercept_)],
        "C": c,
        "cv_recall": round(rec, 4),
        "cv_precision": round(prec, 4),
        "trained_on": "tests/blame/corpus/v2/train.jsonl",
        "sentences": len(records),
    }
    rows_out = [[float(round(v, 5)) for v in weights[i]] for i in keep]
    dump(MODEL_FILE, meta, [vocab[i] for i in keep], rows_out)
    size = MODEL_FILE.stat().st_size
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {len(keep)} features, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
