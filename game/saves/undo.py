"""Undo and redo within the current player's phase.

The rules (what :class:`UndoStack` allows):

1. **Only your own actions.** ``undo(side)`` takes back the last action only if
   ``side`` played it and ``side`` is a human seat. In hot-seat, the side passed
   is the player at the screen, so one player can never take back the other's
   actions — and once the other side has acted after you, nothing of yours is
   undoable any more (an action is undoable only while it is at the very end of
   the game's actions).
2. **Only within the current phase of the current turn.** An action is undoable
   only if the game is still in the turn and phase in which it was played. Once
   the table opens (both sides' orders are in), the orders are final; once the
   turn resolves (an accept, an end of talks, the last allowed reject) or the
   game ends (a walk-out), nothing before it can be undone.
3. Several consecutive actions of the same side in the same phase (e.g. a
   reject and then a new proposal) can be undone one by one.
4. **Redo** replays undone actions, most recent first, and is available until
   any new action is played (which clears it). A redone action is checked
   against the rules again.

Undo never edits a game in place: it rebuilds a new :class:`~game.engine.Game`
from scenario + seed + the actions without the undone ones (event sourcing),
so what you get is exactly the game as it was. The stack's ``game`` is then the
new Game; with :meth:`UndoStack.for_session` the session's ``game`` is swapped too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from game.engine import Action, Game
from game.i18n import N_, t


class UndoError(Exception):
    """Nothing can be undone or redone now: ``message`` says why in English, :meth:`text` in the
    reader's language (``msgid`` and ``fields``, like the engine's refusals)."""

    def __init__(self, message: str, /, **fields: Any) -> None:
        self.msgid = message
        self.fields = fields
        self.message = message.format(**fields) if fields else message
        super().__init__(self.message)

    def text(self, lang: str | None) -> str:
        return t(lang, self.msgid, **self.fields)


Position = tuple[int, str]  # (turn, phase) in which an action was played


class UndoStack:
    """Undo/redo for one game. Play through :meth:`play`, or call :meth:`observe`
    after each action played elsewhere (``for_session`` does that for you).

    ``submit``: how redo plays an action (default: :meth:`play`).

    ``human_sides``: the sides played by people; only their actions are undoable.
    ``on_replace(game)`` is called with the rebuilt game after undo and redo.
    """

    def __init__(
        self,
        game: Game,
        human_sides: Iterable[str],
        on_replace: Callable[[Game], None] | None = None,
        submit: Callable[[Action], None] | None = None,
    ) -> None:
        self.game = game
        self.human_sides = frozenset(human_sides)
        self.on_replace = on_replace
        self._submit = submit
        self._positions: list[Position] = []  # position before each action
        self._after: Position = (0, "")  # position after the last tracked action
        self._redo: list[Action] = []
        self._sync(force=True)

    @classmethod
    def for_session(cls, session: Any) -> UndoStack:
        """An UndoStack that follows ``session`` (a :class:`game.session.Session`): it
        observes the session's actions, redoes through ``session.submit`` (so the
        session's ``on_action`` callbacks, e.g. autosave, see redone actions) and,
        on undo, sets ``session.game`` to the rebuilt game. After an undo, autosave
        again (``Autosaver.save``) if you autosave."""

        def replace(game: Game) -> None:
            session.game = game

        stack = cls(
            session.game,
            [s for s, seat in session.seats.items() if seat.is_human],
            on_replace=replace,
            submit=session.submit,
        )
        session.on_action.append(stack.observe)
        return stack

    # ------------------------------------------------------------ tracking
    def _position(self) -> Position:
        return (self.game.state.turn, self.game.state.phase)

    def _sync(self, force: bool = False) -> None:
        """Learn the position before every action, replaying the game once if needed."""
        if not force and len(self._positions) == len(self.game.actions):
            return
        g = Game(self.game.scenario, self.game.seed)
        positions: list[Position] = []
        for a in self.game.actions:
            positions.append((g.state.turn, g.state.phase))
            g.play(a)
        self._positions = positions
        self._after = self._position()

    def play(self, action: Action) -> None:
        """Play ``action`` on the game (IllegalAction if refused) and note it."""
        self.game.play(action)
        self.observe(action)

    def observe(self, action: Action) -> None:
        """Tell the stack that ``action`` was just played on ``self.game`` (by the session)."""
        if len(self._positions) == len(self.game.actions) - 1:
            self._positions.append(self._after)
            self._after = self._position()
        else:
            self._sync(force=True)
        if self._redo and self._redo[-1] == action:
            self._redo.pop()  # a redo played through the session
        else:
            self._redo.clear()  # a new action: the undone ones are gone

    # ------------------------------------------------------------ queries
    def undoable(self, side: str) -> int:
        """How many of the last actions ``side`` may undo now (0 if none)."""
        if side not in self.human_sides:
            return 0
        self._sync()
        now: Position = (self.game.state.turn, self.game.state.phase)
        n = 0
        for a, pos in zip(reversed(self.game.actions), reversed(self._positions), strict=True):
            if a.side != side or pos != now:
                break
            n += 1
        return n

    def can_undo(self, side: str) -> bool:
        return self.undoable(side) > 0

    def can_redo(self, side: str) -> bool:
        return bool(self._redo) and self._redo[-1].side == side and side in self.human_sides

    def why_not_undo(self, side: str, lang: str | None = "en") -> str | None:
        """A sentence saying why ``side`` cannot undo now (in ``lang``), or None if it can."""
        msgid = self._why_not(side)
        return None if msgid is None else t(lang, msgid, side=side)

    def _why_not(self, side: str) -> str | None:
        """Why ``side`` cannot undo now, as a message id (its field: ``side``), or None."""
        if self.can_undo(side):
            return None
        if side not in self.human_sides:
            return N_("{side} is not played by a person here")
        if not self.game.actions:
            return N_("nothing has been played yet")
        last = self.game.actions[-1]
        if last.side != side:
            return N_("the last move is the other side's: you can only undo your own")
        return N_("the turn or phase has moved on since your last move: it is final")

    # ------------------------------------------------------------ actions
    def undo(self, side: str, steps: int = 1) -> Game:
        """Take back ``side``'s last ``steps`` actions; return the rebuilt game. UndoError if not allowed."""
        if steps < 1:
            raise UndoError(N_("undo at least one action"))
        available = self.undoable(side)
        if available < steps:
            why = self._why_not(side)
            if why is not None:
                raise UndoError(why, side=side)
            raise UndoError(N_("only {n} of your actions can be undone now"), n=available)
        actions = list(self.game.actions)
        keep, undone = actions[:-steps], actions[-steps:]
        game = Game.replay(self.game.scenario, self.game.seed, keep)
        game.extras = self.game.extras  # the same game: it keeps its save record (created_at, checkpoints)
        self._positions = self._positions[: len(keep)]
        self._redo.extend(reversed(undone))
        self._replace(game)
        self._after = self._position()
        return game

    def redo(self, side: str) -> Game:
        """Play again the most recently undone action; return the game. UndoError if
        not allowed; IllegalAction (nothing changed) if the rules refuse it now."""
        if not self.can_redo(side):
            raise UndoError(N_("nothing of yours to redo"))
        action = self._redo[-1]
        if self._submit is not None:
            self._submit(action)  # the session plays it and calls observe()
        else:
            self.play(action)
        return self.game

    def _replace(self, game: Game) -> None:
        self.game = game
        if self.on_replace is not None:
            self.on_replace(game)
