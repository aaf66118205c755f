"""Game ▸ Replay a saved game / Replay this game: the read-only replay viewer, which shows
everything of both sides — so it stays closed while a game that keeps secrets runs
(``controller.reveals``) and for a hot-seat save still in progress (``keeps_secrets``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from game.engine import Game
    from game.ui.main_window import MainWindow
    from game.ui.replay import ReplayViewer


class ReplayLauncher(QObject):
    """Opens the replay viewer on a saved game or on the window's finished game."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.viewer: ReplayViewer | None = None  # the last replay viewer opened

    def choose_and_show(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from game.saves import SAVE_SUFFIX, SaveError, default_saves_dir, load_game

        win = self.win
        title = QCoreApplication.translate("MainWindow", "Replay a saved game")
        path, _ = QFileDialog.getOpenFileName(
            win,
            title,
            str(default_saves_dir()),
            QCoreApplication.translate("MainWindow", "Saved games (*{suffix} *.json)").format(
                suffix=SAVE_SUFFIX
            ),
        )
        if not path:
            return
        try:
            loaded = load_game(Path(path))
        except SaveError as err:
            QMessageBox.warning(win, title, err.text(win.lang))
            return
        from game.session import is_human_label, keeps_secrets

        people = sum(is_human_label(label) for label in loaded.seats.values())
        if keeps_secrets(people, loaded.game.over):  # as `tariff-talks replay --step` refuses it
            win.closed_until_over(
                QCoreApplication.translate("MainWindow", "Replay"),
                QCoreApplication.translate(
                    "MainWindow",
                    "This save is a hot-seat game still in progress. A replay shows both sides' "
                    "briefings, orders and political capital: it opens once the game is over.",
                ),
            )
            return
        self.show(loaded.game)

    def show_current(self) -> None:
        if self.win.session is not None:
            self.show(self.win.session.game)

    def show(self, game: Game) -> ReplayViewer | None:
        """Step through ``game`` turn by turn in a read-only viewer (everything revealed)."""
        from game.engine import Game
        from game.ui.replay import ReplayViewer

        assert isinstance(game, Game)
        win = self.win
        if win.controller is not None and win.controller.reveals(game):
            win.closed_until_over(
                QCoreApplication.translate("MainWindow", "Replay"),
                QCoreApplication.translate(
                    "MainWindow",
                    "This is the game now running (or a save of it). A replay shows both sides' "
                    "briefings, orders and political capital: it opens once the game is over.",
                ),
            )
            return None
        self.viewer = ReplayViewer(game, win.lang, win)
        self.viewer.show()
        return self.viewer
