"""Pilot tests of the Timeline step's zones: Paste log (preview, add, undo, cancel, asking
for a zone), times typed in any zone, and the team's local time beside UTC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, Switch

from pmtui.config import Settings
from pmtui.document.model import Postmortem, TimelineEntry
from pmtui.document.storage import save
from pmtui.tui.screens.paste_log import PasteLogScreen
from pmtui.tui.widgets.row_table import RowTable
from pmtui.tui.widgets.steps import TimelinePane
from tests.timeline.conftest import load as load_fixture
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import run_palette, save_and_read, settle, type_text, until, wizard

LA = "America/Los_Angeles"
#: The timeline before the paste: one row the Slack sample repeats (17:41), one it does not.
EXISTING = [
    ("17:35", "Status page updated"),
    ("17:41", "responder: replica lag is 40s, failing over to db-2"),
]


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "2026-03-12-checkout.md"
    doc = Postmortem(
        title="Checkout outage",
        date=dt.date(2026, 3, 12),
        author="Sam Lee",
        timeline=[TimelineEntry(time=t, event=e) for t, e in EXISTING],
    )
    save(doc, path)
    return path


async def open_timeline(pilot: Pilot) -> TimelinePane:
    await settle(pilot, 0.2)
    screen = wizard(pilot.app)
    screen.show_step("timeline")
    await settle(pilot, 0.2)
    return screen.query_one(TimelinePane)


async def open_paste(pilot: Pilot) -> PasteLogScreen:
    await pilot.press("alt+p")
    await settle(pilot, 0.2)
    screen = pilot.app.screen
    assert isinstance(screen, PasteLogScreen)
    return screen


async def paste(pilot: Pilot, screen: PasteLogScreen, text: str, timeout: float = 10) -> None:
    """Paste as the terminal does (a Paste event to the focused text area) and wait for
    the preview of that text."""
    pilot.app.post_message(events.Paste(text))
    await until(
        pilot, lambda: screen.shown is not None and screen.shown.input.text == text, timeout
    )


def plain_lines(screen: PasteLogScreen) -> list[str]:
    assert screen.shown is not None
    return [screen.shown.line(i).plain for i in range(len(screen.shown))]


def timeline(pilot: Pilot) -> list[tuple[str, str]]:
    return [(r.time, r.event) for r in wizard(pilot.app).session.doc.timeline]


async def test_paste_a_slack_log_preview_add_in_order_and_undo(
    clock: FakeClock, doc_path: Path
) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone=LA))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        screen = await open_paste(pilot)
        assert screen.query_one("#paste-zone", Input).value == LA
        await paste(pilot, screen, load_fixture("slack_paste.txt"))
        summary = str(screen.query_one("#paste-summary", Static).render())
        assert "5 to add, 1 already in the timeline, 1 not understood" in summary
        lines = plain_lines(screen)
        first = next(line for line in lines if "10:32 AM" in line)
        assert "2026-03-12 17:32 10:32 AM America/Los_An" in first
        detail = str(screen.query_one("#paste-detail", Static).render())  # the first row's
        assert "line 6 (slack): 10:32 AM America/Los_Angeles UTC−7 (default zone)" in detail
        assert "responder: We're seeing 500s on checkout" in first
        assert "Jane Doe" not in "\n".join(lines)  # names replaced by default
        repeated = next(line for line in lines if "replica lag" in line)
        assert "already there" in repeated
        blamed = next(line for line in lines if "should have checked" in line)
        assert blamed.startswith("⚠") and "blame" in blamed
        assert "Not understood (1 lines, not added):" in lines
        assert any(line.strip().startswith("line 13: :eyes: 2") for line in lines)
        assert str(screen.query_one("#paste-add", Button).label) == "Add 5 rows"
        await pilot.press("alt+a")
        await settle(pilot, 0.2)
        assert not isinstance(app.screen, PasteLogScreen)
        rows = timeline(pilot)
        assert [t for t, _ in rows] == [
            "17:32",
            "17:33",
            "17:35",
            "17:41",
            "17:42",
            "19:00",
            "19:30",
        ]
        assert rows[2] == EXISTING[0] and rows[3] == EXISTING[1]  # not doubled
        assert rows[0][1] == "responder: We're seeing 500s on checkout, error rate 12%"
        text = await save_and_read(pilot)
        assert "| 17:42 | PagerDuty: Triggered #4821" in text
        # One ctrl+z takes the whole paste out.
        wizard(app).query_one(TimelinePane).query_one("#event", Input).focus()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert timeline(pilot) == EXISTING


async def test_keep_names_switch_keeps_the_speakers(clock: FakeClock, doc_path: Path) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone=LA))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        screen = await open_paste(pilot)
        text = load_fixture("slack_paste.txt")
        await paste(pilot, screen, text)
        assert "Jane Doe" not in "\n".join(plain_lines(screen))
        screen.query_one("#paste-keep-names", Switch).value = True
        await until(pilot, lambda: screen.shown is not None and screen.shown.input.keep_names)
        assert any("Jane Doe: We're seeing 500s" in line for line in plain_lines(screen))


async def test_cancel_changes_nothing(clock: FakeClock, doc_path: Path) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone=LA))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        session = wizard(app).session
        history = len(session.history)
        screen = await open_paste(pilot)
        await paste(pilot, screen, load_fixture("slack_paste.txt"))
        await pilot.press("escape")
        await settle(pilot, 0.2)
        assert not isinstance(app.screen, PasteLogScreen)
        assert timeline(pilot) == EXISTING
        assert len(session.history) == history
        assert not session.dirty


async def test_without_a_team_zone_it_asks_and_holds_the_rows(
    clock: FakeClock, doc_path: Path
) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        screen = await open_paste(pilot)
        assert screen.query_one("#paste-zone", Input).value == ""
        await paste(pilot, screen, load_fixture("slack_paste.txt"))
        ask = str(screen.query_one("#paste-zone-message", Static).render())
        assert "which zone are these times in?" in ask
        assert screen.query_one("#paste-add", Button).disabled
        assert any("held" in line for line in plain_lines(screen))
        assert any("type the zone these times are in above" in line for line in plain_lines(screen))
        # A wrong zone is explained; a right one turns the held rows into rows to add.
        zone = screen.query_one("#paste-zone", Input)
        zone.focus()
        await type_text(pilot, "Mars/Olympus")
        await settle(pilot)
        error = str(screen.query_one("#paste-zone-message", Static).render())
        assert "unknown time zone 'Mars/Olympus'" in error
        zone.value = LA
        await until(pilot, lambda: screen.shown is not None and screen.shown.to_add == 5)
        assert not screen.query_one("#paste-add", Button).disabled
        await pilot.click("#paste-add")
        await settle(pilot, 0.2)
        assert len(timeline(pilot)) == 7


async def test_a_dst_gap_in_a_pasted_log_is_flagged_and_held(
    clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "dst.md"
    save(Postmortem(title="DST", date=dt.date(2026, 3, 8)), path)
    app = make_app(clock, open_path=path, settings=Settings(timezone=LA))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        screen = await open_paste(pilot)
        await paste(pilot, screen, "01:55 cache warm-up started\n02:30 cache full\n")
        lines = plain_lines(screen)
        gap = next(line for line in lines if "cache full" in line)
        assert gap.strip().startswith("held") and "gap" in gap
        assert any("does not exist in America/Los_Angeles" in line for line in lines)
        assert str(screen.query_one("#paste-add", Button).label) == "Add 1 row"


async def test_paste_log_from_the_palette_and_the_footer(clock: FakeClock, doc_path: Path) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone=LA))
    async with app.run_test(size=(100, 32)) as pilot:
        await open_timeline(pilot)
        await settle(pilot, 0.3)
        from textual.widgets._footer import FooterKey

        footer = {key.action: key for key in wizard(app).query(FooterKey)}
        assert "paste_log" in footer
        await run_palette(pilot, "Paste log")
        assert isinstance(app.screen, PasteLogScreen)


async def test_a_big_paste_is_parsed_off_the_event_loop(clock: FakeClock, doc_path: Path) -> None:
    """5,000 lines: the preview comes from the worker, and the zone field takes keys
    while it is built (the result for the old zone is then dropped)."""
    from tests.benchmarks.bench_timeline import slack_log

    app = make_app(clock, open_path=doc_path, settings=Settings(timezone=LA))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_timeline(pilot)
        screen = await open_paste(pilot)
        text = slack_log(5000)
        await paste(pilot, screen, text, timeout=60)
        assert screen.shown is not None and screen.shown.to_add > 2000
        assert screen.query_one("#paste-preview", RowTable).virtual_size.height > 2000


# --------------------------------------------------------------------------- typed times


async def type_time(pilot: Pilot, pane: TimelinePane, text: str) -> None:
    field = pane.query_one("#time", Input)
    field.focus()
    field.value = ""
    await type_text(pilot, text)
    await settle(pilot)


async def first_row(pilot: Pilot) -> tuple[TimelinePane, TimelineEntry]:
    """The Timeline step with its first row in the form."""
    pane = await open_timeline(pilot)
    pane.show_current(0)
    return pane, wizard(pilot.app).session.doc.timeline[0]


def hint(pane: TimelinePane) -> str:
    return str(pane.query_one("#time-hint", Static).render())


def error(pane: TimelinePane) -> str:
    return str(pane.query_one("#time-error", Static).render())


async def test_times_typed_in_any_zone_are_converted_and_say_from_what(
    clock: FakeClock, doc_path: Path
) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        pane, row = await first_row(pilot)
        for typed, stored, said in (
            ("14:05 PST", "22:05", "converted from 14:05 PST (UTC−8)"),
            ("10:05 America/Los_Angeles", "17:05", "America/Los_Angeles (UTC−7)"),
            ("14:05+02:00", "12:05", "converted from 14:05 +02:00 (UTC+2)"),
            ("2:05 pm", "14:05", "= 14:05 UTC"),
            ("23:30 PDT", "2026-03-13 06:30", "converted from 23:30 PDT (UTC−7)"),
        ):
            await type_time(pilot, pane, typed)
            assert row.time == stored, typed
            assert pane.query_one("#time", Input).value == typed  # what was typed stays
            assert f"= {stored} UTC" in hint(pane) and said in hint(pane), hint(pane)
            assert error(pane) == ""
        # UTC typed as the file writes it needs no hint.
        await type_time(pilot, pane, "17:35")
        assert row.time == "17:35" and hint(pane) == ""
        text = await save_and_read(pilot)
        assert "| 17:35 | Status page updated |" in text


async def test_a_typed_time_in_a_dst_gap_or_fold_is_refused_at_the_field(
    clock: FakeClock, doc_path: Path
) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        pane, row = await first_row(pilot)
        field = pane.query_one("#time", Input)
        field.focus()
        field.value = "2026-03-08 02:30 America/Los_Angeles"
        await settle(pilot)
        assert "does not exist in America/Los_Angeles on 2026-03-08" in error(pane)
        assert "(the last good time is kept)" in error(pane)
        assert row.time == "17:35" and field.value == "2026-03-08 02:30 America/Los_Angeles"
        assert hint(pane) == ""
        field.value = "2026-11-01 01:30 America/Los_Angeles"
        await settle(pilot)
        assert "happened twice in America/Los_Angeles" in error(pane)
        assert row.time == "17:35"
        field.value = "14:05 XYZ"
        await settle(pilot)
        assert "unknown time zone 'XYZ'" in error(pane) and row.time == "17:35"


async def test_the_team_zone_shows_beside_utc_in_the_list(clock: FakeClock, doc_path: Path) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone="Europe/Berlin"))
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_timeline(pilot)
        header = str(pane.query_one(".table-header", Static).render())
        assert header.split() == ["Time", "(UTC)", "Local", "Event"]
        heading = str(pane.query_one(".step-heading", Static).render())
        assert heading == "2 · Timeline (UTC; local: Europe/Berlin)"
        assert pane.render_row(0).plain.split() == [
            "17:35",
            "18:35",
            "CET",
            "Status",
            "page",
            "updated",
        ]
        # A local time on another day than the UTC one says so.
        wizard(app).session.doc.timeline[1].time = "23:30"
        assert "00:30 CET +1d" in pane.render_row(1).plain


async def test_no_local_column_when_the_team_works_in_utc(clock: FakeClock, doc_path: Path) -> None:
    app = make_app(clock, open_path=doc_path, settings=Settings(timezone="UTC"))
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_timeline(pilot)
        assert "Local" not in str(pane.query_one(".table-header", Static).render())
        assert pane.render_row(0).plain.split() == ["17:35", "Status", "page", "updated"]
