"""The footer: the screen's most useful keys first, and only as many as fit.

Textual's footer lists keys in the order of the focus chain (the focused widget's first,
the screen's last) and cuts what overflows, mid-word: at 80 columns the wizard showed the
row keys and lost Review and Home, and a stray letter of a cut label stood after
"palette". Here the order is by :data:`IMPORTANCE` (binding ids), keys that do not fit
the width are left out (the palette and the tooltips still have them), and nothing is cut.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Binding ids, most important first; ids not listed come after, in their own order.
IMPORTANCE: tuple[str, ...] = (
    "wizard.next-step",
    "wizard.previous-step",
    "rows.add",
    "rows.delete",
    "wizard.review",
    "wizard.home",
    "rows.undo",
    "timeline.paste_log",
    "timeline.sort",
    "wizard.allow-warning",
    "wizard.export",
    "wizard.save",
    "rows.up",
    "rows.down",
)
#: Columns kept free for the command palette's key at the right.
PALETTE_WIDTH = 12


def _rank(binding: Binding) -> int:
    try:
        return IMPORTANCE.index(binding.id or "")
    except ValueError:
        return len(IMPORTANCE)


def _width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes (key, a space, the description, a gap)."""
    return len(key_display) + 1 + len(description) + 1


class PmtuiFooter(Footer):
    """A compact footer ordered by importance that never overflows."""

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown: list[tuple[Binding, bool, str]] = []
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, tooltip))
        shown.sort(key=lambda item: _rank(item[0]))
        room = max(0, (self.app.size.width or 80) - PALETTE_WIDTH)
        keys = list(self._fitting(shown, room))
        self.styles.grid_size_columns = len(keys)
        yield from keys
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )

    def _fitting(self, shown: list[tuple[Binding, bool, str]], room: int) -> Iterable[FooterKey]:
        used = 0
        for binding, enabled, tooltip in shown:
            display = self.app.get_key_display(binding)
            width = _width(display, binding.description)
            if used + width > room:
                continue  # a less important key that is shorter may still fit
            used += width
            yield FooterKey(
                binding.key,
                display,
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip or binding.description,
            ).data_bind(compact=Footer.compact)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)
