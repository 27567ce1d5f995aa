"""Folder walking honours .gitignore as git does (pathspec's wildmatch rules)."""

from __future__ import annotations

from pathlib import Path

from pmtui.repo.walk import walk_markdown


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")


def names(folder: Path, **kw: bool) -> list[str]:
    return [f.path.relative_to(folder).as_posix() for f in walk_markdown(folder, **kw)]


def test_gitignore_rules_nested_negation_and_parent_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / ".git" / "info" / "exclude").write_text("secret-*.md\n", encoding="utf-8")
    (repo / ".gitignore").write_text("build/\n*.tmp.md\n", encoding="utf-8")
    folder = repo / "docs" / "pm"
    _tree(folder, ["a.md", "b.tmp.md", "keep.tmp.md", "build/x.md", "2024/c.md",
                   "2024/private/d.md", "secret-e.md", ".hidden.md", "notes.txt",
                   "archive/old.md"])  # fmt: skip
    (folder / ".gitignore").write_text("!keep.tmp.md\narchive/\n", encoding="utf-8")
    (folder / "2024" / ".gitignore").write_text("private\n", encoding="utf-8")
    assert names(folder) == ["a.md", "keep.tmp.md", "2024/c.md"]
    assert names(folder, gitignore=False) == [
        "a.md", "b.tmp.md", "keep.tmp.md", "secret-e.md", "2024/c.md", "2024/private/d.md",
        "archive/old.md", "build/x.md",
    ]  # fmt: skip


def test_outside_a_repository_gitignore_files_in_the_folder_still_count(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md", "skip/b.md"])
    (tmp_path / ".gitignore").write_text("skip/\n", encoding="utf-8")
    assert names(tmp_path) == ["a.md"]
