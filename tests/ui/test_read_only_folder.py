"""A read-only folder in the app: a file opens read-only with one clear line, and a new
draft there is refused with one clear line (never a raw ``[Errno 30]``)."""

from __future__ import annotations

from pathlib import Path

from pmtui.config import Settings
from pmtui.tui.screens.home import HomeScreen
from tests.document.test_new_and_read_only import read_only_folder  # noqa: F401 - fixture
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import settle, until, wizard


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_file_in_a_read_only_folder_opens_read_only(
    clock: FakeClock,
    read_only_folder: Path,  # noqa: F811
) -> None:
    path = read_only_folder / "pm.md"
    before = path.read_bytes()
    app = make_app(clock, open_path=path)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await until(pilot, lambda: any("read-only" in m for m in messages(app)))
        screen = wizard(app)
        assert screen.session.read_only and "read-only" in screen.sub_title
        said = [m for m in messages(app) if "read-only" in m]
        assert len(said) == 1 and "\n" not in said[0] and "Errno" not in said[0]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_bytes() == before


async def test_a_new_draft_in_a_read_only_folder_is_one_clear_line(
    clock: FakeClock,
    read_only_folder: Path,  # noqa: F811
) -> None:
    settings = Settings(postmortems_dir=read_only_folder)
    app = make_app(clock, new_title="", settings=settings)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await until(pilot, lambda: any("new post-mortem" in m for m in messages(app)))
        assert isinstance(app.screen, HomeScreen)
        said = [m for m in messages(app) if "new post-mortem" in m]
        assert len(said) == 1, messages(app)
        assert "read-only" in said[0] and "Errno" not in said[0] and "\n" not in said[0]
