"""Colours and fonts of the window.

Okabe-Ito hues (distinguishable with the common colour-vision deficiencies), used as translucent
tints so the same palette reads on a light and on a dark theme: text keeps the theme's colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

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


def tint(name: str, alpha: int) -> QColor:
    colour = QColor(OKABE_ITO[name])
    colour.setAlpha(alpha)
    return colour


# What each mark means -> its colour. Passage tints are light; word marks are strong.
ONLY_ONE_SIDE = tint("orange", 95)
CHANGED_WORDS = tint("sky", 150)
SELECTED = tint("yellow", 190)
SELECTED_LINE = tint("blue", 255)
KIND_TINT = {
    "identical": tint("grey", 40),
    "reworded": tint("sky", 45),
    "related": tint("green", 45),
    "moved": tint("purple", 60),
    "translation": tint("blue", 40),
}
KIND_RIBBON = {
    "identical": tint("grey", 70),
    "reworded": tint("sky", 110),
    "related": tint("green", 100),
    "moved": tint("purple", 120),
    "translation": tint("blue", 100),
}
FINDING_KIND = {
    "omission": "vermillion",
    "prominence": "blue",
    "share": "sky",
    "voice": "purple",
    "tone": "orange",
    "wording": "green",
    "distinctive": "grey",
}

# Latin/Cyrillic first, then CJK families so Chinese renders wherever one is installed.
TEXT_FAMILIES = [
    "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Segoe UI", "Helvetica Neue", "Arial",
]
DEFAULT_POINT_SIZE = 11


def text_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(TEXT_FAMILIES)
    font.setPointSize(point_size)
    return font
