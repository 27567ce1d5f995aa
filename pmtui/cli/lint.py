"""``pmtui lint PATH... | -``: report language that may read as blame.

Files are read as UTF-8 text; folders are searched recursively for ``*.md``; ``-``
reads standard input. What is found is what the wizard and Review show
(:mod:`pmtui.blame.lint`). Exit status: 0 nothing found, 1 findings, 2 usage or I/O
error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.errors import UserError
from pmtui.files import read_regular

STDIN_NAME = "<stdin>"


if TYPE_CHECKING:
    from pmtui.cli import Subcommands


def register(sub: Subcommands) -> None:
    """Add the lint subcommand to the CLI."""
    parser = sub.add_parser(
        "lint",
        help="report language that may read as blame in Markdown or text files",
        description="Report language that may read as blame, with a systems-focused reframe. "
        "Folders are searched for *.md; '-' reads standard input. "
        "Exit status: 0 clean, 1 findings, 2 usage or I/O error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or '-' for stdin")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (path:line:col: category/rule: message) or one JSON array",
    )
    parser.set_defaults(func=run_lint)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name}: not UTF-8 text") from None


def _read_file(path: Path) -> str:
    return _decode(read_regular(path) or b"", str(path))


def collect(paths: list[str], stdin: Callable[[], bytes]) -> Iterator[tuple[str, str]]:
    """Yield (display path, text) for every input, in the order given."""
    for raw in paths:
        if raw == "-":
            yield STDIN_NAME, _decode(stdin(), STDIN_NAME)
            continue
        path = Path(raw)
        if path.is_dir():
            try:
                files = sorted(p for p in path.rglob("*.md") if p.is_file())
            except OSError as exc:
                raise UserError(f"{path}: cannot list folder: {exc.strerror or exc}") from None
            for file in files:
                yield str(file), _read_file(file)
        else:
            yield raw, _read_file(path)


def run_lint(args: argparse.Namespace) -> int:
    from pmtui.blame import Checker
    from pmtui.blame.lint import LintFinding, lint_text

    checker = Checker(args.settings.blame)
    inputs = list(collect(args.paths, lambda: sys.stdin.buffer.read()))
    findings: list[LintFinding] = []
    for name, text in inputs:
        findings.extend(lint_text(name, text, checker))
    if args.format == "json":
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(f.as_text())
    return 1 if findings else 0
