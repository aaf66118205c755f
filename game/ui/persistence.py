"""Autosave and undo for the window.

Autosaving replays the game once to check it, which takes tens of milliseconds on
a long game, so it runs on one background thread of its own (saves never overlap)
on a snapshot of the game taken on the GUI thread: the window never waits for the
disk. Errors never interrupt play; they reach the status bar through a signal.
Undo and redo follow :class:`game.saves.undo.UndoStack`: only the person at the
screen's own actions, only within the current phase of the current turn.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from game.engine import Action, Game

if TYPE_CHECKING:
    from game.session import Session


def snapshot(game: Game) -> Game:
    """A copy of ``game`` that later moves on the GUI thread cannot touch."""
    snap = copy.copy(game)
    snap.actions = list(game.actions)
    snap.state = game.state.copy()
    return snap


class AutosaveService(QObject):
    """Autosaves the window's session as it plays (see ``game.saves.Autosaver``)."""

    #: An autosave failed: the message (shown in the status bar).
    failed = Signal(str)
    #: An autosave reached the disk (after a failure, the status bar clears its warning).
    saved = Signal()

    def __init__(self, parent: QObject | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        from game.saves import Autosaver

        #: The language of the failure messages (the window's).
        self.lang = lang
        self.saver = Autosaver()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._session: Session | None = None
        self._callback: Callable[[Action], None] | None = None
        self._last: Future[None] | None = None

    def watch(self, session: Session) -> None:
        """Autosave ``session`` from now on (replacing the game watched before)."""
        self.unwatch()
        self._session = session
        self._callback = self._on_action
        session.on_action.append(self._callback)
        self.save_now()

    def unwatch(self) -> None:
        if self._session is not None and self._callback in self._session.on_action:
            self._session.on_action.remove(self._callback)
        self._session = None

    def _on_action(self, action: Action) -> None:
        session = self._session
        if session is None:
            return
        humans = {s for s, seat in session.seats.items() if seat.is_human}
        self._submit(snapshot(session.game), self._labels(session), action, humans)

    def save_now(self) -> None:
        """Autosave the watched game now (after an undo, say)."""
        session = self._session
        if session is not None:
            self._submit(snapshot(session.game), self._labels(session), None, set(), force=True)

    @staticmethod
    def _labels(session: Session) -> dict[str, str]:
        return {s: seat.label for s, seat in session.seats.items()}

    def _submit(
        self, game: Game, seats: dict[str, str], action: Action | None, humans: set[str], force: bool = False
    ) -> None:
        def work() -> None:
            from game.saves import SaveError

            if force:
                try:
                    self.saver.save(game, seats)
                except SaveError as err:
                    self.failed.emit(err.text(self.lang))
                except Exception as exc:  # never into play: a bug here must not stop the game
                    self.failed.emit(str(exc))
                else:
                    self.saved.emit()
                return
            try:
                ok = self.saver.maybe_save(game, seats, action, human_sides=frozenset(humans))
            except Exception as exc:
                self.failed.emit(str(exc))
                return
            if ok:
                self.saved.emit()
            else:
                problem = self.saver.last_error
                if problem is not None:
                    self.failed.emit(problem.message)

        self._last = self._pool.submit(work)

    def wait(self, timeout: float = 10.0) -> None:
        """Wait for the last autosave to be on disk (tests, closing the window)."""
        if self._last is not None:
            self._last.result(timeout=timeout)

    def shutdown(self) -> None:
        self.unwatch()
        self._pool.shutdown(wait=True)
