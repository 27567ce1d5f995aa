"""A non-editable install from a built wheel finds its templates from any folder.

Builds the wheel with ``pip wheel`` (build isolation fetches hatchling), checks the
templates are inside it, installs it with ``--no-deps`` into a fresh venv that borrows
the test venv's dependencies through a ``.pth`` file (so no download of textual & co),
and runs the installed ``pmtui export`` from a folder outside the repo.
Takes ~10-30 s; set PMTUI_SKIP_PACKAGING=1 to skip it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "document" / "fixtures" / "full.md"
NETWORK_WORDS = ("connection", "network", "resolve", "temporary failure", "proxy", "timed out")

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("PMTUI_SKIP_PACKAGING") == "1", reason="PMTUI_SKIP_PACKAGING=1"
    ),
]


def _run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        cwd=out,
    )
    if result.returncode != 0:
        if any(word in result.stderr.lower() for word in NETWORK_WORDS):
            pytest.skip(f"cannot fetch the build backend: {result.stderr.strip()[-200:]}")
        pytest.fail(f"pip wheel failed:\n{result.stdout}\n{result.stderr}")
    wheels = list(out.glob("pmtui-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_the_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pmtui/templates/postmortem.md.j2" in names
    assert "pmtui/templates/postmortem.html.j2" in names
    assert "pmtui/document/markdown/reader.py" in names
    assert "pmtui/blame/rules.toml" in names
    assert "pmtui/tui/app.tcss" in names and "pmtui/tui/screens/meeting.tcss" in names
    assert "pmtui/tui/screens/paste_log.tcss" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_exports_from_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    # Dependencies come from the test venv; its editable pmtui is not on this path
    # (a .pth inside an added folder is not processed).
    (site / "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            # the borrowed test venv may hold pmtui 0.1.0 already: install this one anyway
            "--ignore-installed",
            "-q",
            str(wheel),
        ]
    )
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": "",
    }
    where = _run(
        [
            str(python),
            "-c",
            "import pmtui, pmtui.paths as p; print(pmtui.__file__); print(p.templates_dir())",
        ],
        cwd=elsewhere,
        env=env,
    )
    module_file, templates = where.stdout.split()
    assert Path(module_file).is_relative_to(site), "the installed copy must be the one used"
    assert Path(templates) == site / "pmtui" / "templates"

    pmtui = env_dir / "bin" / "pmtui"
    for fmt in ("md", "json", "html"):
        result = _run([str(pmtui), "export", str(SAMPLE), "--format", fmt], cwd=elsewhere, env=env)
        assert result.returncode == 0, result.stderr
        if fmt == "md":
            assert result.stdout == SAMPLE.read_text()
        elif fmt == "json":
            assert json.loads(result.stdout)["title"] == "Checkout outage"
        else:
            assert "<h1>Post-Mortem: Checkout outage</h1>" in result.stdout
