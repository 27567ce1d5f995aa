"""The core packages never import Textual: they must work (and be tested) without a UI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pmtui

#: The only package allowed to import Textual.
UI_PACKAGE = "pmtui.tui"


def _core_modules() -> list[str]:
    """Every pmtui module outside :data:`UI_PACKAGE` (``__main__`` runs the CLI)."""
    return [
        info.name
        for info in pkgutil.walk_packages(pmtui.__path__, "pmtui.")
        if not (info.name == UI_PACKAGE or info.name.startswith(UI_PACKAGE + "."))
        and info.name != "pmtui.__main__"
    ]


def test_core_modules_exist() -> None:
    core = _core_modules()
    assert {"pmtui.document.model", "pmtui.blame.engine", "pmtui.cli", "pmtui.config"} <= set(core)
    assert not any(name.startswith(UI_PACKAGE) for name in core)


def test_core_packages_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Textual: {out.stdout.strip()}"


def test_cli_parser_builds_without_textual() -> None:
    code = (
        "import sys\n"
        "from pmtui.cli import build_parser\n"
        "build_parser()\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
