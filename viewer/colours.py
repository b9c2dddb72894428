"""One colour per meaning, for every view of a comparison: the window's panes, link band, overview
strips, charts, tone chips and tables, and the Word brief. Plain hex strings (no Qt), so that the
brief, which never imports Qt, reads the same values as the window.

The hues are Okabe and Ito's set (2008), which stays distinguishable with the common colour-vision
deficiencies. Each hue has one meaning:

    side A                     blue             charts, chips, tables, the letter badges
    side B                     orange
    only one side has it       reddish purple   the strongest passage tint
    reworded                   bluish green     linked, the same matter in changed words
    related                    yellow           linked, the same subject in other words
    identical / translation    grey             the same content (one language / two languages)
    moved                      sky blue         versions mode: placed elsewhere in the other text

Changed words inside a linked passage are a stronger shade of that passage's own hue, underlined,
so no second meaning is given to any hue. Selection and notes take the theme's text colour (an
outline, a dotted underline): it contrasts with every tint, since the text itself must.

Tints are worked out over each theme's page colour (`LIGHT`, `DARK`: opaque "#RRGGBB" values): the
brief uses `LIGHT`.
"""

from __future__ import annotations

from typing import Literal

Theme = Literal["light", "dark"]

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

SIDE = {"A": OKABE_ITO["blue"], "B": OKABE_ITO["orange"]}
BOTH = OKABE_ITO["grey"]  # a finding or a mark that belongs to neither side alone

# What a passage is -> its hue. "only" is a sentence the other text has no counterpart for; the
# others are link kinds (viewer.model.LinkKind, with the translation kind of cross-language pairs).
PASSAGE_HUE = {
    "only": OKABE_ITO["purple"],
    "reworded": OKABE_ITO["green"],
    "related": OKABE_ITO["yellow"],
    "identical": OKABE_ITO["grey"],
    "translation": OKABE_ITO["grey"],
    "moved": OKABE_ITO["sky"],
}

# Page and text colours of the window's two palettes (viewer/app/palette.py builds the QPalettes).
PAGE = {"light": "#FFFFFF", "dark": "#1E1F22"}
TEXT = {"light": "#1A1A1A", "dark": "#E4E4E4"}

# How much of the hue shows over the page: (passage, changed words). A dark page needs more hue
# for the same contrast; "only" is the most important single signal and the strongest tint.
_STRENGTH: dict[Theme, dict[str, tuple[float, float]]] = {
    "light": {"only": (0.45, 0.7), "reworded": (0.22, 0.55), "related": (0.24, 0.6), "identical": (0.16, 0.4),
              "translation": (0.16, 0.4), "moved": (0.3, 0.65)},
    "dark": {"only": (0.5, 0.75), "reworded": (0.32, 0.6), "related": (0.17, 0.45), "identical": (0.2, 0.45),
             "translation": (0.2, 0.45), "moved": (0.32, 0.62)},
}


def blend(hue: str, alpha: float, page: str) -> str:
    """`hue` laid over `page` at `alpha` (0..1), as an opaque "#RRGGBB"."""
    h, p = _rgb(hue), _rgb(page)
    return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02X}" for x, y in zip(h, p, strict=True))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    v = hex_colour.lstrip("#")
    return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)


def _theme(theme: Theme) -> dict[str, str]:
    out = {"page": PAGE[theme], "text": TEXT[theme], "side_a": SIDE["A"], "side_b": SIDE["B"], "both": BOTH}
    for kind, hue in PASSAGE_HUE.items():
        passage, changed = _STRENGTH[theme][kind]
        out[kind] = blend(hue, passage, PAGE[theme])
        out[f"changed_{kind}"] = blend(hue, changed, PAGE[theme])
    return out


LIGHT = _theme("light")
DARK = _theme("dark")
THEMES: dict[Theme, dict[str, str]] = {"light": LIGHT, "dark": DARK}


def side_colour(side: str | None) -> str:
    """The colour of a side ("A", "B"), grey for both or neither."""
    return SIDE.get(side or "", BOTH)
