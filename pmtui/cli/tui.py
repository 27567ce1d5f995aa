"""The commands that start the Textual app: ``pmtui``, ``new``, ``open``, ``meeting``.

Textual is imported inside the functions so the other commands stay fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="start a new post-mortem in the wizard")
    p.add_argument("--title", default="", help="the incident's title")
    p.set_defaults(func=run_new)

    p = sub.add_parser("open", help="open a saved post-mortem in the wizard")
    p.add_argument("path", type=Path, help="the post-mortem's Markdown file")
    p.set_defaults(func=run_open)

    p = sub.add_parser("meeting", help="run the timed post-mortem meeting on a shared screen")
    p.add_argument("path", type=Path, nargs="?", help="the post-mortem to run the meeting on")
    p.add_argument("--agenda", help="agenda minutes, e.g. 5,15,10,15,5")
    p.add_argument("--theme", help="a Textual theme name, e.g. projector")
    p.set_defaults(func=run_meeting)


def run_home(args: argparse.Namespace) -> int:
    from pmtui.tui.app import run

    return run()


def run_new(args: argparse.Namespace) -> int:
    from pmtui.tui.app import run

    return run(new_title=args.title)


def run_open(args: argparse.Namespace) -> int:
    from pmtui.tui.app import run

    return run(open_path=args.path)


def run_meeting(args: argparse.Namespace) -> int:
    from pmtui.tui.app import run

    return run(open_path=args.path, meeting=True, agenda=args.agenda, theme=args.theme)
