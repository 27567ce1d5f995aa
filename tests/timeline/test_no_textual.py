"""pmtui.timeline is core: importing every module of it loads no Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pmtui.timeline


def test_timeline_does_not_import_textual() -> None:
    names = ["pmtui.timeline"] + [
        info.name for info in pkgutil.walk_packages(pmtui.timeline.__path__, "pmtui.timeline.")
    ]
    assert "pmtui.timeline.formats.slack" in names and "pmtui.timeline.cli" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "from pmtui.cli import main\n"
        "main(['timeline', '--help']) if False else None\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
