"""Which facilitation question the meeting screen puts to the room."""

from __future__ import annotations

from pmtui.meeting.guidance import (
    ASK_BUILD,
    ASK_IMPOSSIBLE,
    ASK_PROCESS,
    FACILITATION_TIPS,
    GROUND_RULES,
    QUIET_SECONDS,
    SAFETY_PROMISES,
    facilitation_question,
    tip_at,
)


def test_spec_texts() -> None:
    assert [rule for rule, _ in GROUND_RULES] == [
        "No blame.",
        "Assume good intent.",
        "Focus forward.",
        "Celebrate learning.",
    ]
    assert len(SAFETY_PROMISES) == 4
    assert [tip.ask for tip in FACILITATION_TIPS] == [ASK_PROCESS, ASK_BUILD, ASK_IMPOSSIBLE]


def test_question_for_the_moment() -> None:
    assert facilitation_question([]) is None
    assert facilitation_question([("blame_question", "Who caused this")]) == ASK_PROCESS
    assert facilitation_question([("human_error", "operator error")]) == ASK_BUILD
    assert (
        facilitation_question([("character", "careless"), ("attribution", "human error")])
        == ASK_BUILD
    )
    assert facilitation_question([], quiet_seconds=QUIET_SECONDS - 1) is None
    assert facilitation_question([], quiet_seconds=QUIET_SECONDS) == ASK_IMPOSSIBLE
    assert facilitation_question([("character", "sloppy")], quiet_seconds=999) == ASK_PROCESS
    assert facilitation_question([("bad_action_item", "be more careful")]) == ASK_IMPOSSIBLE


def test_housekeeping_checks_ask_nothing() -> None:
    assert facilitation_question([("action_item", "no owner")]) is None
    assert facilitation_question([("action_item", "")], quiet_seconds=QUIET_SECONDS) == (
        ASK_IMPOSSIBLE
    )


def test_tips_take_turns_on_narrow_screens() -> None:
    shown = [tip_at(seconds).ask for seconds in (0, 29.9, 30, 60, 90)]
    assert shown == [ASK_PROCESS, ASK_PROCESS, ASK_BUILD, ASK_IMPOSSIBLE, ASK_PROCESS]
    for tip in FACILITATION_TIPS:  # fits an 80-column line with its question
        assert len(f" Tip · {tip.short} → “{tip.ask}”") <= 78
