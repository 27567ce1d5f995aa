"""Run every benchmark and print its figures: ``python -m tests.benchmarks [NAME...]``.

Each ``bench_*.py`` module here has a ``main() -> None`` that prints its figures.
Benchmarks are not collected by pytest (see ``norecursedirs``).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> None:
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        if names and info.name.removeprefix("bench_") not in names and info.name not in names:
            continue
        print(f"== {info.name}")
        importlib.import_module(f"tests.benchmarks.{info.name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
