"""The Actions and Insights screens, reached from Home by a key and by the palette; Home's
filter finds words in a post-mortem's content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, Static

from pmtui.config import Settings
from pmtui.document.markdown import read_markdown
from pmtui.document.model import Status
from pmtui.tui.app import PmtuiApp
from pmtui.tui.screens.actions import ActionsScreen
from pmtui.tui.screens.home import HomeScreen
from pmtui.tui.screens.insights import InsightsScreen
from tests.repo.conftest import BROKEN, cache, checkout
from tests.ui.conftest import FakeClock
from tests.ui.helpers import home_loaded, run_palette, settle, until


@pytest.fixture
def pm(tmp_path: Path) -> Path:
    folder = tmp_path / "pm"
    folder.mkdir()
    (folder / "2024-01-10-checkout.md").write_text(checkout(), encoding="utf-8")
    (folder / "2024-02-01-cache.md").write_text(cache(), encoding="utf-8")
    (folder / "2024-03-01-broken.md").write_text(BROKEN, encoding="utf-8")
    return folder


def make(clock: FakeClock, folder: Path) -> PmtuiApp:
    return PmtuiApp(settings=Settings(postmortems_dir=folder), clock=clock, today=dt.date.today)


async def _actions(pilot, app: PmtuiApp) -> ActionsScreen:  # type: ignore[no-untyped-def]
    await home_loaded(pilot)
    await pilot.press("ctrl+t")
    await until(pilot, lambda: isinstance(app.screen, ActionsScreen) and app.screen.loaded)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ActionsScreen)
    return screen


async def test_actions_screen_lists_sorts_and_filters(clock: FakeClock, pm: Path) -> None:
    app = make(clock, pm)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _actions(pilot, app)
        assert len(screen.shown) == 5
        assert screen.shown[0].action == "Test the cache failover runbook every quarter"
        status = str(screen.query_one("#actions-status-line", Static).render())
        assert "5 of 5 action items · 3 overdue" in status and "1 file could not be read" in status
        # Sort by owner (click its header), then again for descending.
        table = screen.query_one(DataTable)
        await pilot.click(table, offset=(2 + 10 + 2 + 7 + 2 + 11 + 2 + 3, 0))
        await settle(pilot)
        assert screen.sort_column == "owner"
        owners = [r.owner for r in screen.shown]
        assert owners == sorted(owners, key=str.casefold)
        screen.sort_by("owner")
        await settle(pilot)
        assert [r.owner for r in screen.shown] == sorted(owners, key=str.casefold, reverse=True)
        # Filters: overdue only, then an owner, then text.
        await pilot.press("o")
        await settle(pilot)
        assert screen.query_one("#actions-overdue", Checkbox).value
        assert {r.overdue_days(dt.date.today()) > 0 for r in screen.shown} == {True}
        assert len(screen.shown) == 3
        screen.query_one("#actions-owner", Input).value = "@dana"
        await settle(pilot)
        assert [r.action for r in screen.shown] == ["Rewrite the failover script to discover hosts"]
        screen.query_one("#actions-owner", Input).value = ""
        await pilot.press("o")
        await pilot.press("slash")
        await pilot.press(*"runbook")
        await settle(pilot)
        assert {r.action for r in screen.shown} == {
            "Test the cache failover runbook every quarter",
            "Write a rollback runbook for checkout",
        }
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_status_changed_in_place_in_the_file(clock: FakeClock, pm: Path) -> None:
    path = pm / "2024-01-10-checkout.md"
    before = path.read_text(encoding="utf-8")
    app = make(clock, pm)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _actions(pilot, app)
        index = next(
            i for i, r in enumerate(screen.shown) if r.action.startswith("Write a rollback")
        )
        screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("space")  # Pending -> In progress
        await until(pilot, lambda: screen.selected() is not None
                    and screen.selected().status == Status.IN_PROGRESS)  # fmt: skip
        await pilot.press("d")
        await until(pilot, lambda: screen.selected().status == Status.DONE)  # type: ignore[union-attr]
    after = path.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1 and changed[0][1].endswith("| Done        |")
    doc, _ = read_markdown(after)
    assert doc.action_items[2].status == Status.DONE


async def test_status_not_written_while_another_pmtui_holds_the_file(
    clock: FakeClock, pm: Path
) -> None:
    from tests.fakes import OtherPmtui

    path = pm / "2024-01-10-checkout.md"
    before = path.read_bytes()
    other = OtherPmtui(path)
    try:
        app = make(clock, pm)
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            screen = await _actions(pilot, app)
            index = next(i for i, r in enumerate(screen.shown) if r.path == path)
            screen.query_one(DataTable).move_cursor(row=index)
            await pilot.press("d")
            await until(pilot, lambda: any("open in another pmtui" in n.message
                                           for n in app._notifications))  # fmt: skip
            assert screen.shown[index].status != Status.DONE or screen.shown[index].action == (
                "Alert on payment-provider error rate"
            )
    finally:
        other.stop()
    assert path.read_bytes() == before


async def test_insights_screen_shows_the_report(clock: FakeClock, pm: Path) -> None:
    app = make(clock, pm)
    async with app.run_test(size=(120, 40)) as pilot:
        await home_loaded(pilot)
        await run_palette(pilot, "Insights")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, InsightsScreen) and screen.report is not None
        assert screen.report.postmortems == 2 and screen.report.actions == 5
        numbers = str(screen.query_one("#number-completion", Static).render())
        assert "20%" in numbers
        text = str(screen.query_one("#insights-text", Static).render())
        assert "runbooks (2)" in text and "Detection → Monitoring" in text
        assert "1 file(s) could not be read" in text
        from textual_plotext import PlotextPlot

        assert len(screen.query(PlotextPlot)) == 4
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_actions_from_the_palette(clock: FakeClock, pm: Path) -> None:
    app = make(clock, pm)
    async with app.run_test(size=(120, 30)) as pilot:
        await home_loaded(pilot)
        await run_palette(pilot, "Actions")
        await until(pilot, lambda: isinstance(app.screen, ActionsScreen))


async def test_home_filter_searches_content(clock: FakeClock, pm: Path) -> None:
    app = make(clock, pm)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await home_loaded(pilot)
        assert len(screen.shown) == 3
        await pilot.press(*"stale runbook")  # only in the cache post-mortem's gaps
        await settle(pilot)
        assert [r.title for r in screen.shown] == ["Cache cluster failover took too long"]
        await pilot.press("escape")
        await pilot.press(*"provider")  # in checkout's summary and actions, not its title
        await settle(pilot)
        assert [r.title for r in screen.shown] == ["Checkout outage after config push"]
