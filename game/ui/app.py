"""``run_app``: the window opens at once; the scenario loads off the GUI thread.

Startup stays fast because only Qt Widgets and this package's window shell are
imported before the window is shown; the scenario, engine, economy and charts
are imported when first needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the game's name, look and fonts (reused if one exists)."""
    from game.ui.main_window import SETTINGS_APP, SETTINGS_ORG, settings
    from game.ui.theme import apply_fonts, apply_theme

    QCoreApplication.setOrganizationName(SETTINGS_ORG)
    QCoreApplication.setApplicationName(SETTINGS_APP)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Tariff Talks")
    mode = os.environ.get("TARIFF_TALKS_THEME") or str(settings().value("theme", "system"))
    apply_theme(app, mode)
    apply_fonts(app)
    return app


def create_window(scenario_path: Path | str | None = None, lang: str = "en"):
    """Show the main window and start loading the scenario (returns the window)."""
    from game.ui.i18n import set_language
    from game.ui.main_window import MainWindow

    set_language(lang)
    win = MainWindow(lang)
    win.show()
    QTimer.singleShot(0, lambda: win.start_or_resume(Path(scenario_path) if scenario_path else None))
    return win


def run_app(scenario_path: Path | str | None = None, lang: str = "en") -> int:
    """Open the game window on a scenario (the default: Geneva 2025). Returns the exit code."""
    app = make_app()
    win = create_window(scenario_path, lang)
    probe = os.environ.get("TARIFF_TALKS_STARTUP_PROBE")
    if probe:
        # benchmarks/startup.py: report when the window is shown with its event loop
        # running ("SHOWN"), and when the game is on the table ("GAME"), then quit.
        def shown() -> None:
            print("SHOWN", flush=True)
            if probe == "shown":
                app.quit()

        def game() -> None:
            print("GAME", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
        win.game_started.connect(lambda: QTimer.singleShot(0, game))
    code = app.exec()
    del win
    return int(code)
