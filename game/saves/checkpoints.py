"""Per-turn digests ("checkpoints") and replays that check them.

A checkpoint is a digest of the state at the start (turn 0, no actions) and
after every turn's resolution (the resolved turn, and how many actions had been
played), including the last turn when the game ends. Replaying a save and
comparing at each checkpoint says in which turn a replay first differs from the
game that was saved — after an engine or economy change, or a hand edit.

The digest (:func:`turn_digest`) covers everything a turn changes — turn, phase,
instrument levels, meters, both sides' political state, trust, the economy's
state, agreements, this turn's offers and news, and the turn's history record —
but not the whole accumulated history, so it costs the same in turn 1 and turn
500 (a full ``state_hash`` grows with the game). The final full ``state_hash``
is saved too and catches anything the digests do not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from game.engine import Action, Game, GameState
from game.engine.state import _json_default
from game.i18n import Joined, Said
from game.saves.schema import Checkpoint
from game.scenario.models import Scenario


def turn_digest(state: GameState) -> str:
    """sha256 of the parts of ``state`` a turn changes (see the module docstring)."""
    turn = state.turn
    body = {
        "turn": turn,
        "phase": state.phase,
        "levels": state.levels,
        "meters": state.meters,
        "shared": state.shared,
        "trust": state.trust_pct,
        "sides": {k: asdict(v) for k, v in state.sides.items()},
        "econ": state.econ.to_dict(),
        "agreements": [asdict(a) for a in state.agreements],
        "offers": [asdict(o) for o in state.offers if o.turn >= turn - 1],
        "news": [asdict(n) for n in state.news if n.turn >= turn - 1],
        "last": asdict(state.history[-1]) if state.history else None,
        "counts": [len(state.history), len(state.news), len(state.offers)],
        "fired": state.fired_events,
        "end": [state.end_reason, state.ended_by, state.deal_signed],
        "pending": [state.table_mover, state.pending_offer, state.exchanges_used],
        "shocks": [state.pending_uncertainty, state.pending_growth_pp],
        "recession": state.high_recession_turns,
        "moved": state.moved_last_turn,
    }
    blob = json.dumps(body, sort_keys=True, default=_json_default, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _position(game: Game) -> tuple[int, str]:
    return game.state.turn, game.state.phase


def play_recording(game: Game, action: Action, checkpoints: list[Checkpoint]) -> None:
    """Play ``action`` on ``game``; append a checkpoint if a turn resolved."""
    turn, phase = _position(game)
    game.play(action)
    new_turn, new_phase = _position(game)
    if new_turn != turn or (new_phase == "over" and phase != "over"):
        checkpoints.append(Checkpoint(turn=turn, actions=len(game.actions), digest=turn_digest(game.state)))


class CheckpointTracker:
    """Computes a game's checkpoints incrementally on a shadow copy of it.

    ``update(actions)`` replays only the actions added since the last call (or
    starts over if earlier actions changed, e.g. after an undo), so autosaving
    every turn costs one turn's replay, not the whole game's. A game's tracker lives
    in its save record (:class:`game.saves.record.SaveRecord`, which also serialises
    its updates); on its own it is not thread-safe.
    """

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self._reset()

    def _reset(self) -> None:
        self.shadow = Game(self.scenario, self.seed)
        self.checkpoints = [Checkpoint(turn=0, actions=0, digest=turn_digest(self.shadow.state))]

    def update(self, actions: Sequence[Action]) -> list[Checkpoint]:
        done = self.shadow.actions
        n = len(done)
        if n > len(actions) or any(a is not b and a != b for a, b in zip(done, actions, strict=False)):
            self._reset()
            n = 0
        for a in actions[n:]:
            play_recording(self.shadow, a, self.checkpoints)
        return list(self.checkpoints)


@dataclass(frozen=True)
class Divergence:
    """Where a replay first differs from the saved game."""

    turn: int  # the turn whose resolution differs (0: the start)
    actions: int  # actions played at the first differing checkpoint
    last_good_turn: int | None  # the last checkpoint that matched
    last_good_actions: int | None
    expected: str
    actual: str

    def said(self) -> Joined:
        """Where the replay diverged, to be read in any language (a load warning's clause)."""
        if self.turn == 0:
            parts = [Said("the replay diverges from the saved game at the start of the game")]
        else:
            parts = [Said("the replay diverges from the saved game in turn {turn}", turn=self.turn)]
        if self.actions:
            parts.append(Said(" (checked after action {n})", n=self.actions))
        if self.last_good_turn is not None and self.last_good_turn > 0:
            parts.append(
                Said(
                    "; it still matched after turn {turn} (action {n})",
                    turn=self.last_good_turn,
                    n=self.last_good_actions,
                )
            )
        elif self.last_good_turn == 0:
            parts.append(Said("; it still matched at the start"))
        return Joined(*parts)

    def describe(self, lang: str | None = "en") -> str:
        """Where the replay diverged, in ``lang``."""
        return self.said().text(lang)


def replay_checked(
    scenario: Scenario,
    seed: int,
    actions: Sequence[Action],
    checkpoints: Sequence[Checkpoint],
    on_action: Callable[[int, Action, Game], None] | None = None,
) -> tuple[Game, Divergence | None]:
    """Replay and compare the digest at every stored checkpoint.

    Raises IllegalAction (with ``.index`` set on the exception: the 0-based
    action) if an action does not replay. Returns the game and the first
    divergence (None if every checkpoint matched).
    """
    by_count: dict[int, Checkpoint] = {}
    for c in checkpoints:
        by_count.setdefault(c.actions, c)
    game = Game(scenario, seed)
    divergence: Divergence | None = None
    good: Checkpoint | None = None

    def check(n: int) -> None:
        nonlocal divergence, good
        cp = by_count.get(n)
        if cp is None or divergence is not None:
            return
        h = turn_digest(game.state)
        if h == cp.digest:
            good = cp
        else:
            divergence = Divergence(
                turn=cp.turn,
                actions=n,
                last_good_turn=good.turn if good else None,
                last_good_actions=good.actions if good else None,
                expected=cp.digest,
                actual=h,
            )

    check(0)
    for i, a in enumerate(actions):
        try:
            game.play(a)
        except Exception as err:
            err.index = i  # type: ignore[attr-defined]
            raise
        if on_action is not None:
            on_action(i, a, game)
        check(i + 1)
    return game, divergence
