"""The statistical layer: a linear model that recognises blame in wording no rule names.

Two logistic regressions over the same sparse features, trained by
``scripts/train_blame.py`` on the corpus's training sentences (``tests/blame/corpus/v2/``
``train.jsonl`` and ``train_extra.jsonl``, never a blind set) and half of two blogs'
prose, and shipped as ``model.bin.gz`` beside this file (read in pure Python;
scikit-learn is needed only to train):

* a *blame* model: is this sentence blameful? Its threshold and vetoes were chosen on
  the development set (``dev.jsonl``) within false-alarm limits on ordinary prose;
* a *category* model over the seven blame categories, so a finding says its category
  and offers that category's reframe.

Features (:func:`features`), computed on normalised text (:mod:`pmtui.blame.normalise`):
word unigrams and bigrams (with a sentence-start marker), character 3- to 5-grams inside
words (robust to typos and missing apostrophes), names and @handles folded to one
``<name>`` token (:mod:`pmtui.blame.names`), and which categories the rules found in
the sentence, so the model learns how far to trust each rule. A sentence's features are
binary and scaled to unit length, as in training.

The model is loaded on first use (:func:`load`), or ahead of time by
:func:`pmtui.blame.preload`, which the app runs in a daemon thread when it mounts (and never
joins), so neither the first paint nor the way out waits for it.
"""

from __future__ import annotations

import array
import functools
import gzip
import json
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmtui.blame.names import is_name

MODEL_FILE = Path(__file__).with_name("model.bin.gz")
#: Bumped when :func:`features` changes, so a stale model file is refused.
FEATURES_VERSION = 2

_TOKEN_RE = re.compile(r"@[\w.-]+|[^\W\d_][\w'-]*|\d+(?:[.:,]\d+)*%?|[?!]")
_CHAR_N = (3, 4, 5)
# People by their trade, beyond the rules' role list: each also yields a "<role>" token.
_TRADES = (
    "technician",
    "controller",
    "crew",
    "staffer",
    "worker",
    "pilot",
    "copilot",
    "driver",
    "nurse",
    "doctor",
    "dispatcher",
    "mechanic",
    "conductor",
    "captain",
    "officer",
    "clerk",
    "agent",
    "analyst",
    "lead",
    "qa",
    "tester",
    "support",
    "helpdesk",
    "trainee",
    "operative",
    "supervisor",
    "foreman",
    "inspector",
    "surgeon",
    "pharmacist",
    "crewmember",
    "guard",
    "sre",
    "dev",
    "devs",
    "ops",
    "dba",
    "admin",
    "sysadmin",
    "intern",
    "contractor",
)


@functools.cache
def _roles() -> frozenset[str]:
    from pmtui.blame.engine import rules_data

    words = set(_TRADES)
    for word in rules_data()["wordlists"]["ROLE_WORDS"]:
        word = word.removesuffix("(s)")
        if " " not in word:
            words.update((word, word + "s"))
    words.update(t + "s" for t in _TRADES)
    return frozenset(words)


