"""Live blame warnings while typing, allowing one, and the review step's list."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from pmtui.document.storage import load
from pmtui.tui.widgets.step_list import StepList
from pmtui.tui.widgets.warning_panel import WarningPanel
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import save_and_read, settle, type_text, wizard


async def test_blameful_title_shows_the_reframe(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Checkout outage: who caused this?")
        await settle(pilot, 0.1)
        panel = wizard(app).query_one(WarningPanel)
        assert panel.field == "title"
        assert panel.findings, "no warning for a blameful title"
        text = panel.text()
        assert "who caused" in text.lower()
        assert "What allowed this to happen?" in text
        assert wizard(app).query_one("#title", Input).has_class("-blame")


async def test_blameless_text_shows_no_warning(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Checkout failed after a config change")
        await settle(pilot, 0.1)
        screen = wizard(app)
        screen.query_one("#summary", TextArea).focus()
        await type_text(pilot, "The deploy pipeline did not validate the config before release.")
        await settle(pilot, 0.1)
        panel = screen.query_one(WarningPanel)
        assert panel.field == "summary"
        assert panel.findings == []
        assert "no blame warnings" in panel.text()
        assert not screen.query_one("#title", Input).has_class("-blame")


async def test_warning_in_a_why_counts_on_the_step_list(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("whys")
        await settle(pilot)
        await type_text(pilot, "This was human error.")
        await settle(pilot, 0.4)  # the step list recounts after a pause
        assert screen.query_one(StepList).state["whys"][1] >= 1
        assert "Our system didn't prevent this error" in screen.query_one(WarningPanel).text()


async def test_allowing_a_warning_is_saved_in_the_file(clock: FakeClock, tmp_path: Path) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Who caused this? (a quote from the chat)")
        await settle(pilot, 0.1)
        screen = wizard(app)
        assert screen.query_one(WarningPanel).findings
        await pilot.press("ctrl+l")
        await settle(pilot, 0.1)
        assert screen.query_one(WarningPanel).findings == []
        text = await save_and_read(pilot)
        path = screen.session.path
    assert "<!-- pmtui: allow" in text
    assert load(path).allowed


async def test_review_lists_warnings_and_jumps_to_the_field(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("whys")
        await settle(pilot)
        screen.query_one("#why-3", TextArea).focus()
        await type_text(pilot, "Sam forgot to check the dashboard.")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot, 0.2)
        assert screen.step == "review"
        warnings = screen.query_one("#review-warnings", OptionList)
        assert warnings.option_count >= 1
        assert screen.focused is warnings and warnings.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen.step == "whys"
        assert screen.focused is screen.query_one("#why-3", TextArea)


async def test_export_markdown_writes_a_copy(clock: FakeClock, tmp_path: Path) -> None:
    app = make_app(clock, new_title="Disk full on build runners")
    target = tmp_path / "exported.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        field = app.screen.query_one("#export-path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert wizard(app)  # back in the wizard
    exported = target.read_text(encoding="utf-8")
    assert exported.startswith("# Post-Mortem: Disk full on build runners")


async def test_review_buttons_save_and_export(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Queue backlog")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        await pilot.press("ctrl+r")
        await settle(pilot, 0.2)
        await pilot.click("#review-save")
        await settle(pilot)
        assert "# Post-Mortem: Queue backlog" in screen.session.path.read_text(encoding="utf-8")
        await pilot.click("#review-export")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value.endswith(".md")


async def test_a_name_the_document_gives_counts_as_a_person_while_typing(
    clock: FakeClock,
) -> None:
    # "Xavi" is in no built-in name list: only the Author field makes it a person,
    # as it does for the review's scan_document.
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.query_one("#author", Input).focus()
        await type_text(pilot, "Xavi")
        screen.query_one("#summary", TextArea).focus()
        await type_text(pilot, "Xavi pushed a bad config to production.")
        await settle(pilot, 0.2)
        panel = screen.query_one(WarningPanel)
        assert panel.field == "summary"
        assert panel.findings, "no warning for a named cause with the author's name"
        assert any(f.category == "named_cause" for f in panel.findings)


async def test_allow_is_for_that_field_and_review_says_what_was_allowed(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await type_text(pilot, "Who caused this?")
        await settle(pilot, 0.1)
        screen = wizard(app)
        await pilot.press("ctrl+l")
        await settle(pilot, 0.1)
        assert screen.session.doc.allowed[0].context == "Who caused this?"
        # The same question in the summary still warns: the allowance was for the title.
        screen.query_one("#summary", TextArea).focus()
        await type_text(pilot, "We asked: who caused this?")
        await settle(pilot, 0.1)
        assert screen.query_one(WarningPanel).findings
        await pilot.press("ctrl+r")
        await settle(pilot, 0.2)
        title = str(screen.query_one("#review-warnings-title").render())
        assert "Warnings: 1" in title and "allowed: 1" in title
