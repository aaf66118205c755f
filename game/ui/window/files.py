"""Saved games: Game ▸ Save, Save As and Open. A bad file is said to be bad (its backup is
offered when there is one); a game opens on the scenario it was saved with unless the
player picks the changed file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from game.i18n import text_of

if TYPE_CHECKING:
    from game.engine import Game
    from game.ui.main_window import MainWindow


def _widgets():
    from PySide6 import QtWidgets

    return QtWidgets


class SaveLoad(QObject):
    """Save / Save As / Open for the window; :attr:`save_path` is where Save writes without asking."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.save_path: Path | None = None

    def save_dialog(self, save_as: bool = False) -> None:
        win = self.win
        if win.session is None:
            return
        if not save_as and self.save_path is not None:
            self.save_to(self.save_path)
            return
        from game.saves import SAVE_SUFFIX, default_saves_dir

        folder = default_saves_dir()
        if self.save_path is not None and self.save_path.parent.is_dir():
            folder = self.save_path.parent  # Save As: next to the file this game came from
        session = win.session
        suggested = folder / f"{session.scenario.meta.id}-turn{session.game.state.turn}{SAVE_SUFFIX}"
        path, _ = _widgets().QFileDialog.getSaveFileName(
            win,
            QCoreApplication.translate("MainWindow", "Save game"),
            str(suggested),
            QCoreApplication.translate("MainWindow", "Saved games (*{suffix})").format(suffix=SAVE_SUFFIX),
        )
        if path:
            if not path.endswith(SAVE_SUFFIX) and not path.endswith(".json"):
                path += SAVE_SUFFIX
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save the game (False, with the reason on screen, if it could not be saved)."""
        from game.saves import SaveError, save_game

        win = self.win
        session = win.session
        assert session is not None
        scenario_path = getattr(win.config, "scenario_path", None)
        if scenario_path is not None and Path(scenario_path).suffix.lower() not in (".yaml", ".yml"):
            scenario_path = None
        try:
            save_game(
                path,
                session.game,
                seats={s: session.seats[s].label for s in session.scenario.side_ids},
                scenario_path=scenario_path,
            )
        except SaveError as err:
            _widgets().QMessageBox.warning(
                win, QCoreApplication.translate("MainWindow", "Save game"), err.text(win.lang)
            )
            return False
        self.save_path = Path(path)
        win.recent.games.remember(Path(path))
        win.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Saved to {path}").format(path=str(path)), 5000
        )
        return True

    def open_dialog(self) -> None:
        from game.saves import SAVE_SUFFIX, default_saves_dir

        path, _ = _widgets().QFileDialog.getOpenFileName(
            self.win,
            QCoreApplication.translate("MainWindow", "Open game"),
            str(default_saves_dir()),
            QCoreApplication.translate("MainWindow", "Saved games (*{suffix} *.json)").format(
                suffix=SAVE_SUFFIX
            ),
        )
        if path:
            self.open_from(Path(path), interactive=True)

    def open_from(self, path: Path, interactive: bool = False, remember: bool = True) -> bool:
        """Open a saved game; on a bad file, say what is wrong (and offer its backup).

        ``remember``: Save writes back to ``path`` and it joins the recent games (not
        for the autosave, which is resumed but never becomes "your" file)."""
        from game.saves import SaveError, backup_path, load_game

        qt, win = _widgets(), self.win
        title = QCoreApplication.translate("MainWindow", "Open game")
        source = Path(path)
        try:
            loaded = load_game(source)
        except SaveError as err:
            if not (interactive and err.backup_available):
                if interactive:
                    qt.QMessageBox.warning(win, title, err.text(win.lang))
                win.statusBar().showMessage(err.text(win.lang), 8000)
                return False
            answer = qt.QMessageBox.question(
                win,
                title,
                QCoreApplication.translate(
                    "MainWindow", "{err}\n\nOpen the backup of this save instead?"
                ).format(err=err.text(win.lang)),
            )
            if answer != qt.QMessageBox.StandardButton.Yes:
                return False
            source = backup_path(path)
            try:
                loaded = load_game(source)
            except SaveError as err2:
                qt.QMessageBox.warning(win, title, err2.text(win.lang))
                return False
        game = loaded.game
        if loaded.scenario_changed and loaded.current_game is not None and interactive:
            answer = qt.QMessageBox.question(
                win,
                title,
                QCoreApplication.translate(
                    "MainWindow",
                    "The scenario file has changed since this game was saved. Continue with the current "
                    "scenario file? (No: keep the scenario as it was saved.)",
                ),
            )
            if answer == qt.QMessageBox.StandardButton.Yes:
                game = loaded.current_game
        if loaded.warnings and interactive:
            box = qt.QMessageBox(win)
            box.setObjectName("openWarnings")
            box.setIcon(qt.QMessageBox.Icon.Information)
            box.setWindowTitle(title)
            box.setText(QCoreApplication.translate("MainWindow", "The game was opened, with these remarks:"))
            box.setInformativeText("\n".join("• " + text_of(w, win.lang) for w in loaded.warnings))
            box.exec()
            box.deleteLater()
        self._start_loaded(game, dict(loaded.seats), loaded.scenario_file or path)
        if remember:
            # Save writes back to the file the player opened (a good save replaces a damaged one).
            self.save_path = Path(path)
            win.recent.games.remember(Path(path))
        return True

    def _start_loaded(self, game: Game, labels: dict[str, str], scenario_path: Path) -> None:
        """Seat a loaded game: its human seats stay human, its AIs play again as they were."""
        from game.ai import make_ai, parse_ai_spec
        from game.session import HumanSeat, Seat, Session
        from game.ui.dialogs import GameConfig

        sides = game.scenario.side_ids
        seats: dict[str, Seat] = {}
        humans = []
        for s in sides:
            label = str(labels.get(s, "human"))
            try:
                style, level = parse_ai_spec(label)
                seats[s] = make_ai(style, level)
            except ValueError:  # "human", "script", or an AI this build does not know
                seats[s] = HumanSeat(label="human")
                humans.append(s)
        if not humans:  # an AI-only game (e.g. simulated): the player takes the first side
            humans.append(sides[0])
            seats[sides[0]] = HumanSeat(label="human")
        human = humans[0]
        opp = seats[next(s for s in sides if s != human)]
        style, level = ("pragmatist", "normal")
        if not opp.is_human:
            style, level = parse_ai_spec(opp.label)
        cfg = GameConfig(
            scenario_path=Path(scenario_path),
            side=human,
            opponent="hotseat" if opp.is_human else "ai",
            ai_style=style,
            ai_level=level,
            seed=game.seed,
            lang=self.win.lang,
        )
        self.win.start_session(Session(game, seats), cfg)
