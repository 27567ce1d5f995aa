"""pmtui's own Textual themes.

``projector`` is for a meeting on a shared screen: projectors wash out dark
backgrounds and thin colours in a lit room, so it is black text on white with
saturated, dark accents (every foreground colour has at least 7:1 contrast on
the background). Choose it with ``--theme projector`` or the palette's Theme
command; the app registers it at start-up.
"""

from __future__ import annotations

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
