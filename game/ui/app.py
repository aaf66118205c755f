"""``run_app``: the window opens at once; the scenario loads off the GUI thread.

Startup stays fast because only Qt Widgets and this package's window shell are
imported before the window is shown; the scenario, engine, economy and charts
are imported when first needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget


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


def start_language(lang: str | None = None) -> str:
    """The language to start in: ``lang`` if given (``--lang``), else ``TARIFF_TALKS_LANG``,
    else the one of the last game (chosen in New game or on the first-run page), else the
    system's on a first start when the window has a catalog for it, else English. Any
    language with a catalog in game/ui/translations/, and the pseudo-locale ``en-XA`` (asked
    for each time: a remembered one is not taken up again)."""
    from game.i18n import normalise
    from game.ui.i18n import SOURCE_LANGUAGE, available_languages, is_known
    from game.ui.main_window import settings

    for wanted in (lang, os.environ.get("TARIFF_TALKS_LANG")):
        if wanted and is_known(normalise(wanted)):
            return normalise(wanted)
    remembered = str(settings().value("lang", ""))
    if remembered and normalise(remembered) in available_languages():
        return normalise(remembered)
    from PySide6.QtCore import QLocale

    system = normalise(QLocale.system().name())
    return system if system in available_languages() else SOURCE_LANGUAGE


def create_window(scenario_path: Path | str | None = None, lang: str | None = None):
    """Show the main window and start loading the scenario (returns the window).

    ``lang`` None: the language remembered from the last start (see :func:`start_language`)."""
    from game.ui.i18n import set_language
    from game.ui.main_window import MainWindow

    lang = start_language(lang)
    set_language(lang)
    win = MainWindow(lang)
    win.show()
    QTimer.singleShot(0, lambda: win.start_or_resume(Path(scenario_path) if scenario_path else None))
    return win


def run_app(scenario_path: Path | str | None = None, lang: str | None = None) -> int:
    """Open the game window on a scenario (the default: Geneva 2025; on the very first start,
    a choice of the tutorial, How to play or Geneva). Returns the exit code."""
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


# --------------------------------------------------------------------- window state
def restore_window(win: QMainWindow, s: QSettings) -> None:
    """Size, position and maximised state as the window was last closed (1366×768 at first)."""
    from PySide6.QtCore import QByteArray

    # (Qt's namespace of enums is imported only for a maximised window: it takes ~15 ms)
    maximized = bool(s.value("window/maximized", False, type=bool))
    geo = s.value("geometry")
    if isinstance(geo, QByteArray | bytes) and geo:
        win.restoreGeometry(QByteArray(geo))
        if maximized:
            from PySide6.QtCore import Qt

            win.setWindowState(Qt.WindowState.WindowNoState)  # to set the normal size first
    size = s.value("window/size")
    if isinstance(size, QSize) and size.width() > 0 and size.height() > 0:
        win.resize(size)  # the normal (not maximised) size, exactly
    elif not geo:
        win.resize(1366, 768)
    if maximized:
        from PySide6.QtCore import Qt

        win.setWindowState(Qt.WindowState.WindowMaximized)


def remember_window(win: QMainWindow, s: QSettings) -> None:
    s.setValue("geometry", win.saveGeometry())
    maximized = win.isMaximized()
    s.setValue("window/maximized", maximized)
    normal = win.normalGeometry() if maximized or win.isFullScreen() else win.geometry()
    if normal.isValid():
        s.setValue("window/size", normal.size())


# ------------------------------------------------------------------------ Ctrl+Enter
class PrimaryKeys(QObject):
    """Ctrl+Enter (and Ctrl+Return) on the game window: submit orders or end the turn.

    An application-wide shortcut, so it keeps working when a dialog has closed and left
    no window active (New game… cancelled, How to play closed): Qt's window shortcuts
    need the window to be the active one again. A modal dialog still blocks it, and it is
    off while another window of the game (the scenario editor, a replay) has the focus, so
    there the keys are theirs. It acts only while the game page shows."""

    def __init__(self, win: QMainWindow, act, page_shown) -> None:
        super().__init__(win)
        from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut

        self.win = win
        self._act = act
        self._page_shown = page_shown
        self.shortcuts = []
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(keys), win)
            sc.activated.connect(self._activated)
            self.shortcuts.append(sc)
        # application-wide from the first game on (Qt's enums cost ~15 ms before the window shows)
        started = getattr(win, "game_started", None)
        if started is not None:
            started.connect(self._widen)
        else:
            self._widen()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_changed)

    def _widen(self) -> None:
        from PySide6.QtCore import Qt

        for sc in self.shortcuts:
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)

    def _other_window(self, handle: object) -> QWidget | None:
        """The game's other top-level window (not a dialog, menu or this window) with ``handle``."""
        if handle is None:
            return None
        for w in QApplication.topLevelWidgets():
            if w.windowHandle() is handle and w is not self.win:
                if w.isModal() or isinstance(w, QMenu) or not w.isVisible():
                    return None
                return w
        return None

    def _focus_changed(self, handle: object) -> None:
        from shiboken6 import isValid

        if not isValid(self):
            return
        on = self._other_window(handle) is None
        for sc in self.shortcuts:
            if isValid(sc):
                sc.setEnabled(on)

    def applies(self) -> bool:
        """Ctrl+Enter is for the game page now (no modal dialog, no other window in front)."""
        if QApplication.activeModalWidget() is not None:
            return False
        active = QApplication.activeWindow()
        if active is not None and active is not self.win and self._other_window(active.windowHandle()):
            return False
        return self.win.isVisible() and bool(self._page_shown())

    def _activated(self) -> None:
        if self.applies():
            self._act()
