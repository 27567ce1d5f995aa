"""Reading keys from the terminal: alt+letter is a key the moment it arrives.

Terminals send alt+n as ESC followed by ``n``. Textual's parser (8.2.8) waits for more
bytes after an ESC, to see whether an escape sequence follows, and only when nothing
arrives within ESCDELAY (100 ms) reads ESC + ``n`` as alt+n. Keys typed within that time
join the pending "sequence": ``\\x1bn10:10`` came out as ``^``, ``n``, ``1``, ``0``… and
alt+n never happened (typing straight after alt+n "added a row" but lost the text). An
ESC followed by a printable character that cannot start an escape sequence (anything but
``[``, ``O``, ``P``, ``]``) is alt+that character, decided at once: that is what this
parser adds. Installed by the app for the terminal drivers (:func:`install`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser

ESC = "\x1b"
#: Characters after ESC that begin an escape sequence (CSI, SS3, DCS, OSC).
SEQUENCE_STARTS = frozenset("[O P]".replace(" ", ""))


class PmtuiXTermParser(XTermParser):
    """Textual's parser, reading ESC + a printable character as alt+character at once."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        found = list(super()._sequence_to_key_events(sequence, alt))
        if found:
            yield from found
            return
        if (
            len(sequence) == 2
            and sequence[0] == ESC
            and sequence[1] not in SEQUENCE_STARTS
            and sequence[1] != ESC
            and sequence[1].isprintable()
        ):
            yield from super()._sequence_to_key_events(sequence[1], alt=True)


def install() -> None:
    """Make Textual's terminal drivers read keys with :class:`PmtuiXTermParser`."""
    import importlib

    for name in ("linux_driver", "linux_inline_driver", "web_driver"):
        try:
            module = importlib.import_module(f"textual.drivers.{name}")
        except ImportError:  # pragma: no cover - not on every platform
            continue
        if getattr(module, "XTermParser", None) is XTermParser:
            setattr(module, "XTermParser", PmtuiXTermParser)  # noqa: B010 - a module's global
