"""The pre-commit hooks file: the lint hook's `files:` is scoped to the post-mortems
folder, and its entries are real pmtui commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from pmtui.cli import build_parser

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def _hooks() -> list[dict[str, str]]:
    """The hooks' scalar keys (the file is flat YAML: `- id:` starts a hook)."""
    hooks: list[dict[str, str]] = []
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        match = re.match(r"^(- |  )(\w+): (.*)$", line)
        assert match, f"unexpected line {line!r}"
        if match.group(1) == "- ":
            hooks.append({})
        hooks[-1][match.group(2)] = match.group(3)
    return hooks


def test_lint_hook_is_scoped_to_the_postmortems_folder() -> None:
    [lint] = [h for h in _hooks() if h["id"] == "pmtui-lint"]
    files = re.compile(lint["files"])
    assert files.search("docs/postmortems/2024-03-07-checkout.md")
    assert files.search("docs/postmortems/2024/q1.md")
    assert not files.search("README.md") and not files.search("docs/guide.md")


@pytest.mark.parametrize("hook", _hooks(), ids=lambda h: h["id"])
def test_entries_parse_as_pmtui_commands(hook: dict[str, str]) -> None:
    words = shlex.split(hook["entry"])
    assert words[0] == "pmtui"
    build_parser().parse_args(words[1:] + (["x.md"] if hook["id"] == "pmtui-lint" else []))
