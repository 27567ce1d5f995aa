"""The README stays true: every key binding a user can remap is listed in it."""

from __future__ import annotations

from pathlib import Path

from pmtui.tui.keymap import binding_ids

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_binding_id_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = sorted(i for i in binding_ids() if f"`{i}`" not in text)
    assert not missing, f"add to the README's [keys] table: {missing}"
