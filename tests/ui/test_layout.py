"""Layout defects found at the README's own sizes (80x24 and 100x32), each checked at the
size it occurred: nothing the user needs is cut off or hidden."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import DataTable, Static, TextArea
from textual.widgets._footer import FooterKey

from pmtui import paths
from pmtui.document.model import GapType, Postmortem, ProcessGap, TimelineEntry
from pmtui.document.storage import save
from pmtui.tui.widgets.fields import FieldCheckbox
from pmtui.tui.widgets.step_list import StepList
from pmtui.tui.widgets.steps import ActionsPane, GapsPane, TimelinePane
from pmtui.tui.widgets.warning_panel import WarningPanel
from tests.ui.conftest import FakeClock, full_doc, make_app
from tests.ui.helpers import home_loaded, settle, until, wizard


def _inside(widget: Widget, outer: Widget) -> bool:
    """The widget is drawn entirely within ``outer``'s visible region."""
    inner, box = widget.region, outer.region
    return inner.width > 0 and box.contains_region(inner)


@pytest.mark.parametrize("gap_type", list(GapType))
async def test_gap_fix_category_is_shown_in_full_at_100_columns(
    clock: FakeClock, tmp_path: Path, gap_type: GapType
) -> None:
    path = tmp_path / "pm.md"
    save(
        Postmortem(title="G", gaps=[ProcessGap(text="A gap", type=gap_type)], wizard_step="gaps"),
        path,
    )
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.3)
        pane = wizard(app).query_one(GapsPane)
        fix = pane.query_one("#gap-fix", Static)
        text = str(fix.render())
        assert gap_type.fix_category in text
        assert fix.region.width >= len(text)
        done = pane.query_one("#gap-done", FieldCheckbox)
        assert _inside(done, pane)


async def test_a_ticked_gap_reads_differently_not_only_by_colour(
    clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    gaps = [ProcessGap(text="Fixed one", done=True), ProcessGap(text="Open one")]
    save(Postmortem(title="G", gaps=gaps, wizard_step="gaps"), path)
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.3)
        pane = wizard(app).query_one(GapsPane)
        assert str(pane.query_one("#gap-done", FieldCheckbox).label) == "Fixed ✓"
        assert pane.render_row(0).plain.startswith("✓")
        assert pane.render_row(1).plain.startswith("☐")
        pane.show_current(1)
        assert str(pane.query_one("#gap-done", FieldCheckbox).label) == "Not fixed yet"


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
async def test_timeline_buttons_are_not_cut(clock: FakeClock, size: tuple[int, int]) -> None:
    app = make_app(clock, new_title="Outage")
    async with app.run_test(size=size) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        screen.show_step("timeline")
        await settle(pilot, 0.2)
        pane = screen.query_one(TimelinePane)
        button = pane.query_one("#fill-duration")
        assert _inside(button, pane)
        assert "Fill duration" in str(button.render())


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
@pytest.mark.parametrize("step", ["facts", "timeline", "gaps", "actions", "review"])
async def test_footer_shows_the_essential_keys_and_nothing_is_cut(
    clock: FakeClock, saved_doc: Path, size: tuple[int, int], step: str
) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, 0.2)
        screen = wizard(app)
        screen.show_step(step)
        await settle(pilot, 0.3)
        keys = list(screen.query(FooterKey))
        actions = {key.action for key in keys}
        assert {"next_step", "previous_step", "review", "home"} <= actions
        if step in ("timeline", "gaps", "actions"):
            assert {"add_row", "delete_row"} <= actions
        width = size[0]
        for key in keys:
            assert key.region.right <= width, f"{key.action} is cut off"
        rights = sorted(key.region for key in keys)
        for left, right in zip(rights, rights[1:], strict=False):
            assert left.right <= right.x, "footer keys overlap"


async def test_home_columns_fit_at_80_columns(clock: FakeClock) -> None:
    folder = paths.drafts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    doc = full_doc()
    doc.title = "A very long incident title that goes on and on about the checkout outage"
    save(doc, folder / "2024-03-07-long.md")
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await home_loaded(pilot)
        await settle(pilot, 0.2)
        table = screen.query_one(DataTable)
        total = sum(column.get_render_width(table) for column in table.columns.values())
        assert total <= table.scrollable_content_region.width


async def test_the_focused_why_stays_visible_above_the_warning_panel(clock: FakeClock) -> None:
    doc = full_doc()
    doc.five_whys[4] = "The on-call engineer should have caught it."
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        from pmtui.document.session import DraftSession
        from pmtui.tui.screens.wizard import WizardScreen

        path = Path(paths.drafts_dir()) / "why.md"
        save(doc, path)
        app.push_screen(WizardScreen(DraftSession.open(path, checker=app.checker)))
        await settle(pilot, 0.3)
        screen = wizard(app)
        screen.show_step("whys", "five_whys[4]")
        await settle(pilot, 0.4)
        area = screen.query_one("#why-5", TextArea)
        assert screen.focused is area
        assert screen.query_one(WarningPanel).findings
        scroller = area.parent
        assert scroller is not None
        visible = scroller.region  # the step's fields, above the panel
        assert visible.y <= area.region.y < visible.bottom


async def test_step_list_badges_fit_at_80_columns(clock: FakeClock, tmp_path: Path) -> None:
    doc = full_doc()
    doc.action_items[0].owner = ""  # a warning on "5 Action items", the longest name
    path = tmp_path / "pm.md"
    save(doc, path)
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 0.3)
        steps = wizard(app).query_one(StepList)
        assert "⚠" in str(steps.get_option_at_index(4).prompt)  # the overdue action item
        # Each step takes one line: a badge that does not fit wraps to a second.
        assert len(steps._lines) == steps.option_count


async def test_action_guidance_keeps_its_brackets(clock: FakeClock, saved_doc: Path) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, 0.3)
        screen = wizard(app)
        screen.show_step("actions")
        await settle(pilot)
        guidance = screen.query_one(ActionsPane).query_one(".guidance", Static)
        assert "Add monitoring for [specific metric]" in str(guidance.render())


async def test_after_deleting_the_last_row_the_panel_names_the_row_shown(
    clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    rows = [TimelineEntry(time=f"10:0{i}", event=f"event {i}") for i in range(9)]
    save(
        Postmortem(title="T", date=dt.date(2024, 3, 7), timeline=rows, wizard_step="timeline"), path
    )
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.3)
        screen = wizard(app)
        pane = screen.query_one(TimelinePane)
        pane.focus_field("timeline[8].event")
        panel = screen.query_one(WarningPanel)
        # The first scan may wait for the rules the start-up thread is still compiling.
        await until(pilot, lambda: panel.label == "Timeline row 9")
        await pilot.press("alt+d")
        await until(pilot, lambda: panel.label == "Timeline row 8")
        assert "Timeline row 8 of 8" in str(pane.query_one(".row-title", Static).render())
