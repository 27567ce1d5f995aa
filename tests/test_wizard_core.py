"""Core helpers behind the wizard: autosave timing, completeness, field paths (the lock
is tested in tests/document/test_lock.py)."""

from __future__ import annotations

import datetime as dt

from pmtui.document.autosave import MAX_DELAY, POLL_INTERVAL, Autosaver
from pmtui.document.completeness import checklist, percent_complete, step_complete
from pmtui.document.fields import get_text, set_text, step_of
from pmtui.document.model import ActionItem, GapType, Postmortem, ProcessGap, TimelineEntry
from tests.fakes import FakeClock

# -- autosave ---------------------------------------------------------------------


def test_autosave_waits_for_a_pause_in_typing() -> None:
    clock = FakeClock()
    saver = Autosaver(clock, idle_delay=0.5, max_delay=1.5)
    assert not saver.due()
    saver.changed()
    clock.advance(0.3)
    assert not saver.due()
    clock.advance(0.2)
    assert saver.due()
    saver.saved()
    assert not saver.due() and not saver.dirty


def test_autosave_saves_during_non_stop_typing() -> None:
    clock = FakeClock()
    saver = Autosaver(clock, idle_delay=0.5, max_delay=1.5)
    saver.changed()
    for _ in range(20):  # a keystroke every 0.2 s: never idle for 0.5 s
        clock.advance(0.2)
        saver.changed()
        if saver.due():
            break
    assert saver.due()
    assert clock.now - clock.start <= 1.6 + 1e-9


def test_every_change_is_due_within_two_seconds_when_polled() -> None:
    # Worst case: the change lands just after a poll; the next polls must catch it.
    clock = FakeClock()
    saver = Autosaver(clock)
    saver.changed()
    waited = 0.0
    while not saver.due():
        clock.advance(POLL_INTERVAL)
        waited += POLL_INTERVAL
    assert waited + POLL_INTERVAL <= 2.0
    assert MAX_DELAY + POLL_INTERVAL < 2.0


# -- completeness -------------------------------------------------------------------


def test_empty_draft_is_incomplete_everywhere() -> None:
    doc = Postmortem()
    assert percent_complete(doc) == 0
    assert not any(step_complete(doc, s) for s in ("facts", "timeline", "whys", "review"))


def test_steps_complete_as_fields_are_filled() -> None:
    doc = Postmortem(
        title="Checkout outage",
        date=dt.date(2024, 3, 7),
        duration="2 hours",
        severity="SEV-2",
        author="Sam",
        summary="Checkout failed.",
        impact="Orders failed for 2 hours.",
        timeline=[TimelineEntry(time="10:00", event="Alert fired")],
        five_whys=["a", "b", "c", "d", "e"],
        gaps=[ProcessGap(text="No alert", type=GapType.DETECTION)],
        action_items=[
            ActionItem(action="Add alert", owner="@sam", due=dt.date(2024, 4, 1), verification="x")
        ],
        learnings=["Config is code"],
    )
    assert all(item.done for item in checklist(doc))
    assert step_complete(doc, "review")
    doc.action_items[0].owner = ""
    assert not step_complete(doc, "actions")
    missing = [i for i in checklist(doc) if not i.done]
    assert [i.field for i in missing] == ["action_items[0].owner"]


# -- field paths ----------------------------------------------------------------------


def test_field_paths_read_and_write_the_document() -> None:
    doc = Postmortem(timeline=[TimelineEntry(time="10:00")])
    set_text(doc, "title", "Outage")
    set_text(doc, "timeline[0].event", "Alert fired")
    set_text(doc, "five_whys[2]", "third")
    assert doc.title == "Outage"
    assert doc.timeline[0].event == "Alert fired"
    assert doc.five_whys == ["", "", "third"]
    assert get_text(doc, "five_whys[4]") == ""
    assert step_of("action_items[3].owner") == "actions"
    assert step_of("five_whys[0]") == "whys"


def test_field_paths_are_described_in_words() -> None:
    from pmtui.document.fields import describe_field

    assert describe_field("five_whys[1]") == "Why 2"
    assert describe_field("action_items[0].owner") == "Action item 1 owner"
    assert describe_field("timeline[2].event") == "Timeline row 3"
    assert describe_field("summary") == "Summary"


def test_surrounding_space_typed_into_a_field_is_not_kept() -> None:
    doc = Postmortem()
    set_text(doc, "title", "  Checkout outage ")
    set_text(doc, "five_whys[0]", "\tthe cache expired\n")
    assert doc.title == "Checkout outage"
    assert doc.five_whys == ["the cache expired"]
