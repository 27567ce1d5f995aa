"""``pmtui timeline PM.md --from LOG``: import a log into a post-mortem's timeline."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui import times
from pmtui.errors import UserError
from pmtui.files import read_regular
from pmtui.timeline.merge import merge_rows
from pmtui.timeline.parse import parse_log
from pmtui.timeline.preview import build_preview, render_preview
from pmtui.timeline.rows import Flag
from pmtui.timeline.zones import resolve_zone

if TYPE_CHECKING:
    from pmtui.cli import Subcommands
    from pmtui.config import Settings


def register(sub: Subcommands) -> None:
    """Add ``timeline`` to the CLI."""
    cmd = sub.add_parser(
        "timeline",
        help="add the events of a chat, paging or system log to a post-mortem's timeline",
        description="Read a log (Slack or Teams copy-paste or export, ISO 8601 lines, syslog "
        "or journalctl, PagerDuty or Opsgenie CSV, 'HH:MM text' notes, JSON lines), convert "
        "its times to UTC, show a preview and merge the rows into PM's timeline in time "
        "order, skipping rows already there. Speakers' names are replaced by 'responder' "
        "(or --role) unless --keep-names.",
    )
    cmd.add_argument("path", metavar="PM", type=Path, help="post-mortem Markdown file")
    cmd.add_argument(
        "--from",
        dest="log",
        metavar="LOG",
        required=True,
        help="the log file to import ('-' reads standard input)",
    )
    cmd.add_argument(
        "--tz",
        metavar="ZONE",
        help="zone of times written without one: an IANA name such as America/Los_Angeles, "
        "an offset such as -07:00, or an abbreviation (default: timezone in the config)",
    )
    cmd.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="date of lines without one (default: the post-mortem's date)",
    )
    cmd.add_argument("--keep-names", action="store_true", help="keep speakers' names in the rows")
    cmd.add_argument(
        "--role",
        metavar="NAME=ROLE",
        action="append",
        default=[],
        help="write ROLE instead of NAME (e.g. 'Jane Doe=incident commander'); repeatable",
    )
    cmd.add_argument("--dry-run", action="store_true", help="show the preview; change nothing")
    cmd.set_defaults(func=cmd_timeline)


def _read_log(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        where = name
        data = read_regular(Path(name)) or b""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{where}: not UTF-8 text (byte offset {exc.start})") from None


def _roles(pairs: Sequence[str], configured: Mapping[str, str]) -> dict[str, str]:
    roles = dict(configured)
    for pair in pairs:
        name, sep, role = pair.partition("=")
        if not sep or not name.strip() or not role.strip():
            raise UserError(f"--role {pair!r} must be NAME=ROLE")
        roles[name.strip()] = role.strip()
    return roles


def cmd_timeline(args: argparse.Namespace) -> int:
    from pmtui.document.storage import load, save

    settings: Settings = args.settings
    doc = load(args.path)
    text = _read_log(args.log)
    zone = args.tz or settings.timezone
    default_date = doc.date
    if args.date:
        try:
            default_date = times.parse_date(args.date)
        except ValueError as exc:
            raise UserError(f"--date: {exc}") from None
    if zone is not None:
        try:
            resolve_zone(zone)
        except ValueError as exc:
            where = "--tz" if args.tz else "timezone in the config"
            raise UserError(f"{where}: {exc}") from None
    parsed = parse_log(
        text,
        zone=zone,
        default_date=default_date,
        keep_names=args.keep_names,
        roles=_roles(args.role, settings.timeline.roles),
    )
    zoneless = [r for r in parsed.rows if Flag.ZONE_MISSING in r.flags]
    if zoneless:
        first = zoneless[0]
        raise UserError(
            f"line {first.line} ({first.source_time!r}) has no time zone: pass --tz ZONE "
            "(e.g. --tz America/Los_Angeles) or set timezone in the config"
        )
    dateless = [r for r in parsed.rows if Flag.DATE_MISSING in r.flags]
    if dateless:
        raise UserError(
            f"line {dateless[0].line} has no date and {args.path} has none: pass --date YYYY-MM-DD"
        )
    if not parsed.rows and parsed.unparsed:
        first_line = parsed.unparsed[0]
        raise UserError(
            f"{args.log}: no events found; line {first_line.line} was not understood "
            f"({first_line.reason})"
        )
    result = merge_rows(doc.timeline, parsed.rows, doc_date=doc.date)
    from pmtui.blame import Checker
    from pmtui.timeline.check import import_check

    check = import_check(Checker(settings.blame), parsed.rows, doc)
    preview = build_preview(parsed, result, check=check)
    sys.stdout.write(render_preview(preview))
    if result.held:
        print(
            f"{len(result.held)} row(s) held: their wall time does not exist or exists twice "
            "in its zone; write the UTC offset on those lines and import again",
            file=sys.stderr,
        )
    if args.dry_run:
        print(f"Dry run: {args.path} not changed ({result.added} row(s) would be added).")
        return 0
    if result.added == 0:
        print(f"Nothing to add: {args.path} not changed.")
        return 0
    doc.timeline = result.entries
    save(doc, args.path)
    print(
        f"Added {result.added} row(s) to {args.path}"
        + (f"; {result.skipped} already there" if result.skipped else "")
        + "."
    )
    return 0
