"""Errors the CLI turns into one line on stderr and exit status 2."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str(exc)`` is a single line saying what and where."""
