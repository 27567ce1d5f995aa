"""Command line: ``pmtui`` (the app), ``new``, ``open``, ``meeting``, ``list``,
``export``, ``lint``. One module per group of subcommands:

- :mod:`.tui`: the commands that start the Textual app (``pmtui``, ``new``, ``open``,
  ``meeting``); Textual is imported only when they run, so the others start fast;
- :mod:`.documents`: ``list`` and ``export``;
- :mod:`.lint`: ``lint``.

The settings (:mod:`pmtui.config`) are read once, before any command runs, and passed
to it as ``args.settings``. Every user error (:class:`pmtui.errors.UserError`, a bad
config included) ends as one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TypeAlias

from pmtui import __version__, paths
from pmtui.errors import UserError


class Parser(argparse.ArgumentParser):
    """Usage errors are one line and exit status 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


#: What each subcommand module's ``register(sub)`` adds its commands to.
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="pmtui",
        description="Guide a team through a blameless post-mortem. "
        "With no command, opens the app on the list of saved post-mortems.",
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    parser.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        help=f"read settings from PATH too (also ${paths.CONFIG_ENV}); it wins over the "
        f"project's {paths.PROJECT_CONFIG_NAME} and the user's config.toml",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    from pmtui.cli import documents, lint, tui

    tui.register(sub)
    documents.register(sub)
    lint.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        from pmtui.config import load_settings

        args.settings = load_settings(args.config)
        func = getattr(args, "func", None)
        if func is None:
            from pmtui.cli.tui import run_home

            return run_home(args)
        return int(func(args) or 0)
    except UserError as exc:
        print(f"pmtui: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
