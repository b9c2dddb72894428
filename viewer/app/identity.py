"""Who the application is to Qt (settings file, data folder): one place both the window and the
session read, so neither imports the other for it."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "Counterpart"
APPLICATION = "Counterpart"


def settings() -> QSettings:
    """The user's preferences, window state and recent files."""
    return QSettings(ORGANISATION, APPLICATION)
