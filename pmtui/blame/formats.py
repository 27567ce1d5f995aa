"""``pmtui lint``'s output formats, after ruff's: ``text`` (``path:line:col: category/rule:
message (try: reframe)``), ``json`` (one array), ``github`` (workflow-command annotations a
GitHub Actions run shows on the pull request's lines) and ``sarif`` (SARIF 2.1.0, for code
scanning). No Textual here."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from pmtui import __version__
from pmtui.blame.lint import LintFinding, RuleInfo

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def text(findings: Sequence[LintFinding]) -> str:
    return "".join(f.as_text() + "\n" for f in findings)


def as_json(findings: Sequence[LintFinding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- GitHub


def escape_data(value: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (``%``, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A workflow command's property value: as data, and ``:`` and ``,`` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def relative(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to the current folder (POSIX separators) when it is inside it;
    else as given. GitHub and code scanning want paths relative to the checkout."""
    if path.startswith("<"):
        return path
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    try:
        return Path(os.path.abspath(path)).relative_to(cwd).as_posix()
    except ValueError:
        return Path(path).as_posix()


def github(findings: Sequence[LintFinding], cwd: Path | None = None) -> str:
    """One ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` line
    per finding."""
    lines = []
    for f in findings:
        props = {
            "file": relative(f.path, cwd),
            "line": str(f.line),
            "col": str(f.column),
            "endLine": str(f.end_line),
            "endColumn": str(f.end_column),
            "title": f"pmtui {f.category}/{f.rule}",
        }
        joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        message = escape_data(f"{f.message} (try: {f.suggestion})")
        lines.append(f"::warning {joined}::{message}\n")
    return "".join(lines)


# --------------------------------------------------------------------------- SARIF


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """A URI reference for ``path``: relative to the current folder when inside it
    (percent-encoded), else a ``file://`` URI."""
    shown = relative(path, cwd)
    if Path(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(str(PurePosixPath(shown)), safe="/")


def _short(message: str) -> str:
    text = message.replace("'{match}'", "this phrase").replace("{match}", "this phrase")
    return text[:1].upper() + text[1:]


def sarif(
    findings: Sequence[LintFinding], rules: Sequence[RuleInfo], cwd: Path | None = None
) -> str:
    """A SARIF 2.1.0 log: one run, pmtui's rules in ``tool.driver.rules``, one result
    per finding (columns are Unicode code points, end columns exclusive, as SARIF's)."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver_rules: list[dict[str, Any]] = [
        {
            "id": rule.id,
            "name": rule.id.replace("-", " ").title().replace(" ", ""),
            "shortDescription": {"text": _short(rule.message)},
            "fullDescription": {"text": f"{_short(rule.message)}. Try: {rule.suggestion}"},
            "help": {"text": rule.suggestion},
            "defaultConfiguration": {"level": "warning"},
            "properties": {"category": rule.category, "tags": [rule.category, "blameless"]},
        }
        for rule in rules
    ]
    results: list[dict[str, Any]] = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": "warning",
            "message": {"text": f"{f.message} (try: {f.suggestion})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(f.path, cwd)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "snippet": {"text": f.match},
                        },
                    }
                }
            ],
            "properties": {"category": f.category},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pmtui",
                        "version": __version__,
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
