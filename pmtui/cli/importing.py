"""``pmtui import FILE [-o OUT] [--layout NAME] [--dry-run] [--force]``.

Converts a post-mortem written in another layout to pmtui's format: "what went where"
(one line per move) on stderr, the Markdown on stdout or in OUT (written atomically,
never over an existing file without ``--force``). Bad input ends as one line on stderr
and exit status 2 (raised as ``UserError``; ``pmtui.cli.main`` prints it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.document.markdown import to_markdown
from pmtui.document.storage import atomic_write_text
from pmtui.errors import UserError

if TYPE_CHECKING:
    from pmtui.cli import Subcommands
from pmtui.importers.convert import import_file
from pmtui.importers.layouts import LAYOUTS, find_layout


def register(sub: Subcommands) -> None:
    """Add ``pmtui import`` to the CLI."""
    names = ", ".join(name for name, layout in LAYOUTS.items())
    parser = sub.add_parser(
        "import",
        help="convert a post-mortem written in another layout into pmtui's format",
        description="Convert a post-mortem written after another template (Google SRE book "
        "example, PagerDuty, Atlassian, the dastergon/postmortem-templates ones) into "
        "pmtui's format. Prints what went where on stderr; writes the Markdown to stdout "
        "or OUT. Nothing is dropped: what has no pmtui field is kept as an extra section.",
    )
    parser.add_argument("path", metavar="FILE", type=Path, help="the post-mortem to convert")
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, help="write to OUT instead of stdout"
    )
    parser.add_argument(
        "--layout",
        metavar="NAME",
        help=f"the file's layout, instead of detecting it: one of {names}",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="only print what would go where; write nothing"
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    source: Path = args.path
    output: Path | None = args.output
    if args.layout is not None and find_layout(args.layout) is None:
        raise UserError(f"unknown layout {args.layout!r}; known layouts: {', '.join(LAYOUTS)}")
    if output is not None and not args.dry_run:
        if output.exists() and source.exists() and output.resolve() == source.resolve():
            raise UserError(f"{output}: is the file being imported; write to another file")
        if (output.exists() or output.is_symlink()) and not args.force:
            raise UserError(f"{output}: already exists; pass --force to overwrite it")
    result = import_file(source, args.layout)
    if not args.dry_run:
        text = to_markdown(result.doc)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            atomic_write_text(output, text)
    # what went where, once the output is safe (a failed write is one line on its own)
    layout = LAYOUTS[result.layout]
    how = "as asked" if args.layout else f"detected, {result.confidence:.0%} match"
    print(f"{source}: {layout.title} ({how})", file=sys.stderr)
    for move in result.moves:
        print(f"  {move}", file=sys.stderr)
    if output is not None and not args.dry_run:
        print(f"wrote {output}", file=sys.stderr)
    return 0
