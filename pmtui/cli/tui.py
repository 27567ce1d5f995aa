"""The commands that start the Textual app: ``pmtui``, ``new``, ``open``, ``meeting``.

Everything that can be refused is checked here, before the app starts, so a bad file,
``--agenda``, theme or key map is one line and exit status 2 (the settings were read
and checked by :func:`pmtui.cli.main`). Textual is imported only by :func:`_run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmtui.cli import Subcommands


def register(sub: Subcommands) -> None:
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
    p.add_argument(
        "--follow",
        action="store_true",
        help="watch a meeting another pmtui runs on PATH (read-only, no lock)",
    )
    p.set_defaults(func=run_meeting)

    p = sub.add_parser("serve", help="publish a meeting's follower view to web browsers")
    p.add_argument("path", type=Path, help="the post-mortem whose meeting to publish")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: localhost)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--theme", help="a Textual theme name, e.g. projector")
    p.set_defaults(func=run_serve)


def run_home(args: argparse.Namespace) -> int:
    return _run(args)


def run_new(args: argparse.Namespace) -> int:
    return _run(args, new_title=args.title)


def run_open(args: argparse.Namespace) -> int:
    return _run(args, open_path=args.path)


def run_meeting(args: argparse.Namespace) -> int:
    from pmtui.meeting.agenda import resolve_agenda

    if args.follow:
        return _follow(args)

    # a bad --agenda: one line, exit 2
    minutes = resolve_agenda(args.agenda, args.settings.meeting.agenda)
    return _run(args, open_path=args.path, meeting=True, agenda=minutes, theme=args.theme)


def _follow(args: argparse.Namespace) -> int:
    """``pmtui meeting FILE --follow``: read-only; the file is read, never locked."""
    from pmtui.document.storage import load
    from pmtui.errors import UserError

    if args.path is None:
        raise UserError("--follow needs the post-mortem file the meeting runs on")
    load(args.path)  # a file that does not parse: one line, exit 2
    from pmtui.tui.app import PmtuiApp

    app = PmtuiApp(settings=args.settings, open_path=args.path, follow=True, theme=args.theme)
    app.run()
    return app.return_code or 0


def run_serve(args: argparse.Namespace) -> int:
    """``pmtui serve FILE``: the follower view in browsers, through textual-serve."""
    import shlex

    from pmtui.document.storage import load
    from pmtui.errors import UserError

    load(args.path)
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError("pmtui serve needs textual-serve: pip install 'pmtui[serve]'") from None
    command = [sys.executable, "-m", "pmtui", "meeting", str(args.path.resolve()), "--follow"]
    if args.theme:
        command += ["--theme", args.theme]
    print(
        f"pmtui: serving the meeting on {args.path} at http://{args.host}:{args.port}",
        file=sys.stderr,
    )
    Server(shlex.join(command), host=args.host, port=args.port, title="pmtui meeting").serve()
    return 0


def _run(
    args: argparse.Namespace,
    *,
    new_title: str | None = None,
    open_path: Path | None = None,
    meeting: bool = False,
    agenda: tuple[float, ...] | None = None,
    theme: str | None = None,
) -> int:
    import_layout = None
    if open_path is not None:
        # A file that does not parse: one clear line (PATH:LINE: what), exit 2, and the
        # file is never touched; one in another common layout is offered for import.
        from pmtui.document.errors import DocumentError
        from pmtui.document.storage import load, read_text

        try:
            load(open_path)
        except DocumentError:
            from pmtui.importers import looks_importable

            import_layout = looks_importable(read_text(open_path))
            if import_layout is None or meeting:
                raise
        from pmtui.document.lock import check

        check(open_path)  # a FIFO at the lock path: one line, not a hang in the app
    from pmtui.tui.app import PmtuiApp

    app = PmtuiApp(
        settings=args.settings,
        new_title=new_title,
        open_path=open_path,
        import_layout=import_layout,
        meeting=meeting,
        agenda_minutes=agenda,
        theme=theme,
    )
    app.run()
    for note in app.exit_notes:
        print(f"pmtui: {note}", file=sys.stderr)
    return app.return_code or 0
