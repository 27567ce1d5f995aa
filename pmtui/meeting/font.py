"""Large letters for the meeting room: a 5-pixel-high block font, drawn with half blocks
at any whole scale.

Textual's ``Digits`` is three rows at every size; read from the back of a room, the
countdown and the item need to grow with the screen. Each glyph is a few columns of
pixels five rows high; a pixel is one terminal column wide and half a row high (``▀``,
``▄``, ``█``), which is about square in a terminal cell. At scale ``s`` every pixel
becomes ``s`` by ``s``: a glyph row of text is ``ceil(5 * s / 2)`` terminal rows high.
No Textual here: the widgets in ``pmtui/tui/widgets/meeting/big.py`` only pick the
scale that fits and draw these lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Pixel rows of every glyph.
HEIGHT = 5
#: Blank pixel columns between two glyphs, and the width of a space.
GAP = 1
SPACE = 2

_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    ".": (".", ".", ".", ".", "#"),
    ",": ("..", "..", "..", ".#", "#."),
    "'": ("#", "#", ".", ".", "."),
    "!": ("#", "#", "#", ".", "#"),
    "?": ("##.", "..#", ".#.", "...", ".#."),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
    "&": (".#..", "#.#.", ".#.#", "#.#.", ".#.#"),
    "(": (".#", "#.", "#.", "#.", ".#"),
    ")": ("#.", ".#", ".#", ".#", "#."),
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..#", "..#", "..#", "#.#", ".#."),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("##.", "#.#", "##.", "#..", "#.."),
    "Q": (".#.", "#.#", "#.#", "##.", ".##"),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("###", "..#", ".#.", "#..", "###"),
}
#: What a character the font lacks is drawn as.
_MISSING = _GLYPHS["?"]
#: (top pixel, bottom pixel) -> the half-block character for one terminal cell.
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def glyph(char: str) -> tuple[str, ...]:
    """The pixel rows of one character (letters in capitals; a space is blank)."""
    if char == " ":
        return ("." * SPACE,) * HEIGHT
    return _GLYPHS.get(char.upper(), _MISSING)


def pixel_width(text: str) -> int:
    """Pixel columns of ``text`` at scale 1 (glyphs and the gaps between them)."""
    if not text:
        return 0
    return sum(len(glyph(c)[0]) for c in text) + GAP * (len(text) - 1)


def rows_for(scale: int) -> int:
    """Terminal rows one line of big text takes at ``scale``."""
    return math.ceil(HEIGHT * scale / 2)


def width_for(text: str, scale: int) -> int:
    """Terminal columns ``text`` takes at ``scale``."""
    return pixel_width(text) * scale


def render(text: str, scale: int) -> list[str]:
    """``text`` drawn at ``scale``: :func:`rows_for` lines of :func:`width_for` cells."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    pixels = ["" for _ in range(HEIGHT)]
    for i, char in enumerate(text):
        rows = glyph(char)
        for r in range(HEIGHT):
            pixels[r] += ("." * GAP if i else "") + rows[r]
    # Scale up: each pixel becomes scale columns, and pixel row p of the tall image is
    # glyph row p // scale.
    tall = ["".join(ch * scale for ch in pixels[p // scale]) for p in range(HEIGHT * scale)]
    lines: list[str] = []
    for top in range(0, len(tall), 2):
        upper = tall[top]
        lower = tall[top + 1] if top + 1 < len(tall) else "." * len(upper)
        lines.append(
            "".join(_CELLS[(a == "#", b == "#")] for a, b in zip(upper, lower, strict=True))
        )
    return lines


def fit_scale(text: str, width: int, rows: int, most: int = 8) -> int:
    """The largest scale (at most ``most``) at which ``text`` fits ``width`` columns and
    ``rows`` rows; 0 when even scale 1 does not fit."""
    best = 0
    for scale in range(1, most + 1):
        if width_for(text, scale) <= width and rows_for(scale) <= rows:
            best = scale
    return best


def wrap(text: str, width: int, scale: int) -> list[str] | None:
    """``text`` broken at spaces into lines that fit ``width`` columns at ``scale``, or
    None when a single word is too wide."""
    lines: list[str] = []
    for word in text.split():
        if width_for(word, scale) > width:
            return None
        if lines and width_for(f"{lines[-1]} {word}", scale) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit_lines(
    text: str, width: int, rows: int, *, most_lines: int = 3, most: int = 8
) -> tuple[int, list[str]]:
    """The largest scale at which ``text``, wrapped at spaces into at most ``most_lines``
    lines (one blank row between them), fits ``width`` x ``rows``: ``(scale, lines)``,
    or ``(0, [])`` when nothing fits."""
    for scale in range(most, 0, -1):
        lines = wrap(text, width, scale)
        if lines is None or not lines or len(lines) > most_lines:
            continue
        if len(lines) * rows_for(scale) + len(lines) - 1 <= rows:
            return scale, lines
    return 0, []


def render_lines(lines: Sequence[str], scale: int) -> list[str]:
    """Several lines of big text, one blank row between them."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            out.append("")
        out += render(line, scale)
    return out
