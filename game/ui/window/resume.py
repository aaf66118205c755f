"""At start-up: a game that did not finish last time (a crash, a kill, the window closed
mid-game) is offered back — Resume it, Start new (it is kept in the saves folder) or
Discard it; otherwise the first-run welcome page, ``path`` or the default scenario."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot

from game.ui import workers
from game.ui.window.settings import is_first_run

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


class ResumeFlow(QObject):
    """The start-up question about an unfinished game, and what each answer does."""

    #: The answers to the start-up question about an unfinished game.
    RESUME, START_NEW, DISCARD = "resume", "new", "discard"

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.first_run = False

    def start(self, path: Path | None = None) -> None:
        """Look for an unfinished game off the GUI thread (unless ``path`` is given)."""
        self.first_run = is_first_run()  # read before anything is remembered
        if path is not None or os.environ.get("TARIFF_TALKS_STARTUP_PROBE"):
            self.win.open_default(path)
            return

        def find() -> object:
            from game.saves import find_resumable

            return find_resumable()

        workers.start(find, self._found, self._not_found, tag="resume")

    @Slot(object, object)
    def _not_found(self, tag: object, exc: object) -> None:
        self.win.open_default(None)

    @Slot(object, object)
    def _found(self, tag: object, found: object) -> None:
        win = self.win
        if found is None:
            # the very first start: the tutorial, How to play, or Geneva
            if self.first_run:
                from game.ui.dialogs import offer_welcome

                offer_welcome(win)
                return
            win.open_default(None)
            return
        from game.saves.autosave import default_autosaver

        path = Path(str(found))
        choice = self.ask(path)
        if choice == self.RESUME:
            if win.open_from(path, interactive=True, remember=False):
                win.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Resumed your unfinished game."), 6000
                )
                return
        elif choice == self.START_NEW:
            kept = self.keep_unfinished(path)
            default_autosaver().finish()
            if kept is not None:
                win.statusBar().showMessage(
                    QCoreApplication.translate(
                        "MainWindow", "Your unfinished game was kept in {path} (Game ▸ Open recent)."
                    ).format(path=str(kept)),
                    10_000,
                )
        else:
            default_autosaver().discard()
        win.open_default(None)

    def keep_unfinished(self, path: Path) -> Path | None:
        """Copy the autosave of an unfinished game into the saves folder (and the recent
        games), so that starting a new game does not lose it. None if it could not be kept."""
        from game.saves import SAVE_SUFFIX, SaveError, atomic_write, default_saves_dir, read_save_info

        try:
            info = read_save_info(path)
            data = path.read_bytes()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            turn = info.meta.turn if info.meta is not None else 0
            target = default_saves_dir() / f"unfinished-{info.scenario_id}-turn{turn}-{stamp}{SAVE_SUFFIX}"
            atomic_write(target, data, keep_backup=False)
        except (SaveError, OSError) as err:
            message = err.text(self.win.lang) if isinstance(err, SaveError) else str(err)
            self.win.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "The unfinished game could not be kept: {err}"
                ).format(err=message),
                10_000,
            )
            return None
        self.win.recent.games.remember(target)
        return target

    def ask(self, path: Path) -> str:
        """Ask what to do with the unfinished game autosaved at ``path``: ``RESUME`` it,
        ``START_NEW`` (the unfinished game is kept in the saves folder) or ``DISCARD`` it.

        The question is a QMessageBox named ``resumePrompt`` whose buttons are named
        ``resumeButton``, ``startNewButton`` and ``discardButton``; closing it (Escape)
        starts a new game and keeps the old one."""
        from PySide6.QtWidgets import QMessageBox

        from game.saves import SaveError, read_save_info

        detail = ""
        try:
            info = read_save_info(path)
            if info.meta is not None:
                detail = QCoreApplication.translate(
                    "MainWindow", " ({scenario}, turn {turn}, saved {when})"
                ).format(
                    scenario=info.scenario_id,
                    turn=info.meta.turn,
                    when=info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                )
        except SaveError:
            pass
        box = QMessageBox(self.win)
        box.setObjectName("resumePrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Resume?"))
        box.setText(
            QCoreApplication.translate(
                "MainWindow", "A game did not finish last time{detail}. Resume it?"
            ).format(detail=detail)
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "MainWindow",
                "Start new keeps the unfinished game in your saves folder (Game ▸ Open recent); "
                "Discard deletes it.",
            )
        )
        role = QMessageBox.ButtonRole
        resume = box.addButton(QCoreApplication.translate("MainWindow", "&Resume"), role.AcceptRole)
        new = box.addButton(QCoreApplication.translate("MainWindow", "&Start new"), role.RejectRole)
        discard = box.addButton(QCoreApplication.translate("MainWindow", "&Discard"), role.DestructiveRole)
        for button, name, label in (
            (resume, "resumeButton", QCoreApplication.translate("MainWindow", "Resume the unfinished game")),
            (
                new,
                "startNewButton",
                QCoreApplication.translate("MainWindow", "Start a new game and keep the unfinished one"),
            ),
            (
                discard,
                "discardButton",
                QCoreApplication.translate("MainWindow", "Discard the unfinished game"),
            ),
        ):
            button.setObjectName(name)
            button.setAccessibleName(label)
        box.setDefaultButton(resume)
        box.setEscapeButton(new)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is resume:
            return self.RESUME
        if clicked is discard:
            return self.DISCARD
        return self.START_NEW
