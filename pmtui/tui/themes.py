"""pmtui's own Textual themes.

``projector`` is for a meeting on a shared screen: projectors wash out dark
backgrounds and thin colours in a lit room, so it is black text on white with
saturated, dark accents (every foreground colour has at least 7:1 contrast on
the background). Choose it with ``--theme projector`` or the palette's Theme
command; the app registers it at start-up.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

PROJECTOR = Theme(
    name="projector",
    primary="#0033B3",
    secondary="#4B0082",
    accent="#7A0099",
    warning="#8F4500",
    error="#B00000",
    success="#006B00",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F2F2F2",
    panel="#E0E6F5",
    boost="#00000010",
    dark=False,
    luminosity_spread=0.12,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#0033B3",
        "block-cursor-foreground": "#FFFFFF",
        "input-selection-background": "#0033B3 35%",
    },
)

THEMES: tuple[Theme, ...] = (PROJECTOR,)


# -- the meeting clock's colours -------------------------------------------------------
#
# Running, last minute and over time must read as three different states from the back
# of a room, and none may look like a heading ($accent). Themes do not promise that: in
# textual-dark the warning colour *is* the accent (#FEA62B), in tokyo-night they are a
# shade apart. So the clock's colours are worked out per theme: the theme's own
# foreground, warning and error when they are distinct enough, else the first of a few
# ambers or reds that is.

#: Least CIE76 colour difference between any two of the clock's colours and the headings'.
MIN_DELTA_E = 25.0
#: Least contrast ratio of a clock colour on the background (WCAG's "large text").
MIN_CONTRAST = 3.0

_AMBERS_DARK = ("#FFD75F", "#FFE066", "#F5C542", "#FFB000", "#E6DB74", "#FFF59D")
_AMBERS_LIGHT = ("#8A5A00", "#9A6700", "#7A4F00", "#A35200", "#6B5300")
_REDS_DARK = ("#FF5555", "#FF4D6D", "#FF6B6B", "#F14C4C", "#FF3B3B")
_REDS_LIGHT = ("#B00000", "#C00018", "#A30000", "#C8102E")
_WHITES = ("#FFFFFF", "#F0F0F0")
_BLACKS = ("#000000", "#101010")
#: ANSI themes: the terminal decides the shades, so pick by name, one hue each.
_AMBERS_ANSI = ("ansi_yellow", "ansi_bright_yellow", "ansi_cyan")
_REDS_ANSI = ("ansi_red", "ansi_bright_red", "ansi_magenta")


def _hue_family(name: str) -> str:
    return name.removeprefix("ansi_").removeprefix("bright_")


def _ansi_colours(variables: dict[str, str]) -> dict[str, str]:
    taken = {_hue_family(variables["accent"]), _hue_family(variables["foreground"])}
    over = next(n for n in _REDS_ANSI if _hue_family(n) not in taken)
    taken.add(_hue_family(over))
    last = next(n for n in _AMBERS_ANSI if _hue_family(n) not in taken)
    return {
        "meeting-running": variables["foreground"],
        "meeting-last-minute": last,
        "meeting-overtime": over,
    }


def _lab(color: Color) -> tuple[float, float, float]:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in color.normalized)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: Color, b: Color) -> float:
    """How different two colours look (CIE76; about 2 is just noticeable). The
    terminal's default colour (an ANSI theme's foreground) differs from every named one."""
    if (a.ansi == -1) != (b.ansi == -1):
        return 100.0
    la, lb = _lab(a), _lab(b)
    return float(sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def linear(channel: float) -> float:
            return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in color.normalized)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _readable(color: Color, background: Color) -> bool:
    return color.ansi is not None or contrast(color, background) >= MIN_CONTRAST


def _pick(candidates: tuple[str, ...], avoid: list[Color], background: Color) -> tuple[str, Color]:
    """The first candidate far enough from every colour in ``avoid`` and readable on the
    background; else the one farthest from its nearest."""
    scored = []
    for name in candidates:
        color = Color.parse(name)
        nearest = min(delta_e(color, other) for other in avoid)
        if nearest >= MIN_DELTA_E and _readable(color, background):
            return name, color
        scored.append((nearest if _readable(color, background) else nearest / 4, name, color))
    _, name, color = max(scored, key=lambda s: s[0])
    return name, color


def meeting_colours(theme: Theme) -> dict[str, str]:
    """The CSS variables ``meeting-running``, ``meeting-last-minute`` and
    ``meeting-overtime`` for ``theme``: distinct from each other and from ``$accent``
    (the headings), readable on the background."""
    variables = theme.to_color_system().generate()
    if theme.ansi or Color.parse(variables["foreground"]).ansi is not None:
        return _ansi_colours(variables)
    background = Color.parse(variables["background"])
    heading = Color.parse(variables["accent"])
    ambers, reds, plain = (
        (_AMBERS_DARK, _REDS_DARK, _WHITES) if theme.dark else (_AMBERS_LIGHT, _REDS_LIGHT, _BLACKS)
    )
    running_name, running = _pick((variables["foreground"], *plain), [heading], background)
    over_name, over = _pick((variables["error"], *reds), [running, heading], background)
    last_name, _ = _pick((variables["warning"], *ambers), [running, heading, over], background)
    return {
        "meeting-running": running_name,
        "meeting-last-minute": last_name,
        "meeting-overtime": over_name,
    }
