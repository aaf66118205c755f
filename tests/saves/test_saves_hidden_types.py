"""Rule 7.3 and saves: a game with hidden types needs nothing new in its save — the draw comes
from the seed and the scenario — and saving, loading (replay and verify) and undo keep it."""

from __future__ import annotations

import sys
from pathlib import Path

from game.ai import make_ai
from game.engine import Game, SubmitOrders
from game.saves import load_game, save_game
from game.saves.undo import UndoStack
from game.scenario.loader import load_scenario_text
from game.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from test_hidden_types import prior_text  # the engine tests' scenario with priors


def test_rule_7_3_a_saved_game_keeps_its_draw(tmp_path: Path) -> None:
    sc = load_scenario_text(prior_text(), "geneva-priors.yaml")
    session = Session.new(sc, {s: make_ai("pragmatist", "normal") for s in sc.side_ids}, seed=5)
    session.play_to_end()
    game = session.game
    assert game.state.briefings  # hidden types are on
    path = save_game(tmp_path / "hidden.json", game, {s: "ai:pragmatist:normal" for s in sc.side_ids})
    loaded = load_game(path)
    assert loaded.verified
    assert loaded.game.state.briefings == game.state.briefings
    assert loaded.game.state_hash() == game.state_hash()
    assert "briefings" in game.state.to_dict()  # the draw is part of the verified state


def test_rule_7_3_undo_keeps_the_draw() -> None:
    sc = load_scenario_text(prior_text(), "geneva-priors.yaml")
    game = Game(sc, 8)
    us, china = sc.side_ids
    drawn = dict(game.state.briefings)
    stack = UndoStack(game, human_sides=[us])
    stack.play(SubmitOrders(side=us))
    stack.undo(us)
    assert stack.game.state.briefings == drawn
    stack.play(SubmitOrders(side=us))
    stack.play(SubmitOrders(side=china))
    assert stack.game.state.briefings == drawn
