"""``[keys]`` in the config: remap any key binding by its id (Textual's keymaps, as in
posting). ``pmtui``'s binding ids are namespaced by where they act: ``wizard.save``,
``rows.add``, ``home.new``, ``meeting.next`` …; the README lists them."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from pmtui.errors import ConfigError


def binding_ids() -> dict[str, str]:
    """Every binding id pmtui defines, with what it does."""
    from pmtui.tui.screens.confirm import ConfirmScreen
    from pmtui.tui.screens.export import ExportScreen
    from pmtui.tui.screens.home import HomeScreen
    from pmtui.tui.screens.meeting import MeetingScreen
    from pmtui.tui.screens.paste_log import PasteLogScreen
    from pmtui.tui.screens.wizard import WizardScreen
    from pmtui.tui.widgets.steps import ListStepPane, TimelinePane

    found: dict[str, str] = {}
    for owner in (
        HomeScreen,
        WizardScreen,
        ListStepPane,
        TimelinePane,
        MeetingScreen,
        ConfirmScreen,
        ExportScreen,
        PasteLogScreen,
    ):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding.tooltip or binding.description)
    return found


def check_keymap(keys: Mapping[str, str]) -> dict[str, str]:
    """The ``[keys]`` table, checked: every id must be one of :func:`binding_ids`."""
    if not keys:
        return {}
    known = binding_ids()
    for binding_id, value in keys.items():
        if binding_id not in known:
            close = sorted(k for k in known if k.split(".")[-1] == binding_id.split(".")[-1])
            hint = f" (did you mean {close[0]!r}?)" if close else " (see the README's list)"
            raise ConfigError(f"[keys] unknown binding id {binding_id!r}{hint}")
        if not value.strip():
            raise ConfigError(f"[keys] {binding_id}: give one or more keys, e.g. 'ctrl+w'")
    return dict(keys)
