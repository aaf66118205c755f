"""Whole-game properties: determinism, meters in range, illegal input never breaks a game."""

from __future__ import annotations

import random

import pytest

from game.ai import make_ai
from game.engine import (
    Accept,
    Counter,
    EndTalks,
    Game,
    IllegalAction,
    Propose,
    Reject,
    SubmitOrders,
    Term,
    WalkOut,
)
from game.scenario.models import METER_RANGES
from game.session import Session


def ai_game(scenario, seed: int) -> Game:
    s = Session.new(scenario, {side: make_ai() for side in scenario.side_ids}, seed=seed)
    s.play_to_end()
    return s.game


def assert_meters_in_range(game: Game) -> None:
    for rec in game.state.history:
        for side_meters in rec.meters.values():
            for name, value in side_meters.items():
                lo, hi = METER_RANGES[name]
                assert lo <= value <= hi, (rec.turn, name, value)
        for name, value in rec.shared.items():
            lo, hi = METER_RANGES[name]
            assert lo <= value <= hi, (rec.turn, name, value)


def test_same_seed_same_game_bit_for_bit(geneva):
    a, b = ai_game(geneva, 7), ai_game(geneva, 7)
    assert a.state_hash() == b.state_hash()
    assert [x.model_dump() for x in a.actions] == [x.model_dump() for x in b.actions]
    replayed = Game.replay(geneva, 7, a.actions)
    assert replayed.state_hash() == a.state_hash()


def test_ai_games_end_with_meters_in_range(geneva):
    for seed in range(3):
        g = ai_game(geneva, seed)
        assert g.over
        assert_meters_in_range(g)


def _random_action(rng: random.Random, game: Game):
    sc = game.scenario
    side = rng.choice([*sc.side_ids, "nobody"])
    ins = rng.choice(sc.instruments)
    value = rng.choice([ins.min, ins.max, ins.start, ins.min + ins.step, -5.0, 1e9, 2.5])
    term = Term(
        instrument=rng.choice([ins.id, "ghost"]), value=value, duration_turns=rng.choice([None, 0, 2])
    )
    kind = rng.randrange(8)
    if kind == 0:
        return SubmitOrders(side=side, moves={term.instrument: value}, statement=rng.choice(["none", "firm"]))
    if kind == 1:
        return SubmitOrders(side=side)
    if kind == 2:
        return Propose(side=side, terms=(term,))
    if kind == 3:
        return Counter(side=side, terms=(term,))
    if kind == 4:
        return Accept(side=side)
    if kind == 5:
        return Reject(side=side)
    if kind == 6:
        return EndTalks(side=side)
    return WalkOut(side=side) if rng.random() < 0.02 else EndTalks(side=side)


@pytest.mark.slow  # a fuzzer: thousands of random actions
def test_random_actions_are_refused_with_a_rule_or_applied(geneva):
    rng = random.Random(1234)
    for seed in range(6):
        game = Game(geneva, seed)
        for _ in range(400):
            if game.over:
                break
            action = _random_action(rng, game)
            before = game.state_hash()
            try:
                game.play(action)
            except IllegalAction as err:
                assert err.rule and err.message
                assert game.state_hash() == before
        assert_meters_in_range(game)
        assert Game.replay(geneva, seed, game.actions).state_hash() == game.state_hash()
