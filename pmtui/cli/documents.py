"""``pmtui list`` and ``pmtui export``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui import paths
from pmtui.document.export import FORMATS, export
from pmtui.document.storage import atomic_write_text, load

if TYPE_CHECKING:
    from pmtui.cli import Subcommands


def register(sub: Subcommands) -> None:
    """Add the document subcommands to the CLI."""
    listing = sub.add_parser(
        "list",
        help="list saved post-mortems, newest first",
        description="List the post-mortems in the folder of post-mortems (the project's "
        f"postmortems_dir, else {paths.drafts_dir()}), newest first.",
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="print a JSON array of objects with path, title, date, severity, modified, error",
    )
    listing.set_defaults(func=cmd_list)

    exporting = sub.add_parser(
        "export",
        help="write a post-mortem as Markdown, JSON or HTML",
        description="Read a post-mortem file and write it as Markdown, JSON or a standalone "
        "HTML page, to standard output or to OUT (written atomically).",
    )
    exporting.add_argument("path", metavar="PATH", type=Path, help="post-mortem Markdown file")
    exporting.add_argument(
        "--format", "-f", choices=FORMATS, default="md", help="output format (default: md)"
    )
    exporting.add_argument(
        "-o", "--output", metavar="OUT", type=Path, help="write to OUT instead of stdout"
    )
    exporting.set_defaults(func=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    from pmtui.repo.index import Index, newest_first

    folder = args.settings.drafts_dir()
    listings = newest_first(Index(folder).refresh(warnings=False))
    if args.json:
        rows = [
            {
                "path": str(item.path),
                "title": item.title,
                "date": item.date.isoformat() if item.date else None,
                "severity": item.severity,
                "modified": item.modified.isoformat(timespec="seconds"),
                "error": item.error,
            }
            for item in listings
        ]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not listings:
        print(f"No post-mortems yet in {folder}. Start one with: pmtui new")
        return 0
    for item in listings:
        date = item.date.isoformat() if item.date else "(no date)"
        if item.error:
            print(f"{date:<10}  {'?':<5}  (cannot read: {item.error})")
            continue
        title = item.title or "(untitled)"
        print(f"{date:<10}  {item.severity or '-':<5}  {title}  [{item.path}]")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    doc = load(args.path)
    text = export(doc, args.format, timezone=args.settings.timezone)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write_text(args.output, text)
    return 0
