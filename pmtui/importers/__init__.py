"""``pmtui import``: post-mortems written after other templates, into pmtui's format.

The core here never imports Textual. ``sections`` reads any Markdown file as a tree of
headings and run-in labels; ``detect`` says which layout it follows; each module in
``layouts/`` is one layout's heading -> field table; ``convert`` moves the content
(``timeline``, ``actions`` and ``values`` read what other layouts write); ``cli`` is the
command.
"""

from __future__ import annotations

from pmtui.importers.convert import ImportResult, Move, NotImportable, import_file, import_text
from pmtui.importers.detect import Detection, detect, looks_importable
from pmtui.importers.layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "Detection",
    "ImportResult",
    "Move",
    "NotImportable",
    "detect",
    "import_file",
    "import_text",
    "looks_importable",
]
