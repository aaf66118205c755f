"""``Game``: a scenario, a seed and the actions so far, with the state they give."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.actions import Action
from game.engine.rules import Rules
from game.engine.scoring import Score, outcome, score
from game.engine.state import GameState
from game.engine.view import View, view
from game.scenario.models import Scenario, Tier


class Game:
    """An event-sourced game. ``state`` is always ``replay(scenario, seed, actions)``."""

    def __init__(self, scenario: Scenario, seed: int = 0, rules: Rules | None = None) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        self.rules = rules or Rules(scenario)
        self.actions: list[Action] = []
        self.state: GameState = self.rules.new_state(self.seed)
        #: What other layers keep with this game (the saves layer: when it was first saved, its
        #: checkpoints so far, its scenario's text), by the layer's key. Never part of the state,
        #: its hash or a replay; shared by shallow copies (``copy.copy``) and by undo's rebuilt game.
        self.extras: dict[str, object] = {}

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, actions: Iterable[Action]) -> Game:
        game = cls(scenario, seed)
        for a in actions:
            game.play(a)
        return game

    def play(self, action: Action) -> GameState:
        """Apply a legal action (raises IllegalAction, leaving the game unchanged, if not)."""
        self.rules.apply(self.state, action)  # checks before it changes anything
        self.actions.append(action)
        return self.state

    def check(self, action: Action) -> None:
        self.rules.check(self.state, action)

    @property
    def over(self) -> bool:
        return self.state.phase == "over"

    def to_move(self) -> list[str]:
        return self.rules.to_move(self.state)

    def view(self, side: str) -> View:
        return view(self.scenario, self.state, side)

    def score(self, side: str) -> Score:
        return score(self.scenario, self.state, side)

    def outcome(self) -> Tier:
        return outcome(self.scenario, self.state)

    def state_hash(self) -> str:
        return self.state.state_hash()
