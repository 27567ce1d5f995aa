"""The wizard and a file that changes on disk while it is open (another editor, git pull):
the change is never written over, the user is asked within 2 s, and each answer does
what it says."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.widgets import Button, Input, Static, TextArea

from pmtui.document.lock import lock_path
from pmtui.document.markdown import to_markdown
from pmtui.document.storage import load
from pmtui.tui.screens.external_change import ExternalChangeScreen
from tests.fakes import OtherPmtui
from tests.ui.conftest import FakeClock, full_doc, make_app
from tests.ui.helpers import settle, type_text, until, wizard

APPENDIX = "\n## Appendix\n\nDashboards consulted during the incident.\n"


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    info = path.stat()  # a coarse file-system clock must still show the change
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def modal(app: object) -> ExternalChangeScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ExternalChangeScreen), f"expected the question, got {screen!r}"
    return screen


async def asked(pilot, timeout: float = 5) -> ExternalChangeScreen:  # noqa: ANN001
    """Wait for the question (polling) and for it to be laid out (clickable)."""
    await until(pilot, lambda: isinstance(pilot.app.screen, ExternalChangeScreen), timeout)
    await settle(pilot, 0.2)
    return modal(pilot.app)


def modal_text(app: object) -> str:
    return str(modal(app).query_one("#external-text", Static).render())


def title_shown(app: object) -> str | None:
    """The wizard's title field, or None while a rebuilt wizard is still mounting (any
    of its widgets: a test that ended the app as the other steps still mounted would see
    their Mount handlers fail for want of children that teardown had stopped)."""
    screen = app.screen  # type: ignore[attr-defined]
    if not all(widget.is_mounted for widget in screen.query("*")):
        return None
    fields = list(screen.query("#title").results(Input))
    return fields[0].value if fields else None


async def edit_summary(pilot, text: str) -> None:  # noqa: ANN001
    screen = wizard(pilot.app)
    screen.show_step("facts", "summary")
    await settle(pilot)
    area = screen.query_one("#summary", TextArea)
    area.move_cursor(area.document.end)
    await type_text(pilot, text)


async def test_external_append_during_editing_is_kept_and_the_user_is_asked(
    clock: FakeClock, saved_doc: Path
) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        await edit_summary(pilot, " Mine.")
        append(saved_doc, APPENDIX)
        theirs = saved_doc.read_bytes()
        started = time.monotonic()
        clock.advance(5)  # the autosave is due: it must not write over the appendix
        await asked(pilot)
        asked_after = time.monotonic() - started
        await settle(pilot, 0.2)
        print(f"external change asked after {asked_after:.2f} s")
        assert asked_after < 2
        assert saved_doc.read_bytes() == theirs
        text = modal_text(app)
        assert "changed on disk" in text
        assert "Other sections: added “Appendix”" in text
        assert "Summary:" in text  # my change, listed
        for _ in range(4):  # decide later: still never written over
            clock.advance(5)
            await pilot.pause(0.3)
        assert saved_doc.read_bytes() == theirs
        await pilot.click("#external-merge")
        await settle(pilot, 0.2)
        clock.advance(5)
        await until(pilot, lambda: b"Mine." in saved_doc.read_bytes())
    merged = load(saved_doc)
    assert merged.summary.endswith("Mine.")
    assert [s.heading for s in merged.extra_sections] == ["Appendix"]
    assert not lock_path(saved_doc).exists()


async def test_a_change_is_noticed_without_any_edit_and_reload_shows_theirs(
    clock: FakeClock, saved_doc: Path
) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        theirs = full_doc()
        theirs.title = "Checkout outage after config push (updated)"
        saved_doc.write_text(to_markdown(theirs), encoding="utf-8")
        append(saved_doc, "")
        started = time.monotonic()
        await asked(pilot)
        assert time.monotonic() - started < 2
        await settle(pilot, 0.2)
        assert "Title:" in modal_text(app)
        await pilot.click("#external-reload")
        await settle(pilot, 0.2)
        screen = wizard(app)
        assert screen.query_one("#title", Input).value == theirs.title
        assert not screen.session.dirty and screen.session.external is None
    assert load(saved_doc).title == theirs.title


async def test_keep_mine_writes_a_copy_and_leaves_theirs(clock: FakeClock, saved_doc: Path) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        await edit_summary(pilot, " Mine.")
        append(saved_doc, APPENDIX)
        theirs = saved_doc.read_bytes()
        await asked(pilot)
        await pilot.click("#external-keep")
        await settle(pilot, 0.2)
        screen = wizard(app)
        copy = screen.session.path
        assert copy.name.startswith("2024-03-07-checkout-outage.mine-")
        assert copy.name in screen.sub_title
        assert load(copy).summary.endswith("Mine.")
        await type_text(pilot, " More.")
        clock.advance(5)
        await until(pilot, lambda: b"More." in copy.read_bytes())
    assert saved_doc.read_bytes() == theirs
    assert not lock_path(copy).exists() and not lock_path(saved_doc).exists()


async def test_an_external_version_that_does_not_parse_offers_only_a_copy(
    clock: FakeClock, saved_doc: Path
) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        await edit_summary(pilot, " Mine.")
        saved_doc.write_bytes(b"\xff not text\n")
        append(saved_doc, "")
        broken = saved_doc.read_bytes()
        clock.advance(5)
        await asked(pilot)
        text = modal_text(app)
        assert "does not parse" in text and "will not write over it" in text
        buttons = {button.id for button in modal(app).query(Button)}
        assert buttons == {"external-later", "external-keep"}
        await pilot.press("escape")  # later
        await settle(pilot, 0.2)
        assert "CHANGED ON DISK" in wizard(app).sub_title
        clock.advance(5)
        await pilot.pause(0.6)
        assert saved_doc.read_bytes() == broken
    # Quitting with the change pending keeps the unsaved version as a copy, and says
    # so once the app has ended (the CLI prints exit_notes on stderr).
    assert saved_doc.read_bytes() == broken
    copies = list(saved_doc.parent.glob("*.mine-*.md"))
    assert len(copies) == 1 and load(copies[0]).summary.endswith("Mine.")
    assert app.exit_notes == [
        f"{saved_doc} changed on disk, so your unsaved version was saved beside it as "
        f"{copies[0].name}"
    ]


async def test_conflicting_fields_offer_no_merge_and_say_which(
    clock: FakeClock, saved_doc: Path
) -> None:
    app = make_app(clock, open_path=saved_doc)
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(pilot)
        await edit_summary(pilot, " Mine.")
        theirs = full_doc()
        theirs.summary = "Their summary."
        saved_doc.write_text(to_markdown(theirs), encoding="utf-8")
        append(saved_doc, "")
        await asked(pilot)
        assert "Merge is not possible: both changed Summary." in modal_text(app)
        assert not modal(app).query("#external-merge")
        await pilot.click("#external-reload")
        await settle(pilot, 0.2)
        assert wizard(app).query_one("#summary", TextArea).text == "Their summary."


async def test_a_read_only_view_shows_the_new_version(clock: FakeClock, saved_doc: Path) -> None:
    with OtherPmtui(saved_doc):
        app = make_app(clock, open_path=saved_doc)
        async with app.run_test(size=(110, 36)) as pilot:
            await settle(pilot)
            await pilot.press("tab", "enter")  # "Open read-only"
            await settle(pilot, 0.2)
            assert wizard(app).session.read_only
            theirs = full_doc()
            theirs.title = "Retitled elsewhere"
            saved_doc.write_text(to_markdown(theirs), encoding="utf-8")
            append(saved_doc, "")
            await until(pilot, lambda: title_shown(app) == theirs.title)
            assert wizard(app).session.read_only
        assert load(saved_doc).title == theirs.title
