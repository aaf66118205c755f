"""The window's part of ``tariff-talks --selftest``: open it on a scenario, see the game on the
table, close it.

:func:`open_and_close` runs without a screen on Qt's offscreen platform (the caller sets
``QT_QPA_PLATFORM``). It returns what went wrong, or None: the self-test reports, it never
raises. A guard of ``timeout_s`` (minutes, never reached when the window works) closes any
dialog that would wait for a person and ends the check.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def open_and_close(scenario: Path, lang: str = "en", timeout_s: float = 180.0) -> tuple[str | None, str]:
    """Open the game window on ``scenario`` in ``lang``, wait until its game has started, close it.

    Returns (problem, what was seen): problem None if the game window showed the game."""
    from game.ui import workers
    from game.ui.app import create_window, make_app
    from game.ui.i18n import available_languages

    app = make_app()
    if lang not in available_languages():
        return f"the window has no catalog for {lang!r} (it has {', '.join(available_languages())})", ""
    win = create_window(scenario, lang)
    loop = QEventLoop()
    dialogs: list[str] = []

    def guard() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                dialogs.append(w.text())
                w.reject()
        loop.quit()

    win.game_started.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(guard)
    timer.start(int(timeout_s * 1000))
    loop.exec()
    timer.stop()
    session = getattr(win, "session", None)
    problem = None
    seen = ""
    if session is None:
        problem = "the window did not start the game" + (f": {' / '.join(dialogs)}" if dialogs else "")
    else:
        seen = f"{win.windowTitle()!r}, turn {session.game.state.turn}, {win.width()}x{win.height()}"
        if not win.isVisible():
            problem = "the window is not shown"
    win.close()
    workers.wait_all(30_000)
    win.deleteLater()
    app.processEvents()
    return problem, seen
