"""Meeting mode in the real app, driven through the command palette with a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import TextArea

from pmtui.document import storage
from pmtui.meeting.agenda import TimerState
from pmtui.meeting.clock import FakeClock
from pmtui.tui.app import PmtuiApp
from pmtui.tui.screens import meeting as meeting_screen
from pmtui.tui.screens.meeting import MeetingScreen
from pmtui.tui.widgets.meeting.big import BigNumbers
from tests.meeting.sample import write_sample


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(meeting_screen, "SystemClock", lambda: fake)
    return fake


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "checkout.md")


def meeting_app(path: Path | None, minutes: tuple[float, ...] | None = None) -> PmtuiApp:
    return PmtuiApp(open_path=path, meeting=True, agenda_minutes=minutes)


async def palette(pilot: Pilot, command: str) -> None:
    """Run a command the way a user does: ctrl+p, type its name, enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    # Enter runs the highlighted hit: wait until the search has listed it.
    hits = pilot.app.screen.query_one(CommandList)
    for _ in range(100):
        option = hits.highlighted_option
        if option is not None and str(option.prompt).startswith(command):
            break
        await pilot.pause(0.02)
    else:
        raise AssertionError(f"the palette never offered {command!r}")
    await pilot.press("enter")
    await pilot.pause()


def screen_of(pilot: Pilot) -> MeetingScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


def countdown(pilot: Pilot) -> str:
    return screen_of(pilot).query_one("#countdown", BigNumbers).value


