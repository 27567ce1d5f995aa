"""The commands that look across the folder of post-mortems: ``init``, ``actions``,
``search`` and ``report``. They read the folder through the index in the cache folder
(:mod:`pmtui.repo.index`), so a warm run re-reads only changed files. A file that cannot
be read is one line on stderr; the others are still listed."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.errors import UserError

if TYPE_CHECKING:
    from pmtui.cli import Subcommands
    from pmtui.repo.index import Entry


def register(sub: Subcommands) -> None:
    """Add ``init``, ``actions``, ``search`` and ``report`` to the CLI."""
    from pmtui.repo.actions import STATUS_FILTERS

    p = sub.add_parser(
        "init",
        help="set up a folder (a git repository) for the team's post-mortems",
        description="Write a commented .pmtui.toml in DIR (default: the current folder) "
        'with postmortems_dir = "docs/postmortems", and create that folder. An existing '
        ".pmtui.toml is never overwritten.",
    )
    p.add_argument("directory", nargs="?", type=Path, default=Path("."), metavar="DIR")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "actions",
        help="list every action item across the post-mortems (follow-through)",
        description="List the action items of every post-mortem in the folder, with file, "
        "line, post-mortem, owner, due date, status, verification and days overdue. "
        "Exit status: 1 with --overdue when any item is overdue (for CI reminders), else 0.",
    )
    p.add_argument("--owner", metavar="@NAME", help="only this owner's items (@dana or dana)")
    p.add_argument("--status", choices=tuple(STATUS_FILTERS), help="open = pending or in-progress")
    p.add_argument("--overdue", action="store_true", help="only overdue items (exit 1 if any)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(func=cmd_actions)

    p = sub.add_parser(
        "search",
        help="search every post-mortem's text",
        description="Search titles, summaries, timelines, Five Whys, gaps, action items, "
        'learnings and kept sections. Every word (or "quoted phrase") must be in the same '
        "field; any case. Prints file, line, field and a snippet per hit. "
        "Exit status: 0 with hits, 1 without.",
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "report",
        help="what the post-mortems say together: severities, gaps, follow-through, learnings",
        description="Post-mortems by severity and month, process gaps by type with their "
        "fix category, action items opened and done, completion rate, median days from "
        "post-mortem to done (done dates come from git), overdue items by owner and the "
        "most frequent words of the key learnings.",
    )
    p.add_argument("--since", metavar="DATE", help="only post-mortems dated on or after DATE")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("-o", "--output", metavar="OUT", type=Path, help="write to OUT (atomically)")
    p.set_defaults(func=cmd_report)


# --------------------------------------------------------------------------- helpers


def read_folder(args: argparse.Namespace) -> list[Entry]:
    """The folder's post-mortems through the index (no warning counts needed); each
    unreadable file is one line on stderr."""
    from pmtui.repo.index import Index

    entries = Index(args.settings.drafts_dir()).refresh(warnings=False)
    for entry in entries:
        if entry.error is not None:
            print(f"pmtui: warning: {entry.error}", file=sys.stderr)
    return entries


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pmtui.document.storage import atomic_write_text

    atomic_write_text(output, text)


# --------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from pmtui.repo.init import init

    config, folder = init(args.directory)
    print(f"Wrote {config}; post-mortems go in {folder}")
    print('Next: pmtui new --title "…"   (commit .pmtui.toml and the folder)')
    return 0


def cmd_actions(args: argparse.Namespace) -> int:
    from pmtui.repo.actions import FIELDS, ActionQuery, as_dict, display_path, query

    today = dt.date.today()
    rows = query(
        read_folder(args),
        ActionQuery(owner=args.owner, status=args.status, overdue=args.overdue),
        today,
    )
    if args.format == "json":
        _write(
            json.dumps([as_dict(r, today) for r in rows], indent=2, ensure_ascii=False) + "\n", None
        )
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(as_dict(row, today))
    elif not rows:
        print("No action items match." if (args.owner or args.status or args.overdue) else
              "No action items yet.")  # fmt: skip
    else:
        for row in rows:
            late = row.overdue_days(today)
            due = row.due.isoformat() if row.due else "no due date"
            note = f"  ({late} day{'s' if late != 1 else ''} overdue)" if late else ""
            print(
                f"{display_path(row.path)}:{row.line}: {row.status.value:<11} {due:<11} "
                f"{row.owner or '(no owner)'}  {row.action}{note}"
            )
    if args.overdue and any(r.overdue_days(today) for r in rows):
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from pmtui.repo.actions import display_path
    from pmtui.repo.search import search

    text = " ".join(args.query)
    hits = search(read_folder(args), text)
    if args.format == "json":
        data = [
            {
                "path": display_path(h.path),
                "line": h.line,
                "postmortem": h.postmortem,
                "field": h.field,
                "label": h.label,
                "snippet": h.snippet,
            }
            for h in hits
        ]
        _write(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
    else:
        for h in hits:
            print(f"{display_path(h.path)}:{h.line}: {h.label}: {h.snippet}")
    return 0 if hits else 1


def cmd_report(args: argparse.Namespace) -> int:
    from pmtui import times
    from pmtui.repo import gitdates, render, report

    since = None
    if args.since:
        try:
            since = times.parse_date(args.since)
        except ValueError:
            raise UserError(f"--since {args.since!r} is not a date; write YYYY-MM-DD") from None
    folder = args.settings.drafts_dir()
    entries = read_folder(args)
    built = report.build(
        entries, today=dt.date.today(), since=since, done_dates=gitdates.done_dates(folder)
    )
    if args.format == "json":
        text = json.dumps(built.as_dict(), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "html":
        text = render.html(built, folder)
    else:
        text = render.text(built, folder)
    _write(text, args.output)
    return 0
