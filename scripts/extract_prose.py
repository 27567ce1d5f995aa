"""Extract ordinary prose sentences from a checkout of the Rust blog, for calibrating the
blame detector's threshold on text that is not blame (``scripts/train_blame.py``).

    git clone https://github.com/rust-lang/blog.rust-lang.org /tmp/rust-blog
    .venv/bin/python scripts/extract_prose.py /tmp/rust-blog

writes a deterministic sample of 5,000 sentences of 6 to 60 words from the posts' prose
(front matter, code, HTML, tables and headings left out), one sentence a line, split in two
by the parity of each sentence's sha256: ``tests/blame/corpus/prose/train.txt`` (the model
trains on it as blameless text) and ``calibration.txt`` (never trained on; it sets the
operating point). The blog is MIT/Apache-2.0 licensed
(``tests/blame/corpus/prose/README.md``). Its posts are release notes, project news,
surveys and a few incident reports: technical writing by people, about people and systems,
with next to no blame, so a finding there is almost always a false alarm.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROSE = ROOT / "tests" / "blame" / "corpus" / "prose"
TRAIN, CALIBRATION = PROSE / "train.txt", PROSE / "calibration.txt"
SAMPLE = 5000

_FRONT = re.compile(r"\A\+\+\+.*?\+\+\+\s*|\A---.*?---\s*", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_HTML = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z\"'(])")


def sentences(text: str) -> list[str]:
    text = _FENCE.sub("", _FRONT.sub("", text))
    out = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln for ln in para.splitlines() if ln.strip()]
        if not lines or lines[0].lstrip().startswith(("#", "|", ">", "[")) or lines[0][:1] in " \t":
            continue
        para = " ".join(ln.strip().lstrip("*-+ ").strip() for ln in lines)
        para = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", _HTML.sub("", para))
        para = para.replace("`", "").replace("**", "").replace("__", "")
        for s in _SPLIT.split(para):
            s = " ".join(s.split())
            if 6 <= len(s.split()) <= 60 and s[0].isupper() and "http" not in s:
                out.append(s)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "content").is_dir():
        print("usage: extract_prose.py PATH_TO_RUST_BLOG_CHECKOUT")
        return 2
    seen: dict[str, None] = {}
    for path in sorted((Path(argv[0]) / "content").rglob("*.md")):
        for s in sentences(path.read_text("utf-8", errors="replace")):
            seen.setdefault(s)
    digest = {s: int(hashlib.sha256(s.encode()).hexdigest(), 16) for s in seen}
    ranked = sorted(sorted(seen, key=lambda s: f"{digest[s]:064x}")[:SAMPLE])
    PROSE.mkdir(parents=True, exist_ok=True)
    for path, parity in ((TRAIN, 0), (CALIBRATION, 1)):
        half = [s for s in ranked if digest[s] % 2 == parity]
        path.write_text("\n".join(half) + "\n", "utf-8")
        print(f"{len(seen)} sentences, wrote {len(half)} to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
