"""``pmtui lint [PATH...]``: report language that may read as blame, for CI and editors.

With no PATH, the folder of post-mortems (the project's ``postmortems_dir``) is linted.
Folders are walked for ``*.md`` as git sees them (``.gitignore`` honoured, hidden files
skipped); a file named on the command line is always linted; ``-`` reads standard input
(``--stdin-filename`` names it). What is found is what the wizard and Review show
(:mod:`pmtui.blame.lint`), less what ``<!-- pmtui: ignore-next-line -->`` or
``<!-- pmtui: off -->`` … ``<!-- pmtui: on -->`` silence and what ``--select``/``--ignore``
leave out. Output formats: :mod:`pmtui.blame.formats`. Exit status: 0 nothing found
(or ``--exit-zero``), 1 findings, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.errors import UserError
from pmtui.files import read_regular

STDIN_NAME = "<stdin>"


if TYPE_CHECKING:
    from pmtui.blame.lint import RuleInfo
    from pmtui.cli import Subcommands


def register(sub: Subcommands) -> None:
    """Add the lint subcommand to the CLI."""
    parser = sub.add_parser(
        "lint",
        help="report language that may read as blame in Markdown or text files",
        description="Report language that may read as blame, with a systems-focused reframe. "
        "With no PATH, lints the folder of post-mortems. Folders are searched for *.md "
        "(.gitignore honoured); '-' reads standard input. "
        "Exit status: 0 clean, 1 findings, 2 usage or I/O error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="file, folder or '-' for stdin")
    parser.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="text (path:line:col: category/rule: message), json (one array), github "
        "(workflow annotations) or sarif (SARIF 2.1.0 for code scanning)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings only, no summary line"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when something is found"
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rule ids or categories (comma-separated; repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="leave out these rule ids or categories (comma-separated; repeatable)",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list every rule with its category and exit"
    )
    parser.add_argument("--explain", metavar="RULE", help="explain one rule (or category)")
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report standard input ('-') under",
    )
    parser.add_argument(
        "--no-gitignore",
        action="store_true",
        help="walk folders without honouring .gitignore files",
    )
    parser.set_defaults(func=run_lint)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name}: not UTF-8 text") from None


def _read_file(path: Path) -> str:
    return _decode(read_regular(path) or b"", str(path))


def collect(
    paths: list[str],
    stdin: Callable[[], bytes],
    *,
    stdin_name: str = STDIN_NAME,
    gitignore: bool = True,
) -> Iterator[tuple[str, str]]:
    """Yield (display path, text) for every input, in the order given; files in a folder
    are shown under the folder as it was written (``docs/pm/a.md``)."""
    from pmtui.repo.walk import walk_markdown

    for raw in paths:
        if raw == "-":
            yield stdin_name, _decode(stdin(), stdin_name)
            continue
        path = Path(raw)
        if path.is_dir():
            try:
                found = list(walk_markdown(path, gitignore=gitignore))
            except OSError as exc:
                raise UserError(f"{path}: cannot list folder: {exc.strerror or exc}") from None
            base = Path(os.path.abspath(path))
            for item in found:
                shown = path / item.path.relative_to(base)
                yield str(shown), _read_file(item.path)
        else:
            yield raw, _read_file(path)


def _explain(name: str, rules: list[RuleInfo]) -> str:
    from pmtui.blame.lint import categories, check_names

    check_names("--explain", [name], rules)
    if name in categories():
        members = [r for r in rules if r.category == name]
        lines = [f"{name} (category): {len(members)} rule{'s' if len(members) != 1 else ''}"]
        lines += [f"  {r.id}" for r in members]
        lines.append(f"Explain one: pmtui lint --explain {members[0].id}" if members else "")
        return "\n".join(lines).rstrip() + "\n"
    [rule] = [r for r in rules if r.id == name]
    message = rule.message.replace("{match}", "…")
    lines = [
        f"{rule.id} ({rule.category})",
        "",
        f"Message:     {message}",
        f"Try instead: {rule.suggestion}",
    ]
    if rule.examples_match:
        lines += ["", "Flags, for example:"] + [f"  - {e}" for e in rule.examples_match]
    if rule.examples_nomatch:
        lines += ["", "Does not flag:"] + [f"  - {e}" for e in rule.examples_nomatch]
    lines += [
        "",
        f'Switch it off in the config: [blame] disable = ["{rule.id}"]',
        f"Allow it in one file: <!-- pmtui: allow {rule.id} -->; on one line: put "
        "<!-- pmtui: ignore-next-line --> on the line before",
    ]
    return "\n".join(lines) + "\n"


def _list_rules(rules: list[RuleInfo], fmt: str) -> str:
    import json

    if fmt == "json":
        data = [
            {"id": r.id, "category": r.category, "message": r.message, "suggestion": r.suggestion}
            for r in rules
        ]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    width = max(len(r.id) for r in rules)
    cat_width = max(len(r.category) for r in rules)
    return "".join(
        f"{r.id:<{width}}  {r.category:<{cat_width}}  {r.message.replace('{match}', '…')}\n"
        for r in rules
    )


def run_lint(args: argparse.Namespace) -> int:
    from pmtui.blame import Checker, formats
    from pmtui.blame.lint import LintFinding, RuleSelection, all_rules, check_names, lint_text

    rules = all_rules(args.settings.blame)
    if args.list_rules:
        sys.stdout.write(_list_rules(rules, args.format))
        return 0
    if args.explain:
        sys.stdout.write(_explain(args.explain, rules))
        return 0
    selection = RuleSelection(
        check_names("--select", args.select, rules), check_names("--ignore", args.ignore, rules)
    )
    paths = list(args.paths)
    if args.stdin_filename and "-" not in paths:
        raise UserError("--stdin-filename is for standard input; add '-' to read it")
    if not paths:
        folder = args.settings.drafts_dir()
        if not folder.is_dir():
            raise UserError(
                f"no PATH given, and the folder of post-mortems {folder} does not exist "
                "(pmtui init sets one up)"
            )
        paths = [str(folder)]
    checker = Checker(args.settings.blame)
    inputs = list(
        collect(
            paths,
            lambda: sys.stdin.buffer.read(),
            stdin_name=args.stdin_filename or STDIN_NAME,
            gitignore=not args.no_gitignore,
        )
    )
    findings: list[LintFinding] = []
    for name, text in inputs:
        findings.extend(lint_text(name, text, checker, selection=selection))
    if args.format == "json":
        sys.stdout.write(formats.as_json(findings))
    elif args.format == "github":
        sys.stdout.write(formats.github(findings))
    elif args.format == "sarif":
        sys.stdout.write(formats.sarif(findings, rules))
    else:
        sys.stdout.write(formats.text(findings))
    if findings and not args.quiet and args.format == "text":
        files = len({f.path for f in findings})
        print(
            f"pmtui lint: {len(findings)} finding{'s' if len(findings) != 1 else ''} in "
            f"{files} file{'s' if files != 1 else ''} ({len(inputs)} checked)",
            file=sys.stderr,
        )
    return 1 if findings and not args.exit_zero else 0
