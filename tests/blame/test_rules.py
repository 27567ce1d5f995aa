"""Every rule in rules.toml is well formed and its own examples behave as written."""

from __future__ import annotations

import re

import pytest

from pmtui.blame import CATEGORIES, load_rules, scan
from pmtui.blame.engine import _ruleset, rejects_blame, rules_data
from pmtui.config import BlameSettings

RULES = load_rules()


def test_rule_ids_are_unique_and_categories_known() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {r.category for r in RULES} == set(CATEGORIES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_complete(rule) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9-]+", rule.id)
    assert rule.triggers and rule.patterns
    assert "may" in rule.message, "messages are hedged"
    assert rule.suggestion
    assert len(rule.examples_match) >= 2
    assert rule.examples_nomatch


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(r.id, ex) for r in RULES for ex in r.examples_match],
)
def test_examples_match(rule_id: str, text: str) -> None:
    # The rules' own examples, without the statistical layer (tests/blame/test_layers.py).
    found = [(f.rule, f.match) for f in scan(text, statistical=False)]
    assert any(rule == rule_id for rule, _ in found), f"{rule_id} missed {text!r}; got {found}"


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [(r.id, ex) for r in RULES for ex in r.examples_nomatch],
)
def test_examples_nomatch(rule_id: str, text: str) -> None:
    found = [(f.rule, f.match) for f in scan(text, statistical=False)]
    assert found == [], f"{text!r} should be clean, got {found}"


def test_every_pattern_compiles() -> None:
    ruleset = _ruleset(BlameSettings())
    assert len(ruleset.rules) == len(RULES)
    for item in ruleset.rules:
        assert len(item.patterns) == len(item.rule.patterns)
        assert len(item.exceptions) == len(item.rule.exceptions)


BLAMELESS = rules_data()["blameless"]


@pytest.mark.parametrize("text", BLAMELESS["examples_match"])
def test_rejections_of_blame_are_recognised(text: str) -> None:
    assert rejects_blame(text), text


@pytest.mark.parametrize("text", BLAMELESS["examples_nomatch"])
def test_blame_itself_is_not_a_rejection(text: str) -> None:
    assert not rejects_blame(text), text
