"""``pmtui lint`` (filled in by the blame-engine issue)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the lint subcommand to the CLI."""
