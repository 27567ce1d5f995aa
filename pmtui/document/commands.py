"""``pmtui list`` and ``pmtui export`` (filled in by the documents issue)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the document subcommands to the CLI."""
