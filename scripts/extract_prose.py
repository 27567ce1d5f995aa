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

    git clone https://github.com/golang/website /tmp/go-website
    .venv/bin/python scripts/extract_prose.py --go /tmp/go-website

writes every prose sentence of the Go blog (``_content/blog``; its contents CC BY 4.0),
split the same way: ``prose/go_train.txt`` trains the model as blameless text;
``prose/go_heldout.txt`` is neither trained nor calibrated on, and measures the
false-alarm rate on prose the detector has not seen (``tests/blame/test_corpus.py``).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROSE = ROOT / "tests" / "blame" / "corpus" / "prose"
TRAIN, CALIBRATION = PROSE / "train.txt", PROSE / "calibration.txt"
GO_TRAIN, GO_HELDOUT = PROSE / "go_train.txt", PROSE / "go_heldout.txt"
# Lines of the Go blog's "present" markup (.code, .play, .image, .html) and templates.
_GO_MARKUP = re.compile(r"^(\.\w+\b|\{\{).*$", re.M)
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


def _split(found: dict[str, None], paths: tuple[Path, Path], sample: int | None = None) -> None:
    """Write ``found`` (or a deterministic sample of it) in two halves by the parity of
    each sentence's sha256: even to ``paths[0]``, odd to ``paths[1]``."""
    digest = {s: int(hashlib.sha256(s.encode()).hexdigest(), 16) for s in found}
    kept = list(found)
    if sample is not None:
        kept = sorted(sorted(found, key=lambda s: f"{digest[s]:064x}")[:sample])
    PROSE.mkdir(parents=True, exist_ok=True)
    for path, parity in zip(paths, (0, 1), strict=True):
        half = [s for s in kept if digest[s] % 2 == parity]
        path.write_text("\n".join(half) + "\n", "utf-8")
        print(f"{len(found)} sentences, wrote {len(half)} to {path.relative_to(ROOT)}")


def _collect(files: list[Path], markup: re.Pattern[str] | None = None) -> dict[str, None]:
    """The distinct prose sentences of ``files``, in order (``markup`` lines removed)."""
    found: dict[str, None] = {}
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        for s in sentences(markup.sub("", text) if markup else text):
            found.setdefault(s)
    return found


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--go" and (Path(argv[1]) / "_content" / "blog").is_dir():
        files = sorted((Path(argv[1]) / "_content" / "blog").rglob("*.md"))
        _split(_collect(files, _GO_MARKUP), (GO_TRAIN, GO_HELDOUT))
        return 0
    if len(argv) == 1 and (Path(argv[0]) / "content").is_dir():
        files = sorted((Path(argv[0]) / "content").rglob("*.md"))
        _split(_collect(files), (TRAIN, CALIBRATION), SAMPLE)
        return 0
    print("usage: extract_prose.py PATH_TO_RUST_BLOG_CHECKOUT | --go PATH_TO_GO_WEBSITE_CHECKOUT")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
