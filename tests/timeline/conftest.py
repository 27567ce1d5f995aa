"""Fixture logs: ``load(name)`` returns a fixture's text with its header comment blanked, so
line numbers still match the file and the parser sees only the log."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> str:
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    out = []
    header = True
    for line in lines:
        if header and line.startswith("# "):
            out.append("")
            continue
        header = False
        out.append(line)
    return "\n".join(out)
