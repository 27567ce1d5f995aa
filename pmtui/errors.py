"""The one root of every error a user can cause.

The CLI prints ``pmtui: error: <str(exc)>`` and exits 2; the TUI shows ``str(exc)`` in a
notification (:func:`pmtui.tui.errors.report`). ``str(exc)`` is always one line that says
what is wrong and where (a file, a line, a config key). Anything else that escapes is a
bug, and shows as one.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str(exc)`` is a single line saying what and where."""

    def __init__(self, message: str = "") -> None:
        super().__init__(" ".join(str(message).split()))


class ConfigError(UserError):
    """A config file that exists but cannot be used (``PATH: [table] key: what is wrong``)."""
