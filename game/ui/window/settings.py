"""Where the window remembers things between runs: one ``QSettings`` store."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_ORG = "TariffTalks"
SETTINGS_APP = "Tariff Talks"


def settings() -> QSettings:
    """The window's settings (a new handle each time; handles of one process share the store)."""
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def is_first_run() -> bool:
    """The very first start: nothing is remembered yet (no game, no window, no choice)."""
    return not settings().allKeys()
