"""The window's driver: a :class:`~game.session.Session` plus whose eyes are on the screen.

The controller holds no rule. Human actions go to ``Session.submit`` (the engine
checks them and raises ``IllegalAction``); AI seats decide in a worker thread
(``Session.decide_ai`` is pure) and their action is played back here, on the GUI
thread. In hot-seat games the controller hides the screen between the two
delegations' private phases: ``shown_side`` is ``None`` while the hand-over
screen is up, and the window renders only ``session.view(shown_side)``.

Secrecy holds by construction: :meth:`context` is the only thing the panels get,
and it is derived from the shown side's view alone (its rules are built from the
view's scenario, which carries only that side's briefing). While a game with two
human sides runs (:attr:`keeps_secrets`), whatever reads the full game — a replay
of it or of any save of it, the scenario editor on its scenario, the debrief —
stays closed (see :meth:`reveals`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from game.engine import Action, Game, IllegalAction, Rules, View
from game.session import Session
from game.ui import workers
from game.ui.common import Ctx


class GameController(QObject):
    """Drives one session for the window."""

    #: The game moved on: re-render from ``view()``.
    changed = Signal()
    #: (thinking, side) — an AI seat started or stopped thinking.
    thinking = Signal(bool, str)
    #: An action was refused: (rule, message).
    refused = Signal(str, str)
    #: Hot-seat: pass the computer to this side.
    handover = Signal(str)
    #: The game is over.
    over = Signal()
    #: Something unexpected went wrong (an AI failed): message.
    failed = Signal(str)

    def __init__(self, session: Session, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.human_sides: tuple[str, ...] = tuple(
            s for s in session.scenario.side_ids if session.seats[s].is_human
        )
        self.shown_side: str | None = None
        self.ai_busy = False
        self.ai_seconds: list[float] = []
        self._generation = 0
        self._ai_started = 0.0
        self._stopped = False
        #: Show the "thinking" state at least this long, so the player sees who moved (0 in tests).
        self.min_think_ms = 0
        self._public_rules: dict[str, Rules] = {}  # side -> rules of that side's public scenario

    # ------------------------------------------------------------- properties
    @property
    def hot_seat(self) -> bool:
        return len(self.human_sides) > 1

    @property
    def over_now(self) -> bool:
        return self.session.over

    @property
    def keeps_secrets(self) -> bool:
        """Two people share this computer and the game runs: each side's secrets stay hidden."""
        return self.session.keeps_secrets

    def view(self) -> View | None:
        """What the screen may show now: the shown side's view, or nothing."""
        if self.shown_side is None:
            return None
        return self.session.view(self.shown_side)

    def context(self) -> Ctx | None:
        """Everything the panels may render now, derived from the shown side's view alone."""
        v = self.view()
        if v is None:
            return None
        rules = self._public_rules.get(v.side)
        if rules is None:  # built once per side, from the scenario as that side sees it
            rules = self._public_rules[v.side] = Rules(v.scenario)
        return Ctx(view=v, rules=rules, lang=self.lang, can_act=self.my_move())

    def reveals(self, game: Game) -> bool:
        """Showing all of ``game`` (a replay, the editor on its scenario) would reveal a secret of
        the game now running: it is this game, or a save of it (same scenario and seed), and
        the game is not over. Against the AI that secret is the AI's briefing and orders."""
        if self.session.over:
            return False
        running = self.session.game
        return game is running or (
            game.seed == running.seed and game.scenario.meta.id == running.scenario.meta.id
        )

    def my_move(self) -> bool:
        """The shown side may act now (and no AI is thinking)."""
        return (
            not self.ai_busy
            and self.shown_side is not None
            and not self.session.over
            and self.session.next_actor() == self.shown_side
        )

    # ---------------------------------------------------------------- driving
    def start(self) -> None:
        """Begin (or resume) the game: decide who sees the screen, start the AI if it moves."""
        if not self.human_sides:
            self.shown_side = self.session.scenario.side_ids[0]
        elif not self.hot_seat:
            self.shown_side = self.human_sides[0]
        else:
            self.shown_side = None
        self._advance()

    def stop(self) -> None:
        """Forget any AI result still on its way (a new game replaces this one)."""
        self._stopped = True
        self._generation += 1

    def act(self, action: Action) -> bool:
        """Play a human action for the shown side. False (and ``refused``) if the rules forbid it."""
        if self.ai_busy or self.shown_side is None or action.side != self.shown_side:
            self.refused.emit("", self.tr("Wait for your turn."))
            return False
        try:
            self.session.submit(action)
        except IllegalAction as err:
            self.refused.emit(err.rule, err.text(self.lang))
            return False
        self._advance()
        return True

    def ready(self, side: str) -> None:
        """Hot-seat: ``side``'s delegation has the computer and pressed Ready."""
        if self.session.over or self.session.next_actor() != side:
            return
        self.shown_side = side
        self.changed.emit()

    def _advance(self) -> None:
        if self._stopped:
            return
        if self.session.over:
            self.changed.emit()
            self.over.emit()
            return
        side = self.session.next_actor()
        assert side is not None
        if not self.session.seats[side].is_human:
            self.changed.emit()
            self._think(side)
            return
        if self.hot_seat and side != self.shown_side:
            self.shown_side = None
            self.changed.emit()
            self.handover.emit(side)
            return
        self.shown_side = side
        self.changed.emit()

    # --------------------------------------------------------------------- AI
    def _think(self, side: str) -> None:
        self.ai_busy = True
        self._generation += 1
        self._ai_started = time.perf_counter()
        self.thinking.emit(True, side)
        session = self.session
        workers.start(session.decide_ai, self._ai_done, self._ai_failed, tag=(self._generation, side))

    @Slot(object, object)
    def _ai_done(self, tag: tuple[int, str], action: Action) -> None:
        generation, side = tag
        if generation != self._generation or self._stopped:
            return
        elapsed = time.perf_counter() - self._ai_started
        self.ai_seconds.append(elapsed)
        wait_ms = int(self.min_think_ms - elapsed * 1000)
        if wait_ms > 0:
            QTimer.singleShot(wait_ms, self, lambda: self._apply_ai(generation, side, action))
            return
        self._apply_ai(generation, side, action)

    def _apply_ai(self, generation: int, side: str, action: Action) -> None:
        if generation != self._generation or self._stopped:
            return
        self.ai_busy = False
        self.thinking.emit(False, side)
        try:
            self.session.submit(action)
        except IllegalAction as err:
            self.failed.emit(self.tr("The AI tried an illegal move ({0}).").replace("{0}", str(err)))
            return
        self._advance()

    @Slot(object, object)
    def _ai_failed(self, tag: tuple[int, str], exc: Exception) -> None:
        generation, side = tag
        if generation != self._generation or self._stopped:
            return
        self.ai_busy = False
        self.thinking.emit(False, side)
        self.failed.emit(self.tr("The AI failed to decide: {0}").replace("{0}", repr(exc)))