def notifications(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def tick(pilot: Pilot) -> None:
    """Let the screen's redraw interval run once."""
    await pilot.pause(meeting_screen.REDRAW_SECONDS + 0.1)


async def test_opens_on_ground_rules_and_waits(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        rules = str(screen.query_one("#rules-text").render())
        for rule in ("No blame.", "Assume good intent.", "Focus forward.", "Celebrate learning."):
            assert rule in rules
        assert "No retaliation" in rules
        clock.advance(120)
        await tick(pilot)
        assert screen.timer.state is TimerState.READY
        assert countdown(pilot) == "05:00"  # nothing advances without the facilitator


async def test_every_palette_command_does_what_it_says(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)

        await palette(pilot, "Start meeting")
        assert screen.timer.state is TimerState.RUNNING
        clock.advance(65)
        await tick(pilot)
        assert countdown(pilot) == "03:55"

        await palette(pilot, "Pause timer")
        assert screen.timer.state is TimerState.PAUSED
        clock.advance(300)
        await tick(pilot)
        assert countdown(pilot) == "03:55"

        await palette(pilot, "Resume timer")
        assert screen.timer.state is TimerState.RUNNING
        clock.advance(5)
        await tick(pilot)
        assert countdown(pilot) == "03:50"

        await palette(pilot, "Next agenda item")
        assert screen.timer.name == "Walk through Five Whys"
        clock.advance(10)
        await tick(pilot)
        assert countdown(pilot) == "14:50"

        await palette(pilot, "Add 5 minutes")
        await tick(pilot)
        assert countdown(pilot) == "19:50"

        await palette(pilot, "Previous agenda item")
        assert screen.timer.name == "Review timeline and impact"
        await tick(pilot)
        assert countdown(pilot) == "03:50"

        await palette(pilot, "End meeting")
        assert screen.timer.state is TimerState.RUNNING  # the action-item recap comes first
        await pilot.press("f10")
        await pilot.pause()
        assert screen.timer.state is TimerState.ENDED
        summary = str(screen.query_one("#summary-text").render())
        assert "Walk through Five Whys" in summary

    saved = storage.load(sample).meeting
    assert saved is not None and saved.ended_at is not None
    assert [i.actual_seconds for i in saved.items] == [70, 10, 0, 0, 0]
    assert saved.items[1].planned_minutes == 15 and saved.items[1].added_seconds == 300


async def offered(pilot: Pilot) -> list[str]:
    """The meeting controls the palette lists with nothing typed."""
    from pmtui.tui.screens.meeting import CONTROLS

    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    hits = pilot.app.screen.query_one(CommandList)
    prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    names = {name for name, _, _ in CONTROLS}
    return [p.splitlines()[0] for p in prompts if p.splitlines()[0] in names]


async def test_the_palette_offers_only_controls_that_can_act(
    sample: Path, clock: FakeClock
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        before = await offered(pilot)
        assert "Start meeting" in before
        assert not {"Pause timer", "Resume timer", "End meeting"} & set(before)
        await pilot.press("f5")
        running = await offered(pilot)
        assert "Pause timer" in running and "End meeting" in running
        assert not {"Start meeting", "Resume timer", "Previous agenda item"} & set(running)
        await pilot.press("f6")
        paused = await offered(pilot)
        assert "Resume timer" in paused and "Pause timer" not in paused
        await pilot.press("f10")
        assert await offered(pilot) == []


async def test_after_end_the_footer_shows_no_clock_keys(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert {"f6", "f8", "f9", "f10"} <= set(pilot.app.active_bindings)
        await pilot.press("f10")  # the action-item recap
        await pilot.pause()
        await pilot.press("f10")  # end and save
        await pilot.pause()
        # The footer lists active bindings: after End no clock key is among them.
        assert not {"f5", "f6", "f7", "f8", "f9", "f10"} & set(pilot.app.active_bindings)


async def test_time_up_is_cleared_when_moving_on(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample, (1, 15, 10, 15, 5))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        clock.advance(61)
        await tick(pilot)
        assert any("Time's up" in m for m in notifications(pilot))
        await pilot.press("f8")
        await pilot.pause()
        assert not any("Time's up" in m for m in notifications(pilot))


async def test_footer_keys_run_the_controls(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        timer = screen_of(pilot).timer
        await pilot.press("f5")
        assert timer.state is TimerState.RUNNING
        await pilot.press("f6")
        assert timer.state is TimerState.PAUSED
        await pilot.press("f6")
        assert timer.state is TimerState.RUNNING
        await pilot.press("f8")
        assert timer.current == 1
        await pilot.pause()
        # The item's first field has focus; F6 there pauses (a TextArea would
        # otherwise take F6 for "select line").
        assert isinstance(pilot.app.focused, TextArea)
        await pilot.press("f6")
        assert timer.state is TimerState.PAUSED
        await pilot.press("f6")
        assert timer.state is TimerState.RUNNING
        await pilot.press("f7")
        assert timer.current == 0
        await pilot.press("f9")
        assert timer.planned() == 10 * 60
        await pilot.press("f10")  # the action-item recap
        await pilot.pause()
        assert timer.state is TimerState.RUNNING
        await pilot.press("f10")  # end and save
        assert timer.state is TimerState.ENDED


async def test_the_step_beside_the_clock_follows_the_agenda(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        await palette(pilot, "Start meeting")
        expected = [("timeline", "facts"), ("whys",), ("gaps",), ("actions",), ("learnings",)]
        for i, steps in enumerate(expected):
            if i:
                await palette(pilot, "Next agenda item")
            await pilot.pause()
            shown = tuple(pane.id.removeprefix("step-") for pane in screen.query("#steps StepPane"))
            assert shown == steps
        # and back again
        await palette(pilot, "Previous agenda item")
        await pilot.pause()
        assert [p.id for p in screen.query("#steps StepPane")] == ["step-actions"]


async def test_editing_beside_the_clock_reaches_the_file(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        await palette(pilot, "Next agenda item")
        await pilot.pause()
        screen = screen_of(pilot)
        area = screen.query_one("#why-3")
        area.focus()
        await pilot.press(*"No alert on config errors")
        await pilot.pause(0.3)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("f10")
    doc = storage.load(sample)
    assert doc.five_whys[2] == "No alert on config errors"
    assert doc.meeting is not None and doc.meeting.ended_at is not None


async def test_colour_and_notification_as_time_runs_out(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample, (2, 15, 10, 15, 5))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        digits = screen_of(pilot).query_one("#countdown", BigNumbers)
        assert not digits.has_class("-last-minute", "-overtime")
        clock.advance(65)
        await tick(pilot)
        assert digits.has_class("-last-minute")
        assert not any("Time's up" in m for m in notifications(pilot))
        clock.advance(60)
        await tick(pilot)
        assert digits.has_class("-overtime")
        assert countdown(pilot) == "+00:05"
        await tick(pilot)
        ups = [m for m in notifications(pilot) if "Time's up" in m]
        assert len(ups) == 1 and "Review timeline and impact" in ups[0]
        assert digits.styles.color != screen_of(pilot).query_one("#totals").styles.color


async def test_record_lands_in_markdown_and_reopens(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        clock.advance(42)
        await palette(pilot, "Next agenda item")
        clock.advance(30)
        await tick(pilot)
        await pilot.pause(0.8)  # the autosave's idle delay, on the real clock
        text = sample.read_text(encoding="utf-8")
        assert "## Meeting" in text
        assert "Review timeline and impact" in text
        saved = storage.load(sample).meeting
        assert saved is not None  # autosaved while running, not only on controls
        assert [i.actual_seconds for i in saved.items[:2]] == [42, 30]
        clock.advance(2)
        await app.action_quit()  # mid-meeting: the time so far is kept

    reopened = meeting_app(sample)
    async with reopened.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        assert screen.timer.state is TimerState.PAUSED
        assert screen.timer.current == 1
        assert screen.timer.elapsed(0) == pytest.approx(42)
        assert screen.timer.elapsed(1) == pytest.approx(32)
        clock.advance(600)
        await tick(pilot)
        assert countdown(pilot) == "14:28"  # paused until the facilitator resumes
        assert any("resumed" in m for m in notifications(pilot))
        await palette(pilot, "Resume timer")
        clock.advance(8)
        await palette(pilot, "End meeting")
    record = storage.load(sample).meeting
    assert record is not None
    assert [i.actual_seconds for i in record.items[:2]] == [42, 40]


async def test_start_meeting_from_the_wizard(sample: Path, clock: FakeClock) -> None:
    app = PmtuiApp(open_path=sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.3)
        await palette(pilot, "Start meeting")
        await pilot.pause(0.3)
        screen = screen_of(pilot)
        assert screen.session.path == sample
        assert screen.timer.state is TimerState.READY
        await palette(pilot, "Start meeting")
        assert screen.timer.state is TimerState.RUNNING
        clock.advance(12)
        await pilot.press("escape")  # back to the wizard, paused and saved
        await pilot.pause(0.3)
        assert type(pilot.app.screen).__name__ == "WizardScreen"
    record = storage.load(sample).meeting
    assert record is not None and record.ended_at is None
    assert record.items[0].actual_seconds == 12


async def test_meeting_without_a_path_starts_a_new_draft(clock: FakeClock) -> None:
    app = meeting_app(None)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        await palette(pilot, "Start meeting")
        clock.advance(3)
        await palette(pilot, "End meeting")
        path = screen.session.path
    assert path.parent == storage.new_path("x").parent
    assert storage.load(path).meeting is not None


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_readable_at_80x24_and_200_columns(
    sample: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        await pilot.pause()
        screen = screen_of(pilot)
        width, height = size
        for selector in ("#countdown", "#item-title", "#clock-state", "#up-next", "#totals"):
            region = screen.query_one(selector).region
            assert region.height > 0 and region.right <= width and region.bottom <= height - 1
        steps = screen.query_one("#steps").region
        assert steps.height >= height // 3  # room to edit beside/below the clock


async def test_blame_warning_is_shown_large_with_the_question(
    sample: Path, clock: FakeClock
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        await palette(pilot, "Next agenda item")
        await pilot.pause()
        screen = screen_of(pilot)
        alert = screen.query_one("#blame-alert")
        question = screen.query_one("#question")
        assert not alert.display and not question.display

        screen.query_one("#why-3").focus()
        await pilot.press(*"Who caused this?")
        await tick(pilot)
        await tick(pilot)
        assert alert.display and "Who caused" in str(alert.render())
        assert "What process allowed this to happen?" in str(question.render())

        screen.query_one("#why-4").focus()
        await pilot.press(*"Human error")
        await pilot.press("ctrl+a")  # keep the words, just move on
        screen.query_one("#why-3").focus()
        await pilot.press("ctrl+a", "ctrl+k")  # the blame question is gone
        await tick(pilot)
        await tick(pilot)
        assert "uman error" in str(alert.render())
        assert "What can we build to prevent this error?" in str(question.render())


async def test_a_quiet_room_gets_a_question(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        question = screen_of(pilot).query_one("#question")
        clock.advance(60)
        await tick(pilot)
        assert not question.display
        clock.advance(40)
        await tick(pilot)
        assert "What would have made this impossible?" in str(question.render())


async def test_typing_after_moving_on_adds_to_the_first_field(
    sample: Path, clock: FakeClock
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await palette(pilot, "Start meeting")
        await pilot.press("f8", "f8")  # Identify process gaps
        await pilot.pause(0.3)
        await pilot.press(*" (found in review)")
        await pilot.pause(0.3)
        doc = screen_of(pilot).session.doc
        assert doc.gaps[0].text == "No validation of timeout values in CI (found in review)"


async def test_the_banner_shows_the_warning_just_typed(sample: Path, clock: FakeClock) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f5", "f8")
        await pilot.pause()
        screen = screen_of(pilot)
        alert = screen.query_one("#blame-alert")
        screen.query_one("#why-3").focus()
        await pilot.press(*"Who caused this?")
        await tick(pilot)
        await tick(pilot)
        assert "Who caused" in str(alert.render())
        screen.query_one("#why-4").focus()
        await pilot.press(*"Human error")
        await tick(pilot)
        await tick(pilot)
        # The newer warning shows, with its own question; the older one is "+1 more".
        assert "uman error" in str(alert.render()) and "+1 more" in str(alert.render())
        question = screen.query_one("#question")
        assert "What can we build to prevent this error?" in str(question.render())


async def test_allow_saves_a_comment_and_dismiss_hides_for_the_meeting(
    sample: Path, clock: FakeClock
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f5", "f8")
        await pilot.pause()
        screen = screen_of(pilot)
        alert = screen.query_one("#blame-alert")
        screen.query_one("#why-3").focus()
        await pilot.press(*"Who caused this?")
        await tick(pilot)
        await tick(pilot)
        assert alert.display
        await pilot.press("ctrl+l")  # allow: saved in the file
        await tick(pilot)
        assert not alert.display
        assert "pmtui: allow" in sample.read_text(encoding="utf-8")

        screen.query_one("#why-4").focus()
        await pilot.press(*"Human error")
        await tick(pilot)
        await tick(pilot)
        assert alert.display
        await palette(pilot, "Dismiss warning")
        await tick(pilot)
        assert not alert.display
        assert sample.read_text(encoding="utf-8").count("pmtui: allow") == 1  # not saved


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 3), ((200, 55), 9)])
async def test_the_countdown_grows_with_the_screen(
    sample: Path, clock: FakeClock, size: tuple[int, int], rows: int
) -> None:
    app = meeting_app(sample)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await tick(pilot)
        screen = screen_of(pilot)
        clock_region = screen.query_one("#countdown").content_region
        assert clock_region.height >= rows
        assert "05:00" not in str(screen.query_one("#countdown").render())  # drawn, not text
        if size == (200, 55):
            big = screen.query_one("#item-big")
            assert big.region.height >= 3  # the item's name in big letters too
        # The agenda strip is on screen at every size, on lines that do not wrap.
        strip = screen.query_one("#agenda-progress")
        assert strip.region.height > 0 and strip.region.bottom <= size[1] - 1


async def test_back_in_the_wizard_the_meeting_says_paused(sample: Path, clock: FakeClock) -> None:
    app = PmtuiApp(open_path=sample)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.3)
        await palette(pilot, "Start meeting")
        await pilot.pause(0.3)
        await pilot.press("f5", "f8")
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert "MEETING PAUSED AT 2/5 WALK THROUGH FIVE WHYS" in pilot.app.screen.sub_title


def test_clock_colours_are_distinct_in_every_theme() -> None:
    from textual.color import Color

    from pmtui.tui.themes import MIN_DELTA_E, delta_e, meeting_colours

    app = PmtuiApp()
    for name, theme in app.available_themes.items():
        colours = meeting_colours(theme)
        accent = theme.to_color_system().generate()["accent"]
        named = [*colours.values(), accent]
        assert len(set(named)) == 4, name
        parsed = [Color.parse(c) for c in named]
        for i, a in enumerate(parsed):
            for b in parsed[i + 1 :]:
                assert delta_e(a, b) >= MIN_DELTA_E, (name, a, b)
    assert "projector" in app.available_themes
