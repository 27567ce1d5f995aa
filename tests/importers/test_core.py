"""pmtui.importers is core: it never imports Textual (tests/test_import_hygiene.py
covers the older core packages; this covers this one)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pmtui.importers


def test_importers_do_not_import_textual() -> None:
    names = [
        info.name for info in pkgutil.walk_packages(pmtui.importers.__path__, "pmtui.importers.")
    ]
    assert "pmtui.importers.convert" in names and "pmtui.importers.layouts.pagerduty" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
