"""Integrity of the labelled blame corpus v2 (tests/blame/corpus/v2/).

These tests check the data only: schema, duplicates, lengths, and that the frozen
train/blind split is exactly what the hash rule gives, with a manifest whose hash
matches blind.jsonl. They deliberately assert nothing about detector quality; use
``scripts/blame_corpus.py evaluate`` for that.

The split rule is re-implemented here on purpose, so that a change to the script
cannot silently move sentences between the splits.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

V2 = Path(__file__).parent / "corpus" / "v2"
FIELDS = {"id", "text", "label", "pattern", "source"}
BLAME_LABELS = {
    "blame_question",
    "human_error",
    "counterfactual",
    "character_judgement",
    "named_cause",
    "punishment",
    "bad_action_item",
}
BLAME_PATTERNS = {
    "plain",
    "names_roles",
    "informal_spelling",
    "question_shapes",
    "passive_implication",
    "everyday_judgement",
    "formal_counterfactual",
    "punishment_extended",
    "human_error_names",
    "advice_action",
}
NONE_PATTERNS = {
    "trap_rejecting_blame",
    "trap_human_error_starting_point",
    "trap_proverb",
    "trap_own_reasoning",
    "trap_technical",
    "trap_response_verbs",
    "neutral",
}


def _lines(name: str) -> list[str]:
    return (V2 / name).read_text(encoding="utf-8").splitlines()


def _records(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in _lines(name) if line.strip()]


def _blind(record: dict[str, str]) -> bool:
    digest = hashlib.sha256(f"{record['id']}|{record['text']}".encode()).hexdigest()
    return int(digest, 16) % 5 == 0


SENTENCES = _records("sentences.jsonl")


def test_every_record_has_the_schema() -> None:
    problems = []
    for r in SENTENCES:
        if set(r) != FIELDS or not all(isinstance(v, str) for v in r.values()):
            problems.append(r)
            continue
        ok_label = r["label"] in BLAME_LABELS | {"none"}
        ok_pattern = r["pattern"] in (NONE_PATTERNS if r["label"] == "none" else BLAME_PATTERNS)
        ok_id = re.fullmatch(r"s\d{4,}", r["id"]) is not None
        ok_source = r["source"] == "written" or re.fullmatch(r"https?://\S+", r["source"])
        ok_text = r["text"] == r["text"].strip() and 0 < len(r["text"]) <= 400
        if not (ok_label and ok_pattern and ok_id and ok_source and ok_text):
            problems.append(r)
    assert problems == []


def test_ids_and_texts_are_unique() -> None:
    ids = Counter(r["id"] for r in SENTENCES)
    texts = Counter(" ".join(r["text"].casefold().split()) for r in SENTENCES)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


def test_corpus_is_large_enough_and_mixes_real_and_written_text() -> None:
    assert len(SENTENCES) >= 3000
    real = sum(r["source"] != "written" for r in SENTENCES)
    assert real / len(SENTENCES) >= 0.40
    blameful = sum(r["label"] != "none" for r in SENTENCES)
    assert 0.45 <= blameful / len(SENTENCES) <= 0.55


def test_blind_split_is_exactly_the_hash_rule() -> None:
    train, blind = _records("train.jsonl"), _records("blind.jsonl")
    assert blind == [r for r in SENTENCES if _blind(r)]
    assert train == [r for r in SENTENCES if not _blind(r)]
    # About one in five; a gross deviation means the rule or the ids changed.
    assert 0.15 <= len(blind) / len(SENTENCES) <= 0.25


def test_manifest_hash_matches_blind_file() -> None:
    manifest = json.loads((V2 / "MANIFEST.json").read_text(encoding="utf-8"))
    blind_bytes = (V2 / "blind.jsonl").read_bytes()
    assert manifest["blind_sha256"] == hashlib.sha256(blind_bytes).hexdigest()
    splits = manifest["splits"]
    assert splits["blind"]["sentences"] == len(_records("blind.jsonl"))
    assert splits["train"]["sentences"] == len(_records("train.jsonl"))
    assert splits["all"]["sentences"] == len(SENTENCES)


@pytest.mark.parametrize("split", ["all", "train", "blind"])
def test_manifest_counts_match_the_files(split: str) -> None:
    manifest = json.loads((V2 / "MANIFEST.json").read_text(encoding="utf-8"))
    records = {
        "all": SENTENCES,
        "train": _records("train.jsonl"),
        "blind": _records("blind.jsonl"),
    }[split]
    counts = manifest["splits"][split]
    assert counts["labels"] == dict(sorted(Counter(r["label"] for r in records).items()))
    assert counts["patterns"] == dict(sorted(Counter(r["pattern"] for r in records).items()))


# The held-out sets frozen after the first blind split, by their sha256 (as
# scripts/blame_corpus.py freezes them): changing a byte of one makes every figure
# measured on it before incomparable.
FROZEN = {
    "blind2.jsonl": "5831df1afb77338e4891e4443d401ff102874fc8e80c639831f3c1959612b7e9",
    "blind3.jsonl": "6292cc8dac0267ca225508b00d6a81391f3c90ad24d313134cd1ca31b958c03d",
}
TRAINING = ("train.jsonl", "train_extra.jsonl")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.mark.parametrize("name", sorted(FROZEN))
def test_held_out_sets_are_frozen(name: str) -> None:
    assert hashlib.sha256((V2 / name).read_bytes()).hexdigest() == FROZEN[name]


def test_no_training_sentence_repeats_a_held_out_one() -> None:
    held = {
        _key(r["text"]) for name in (*FROZEN, "dev.jsonl", "dev_real.jsonl") for r in _records(name)
    }
    repeats = [r["id"] for name in TRAINING for r in _records(name) if _key(r["text"]) in held]
    assert repeats == []


def _real_set(name: str, prefix: str, minimum: int) -> list[dict[str, str]]:
    """A held-out set of real text: its ids, its sources (web pages), and no page that a
    training file quotes."""
    rows = _records(name)
    assert len(rows) >= minimum
    assert all(re.fullmatch(prefix + r"\d{4,}", r["id"]) for r in rows)
    assert all(r["source"].startswith(("http://", "https://")) for r in rows)
    trained_pages = {r["source"] for t in TRAINING for r in _records(t)}
    assert not trained_pages & {r["source"] for r in rows}
    return rows


def test_blind3_is_real_text_from_pages_nothing_trains_on() -> None:
    _real_set("blind3.jsonl", "h", 2500)


def test_dev_real_is_real_text_from_sites_blind3_and_training_do_not_use() -> None:
    """The real-text development set shares no page with training and no site with
    blind3, so choosing on it says nothing about blind3's sentences."""

    def host(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()

    dev_real = _real_set("dev_real.jsonl", "r", 2000)
    blind3_sites = {host(r["source"]) for r in _records("blind3.jsonl")}
    assert not blind3_sites & {host(r["source"]) for r in dev_real}
