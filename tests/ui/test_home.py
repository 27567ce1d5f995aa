"""Home: list newest first, filter by typing, open, new, delete with confirmation;
the command palette; the layout at 80x24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from pmtui import paths
from pmtui.document.model import Postmortem
from pmtui.document.storage import save
from pmtui.tui.screens.confirm import ConfirmScreen
from pmtui.tui.screens.home import HomeScreen
from pmtui.tui.widgets.warning_panel import WarningPanel
from tests.ui.conftest import FakeClock, full_doc, make_app
from tests.ui.helpers import home_loaded, run_palette, settle, wizard


def _seed() -> list[Path]:
    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    older = Postmortem(title="Disk full on build runners", date=dt.date(2024, 1, 10))
    newer = full_doc()
    p1, p2 = folder / "2024-01-10-disk-full.md", folder / "2024-03-07-checkout.md"
    save(older, p1)
    save(newer, p2)
    return [p2, p1]


async def test_empty_home_explains_pmtui_and_how_to_start(clock: FakeClock) -> None:
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        text = str(app.screen.query_one("#home-empty", Static).render())
        assert "blameless post-mortem" in text and "ctrl+n" in text


async def test_list_newest_first_with_completeness_and_filter(clock: FakeClock) -> None:
    newest, older = _seed()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        screen = app.screen
        assert [row.path for row in screen.shown] == [newest, older]
        assert screen.shown[0].complete == "100%"
        assert screen.shown[0].severity == "SEV-2"
        await pilot.press(*"disk")
        await settle(pilot)
        assert screen.query_one("#filter", Input).value == "disk"
        assert [row.path for row in screen.shown] == [older]
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.shown) == 2


async def test_open_from_home_and_back(clock: FakeClock) -> None:
    newest, _ = _seed()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert wizard(app).session.path == newest
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_new_from_home_focuses_title(clock: FakeClock) -> None:
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert wizard(app).focused.id == "title"


async def test_delete_asks_then_moves_to_trash(clock: FakeClock) -> None:
    newest, older = _seed()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # cancel: nothing happens
        await settle(pilot)
        assert newest.exists()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("tab", "enter")  # from Cancel to the yes button
        await settle(pilot)
        await home_loaded(pilot)
        assert not newest.exists()
        assert list(paths.trash_dir().glob("*checkout*"))
        assert [row.path for row in app.screen.shown] == [older]
        assert app.screen.query_one(DataTable).row_count == 1


async def test_palette_commands_drive_the_wizard(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        for command, step in (
            ("Go to step: Five Whys", "whys"),
            ("Next step", "gaps"),
            ("Previous step", "whys"),
            ("Review", "review"),
        ):
            await run_palette(pilot, command)
            assert screen.step == step, command
        await run_palette(pilot, "Save")
        assert screen.session.path.exists()


async def test_layout_at_80x24_keeps_fields_warnings_and_steps_visible(
    clock: FakeClock,
) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        for selector in ("#title", "StepList", "WarningPanel", "Footer"):
            region = screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= 80 and region.bottom <= 24, selector
        assert screen.query_one(WarningPanel).region.width >= 50
        assert screen.query_one("#title").region.width >= 40


async def test_palette_adds_and_sorts_timeline_rows(clock: FakeClock) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        screen.show_step("timeline")
        await settle(pilot)
        for _ in range(2):
            await run_palette(pilot, "Add row")
        assert len(screen.session.doc.timeline) == 2


def _write_config(text: str) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")


async def test_home_warning_counts_honour_the_blame_config(clock: FakeClock) -> None:
    """Rules switched off and names added in [blame] count on Home as in the wizard."""
    _write_config('[blame]\ndisable = ["should-have"]\nnames = ["Zanele"]\n')
    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    save(
        Postmortem(title="Replica lag", summary="The operator should have waited for the replica."),
        folder / "2024-01-10-lag.md",
    )
    save(
        Postmortem(title="Deploy", summary="Zanele broke the deploy pipeline."),
        folder / "2024-01-11-deploy.md",
    )
    app = make_app(clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await home_loaded(pilot)
        counts = {row.title: row.warnings for row in screen.shown}
        assert counts == {"Replica lag": "–", "Deploy": "⚠ 1"}


async def test_action_item_checks_honour_the_blame_config(clock: FakeClock, tmp_path: Path) -> None:
    _write_config('[blame]\ndisable = ["be-careful"]\n')
    from pmtui.document.model import ActionItem

    path = tmp_path / "pm.md"
    doc = Postmortem(
        title="Drain",
        action_items=[
            ActionItem(
                action="Be more careful when draining nodes", owner="@a", due=dt.date(2099, 1, 1)
            )
        ],
        wizard_step="actions",
    )
    save(doc, path)
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 0.2)
        checks = str(wizard(app).query_one("#checks", Static).render())
        assert "try harder" not in checks
        assert "owner, due date" in checks
