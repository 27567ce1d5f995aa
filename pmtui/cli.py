"""Command line: ``pmtui`` (the app), ``new``, ``open``, ``meeting``, ``list``,
``export``, ``lint``.

Textual is imported only by the commands that start the app, so ``list``,
``export`` and ``lint`` start fast. Every user error ends as one line on stderr
and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from pmtui import __version__
from pmtui.errors import UserError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmtui",
        description="Guide a team through a blameless post-mortem. "
        "With no command, opens the app on the list of saved post-mortems.",
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from pmtui.ui_commands import register as register_ui

    register_ui(sub)

    from pmtui.document.commands import register as register_documents

    register_documents(sub)

    from pmtui.blame.commands import register as register_blame

    register_blame(sub)
    from pmtui.importers.cli import register as register_import

    register_import(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from pmtui.ui_commands import run_home

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
