"""``[keys]`` in the config: remap any key binding by its id (Textual's keymaps, as in
posting). ``pmtui``'s binding ids are namespaced by where they act: ``wizard.save``,
``rows.add``, ``home.new``, ``meeting.next`` …; the README lists them."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.dom import DOMNode

from pmtui.errors import ConfigError


def binding_ids() -> dict[str, str]:
    """Every binding id pmtui defines, with what it does: found on every screen and widget
    class in ``pmtui.tui``, so a new screen's bindings are remappable without a list to
    keep up to date."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import pmtui.tui

    for module in pkgutil.walk_packages(pmtui.tui.__path__, "pmtui.tui."):
        importlib.import_module(module.name)
    found: dict[str, str] = {}
    for owner in sorted(_subclasses(DOMNode), key=lambda cls: cls.__qualname__):
        if not owner.__module__.startswith("pmtui."):
            continue
        for binding in owner.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding.tooltip or binding.description)
    return found


def _subclasses(cls: type[DOMNode]) -> set[type[DOMNode]]:
    every: set[type[DOMNode]] = set()
    for sub in cls.__subclasses__():
        every |= {sub, *_subclasses(sub)}
    return every


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
