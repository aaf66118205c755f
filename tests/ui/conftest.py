"""Fixtures for the window's tests (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings (window geometry, last choices) out of the user's real configuration.
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tariff-talks-ui-"))
os.environ.setdefault("TARIFF_TALKS_THEME", "light")
# Keep autosaves and saves out of the user's real data folder.
os.environ.setdefault("TARIFF_TALKS_HOME", tempfile.mkdtemp(prefix="tariff-talks-home-"))

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def window(qtbot, qapp):
    """A main window with no game in it yet (AI moves are not slowed down)."""
    from game.ui.app import make_app
    from game.ui.main_window import MainWindow

    make_app()
    win = MainWindow("en")
    win.min_think_ms = 0
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    if win.controller is not None:
        win.controller.stop()
    if win.autosave is not None:
        win.autosave.shutdown()
    from game.ui import workers

    workers.wait_all(10_000)
    # A game in Chinese is remembered as the window's language: the next test starts in English.
    from game.ui.i18n import set_language
    from game.ui.main_window import settings

    settings().setValue("lang", "en")
    set_language("en")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    """Every test has a data folder of its own (saves, autosave): no other test's unfinished
    game to resume, and the player's real one never touched."""
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
