"""Autosave and undo wiring: the running session is autosaved as it plays (a lasting note
in the status bar while that fails) and its moves are tracked for Edit ▸ Undo / Redo,
which take back only the moves of the side at the screen, within the current phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot

if TYPE_CHECKING:
    from game.saves.undo import UndoStack
    from game.session import Session
    from game.ui.main_window import MainWindow
    from game.ui.persistence import AutosaveService


class UndoWiring(QObject):
    """The window's autosave service and the undo stack of its session."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.autosave: AutosaveService | None = None  # made with the first game
        self.stack: UndoStack | None = None  # of the current session

    def watch(self, session: Session) -> None:
        """Autosave this session as it plays, and track its moves for undo."""
        from game.saves.undo import UndoStack
        from game.ui.persistence import AutosaveService

        if self.autosave is None:
            self.autosave = AutosaveService(self.win)
            self.autosave.failed.connect(self._autosave_failed)
            self.autosave.saved.connect(self._autosaved)
        self.autosave.lang = self.win.lang  # the window's language may have changed since
        self.autosave.watch(session)
        self.stack = UndoStack.for_session(session)

    @Slot(str)
    def _autosave_failed(self, message: str) -> None:
        """Never interrupts play: a lasting note in the status bar (the reason in its tooltip)."""
        win = self.win
        text = QCoreApplication.translate("MainWindow", "Autosave failed: {err}").format(err=message)
        win.st_autosave.setText(QCoreApplication.translate("MainWindow", "⚠ Autosave failed"))
        win.st_autosave.setToolTip(text)
        win.st_autosave.setAccessibleName(text)
        win.st_autosave.show()
        win.statusBar().showMessage(text, 8000)

    @Slot()
    def _autosaved(self) -> None:
        win = self.win
        if win.st_autosave.isVisible():
            win.st_autosave.hide()
            win.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Autosaving works again."), 5000
            )

    def side(self) -> str | None:
        """Whose moves Undo takes back: the side at the screen. Nobody's on the hot-seat
        hand-over screen: a move handed over is final (whoever is at the keyboard now may
        be the other delegation)."""
        c, session = self.win.controller, self.win.session
        if c is None or session is None or c.ai_busy or session.over:
            return None
        return c.shown_side

    def update_actions(self) -> None:
        """Enable Undo / Redo as the stack allows, and say in Undo's tooltip why not."""
        win = self.win
        st, side = self.stack, self.side()
        can_undo = st is not None and side is not None and st.can_undo(side)
        can_redo = st is not None and side is not None and st.can_redo(side)
        win.act_undo.setEnabled(can_undo)
        win.act_redo.setEnabled(can_redo)
        why = (
            st.why_not_undo(side, win.lang) if st is not None and side is not None and not can_undo else None
        )
        c = win.controller
        if c is not None and c.hot_seat and c.shown_side is None:
            why = QCoreApplication.translate(
                "MainWindow", "A move is final once the computer is handed over."
            )
        win.act_undo.setToolTip(
            why or QCoreApplication.translate("MainWindow", "Take back your last move in this phase")
        )

    @Slot()
    def undo(self) -> None:
        """Edit ▸ Undo: take back the last move of the side at the screen, within this phase."""
        from game.saves.undo import UndoError

        side, st = self.side(), self.stack
        if side is None or st is None:
            return
        try:
            st.undo(side)
        except UndoError as err:
            self.win.statusBar().showMessage(err.text(self.win.lang), 5000)
            return
        if self.autosave is not None:
            self.autosave.save_now()
        c = self.win.controller
        if c is not None:
            c.changed.emit()  # the same side stays at the screen (undo never crosses a hand-over)
        self.update_actions()
        self.win.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Your last move was taken back."), 4000
        )

    @Slot()
    def redo(self) -> None:
        """Edit ▸ Redo: play the move taken back again (the game then goes on as after any move)."""
        from game.engine import IllegalAction
        from game.saves.undo import UndoError

        side, st = self.side(), self.stack
        if side is None or st is None:
            return
        try:
            st.redo(side)
        except UndoError as err:
            self.win.statusBar().showMessage(err.text(self.win.lang), 5000)
            return
        except IllegalAction as err:
            said = QCoreApplication.translate("MainWindow", "Rule {rule}: {message}")
            self.win.statusBar().showMessage(
                said.format(rule=err.rule, message=err.text(self.win.lang)), 5000
            )
            return
        if self.win.controller is not None:
            self.win.controller._advance()
        self.update_actions()

    def shutdown(self) -> None:
        if self.autosave is not None:
            self.autosave.shutdown()
