"""Where settings come from, as a team in a git repository meets them: the user config,
then the nearest project config found from the current folder upward (``.pmtui.toml``
or ``[tool.pmtui]`` in ``pyproject.toml``), then ``--config`` / ``PMTUI_CONFIG``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.config import find_project_config, load_settings

BLAMEFUL = """# Post-Mortem: Checkout outage

## Summary
Sam should have checked the config before the push.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with a project config at its root and a deep subfolder."""
    root = tmp_path / "team-repo"
    (root / "services" / "payments" / "docs").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest.fixture
def user_config() -> Path:
    return write(
        paths.config_file(),
        '[meeting]\nagenda = [1, 2, 3, 4, 5]\n[blame]\nnames = ["Zed"]\n[ui]\ntheme = "nord"\n',
    )


def test_a_project_config_found_from_a_subfolder_wins_over_the_user_config(
    repo: Path, user_config: Path
) -> None:
    project = write(
        repo / ".pmtui.toml",
        'postmortems_dir = "docs/postmortems"\n[meeting]\nagenda = [9, 9, 9, 9, 9]\n',
    )
    settings = load_settings(cwd=repo / "services" / "payments" / "docs")
    assert settings.sources == (user_config, project)
    assert settings.meeting.agenda == (9, 9, 9, 9, 9)  # the project's, table by table
    assert settings.blame.names == ("Zed",)  # keys the project does not set stay the user's
    assert settings.ui.theme == "nord"
    # A relative folder is relative to the file that sets it, not to the current folder.
    assert settings.drafts_dir() == repo / "docs" / "postmortems"


def test_pyproject_tool_table_is_found_and_dotfile_wins_in_the_same_folder(repo: Path) -> None:
    pyproject = write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n[tool.pmtui.meeting]\nagenda = [7, 7, 7, 7, 7]\n',
    )
    sub = repo / "services" / "payments"
    assert find_project_config(sub) == pyproject
    assert load_settings(cwd=sub).meeting.agenda == (7, 7, 7, 7, 7)
    dotfile = write(repo / ".pmtui.toml", "[meeting]\nagenda = [8, 8, 8, 8, 8]\n")
    assert find_project_config(sub) == dotfile
    assert load_settings(cwd=sub).meeting.agenda == (8, 8, 8, 8, 8)


def test_a_pyproject_without_a_tool_table_is_not_a_project_config(repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    outer = write(repo.parent / ".pmtui.toml", "[meeting]\nagenda = [6, 6, 6, 6, 6]\n")
    # The search goes on upward past a pyproject.toml that says nothing about pmtui.
    assert find_project_config(repo / "services") == outer


def test_the_nearest_project_config_wins(repo: Path) -> None:
    write(repo / ".pmtui.toml", "[meeting]\nagenda = [1, 1, 1, 1, 1]\n")
    nested = write(repo / "services" / ".pmtui.toml", "[meeting]\nagenda = [2, 2, 2, 2, 2]\n")
    assert find_project_config(repo / "services" / "payments") == nested
    assert load_settings(cwd=repo / "services" / "payments").meeting.agenda == (2, 2, 2, 2, 2)


def test_explicit_config_and_environment_win_over_the_project(
    repo: Path, tmp_path: Path, user_config: Path
) -> None:
    write(repo / ".pmtui.toml", "[meeting]\nagenda = [1, 1, 1, 1, 1]\n")
    explicit = write(tmp_path / "ci.toml", "[meeting]\nagenda = [3, 3, 3, 3, 3]\n")
    assert load_settings(explicit, cwd=repo).meeting.agenda == (3, 3, 3, 3, 3)
    env = {paths.CONFIG_ENV: str(explicit)}
    assert load_settings(cwd=repo, environ=env).meeting.agenda == (3, 3, 3, 3, 3)
    assert load_settings(cwd=repo, environ={}).meeting.agenda == (1, 1, 1, 1, 1)


def pmtui(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pmtui", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_lint_run_from_a_subfolder_honours_the_repositorys_config(
    repo: Path, user_config: Path
) -> None:
    """The pre-commit hook runs from wherever git is: the repo's rules must apply."""
    doc = write(repo / "docs" / "postmortems" / "2024-03-07-outage.md", BLAMEFUL)
    sub = repo / "services" / "payments"
    assert pmtui("lint", str(doc), cwd=sub).returncode == 1  # counterfactual + name
    write(repo / ".pmtui.toml", '[blame]\ndisable = ["counterfactual", "named_cause"]\n')
    clean = pmtui("lint", str(doc), cwd=sub)
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_a_broken_project_config_names_its_file_in_one_line(repo: Path) -> None:
    write(repo / ".pmtui.toml", "[meeting]\nagnda = [1, 1, 1, 1, 1]\n")
    result = pmtui("list", cwd=repo / "services")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert str(repo / ".pmtui.toml") in line and "agnda" in line
