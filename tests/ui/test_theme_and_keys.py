"""``[ui] theme`` and ``[keys]`` from the config, as a user sets them: the theme is used
at start, a theme picked in the palette is remembered for the next start, and a key
remapped by its binding id acts where the old key did."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.config import Settings, UISettings
from pmtui.errors import ConfigError, UserError
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import settle, type_text, wizard


def settings(**kwargs: object) -> Settings:
    return Settings.model_validate(kwargs)


async def test_the_configured_theme_is_used_at_start(clock: FakeClock) -> None:
    app = make_app(clock, settings=Settings(ui=UISettings(theme="nord")))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_a_theme_picked_later_is_remembered_until_the_config_changes(
    clock: FakeClock,
) -> None:
    configured = Settings(ui=UISettings(theme="nord"))
    app = make_app(clock, settings=configured)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.theme = "dracula"  # what the palette's "Change theme" does
        await settle(pilot)
    again = make_app(clock, settings=configured)
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert again.theme == "dracula"
    # Editing [ui] theme afterwards is the newer choice: it wins over the remembered one.
    edited = make_app(clock, settings=Settings(ui=UISettings(theme="gruvbox")))
    async with edited.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert edited.theme == "gruvbox"


def test_an_unknown_theme_is_one_line_naming_the_key(clock: FakeClock) -> None:
    with pytest.raises(UserError, match=r"^\[ui\] theme: unknown theme 'neon'; choose one of"):
        make_app(clock, settings=Settings(ui=UISettings(theme="neon")))


async def test_a_remapped_save_key_saves(clock: FakeClock, tmp_path: Path) -> None:
    app = make_app(
        clock, settings=settings(keys={"wizard.save": "ctrl+w"}), new_title="Cache outage"
    )
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        screen = wizard(app)
        path = screen.session.path
        await type_text(pilot, " in eu")
        assert not path.exists() or "Cache outage in eu" not in path.read_text()
        await pilot.press("ctrl+w")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "# Post-Mortem: Cache outage in eu" in path.read_text(encoding="utf-8")


def test_an_unknown_binding_id_names_a_close_one(clock: FakeClock) -> None:
    expected = r"unknown binding id 'next-step' \(did you mean 'wizard.next-step'"
    with pytest.raises(ConfigError, match=expected):
        make_app(clock, settings=settings(keys={"next-step": "ctrl+w"}))
