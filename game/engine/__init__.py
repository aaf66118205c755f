"""The rules engine: a game is its scenario, its seed and its actions."""

from __future__ import annotations

from game.engine.actions import (
    Accept,
    Action,
    Counter,
    EndTalks,
    Propose,
    Reject,
    SubmitOrders,
    Term,
    WalkOut,
    action_from_dict,
    action_to_dict,
)
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.rules import Rules
from game.engine.scoring import Score, outcome, score
from game.engine.state import GameState
from game.engine.view import View, view

__all__ = [
    "Accept",
    "Action",
    "Counter",
    "EndTalks",
    "Game",
    "GameState",
    "IllegalAction",
    "Propose",
    "Reject",
    "Rules",
    "Score",
    "SubmitOrders",
    "Term",
    "View",
    "WalkOut",
    "action_from_dict",
    "action_to_dict",
    "outcome",
    "score",
    "view",
]
