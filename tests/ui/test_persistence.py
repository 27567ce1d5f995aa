"""Never lose work: autosave with an injected clock, quitting saves, reopening
restores every field and the step, locks, and files that fail to parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, TextArea

from pmtui.cli import main as cli_main
from pmtui.document.lock import lock_path
from pmtui.document.model import GapType, Status
from pmtui.document.storage import load
from pmtui.tui.screens.confirm import ConfirmScreen
from pmtui.tui.screens.home import HomeScreen
from pmtui.tui.widgets.steps import ActionsPane, FactsPane, GapsPane, LearningsPane, TimelinePane
from tests.fakes import OtherPmtui
from tests.ui.conftest import FakeClock, full_doc, make_app
from tests.ui.helpers import settle, type_text, wizard


async def tick(pilot, screen) -> None:  # noqa: ANN001
    """One autosave poll, then wait for its write (done in a thread)."""
    screen.autosave_tick()
    await pilot.app.workers.wait_for_complete()


async def test_autosave_writes_after_the_pause_and_not_before(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        session = screen.session
        await type_text(pilot, "Checkout outage")
        await tick(pilot, screen)
        assert not session.path.exists(), "saved while the user is still typing"
        clock.advance(0.3)
        await tick(pilot, screen)
        assert not session.path.exists()
        clock.advance(0.3)  # 0.6 s of quiet > the 0.5 s idle delay
        await tick(pilot, screen)
        assert "# Post-Mortem: Checkout outage" in session.path.read_text(encoding="utf-8")
        # Non-stop typing (a key every 0.2 s, never idle) still saves mid-way.
        for char in " in eu-west":
            await pilot.press(char)
            clock.advance(0.2)
            await tick(pilot, screen)
        assert "# Post-Mortem: Checkout outage in eu" in session.path.read_text(encoding="utf-8")
        clock.advance(0.5)
        await tick(pilot, screen)
        saved = session.path.read_text(encoding="utf-8")
        assert "# Post-Mortem: Checkout outage in eu-west\n" in saved


async def test_the_autosave_timer_runs_by_itself(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        session = wizard(app).session
        await type_text(pilot, "Disk full")
        clock.advance(5)
        await pilot.pause(0.6)  # the poll timer fires every 0.25 s
        assert "Disk full" in session.path.read_text(encoding="utf-8")


async def test_leaving_the_app_saves_and_releases_the_lock(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        session = wizard(app).session
        assert lock_path(session.path).exists()
        await type_text(pilot, "Queue backlog")
    assert load(session.path).title == "Queue backlog"
    assert not lock_path(session.path).exists()


async def test_reopening_restores_every_field_and_the_step(
    clock: FakeClock, saved_doc: Path
) -> None:
    expected = full_doc()
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        assert screen.step == "gaps"
        facts = screen.query_one(FactsPane)
        assert facts.query_one("#title", Input).value == expected.title
        assert facts.query_one("#date", Input).value == "2024-03-07"
        assert facts.query_one("#duration", Input).value == expected.duration
        assert facts.query_one("#severity", Select).value == expected.severity
        assert facts.query_one("#author", Input).value == expected.author
        assert facts.query_one("#summary", TextArea).text == expected.summary
        assert facts.query_one("#impact", TextArea).text == expected.impact
        timeline = screen.query_one(TimelinePane)
        for i, row in enumerate(expected.timeline):
            timeline.show_current(i)
            assert timeline.query_one("#time", Input).value == row.time
            assert timeline.query_one("#event", Input).value == row.event
        for i, answer in enumerate(expected.five_whys, start=1):
            assert screen.query_one(f"#why-{i}", TextArea).text == answer
        gaps = screen.query_one(GapsPane)
        assert gaps.query_one("#gap", Input).value == expected.gaps[0].text
        assert gaps.query_one("#gap-type", Select).value == GapType.PREVENTION
        gaps.show_current(1)
        assert gaps.query_one("#gap-done", Checkbox).value is True
        actions = screen.query_one(ActionsPane)
        assert actions.query_one("#action", Input).value == expected.action_items[0].action
        assert actions.query_one("#owner", Input).value == "@platform-team"
        assert actions.query_one("#due", Input).value == "2024-04-01"
        assert actions.query_one("#status", Select).value == Status.IN_PROGRESS
        assert actions.query_one("#verification", Input).value.startswith("A config")
        learnings = screen.query_one(LearningsPane)
        assert learnings.query_one("#learning", Input).value == expected.learnings[0]
        # Opening and leaving (the app exits at the end of the block) without
        # edits does not change the document.
    assert load(saved_doc) == expected


async def test_step_is_restored_and_moving_between_steps_leaves_the_file(
    clock: FakeClock, saved_doc: Path
) -> None:
    before = saved_doc.read_bytes()
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert wizard(app).step == "gaps"  # an old file's step comment still counts
        wizard(app).show_step("timeline")
        wizard(app).show_step("learnings")
    assert saved_doc.read_bytes() == before  # the step lives in the state folder
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert wizard(app).step == "learnings"


async def test_file_open_elsewhere_offers_read_only(clock: FakeClock, saved_doc: Path) -> None:
    with OtherPmtui(saved_doc) as other:
        before = saved_doc.read_bytes()
        app = make_app(clock, open_path=saved_doc)
        async with app.run_test(size=(100, 32)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert f"pid {other.pid} on " in app.screen.question
            await pilot.press("tab", "enter")  # from Cancel to the yes button
            await settle(pilot)
            screen = wizard(app)
            assert screen.session.read_only
            assert "read-only" in screen.sub_title
            title = screen.query_one("#title", Input)
            assert title.disabled
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert saved_doc.read_bytes() == before
        assert lock_path(saved_doc).read_text().split()[0] == str(other.pid)


def _broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.md"
    path.write_text("# Notes\n\nnot a post-mortem\n", encoding="utf-8")
    return path


def test_open_of_an_unparsable_file_is_one_line_and_never_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _broken(tmp_path)
    before = path.read_bytes()
    assert cli_main(["open", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    assert path.read_bytes() == before


async def test_unparsable_file_from_home_shows_why_and_is_untouched(
    clock: FakeClock, tmp_path: Path
) -> None:
    path = _broken(tmp_path)
    before = path.read_bytes()
    app = make_app(clock)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(pilot)
        app.open_document(path)
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("Could not open" in m and str(path) in m for m in messages)
        assert isinstance(app.screen, HomeScreen)
    assert path.read_bytes() == before
    assert not lock_path(path).exists()


async def test_ctrl_q_saves_and_releases_the_lock(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        session = wizard(app).session
        await type_text(pilot, "Queue backlog")
        await pilot.press("ctrl+q")
        assert load(session.path).title == "Queue backlog"
        assert not lock_path(session.path).exists()


async def test_untitled_draft_is_named_after_its_title(clock: FakeClock) -> None:
    app = make_app(clock, new_title="")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        session = wizard(app).session
        assert session.path.name.endswith("untitled.md")
        await type_text(pilot, "Checkout outage")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert session.path.name == "2024-03-08-checkout-outage.md"
        assert load(session.path).title == "Checkout outage"
        assert lock_path(session.path).exists()
        assert not list(session.path.parent.glob("*untitled*"))
