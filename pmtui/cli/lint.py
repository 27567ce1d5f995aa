"""``pmtui lint PATH... | -``: report language that may read as blame.

Files are read as UTF-8 text; folders are searched recursively for ``*.md``; ``-``
reads standard input. Files that parse as post-mortems also get action-item
checks (owner, due date, overdue, person-directed), reported on the line of the
action item. Exit status: 0 nothing found, 1 findings, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmtui.errors import UserError

STDIN_NAME = "<stdin>"


def register(sub: argparse._SubParsersAction) -> None:
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


@dataclass(frozen=True)
class LintFinding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    match: str
    message: str
    suggestion: str

    def as_text(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.category}/{self.rule}: "
            f"{self.message} (try: {self.suggestion})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name}: not UTF-8 text") from None


def _read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a directory") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return _decode(data, str(path))


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


def _action_rows(lines: list[str]) -> list[int]:
    """0-based line numbers of the Action Items table's data rows."""
    rows: list[int] = []
    in_section = False
    seen_header = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            in_section = stripped.lstrip("#").strip().lower() == "action items"
            seen_header = False
            continue
        if not in_section or not stripped.startswith("|"):
            continue
        if not seen_header:
            seen_header = True
            continue
        if set(stripped) <= set("|:- "):
            continue
        rows.append(number)
    return rows


def lint_text(
    name: str, text: str, *, config: Any = None, today: dt.date | None = None
) -> list[LintFinding]:
    """Blame findings for one text, plus action-item checks when it is a post-mortem."""
    from pmtui.blame.engine import check_action_item, people_in, scan

    doc = _as_postmortem(text, name)
    cfg = config
    if doc is not None:
        from pmtui.blame.engine import BlameConfig

        cfg = (config or BlameConfig()).with_names(people_in(doc))
    results = [
        LintFinding(name, f.line, f.column, f.end_line, f.end_column, f.rule, f.category,
                    f.match, f.message, f.suggestion)
        for f in scan(text, config=cfg, allowed=doc.allowed if doc is not None else ())
    ]  # fmt: skip
    if doc is None or not doc.action_items:
        return results
    lines = text.splitlines()
    rows = _action_rows(lines)
    allowed = {a.rule for a in doc.allowed if a.match is None}
    person: set[int] = set()  # lines of person-directed actions
    for index, item in enumerate(doc.action_items):
        row = rows[index] if index < len(rows) else None
        line_text = lines[row] if row is not None else ""
        at = line_text.find(item.action) if item.action else -1
        for f in check_action_item(item, today=today or dt.date.today(), config=cfg):
            if f.rule == "action-person-directed" and row is not None:
                person.add(row + 1)
            if f.rule in allowed or f.category in allowed:
                continue
            if row is None:
                line, col, end_col = 1, 1, 1
            elif at >= 0:
                line, col, end_col = row + 1, at + f.start + 1, at + f.end + 1
            else:
                line, col, end_col = row + 1, 1, len(line_text) + 1
            results.append(
                LintFinding(name, line, col, line, end_col, f.rule, f.category, f.match,
                            f.message, f.suggestion)
            )  # fmt: skip
    # Person-directed actions are reported once, as action-item findings.
    results = [r for r in results if not (r.category == "bad_action_item" and r.line in person)]
    results.sort(key=lambda r: (r.line, r.column, r.rule))
    return results


def _as_postmortem(text: str, name: str) -> Any:
    """The parsed post-mortem, or None when the text is not one (or no reader exists)."""
    if "# Post-Mortem" not in text:
        return None
    try:
        from pmtui.document.markdown import from_markdown
    except ImportError:
        return None
    try:
        return from_markdown(text, name)
    except (UserError, ValueError):
        return None


def run_lint(args: argparse.Namespace) -> int:
    from pmtui.blame.engine import load_blame_config
    from pmtui.config import ConfigError

    try:
        config = load_blame_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    inputs = list(collect(args.paths, lambda: sys.stdin.buffer.read()))
    findings: list[LintFinding] = []
    for name, text in inputs:
        findings.extend(lint_text(name, text, config=config))
    if args.format == "json":
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(f.as_text())
    return 1 if findings else 0
