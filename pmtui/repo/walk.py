"""Walk a folder for Markdown files the way git sees it: ``.gitignore`` files (in the
folder, in the folders above it up to the repository's root, and in every subfolder)
and ``.git/info/exclude`` are honoured, hidden files and folders (``.git``, pmtui's
``.<name>.lock`` files) are skipped, and files come out in sorted order.

Patterns are matched by :mod:`pathspec`'s ``GitIgnoreSpec`` (git's wildmatch rules:
``**``, negation with ``!``, anchoring with ``/``, folder-only patterns). As in git, a
folder that is ignored is not entered, so a negation cannot bring back a file inside it.
No Textual here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

#: File names the walk yields.
SUFFIX = ".md"


@dataclass(frozen=True)
class Found:
    """One file the walk found, with what ``os.stat`` said about it."""

    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class _Rules:
    base: Path
    spec: pathspec.GitIgnoreSpec


def _read_rules(base: Path, file: Path) -> _Rules | None:
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    if not any(line.strip() and not line.startswith("#") for line in lines):
        return None
    return _Rules(base, pathspec.GitIgnoreSpec.from_lines(lines))


def repository_root(folder: Path) -> Path | None:
    """The folder holding ``.git`` at or above ``folder``, if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _outer_rules(folder: Path) -> list[_Rules]:
    """The ignore rules that apply to ``folder`` from the folders above it (root first)."""
    root = repository_root(folder)
    if root is None:
        return []
    rules: list[_Rules] = []
    exclude = _read_rules(root, root / ".git" / "info" / "exclude")
    if exclude is not None:
        rules.append(exclude)
    chain = [folder, *folder.parents]
    for directory in reversed(chain[: chain.index(root) + 1]):
        if directory == folder:
            break
        found = _read_rules(directory, directory / ".gitignore")
        if found is not None:
            rules.append(found)
    return rules


def _ignored(rules: list[_Rules], path: Path, is_dir: bool) -> bool:
    """git's answer: the last pattern that matches, in the deepest file, decides."""
    verdict = False
    for rule in rules:
        try:
            relative = path.relative_to(rule.base).as_posix()
        except ValueError:
            continue
        if is_dir:
            relative += "/"
        result = rule.spec.check_file(relative)
        if result.include is not None:
            verdict = result.include
    return verdict


def walk_markdown(folder: Path, *, gitignore: bool = True) -> Iterator[Found]:
    """Every ``*.md`` file under ``folder`` that git would not ignore, sorted by path.

    Raises ``FileNotFoundError``/``NotADirectoryError``/``OSError`` for ``folder``
    itself; unreadable subfolders are skipped.
    """
    folder = Path(os.path.abspath(folder))
    rules = _outer_rules(folder) if gitignore else []
    # A folder asked for by name is walked even if ignored (as ruff does with paths
    # given on the command line); what is ignored inside it is skipped.
    yield from _walk(folder, rules, gitignore, top=True)


def _walk(folder: Path, rules: list[_Rules], gitignore: bool, *, top: bool) -> Iterator[Found]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        if top:
            raise
        return
    if gitignore and any(e.name == ".gitignore" for e in entries):
        own = _read_rules(folder, folder / ".gitignore")
        if own is not None:
            rules = [*rules, own]
    subfolders: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                if not (gitignore and _ignored(rules, path, True)):
                    subfolders.append(path)
                continue
            if not entry.name.endswith(SUFFIX) or not entry.is_file():
                continue
            info = entry.stat()
        except OSError:
            continue
        if gitignore and _ignored(rules, path, False):
            continue
        yield Found(path, info.st_size, info.st_mtime_ns)
    for sub in subfolders:
        yield from _walk(sub, rules, gitignore, top=False)
