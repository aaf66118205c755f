"""Helpers for the saves tests: a small scenario and a seeded random legal player.

Imported by the tests and by the child process of the kill test
(``saves_kill_child.py``), so it only depends on the game package.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from game.engine import (
    Accept,
    Action,
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
from game.engine.actions import STATEMENTS
from game.scenario.models import Scenario

ROOT = Path(__file__).resolve().parents[2]
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"


def short_scenario_text(turns: int = 3) -> str:
    """The Geneva scenario with a ``turns``-turn deadline (same text otherwise)."""
    text = GENEVA.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^(\s*deadline_turns:\s*)\d+", rf"\g<1>{turns}", text)
    assert n == 1, "the Geneva scenario has no deadline_turns line"
    return new


def write_short_scenario(directory: Path, turns: int = 3, name: str = "short-geneva.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    p = directory / name
    p.write_text(short_scenario_text(turns), encoding="utf-8")
    return p


def load(path: Path) -> Scenario:
    from game.scenario.loader import load_scenario

    return load_scenario(path)


def _level(rng: random.Random, ins, around: float) -> float:
    steps = round((ins.max - ins.min) / ins.step)
    if rng.random() < 0.6:
        k = round((around - ins.min) / ins.step) + rng.randint(-3, 3)
    else:
        k = rng.randint(0, steps)
    k = max(0, min(steps, k))
    return float(round(ins.min + k * ins.step, 9))


def _package(game: Game, rng: random.Random) -> tuple[Term, ...]:
    sc = game.scenario
    pool = [i for i in sc.instruments if i.player_controlled and i.owner in sc.side_ids]
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(1, 5)))
    terms = []
    for ins in chosen:
        dur = None if rng.random() < 0.7 else rng.randint(1, 4)
        terms.append(
            Term(instrument=ins.id, value=_level(rng, ins, game.state.levels[ins.id]), duration_turns=dur)
        )
    return tuple(terms)


def _candidates(game: Game, side: str, rng: random.Random) -> list[Action]:
    st = game.state
    sc = game.scenario
    if rng.random() < 0.004:
        return [WalkOut(side=side, note="random walk-out")]
    if st.phase == "orders":
        own = [i for i in sc.instruments if i.owner == side and i.player_controlled]
        out: list[Action] = []
        for _ in range(4):
            moves = {}
            for ins in rng.sample(own, k=min(len(own), rng.randint(0, 2))):
                moves[ins.id] = _level(rng, ins, st.levels[ins.id])
            out.append(SubmitOrders(side=side, moves=moves, statement=rng.choice(STATEMENTS)))
        out.append(SubmitOrders(side=side))
        return out
    if st.pending_offer is not None:
        r = rng.random()
        first: list[Action]
        if r < 0.3:
            first = [Accept(side=side)]
        elif r < 0.65:
            first = [Counter(side=side, terms=_package(game, rng)) for _ in range(3)]
        else:
            first = []
        return [*first, Reject(side=side, note="no")]
    if rng.random() < 0.75:
        return [*(Propose(side=side, terms=_package(game, rng)) for _ in range(3)), EndTalks(side=side)]
    return [EndTalks(side=side)]


def random_action(game: Game, rng: random.Random) -> Action:
    """A random legal action for one of the sides to move (checked with the rules)."""
    movers = game.to_move()
    side = rng.choice(movers)
    for a in _candidates(game, side, rng):
        try:
            game.check(a)
        except IllegalAction:
            continue
        return a
    raise AssertionError(f"no legal action found for {side} in {game.state.phase}")


def play_random(game: Game, rng: random.Random, max_actions: int | None = None) -> Game:
    n = 0
    while not game.over and (max_actions is None or n < max_actions):
        game.play(random_action(game, rng))
        n += 1
    return game


def random_action_for(game: Game, side: str, rng: random.Random) -> Action:
    """A random legal action for ``side`` (which must be one of the sides to move)."""
    for a in _candidates(game, side, rng):
        try:
            game.check(a)
        except IllegalAction:
            continue
        return a
    raise AssertionError(f"no legal action found for {side} in {game.state.phase}")
