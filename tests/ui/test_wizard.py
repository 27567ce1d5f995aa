"""Pilot tests of the wizard: what is typed ends up in the saved Markdown."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Select, Static, TextArea

from pmtui.document.model import GapType, Status
from pmtui.document.storage import load
from pmtui.tui.widgets.step_list import StepList
from pmtui.tui.widgets.steps import GapsPane, TimelinePane
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import save_and_read, settle, type_text, wizard


async def test_new_focuses_title_and_facts_reach_the_file(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        assert screen.focused is not None and screen.focused.id == "title"
        await type_text(pilot, "Checkout outage")
        await pilot.press("tab")
        date = screen.query_one("#date", Input)
        date.value = ""
        await type_text(pilot, "2024-03-07")
        await pilot.press("tab")
        await type_text(pilot, "95 minutes")
        await pilot.press("tab")
        screen.query_one("#severity", Select).value = "SEV-2"
        screen.query_one("#author", Input).focus()
        await type_text(pilot, "Dana")
        screen.query_one("#summary", TextArea).focus()
        await type_text(pilot, "Checkout failed for 95 minutes.")
        screen.query_one("#impact", TextArea).focus()
        await type_text(pilot, "4,100 orders failed.")
        text = await save_and_read(pilot)
    assert "# Post-Mortem: Checkout outage" in text
    assert "**Date:** 2024-03-07" in text
    assert "**Duration:** 95 minutes" in text
    assert "**Severity:** SEV-2" in text
    assert "**Author:** Dana" in text
    assert "Checkout failed for 95 minutes." in text
    assert "4,100 orders failed." in text


async def test_typing_into_a_given_title_adds_to_it_and_never_replaces_it(
    clock: FakeClock,
) -> None:
    app = make_app(clock, new_title="Checkout outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        assert screen.focused is not None and screen.focused.id == "title"
        await pilot.press("space", "E", "U")
        await settle(pilot)
        assert screen.session.doc.title == "Checkout outage EU"


async def test_bad_date_shows_error_at_the_field_and_keeps_the_old_value(
    clock: FakeClock,
) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        date = screen.query_one("#date", Input)
        date.focus()
        date.value = ""
        await type_text(pilot, "2024-13-40")
        await settle(pilot)
        error = screen.query_one("#date-error", Static)
        assert error.display and "YYYY-MM-DD" in str(error.render())
        assert screen.session.doc.date is None
        date.value = ""
        await type_text(pilot, "2024-02-29")
        await settle(pilot)
        assert "YYYY" not in str(error.render())
        assert str(screen.session.doc.date) == "2024-02-29"


async def test_timeline_add_edit_delete_reorder_and_validate(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        await pilot.press("ctrl+n")  # Timeline
        await settle(pilot)
        assert screen.step == "timeline"
        pane = screen.query_one(TimelinePane)
        for time, event in (("14:09", "Alert fired"), ("14:02", "Config deployed")):
            await pilot.press("alt+n")
            await settle(pilot)
            time_input = screen.focused
            assert isinstance(time_input, Input)
            time_input.value = ""
            await type_text(pilot, time)
            await pilot.press("tab")
            await type_text(pilot, event)
        await settle(pilot)
        assert [(r.time, r.event) for r in screen.session.doc.timeline] == [
            ("14:09", "Alert fired"),
            ("14:02", "Config deployed"),
        ]
        # Validation: the error is shown under the row, the saved value is kept.
        assert pane.current == 1
        pane.query_one("#time", Input).focus()
        pane.query_one("#time", Input).value = ""
        await type_text(pilot, "25:99")
        await settle(pilot)
        assert "Timeline row 2" in str(pane.query_one("#time-error", Static).render())
        assert screen.session.doc.timeline[1].time == "14:02"
        pane.query_one("#time", Input).value = "14:02"
        await settle(pilot)
        assert str(pane.query_one("#time-error", Static).render()) == ""
        # Move row 2 up: the form follows the row.
        pane.query_one("#event", Input).focus()
        await pilot.press("alt+up")
        await settle(pilot)
        assert [r.event for r in screen.session.doc.timeline] == ["Config deployed", "Alert fired"]
        assert pane.current == 0
        assert pane.query_one("#event", Input).value == "Config deployed"
        # Sort puts them back in time order; fill duration from first and last.
        await pilot.press("alt+down")
        await settle(pilot)
        await pilot.press("alt+s")
        await settle(pilot)
        assert [r.time for r in screen.session.doc.timeline] == ["14:02", "14:09"]
        pane.action_fill_duration()
        assert screen.session.doc.duration == "7 minutes"
        # Delete the first row.
        pane.show_current(0)
        pane.query_one("#event", Input).focus()
        await pilot.press("alt+d")
        await settle(pilot)
        text = await save_and_read(pilot)
    assert "| 14:09 | Alert fired |" in text
    assert "Config deployed" not in text
    assert "**Duration:** 7 minutes" in text


async def test_five_whys_answers_are_saved_in_order(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("whys")
        await settle(pilot)
        labels = " ".join(str(w.render()) for w in screen.query(".field-label"))
        assert "Why did the incident happen?" in labels and "Immediate cause" in labels
        assert "Systemic issues" in labels
        for n in range(1, 6):
            screen.query_one(f"#why-{n}", TextArea).focus()
            await type_text(pilot, f"answer {n}")
        text = await save_and_read(pilot)
    for n in range(1, 6):
        assert f"{n}. Why: answer {n}" in text


async def test_gaps_with_type_fix_category_and_done(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("gaps")
        await settle(pilot)
        await pilot.press("enter")  # the "Add gap" button has focus in an empty step
        await settle(pilot)
        await type_text(pilot, "No alert for payment errors")
        pane = screen.query_one(GapsPane)
        pane.query_one("#gap-type", Select).value = GapType.DETECTION
        await settle(pilot)
        assert "Monitoring" in str(pane.query_one("#gap-fix", Static).render())
        pane.query_one("#gap-done", Checkbox).value = True
        await settle(pilot)
        text = await save_and_read(pilot)
        path = screen.session.path
    assert "No alert for payment errors" in text
    doc = load(path)
    assert doc.gaps[0].text == "No alert for payment errors"
    assert doc.gaps[0].type == GapType.DETECTION and doc.gaps[0].done


async def test_action_items_with_owner_due_status_and_live_checks(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("actions")
        await settle(pilot)
        await pilot.press("alt+n")
        await settle(pilot)
        await type_text(pilot, "Create runbook for this failure scenario")
        checks = screen.query_one("#checks", Static)
        assert "⚠" in str(checks.render())  # no owner, no due date yet
        screen.query_one("#owner", Input).focus()
        await type_text(pilot, "@sre-team")
        due = screen.query_one("#due", Input)
        due.focus()
        await type_text(pilot, "2024-02-30")
        await settle(pilot)
        assert "YYYY-MM-DD" in str(screen.query_one("#due-error", Static).render())
        due.value = ""
        await type_text(pilot, "2024-04-01")
        screen.query_one("#status", Select).value = Status.IN_PROGRESS
        screen.query_one("#verification", Input).focus()
        await type_text(pilot, "Runbook linked from the alert")
        await settle(pilot)
        assert "⚠" not in str(checks.render()) and "✓" in str(checks.render())
        text = await save_and_read(pilot)
    row = "| Create runbook for this failure scenario | @sre-team | 2024-04-01 | In progress |"
    assert row in text
    assert "Runbook linked from the alert" in text


async def test_learnings_are_saved(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("learnings")
        await settle(pilot)
        await pilot.press("alt+n")
        await settle(pilot)
        await type_text(pilot, "Config is code")
        await pilot.press("alt+n")
        await settle(pilot)
        await type_text(pilot, "Alerts need owners")
        text = await save_and_read(pilot)
    assert "- Config is code" in text
    assert "- Alerts need owners" in text


async def test_step_list_shows_completion_and_follows_navigation(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        steps = screen.query_one(StepList)
        assert steps.state["facts"][0] is False
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        assert screen.step == "whys" and steps.highlighted == 2
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert screen.step == "timeline"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.step == "review"
