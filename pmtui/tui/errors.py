"""Errors in the app: every :class:`pmtui.errors.UserError` becomes one notification,
from one place (the CLI turns the same errors into one line on stderr)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.widget import Widget

from pmtui.errors import UserError

#: Whatever can show a notification.
Notifier = Widget | App[Any]


def report(node: Notifier, doing: str, exc: BaseException | str) -> None:
    """``Could not <doing>: <what is wrong>`` as an error notification."""
    node.notify(f"Could not {doing}: {exc}", severity="error", timeout=10, markup=False)


@dataclass
class Outcome:
    """Whether the block of :func:`reporting` ran without a user error."""

    ok: bool = True


@contextmanager
def reporting(node: Notifier, doing: str) -> Iterator[Outcome]:
    """Run the block; a user error in it is reported (not raised) and ``outcome.ok``
    is False afterwards::

        with reporting(self, "export") as outcome:
            write(...)
        if outcome.ok:
            self.notify("Exported")
    """
    outcome = Outcome()
    try:
        yield outcome
    except UserError as exc:
        outcome.ok = False
        report(node, doing, exc)
