"""The Scenario menu: the scenario editor (this scenario, a new one, or one the player
chooses; a built-in scenario is edited as a copy for the player's own folder), play-test
from the editor, and Open scenario file (a located list of its problems, or a game on it).

A scenario file holds both delegations' briefings: while a hot-seat game runs
(``controller.keeps_secrets``) no editor opens and an open one is hidden, until the game
is over or a game that keeps no secrets replaces it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from game.scenario.models import Scenario
    from game.ui.editor import ScenarioEditor
    from game.ui.main_window import MainWindow


def _alive(widget: QWidget) -> bool:
    """The C++ side of ``widget`` still exists (a closed editor deletes itself)."""
    from shiboken6 import isValid

    return isValid(widget)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


class EditorLauncher(QObject):
    """Opens, raises and hides the window's scenario editor; starts play-tests from it."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.editor: ScenarioEditor | None = None  # the last one opened
        self._hidden: ScenarioEditor | None = None  # the editor hidden during a hot-seat game

    def _open_editor(self, path: Path | None) -> ScenarioEditor:
        from game.ui.editor import open_scenario_editor

        self.editor = open_scenario_editor(self.win, path, self.play_test)
        return self.editor

    def sync_secrecy(self) -> None:
        """While a hot-seat game runs, the scenario editor (it shows whole files, both
        briefings included) is hidden — nothing in it is lost; it comes back when the game
        is over or a game that keeps no secrets replaces it."""
        win = self.win
        keeps_secrets = win.controller is not None and win.controller.keeps_secrets
        editor = self.editor
        if keeps_secrets and editor is not None and _alive(editor) and editor.isVisible():
            editor.hide()
            self._hidden = editor
            win.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow",
                    "The scenario editor is hidden during this hot-seat game (it shows both "
                    "briefings); it comes back when the game is over.",
                ),
                10_000,
            )
            return
        hidden = self._hidden
        if not keeps_secrets and hidden is not None:
            self._hidden = None
            if _alive(hidden):
                hidden.show()
                hidden.raise_()

    def edit(self, new: bool = False) -> ScenarioEditor | None:
        """Scenario ▸ Edit: the current scenario in the editor (or one the player chooses;
        a built-in scenario is edited as a copy for the player's own folder). Play-test
        starts a game from it here at once."""
        from game.ui.dialogs import bundled_scenario_dir, user_scenario_dir

        win = self.win
        editor = self.editor
        if editor is not None and not (_alive(editor) and editor.isVisible()):
            editor = None
        current = getattr(win.config, "scenario_path", None)
        path: Path | None = None
        if current is not None and Path(current).suffix.lower() in (".yaml", ".yml"):
            path = Path(current) if Path(current).is_file() else None
        if win.controller is not None and win.controller.keeps_secrets:
            # The editor shows whole files (this game's, its saves', copies of them), both
            # briefings included: none opens while two delegations share the screen — not a
            # new scenario either (its File ▸ Open… reaches any file, this game's included).
            win.closed_until_over(
                QCoreApplication.translate("MainWindow", "Edit this scenario"),
                QCoreApplication.translate(
                    "MainWindow",
                    "A scenario file holds both delegations' briefings: the scenario editor opens "
                    "once this hot-seat game is over.",
                ),
            )
            return None
        builtin = path is not None and _inside(path, bundled_scenario_dir())
        target = user_scenario_dir() / path.name if builtin and path is not None else path
        if not new and editor is not None:
            # the editor is open: bring it to the front — on the current scenario, unless the
            # author has unsaved work in it (or is play-testing a copy)
            if (
                not editor.modified
                and target is not None
                and target not in (editor.path, editor.suggested_path)
            ):
                if builtin and path is not None:
                    editor.open_copy(path, target)
                else:
                    editor.open_path(target)
            editor.raise_()
            editor.activateWindow()
            return editor
        if not new and path is None:
            path = self.choose_file(QCoreApplication.translate("MainWindow", "Edit a scenario"))
            if path is None:
                return None
            builtin = _inside(path, bundled_scenario_dir())
        if new:
            path, builtin = None, False
        editor = self._open_editor(None if builtin else path)
        if builtin and path is not None:
            editor.open_copy(path, user_scenario_dir() / path.name)
        return editor

    def choose_file(self, title: str) -> Path | None:
        """A scenario file chosen by the player (starting in their own scenario folder if it has any)."""
        from PySide6.QtWidgets import QFileDialog

        from game.ui.dialogs import bundled_scenario_dir, user_scenario_dir

        own = user_scenario_dir()
        folder = own if own.is_dir() and any(own.glob("*.y*ml")) else bundled_scenario_dir()
        name, _ = QFileDialog.getOpenFileName(
            self.win, title, str(folder), QCoreApplication.translate("MainWindow", "Scenarios (*.yaml *.yml)")
        )
        return Path(name) if name else None

    def play_test(self, scenario: Scenario, path: Path | None) -> None:
        """Start a game at once from an edited scenario, with the New game choices made
        before (side, opponent, AI) or, the first time, against the AI."""
        from game.ui.dialogs import GameConfig

        win = self.win
        sides = scenario.side_ids
        prev = win.config
        side = getattr(prev, "side", sides[0])
        cfg = GameConfig(
            scenario_path=Path(path) if path else Path("untitled.yaml"),
            side=side if side in sides else sides[0],
            opponent=getattr(prev, "opponent", "ai"),
            ai_style=getattr(prev, "ai_style", "pragmatist"),
            ai_level=getattr(prev, "ai_level", "normal"),
            seed=random.randrange(1_000_000),
            lang=win.lang,
        )
        win.start_game(cfg, scenario)
        win.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Play-testing the edited scenario."), 6000
        )
        win.raise_()
        win.activateWindow()

    def open_dialog(self) -> None:
        path = self.choose_file(QCoreApplication.translate("MainWindow", "Open scenario"))
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        """Validate a scenario file; start a game on it, or list its problems, located."""
        from PySide6.QtWidgets import QMessageBox

        from game.scenario.loader import validate_file

        win = self.win
        scenario, problems = validate_file(path)
        if scenario is not None:
            self.play_test(scenario, path)
            return True
        errors = [d for d in problems if d.is_error]
        shown = errors[:12]
        text = "\n".join(d.format() for d in shown)
        if len(errors) > len(shown):
            text += "\n" + QCoreApplication.translate(
                "MainWindow", "…and {n} more (see the details)."
            ).format(n=len(errors) - len(shown))
        box = QMessageBox(win)
        box.setObjectName("scenarioProblems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Open scenario"))
        box.setText(
            QCoreApplication.translate("MainWindow", "This scenario has problems:\n\n{problems}").format(
                problems=text
            )
        )
        box.setDetailedText("\n".join(d.format() for d in problems))
        fix = None
        if win.controller is None or not win.controller.keeps_secrets:  # see edit
            fix = box.addButton(
                QCoreApplication.translate("MainWindow", "&Fix it in the editor…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            fix.setObjectName("fixInEditor")
            fix.setAccessibleName(
                QCoreApplication.translate(
                    "MainWindow", "Open the scenario in the editor at its first problem"
                )
            )
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if fix is not None and clicked is fix and path.is_file():
            editor = self._open_editor(path)
            if errors:
                editor.go_to_line(errors[0].line, errors[0].col)
        return False