def tokens(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased word tokens of ``text``; names and @handles become ``<name>``,
    numbers ``<num>``."""
    out = []
    for tok in _TOKEN_RE.findall(text):
        if tok[0] == "@" or (tok[0].isalpha() and is_name(tok, names)):
            out.append("<name>")
        elif tok[0].isdigit():
            out.append("<num>")
        else:
            out.append(tok.lower())
    return out


Features = tuple[set[str], set[str], set[str]]


def features(
    text: str, rule_categories: frozenset[str], names: frozenset[str] = frozenset()
) -> Features:
    """The binary features of one (normalised) sentence, in three blocks: words (``w:``
    unigrams, ``b:`` bigrams), characters (``c:``) and the rules' categories (``r:``)."""
    toks = tokens(text, names)
    roles = _roles()
    words: set[str] = set()
    chars: set[str] = set()
    rules: set[str] = {"r:" + c for c in rule_categories}
    if rule_categories:
        rules.add("r:any")
    prev = "<s>"
    for tok in toks:
        words.add("w:" + tok)
        words.add("b:" + prev + " " + tok)
        if tok in roles:
            words.add("w:<role>")
            words.add("b:" + prev + " <role>")
        prev = tok
        if tok[0] == "<" or len(tok) < 2:
            continue
        padded = f" {tok} "
        size = len(padded)
        for n in _CHAR_N:
            for i in range(size - n + 1):
                chars.add("c:" + padded[i : i + n])
    return words, chars, rules


def weighted(feats: Features, idf: Callable[[str], float | None]) -> list[tuple[str, float]]:
    """The values the model multiplies its weights by: in the word and character blocks,
    each known feature's idf, scaled so each block has unit length; rule features 1.
    ``idf`` gives a feature's idf, or None for a feature the model does not know."""
    out: list[tuple[str, float]] = []
    words, chars, rules = feats
    for block in (words, chars):
        known = [(f, v) for f in block if (v := idf(f)) is not None]
        if known:
            scale = 1.0 / math.sqrt(sum(v * v for _, v in known))
            out.extend((f, v * scale) for f, v in known)
    out.extend((f, 1.0) for f in rules if idf(f) is not None)
    return out


@dataclass(frozen=True)
class Verdict:
    """The model's view of one sentence."""

    probability: float  # that the sentence is blameful
    category: str  # the most likely blame category (meaningful when blameful)

    def blameful(self, threshold: float) -> bool:
        return self.probability >= threshold


class Model:
    """Weights read from :data:`MODEL_FILE` (see :func:`load`): per feature its idf, its
    blame weight and one weight per category."""

    def __init__(
        self, meta: dict[str, Any], feature_names: list[str], weights: array.array[float]
    ) -> None:
        self.categories: tuple[str, ...] = tuple(str(c) for c in meta["categories"])
        self.width = 2 + len(self.categories)  # idf, blame, categories
        self.threshold = float(meta["threshold"])
        self.veto = float(meta["veto"])
        #: Rules that never raised a false alarm in training, and the lower probability
        #: below which the model drops their findings.
        self.trusted = frozenset(str(r) for r in meta.get("trusted", ()))
        self.trusted_veto = float(meta.get("trusted_veto", 0.0))
        #: Rules that raised a false alarm in training: dropped below ``veto``.
        self.vetoable = frozenset(str(r) for r in meta.get("vetoable", ()))
        self.bias = [float(b) for b in meta["bias"]]
        self.index = {name: i * self.width for i, name in enumerate(feature_names)}
        self.weights = weights
        self.meta = meta

    def keeps(self, rule: str, probability: float) -> bool:
        """Whether a finding of ``rule`` stands in a sentence the model gives
        ``probability``. The model vetoes only rules it saw in training: a rule it never
        saw fire (a user's ``[blame.terms]``, a rule added since) is never dropped."""
        if rule in self.vetoable:
            return probability >= self.veto
        if rule in self.trusted:
            return probability >= self.trusted_veto
        return True

    def idf(self, feature: str) -> float | None:
        i = self.index.get(feature)
        return None if i is None else self.weights[i]

    def verdict(self, feats: Features) -> Verdict:
        index, w = self.index, self.weights
        values = [(index[f], v) for f, v in weighted(feats, self.idf)]
        blame = self.bias[0] + sum(w[i + 1] * v for i, v in values)
        probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, blame))))
        best, best_score = self.categories[0], -math.inf
        for k, category in enumerate(self.categories, 2):
            score = self.bias[k - 1] + sum(w[i + k] * v for i, v in values)
            if score > best_score:
                best, best_score = category, score
        return Verdict(probability, best)


def dump(
    path: Path,
    meta: dict[str, Any],
    feature_names: list[str],
    rows: list[list[float]],
) -> None:
    """Write a model: a JSON header line, the feature names, then float32 rows (idf,
    blame weight, category weights)."""
    assert "\n" not in "".join(feature_names)
    weights = array.array("f", [x for row in rows for x in row])
    names = "\n".join(feature_names).encode()
    header = json.dumps(
        {**meta, "features_version": FEATURES_VERSION, "n": len(feature_names), "names": len(names)}
    )
    body = header.encode() + b"\n" + names + weights.tobytes()
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # mtime 0: the same bytes every run
        fh.write(body)


def read(path: Path) -> Model:
    raw = gzip.decompress(path.read_bytes())
    header, _, rest = raw.partition(b"\n")
    meta = json.loads(header)
    if meta.get("features_version") != FEATURES_VERSION:
        raise ValueError(f"{path.name}: built for other features; run scripts/train_blame.py")
    size = int(meta["names"])
    feature_names = rest[:size].decode().split("\n") if meta["n"] else []
    weights = array.array("f")
    weights.frombytes(rest[size:])
    if len(feature_names) != meta["n"] or len(weights) != meta["n"] * (2 + len(meta["categories"])):
        raise ValueError(f"{path.name}: truncated; run scripts/train_blame.py")
    return Model(meta, feature_names, weights)


_LOCK = threading.Lock()


@functools.cache
def _load() -> Model | None:
    if not MODEL_FILE.exists():  # a source checkout before training: rules only
        return None
    return read(MODEL_FILE)


def load() -> Model | None:
    """The shipped model (read once; thread-safe), or None when there is none."""
    with _LOCK:
        return _load()
