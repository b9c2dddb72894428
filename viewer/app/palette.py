"""The window's two themes and its fonts.

The application draws itself with Qt's Fusion style and a QPalette of its own, light or dark, so
the theme chosen in Settings (or `main.py --theme`) holds whatever the desktop says: a desktop
colour scheme alone gave no dark window here (PLATFORM-NOTES.md). "system" picks one of the two
from the desktop's scheme. The marks of a comparison take their colours from viewer/colours.py,
for the theme in force.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer import colours
from viewer.colours import Theme

Choice = Literal["system", "light", "dark"]
CHOICES: tuple[Choice, ...] = ("system", "light", "dark")

_ROLES = QPalette.ColorRole
# Fusion's roles for each theme; the page and text colours are those the tints were blended over.
_PALETTES: dict[Theme, dict[QPalette.ColorRole, str]] = {
    "light": {_ROLES.Window: "#EEEEEE", _ROLES.WindowText: "#1A1A1A", _ROLES.Base: colours.PAGE["light"],
              _ROLES.AlternateBase: "#F4F4F4", _ROLES.Text: colours.TEXT["light"], _ROLES.Button: "#E6E6E6",
              _ROLES.ButtonText: "#1A1A1A", _ROLES.ToolTipBase: "#FFFFF0", _ROLES.ToolTipText: "#1A1A1A",
              _ROLES.PlaceholderText: "#767676", _ROLES.Highlight: "#44546A", _ROLES.HighlightedText: "#FFFFFF",
              _ROLES.Light: "#FFFFFF", _ROLES.Midlight: "#E0E0E0", _ROLES.Mid: "#A0A0A0", _ROLES.Dark: "#8A8A8A",
              _ROLES.Shadow: "#505050", _ROLES.Link: "#1F5FA8", _ROLES.BrightText: "#FFFFFF"},
    "dark": {_ROLES.Window: "#2B2D30", _ROLES.WindowText: "#E4E4E4", _ROLES.Base: colours.PAGE["dark"],
             _ROLES.AlternateBase: "#25272A", _ROLES.Text: colours.TEXT["dark"], _ROLES.Button: "#36383C",
             _ROLES.ButtonText: "#E4E4E4", _ROLES.ToolTipBase: "#3A3C40", _ROLES.ToolTipText: "#E4E4E4",
             _ROLES.PlaceholderText: "#8F8F8F", _ROLES.Highlight: "#6A7C96", _ROLES.HighlightedText: "#FFFFFF",
             _ROLES.Light: "#4A4D52", _ROLES.Midlight: "#3C3F43", _ROLES.Mid: "#5E6166", _ROLES.Dark: "#1A1B1D",
             _ROLES.Shadow: "#0E0E0F", _ROLES.Link: "#7FB8F0", _ROLES.BrightText: "#FFFFFF"},
}
_DISABLED_TEXT = {"light": "#9A9A9A", "dark": "#6E7074"}

_theme: Theme = "light"
_applied: Theme | None = None  # the palette the application has; setting it again repolishes every widget


def resolve(choice: str) -> Theme:
    """The theme a choice stands for: "system" follows the desktop's colour scheme (light when it says nothing)."""
    if choice in ("light", "dark"):
        return choice  # type: ignore[return-value]
    return "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def build_palette(theme: Theme) -> QPalette:
    pal = QPalette()
    for role, value in _PALETTES[theme].items():
        pal.setColor(role, QColor(value))
    for role in (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[theme]))
    return pal


def apply_theme(choice: str) -> Theme:
    """Fusion with the theme's palette for the whole application; returns the theme applied.
    Widgets are told by Qt (a PaletteChange event) and repaint their marks in its colours."""
    global _theme, _applied
    _theme = resolve(choice)
    app = QApplication.instance()
    if app is not None and _applied != _theme:
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(build_palette(_theme))
        _applied = _theme
    return _theme


def theme() -> Theme:
    return _theme


def colour(meaning: str) -> QColor:
    """A meaning of viewer/colours.py ("only", "changed_reworded", "side_a", "text"…) in the theme in force."""
    return QColor(colours.THEMES[_theme][meaning])


def passage(kind: str) -> QColor:
    """The tint of a passage: "only", or a link kind (an unknown kind is shown like a related one)."""
    return colour(kind if kind in colours.PASSAGE_HUE else "related")


def side(side_: str | None) -> QColor:
    """The colour of side A or B; grey for both or neither."""
    return QColor(colours.side_colour(side_))


def with_alpha(c: QColor, alpha: int) -> QColor:
    out = QColor(c)
    out.setAlpha(alpha)
    return out


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
