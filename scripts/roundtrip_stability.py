"""How many random hand-written post-mortems keep changing when saved again and again.

An input is *unstable* when it reads but ``write(read(x))`` does not read back as itself
or writes differently again: ``write(read(x)) != write(read(write(read(x))))``. Inputs are
lines drawn from the round-trip test's HAND_WRITTEN_LINES (and, for some, lines placed
above the title), 30% of them with CRLF endings; the seed makes a run repeatable.

Run against this checkout or another one (e.g. an older commit unpacked with
``git archive``)::

    python scripts/roundtrip_stability.py [--n 5000] [--seed 1] [--code DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="inputs to try")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--code", type=Path, default=HERE, help="the pmtui checkout to test")
    parser.add_argument("--above", type=float, default=0.5, help="share with text above")
    args = parser.parse_args()
    sys.path[:0] = [str(args.code), str(HERE)]  # pmtui from --code, the lines from here

    from pmtui.document.errors import DocumentError
    from pmtui.document.markdown import from_markdown, to_markdown
    from tests.document.test_roundtrip import ABOVE_TITLE_LINES, HAND_WRITTEN_LINES

    rng = random.Random(args.seed)
    read = unstable = 0
    for _ in range(args.n):
        above: list[str] = []
        if rng.random() < args.above:
            above = [rng.choice(ABOVE_TITLE_LINES) for _ in range(rng.randint(1, 6))]
        below = [rng.choice(HAND_WRITTEN_LINES) for _ in range(rng.randint(0, 25))]
        source = "\n".join([*above, "# Post-Mortem: T", *below])
        if rng.random() < 0.3:
            source = source.replace("\n", "\r\n")
        try:
            doc = from_markdown(source)
        except DocumentError:
            continue
        read += 1
        try:
            written = to_markdown(doc)
            again = from_markdown(written)
            stable = again == doc and to_markdown(again) == written
        except DocumentError:
            stable = False
        unstable += not stable
    print(f"{args.code}: {read} of {args.n} inputs read; {unstable} unstable")


if __name__ == "__main__":
    main()
