"""Extract the given-name list pmtui's blame detector ships (``pmtui/blame/names.txt``).

Run once, from the repository root, with Faker installed (the ``[train]`` extra)::

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/extract_names.py

The names come from Faker's person providers (MIT licence, copied to
``pmtui/blame/NAMES_LICENSE``): every locale's ``first_names*`` lists and romanised first
names, so the list covers many cultures. Kept: names written in Latin letters (accents,
hyphens and apostrophes allowed) of two letters or more. Dropped: names that are also
ordinary English words (``Will``, ``May``, ``Mark``, ``Grant``...), because a capitalised
sentence start would otherwise read as a person: a word is ordinary when it appears in
lower case in the real post-mortems under ``tests/blame/realworld*`` or in the hand list
below. Faker is not a run-time dependency; the output is sorted and deterministic.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pmtui" / "blame" / "names.txt"
LICENSE_OUT = ROOT / "pmtui" / "blame" / "NAMES_LICENSE"

# Ordinary English words and technology names that are also given names somewhere.
COMMON = """
abc able ace add age aid aim air al alpha amber an and angel april art ash aura autumn
baby bay beau bell belle berry best bill billy birch blade blaze bliss blossom blue bo bond
brand brook brooke buck bud bunny buster butter cal can candy cane carol cash cassandra
chance chase cherry chip christian clay cliff cloud coral cotton crystal dale dash dawn
day de dean del delta destiny diamond dee doll dolly don dot dove drew duke dusty earl
easter echo eden elm ember emerald faith fawn fern field fleur flora fortune fox frank
gale gay gem gene gold golden grace grant gray green grey guy hale hall harmony hart
hazel heath heather holly honey hope hunter iris ivory ivy jack jade jasmine java jay
jean jewel jet joy judge julia june justice kafka kay king kit lake lance lane lark
laurel lavender lee legend lemon liberty lily lincoln linux love lucky luna mac major
march marina mark marshal mason matt max may meadow mercy merry mike miles mint misty
moon moss my nova oak ocean olive opal pacific page pansy paris pat patience pearl penny
pepper pip piper poppy precious prince princess queen rain raven ray red reed rich river
robin rock rocky rod rose rosemary ruby rush rusty sage sandy saturn scout sea shadow
sky skye slate smith snow sonny spring star sterling stone storm sue summer sunny sunshine
tab tan taylor terry tiger tracy true trust tucker val van velvet violet virgin wade ward
will willow win windy winter wolf wood wren young zen
"""


def ordinary_words() -> set[str]:
    words = set(COMMON.split())
    for folder in sorted((ROOT / "tests" / "blame").glob("realworld*")):
        for path in sorted(folder.glob("*.md")):
            words.update(re.findall(r"(?<![\w@-])[a-z][a-z'-]+", path.read_text("utf-8")))
    return words


def faker_names() -> set[str]:
    providers = importlib.import_module("faker.providers.person")
    names: set[str] = set()
    for info in pkgutil.iter_modules(providers.__path__):
        module = importlib.import_module(f"faker.providers.person.{info.name}")
        provider = getattr(module, "Provider", None)
        if provider is None:
            continue
        for attr in sorted(dir(provider)):
            if not attr.startswith(("first_names", "first_romanized_names")):
                continue
            value = getattr(provider, attr)
            if isinstance(value, dict):  # weighted lists: name -> weight
                value = list(value)
            if isinstance(value, list | tuple):
                names.update(str(v).strip() for v in value)
    return names


NAME_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ]+(?:[-'][A-ZÀ-ÖØ-Þa-zß-öø-ÿĀ-ſ]+)?")


def main() -> int:
    try:
        faker = importlib.import_module("faker")
    except ImportError:
        print("extract_names: Faker is not installed (pip install -e '.[train]')", file=sys.stderr)
        return 2
    ordinary = ordinary_words()
    kept = sorted(
        name
        for name in faker_names()
        if NAME_RE.fullmatch(name) and len(name) >= 2 and name.lower() not in ordinary
    )
    header = (
        "# Given names from Faker's person providers (MIT, see NAMES_LICENSE), written in\n"
        f"# Latin letters; names that are also ordinary English words left out. {len(kept)}\n"
        "# names. Regenerate with scripts/extract_names.py; one name a line.\n"
    )
    OUT.write_text(header + "".join(n + "\n" for n in kept), encoding="utf-8")
    dist = Path(faker.__file__).resolve().parent.parent
    licences = sorted(dist.glob("[Ff]aker-*.dist-info/licenses/LICENSE*")) + sorted(
        dist.glob("[Ff]aker-*.dist-info/LICENSE*")
    )
    if not licences:
        print("extract_names: Faker's licence file not found", file=sys.stderr)
        return 2
    LICENSE_OUT.write_text(
        "pmtui/blame/names.txt is extracted from Faker (https://github.com/joke2k/faker),\n"
        "whose licence follows.\n\n" + licences[0].read_text("utf-8"),
        encoding="utf-8",
    )
    print(f"{len(kept)} names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
