"""What the wizard and `pmtui lint` rely on: positions, quotes, allowances, config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.blame import ACTION_ITEM, Checker, scan
from pmtui.config import BlameSettings, ConfigError, load_settings
from pmtui.document.model import ActionItem, Allowance, Postmortem, Status, TimelineEntry

TODAY = dt.date(2026, 11, 26)
CHECKER = Checker(today=lambda: TODAY)


def load_blame_config(path: Path | None = None) -> BlameSettings:
    return load_settings(path).blame


def check_action_item(item: ActionItem) -> list:
    return CHECKER.action_item(item)


def scan_document(doc: Postmortem) -> list:
    return CHECKER.document(doc)


def test_finding_positions_are_one_based_and_offsets_slice_the_text() -> None:
    text = "Timeline looks fine.\nThen Bob should have checked the lag.\n"
    [f] = scan(text)
    assert text[f.start : f.end] == f.match == "Bob should have checked"
    assert (f.line, f.column) == (2, 6)
    assert (f.end_line, f.end_column) == (2, 6 + len(f.match))
    assert "may" in f.message and f.suggestion


def test_finding_spans_lines_when_the_phrase_wraps() -> None:
    [f] = scan("We think the\nengineer should have\nwaited.")
    assert f.match == "the\nengineer should have\nwaited"
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 10, 3, 7)
    assert "'the engineer should have waited'" in f.message


def test_tool_named_operator_is_not_a_person() -> None:
    assert scan("Kubernetes operator failed to reconcile the set.") == []
    assert [f.rule for f in scan("The on-call operator failed to page the DBA.")] == ["failed-to"]


def test_spec_forbidden_phrases_get_the_spec_reframes() -> None:
    expected = {
        "Who caused this?": "What allowed this to happen?",
        "Why didn't you catch this?": "What process gap let this through?",
        "This was human error": "Our system didn't prevent this error",
        "Be more careful next time": "Let's make this impossible to get wrong",
    }
    for text, reframe in expected.items():
        suggestions = [f.suggestion for f in scan(text)]
        assert reframe in suggestions, (text, suggestions)


@pytest.mark.parametrize(
    "text",
    [
        'The chat said "who broke prod?" and we moved on.',
        "He wrote “this was human error” in the ticket.",
        "The old template asked 'who caused this?' first.",
        "Run `blame --who caused` to see it.",
        "```\nwho broke it\n```",
        "<!-- who broke prod -->",
    ],
)
def test_quoted_and_code_text_is_not_flagged(text: str) -> None:
    assert scan(text) == []


def test_apostrophes_do_not_hide_findings() -> None:
    text = "It's Bob's fault, and that's that."
    assert [f.rule for f in scan(text, statistical=False)] == ["fault-of"]


def test_allow_comment_for_a_whole_rule() -> None:
    text = "<!-- pmtui: allow human-error -->\nThis was human error. Bob should have waited."
    assert [f.rule for f in scan(text)] == ["should-have"]


def test_allow_comment_for_one_text_only() -> None:
    text = (
        '<!-- pmtui: allow human-error "human error" -->\n'
        "This was human error. It was operator error too."
    )
    assert [f.match for f in scan(text)] == ["operator error"]


def test_allow_comment_written_as_json_string() -> None:
    text = (
        '<!-- pmtui: allow should-have "the\\nengineer should have\\nwaited" -->\n'
        'We think the\nengineer should have\nwaited. <!-- pmtui: allow x "say \\"-->\\"" -->'
    )
    assert scan(text) == []


def test_allowed_argument_by_rule_category_and_text() -> None:
    text = "Who caused this? This was human error."
    assert [f.rule for f in scan(text, allowed=[Allowance(rule="who-caused")])] == ["human-error"]
    assert (
        scan(text, allowed=[Allowance(rule="human_error"), Allowance(rule="blame_question")]) == []
    )
    kept = scan(text, allowed=[Allowance(rule="human-error", match="HUMAN  error")])
    assert [f.rule for f in kept] == ["who-caused"]


def test_config_disables_rules_and_adds_terms_and_names(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        '[blame]\ndisable = ["human-error", "punishment"]\nnames = ["Zanele"]\n'
        '[blame.terms]\ncharacter_judgement = ["bozo", "half-baked effort"]\n',
        encoding="utf-8",
    )
    cfg = load_blame_config(config_file)
    text = "Human error. Heads will roll. Zanele should have waited. A half-baked effort by a bozo."
    found = {(f.category, f.match) for f in scan(text, config=cfg)}
    assert ("counterfactual", "Zanele should have waited") in found
    assert ("character_judgement", "bozo") in found
    assert ("character_judgement", "half-baked effort") in found
    assert not any(c in ("human_error", "punishment") for c, _ in found)
    # Not a name to the rules by default (the model may still read the sentence as blame).
    assert not any(f.match.startswith("Zanele") for f in scan(text, statistical=False))


def test_config_from_the_user_config_dir() -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True)
    path.write_text('[blame]\ndisable = ["should-have"]\n', encoding="utf-8")
    assert scan("Bob should have waited.", config=load_blame_config()) == []


def test_missing_config_file_means_defaults() -> None:
    assert load_blame_config() == BlameSettings()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('[blame]\ndisable = ["no-such-rule"]\n', "no-such-rule"),
        ('[blame]\ndisable = "human-error"\n', "must be a list"),
        ('[blame.terms]\nfeelings = ["sad"]\n', "feelings"),
        ("[blame]\ncolour = 1\n", "colour"),
        ("[blame\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_error(tmp_path: Path, body: str, words: str) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_blame_config(config_file)
    assert words in str(info.value) and "\n" not in str(info.value)


def _rules(findings: list) -> list[str]:
    return sorted(f.rule for f in findings)


def test_action_item_checks() -> None:
    good = ActionItem(
        action="Add a presubmit check", owner="@ops", due=TODAY, status=Status.PENDING
    )
    assert check_action_item(good) == []
    bare = ActionItem(action="Add a presubmit check")
    assert _rules(check_action_item(bare)) == ["action-no-due", "action-no-owner"]
    late = good.model_copy(update={"due": TODAY - dt.timedelta(days=1)})
    [f] = check_action_item(late)
    assert f.rule == "action-overdue" and f.category == ACTION_ITEM
    done = late.model_copy(update={"status": Status.DONE})
    assert check_action_item(done) == []


def test_person_directed_action_is_an_action_item_finding() -> None:
    item = ActionItem(action="Remind everyone to be more careful", owner="@ops", due=TODAY)
    found = check_action_item(item)
    assert {f.rule for f in found} == {"action-person-directed"}
    assert all(f.category == ACTION_ITEM for f in found)
    assert found[0].match == "Remind everyone"


def _doc() -> Postmortem:
    return Postmortem(
        title="Cache outage",
        author="Dana Ruiz",
        summary="The cache failed. Dana should have drained the node.",
        timeline=[
            TimelineEntry(time="14:00", event="Alert fired"),
            TimelineEntry(time="14:05", event="Who broke prod?"),
        ],
        five_whys=["This was human error."],
        action_items=[
            ActionItem(action="Be more careful", owner="", due=None),
            ActionItem(action="Add alerting", owner="@ops", due=TODAY),
        ],
        learnings=["Fire the intern."],
    )


def test_scan_document_reports_fields_steps_and_action_items() -> None:
    found = {(d.field, d.step, d.finding.rule) for d in scan_document(_doc())}
    assert found == {
        ("summary", "facts", "should-have"),  # the author's name counts as a person
        ("timeline[1].event", "timeline", "who-caused"),
        ("five_whys[0]", "whys", "human-error"),
        ("action_items[0].action", "actions", "action-no-owner"),
        ("action_items[0].action", "actions", "action-no-due"),
        ("action_items[0].action", "actions", "action-person-directed"),
        ("learnings[0]", "learnings", "fire-person"),
    }


def test_scan_document_honours_allowed() -> None:
    doc = _doc()
    doc.allowed = [
        Allowance(rule="human-error"),
        Allowance(rule="who-caused", match="Who broke prod"),
        Allowance(rule="action-no-due"),
    ]
    rules = {d.finding.rule for d in scan_document(doc)}
    assert not rules & {"human-error", "who-caused", "action-no-due"}
    assert "should-have" in rules


def test_clean_document_has_no_findings() -> None:
    doc = Postmortem(
        title="Checkout errors",
        summary="A config change set the pool size to 0; the validator accepted it.",
        timeline=[TimelineEntry(time="14:02", event="Alert fired; Alice acknowledged")],
        action_items=[ActionItem(action="Validate pool size in CI", owner="@alice", due=TODAY)],
    )
    assert scan_document(doc) == []


def test_a_sentence_scanned_before_is_reported_where_it_now_stands() -> None:
    # Rule matches are cached per sentence; the cached spans must follow the sentence.
    from pmtui.blame import scan as scan_text

    alone = scan_text("Bob should have checked the lag.")
    moved = scan_text("The lag grew.\n\nBob should have checked the lag.")
    assert alone and [f.match for f in moved] == [f.match for f in alone]
    assert [f.start - 15 for f in moved] == [f.start for f in alone]
    assert [(f.line, f.column) for f in moved] == [(3, f.column) for f in alone]
