"""`pmtui open` on a post-mortem in another layout offers the import (instead of
refusing with one line), and importing never changes the original."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmtui.document.storage import load
from pmtui.importers import looks_importable
from pmtui.tui.screens.confirm import ConfirmScreen
from tests.ui.conftest import FakeClock, make_app
from tests.ui.helpers import settle, until, wizard

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


async def test_open_offers_import_and_opens_the_converted_copy(
    clock: FakeClock, tmp_path: Path
) -> None:
    source = tmp_path / "pagerduty.md"
    shutil.copy(FIXTURES / "pagerduty.md", source)
    before = source.read_bytes()
    layout = looks_importable(source.read_text(encoding="utf-8"))
    assert layout == "pagerduty"
    app = make_app(clock, open_path=source, import_layout=layout)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-yes")
        await until(pilot, lambda: app.screen.__class__.__name__ == "WizardScreen")
        screen = wizard(app)
        converted = screen.session.path
        assert converted != source and converted.parent == tmp_path
        assert screen.session.doc.title
    assert source.read_bytes() == before
    assert load(converted).title == screen.session.doc.title


async def test_declining_the_import_changes_nothing(clock: FakeClock, tmp_path: Path) -> None:
    source = tmp_path / "atlassian.md"
    shutil.copy(FIXTURES / "atlassian.md", source)
    app = make_app(clock, open_path=source, import_layout="atlassian")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot, 0.2)
        await pilot.press("escape")
        await settle(pilot)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlassian.md"]
