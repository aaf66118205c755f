"""Play a scenario's scripted events up to a date and read the outlook.

Both seats are passive (no orders, no offers), so only the scenario's events move
the instruments: for ``history-2025`` this replays what really happened.
"""

from __future__ import annotations

import datetime as dt

from game.engine import EndTalks, Game, SubmitOrders
from game.scenario.models import Scenario


def play_passive_turn(game: Game) -> None:
    """Resolve one turn with no orders and no offers."""
    while not game.over and game.state.phase == "orders":
        side = game.to_move()[0]
        game.play(SubmitOrders(side=side))
    if not game.over and game.state.phase == "table":
        game.play(EndTalks(side=game.to_move()[0]))


def turns_to_date(scenario: Scenario, date: dt.date) -> int:
    """How many turns resolve by ``date``: every turn that starts on or before it."""
    start = scenario.meta.start_date
    if date < start:
        raise ValueError(f"{date} is before the scenario starts ({start})")
    return (date - start).days // scenario.meta.turn_days + 1


def forecast(
    scenario: Scenario, *, date: dt.date | None = None, turn: int | None = None, seed: int = 0
) -> dict:
    if (date is None) == (turn is None):
        raise ValueError("give exactly one of a date or a turn")
    n = turns_to_date(scenario, date) if date is not None else int(turn or 0)
    if n < 0:
        raise ValueError("the turn must be 0 or more")
    if n > scenario.end.deadline_turns:
        raise ValueError(f"the scenario has {scenario.end.deadline_turns} turns; {n} asked for")
    game = Game(scenario, seed)
    for _ in range(n):
        if game.over:
            break
        play_passive_turn(game)
    st = game.state
    when = date or (scenario.meta.start_date + dt.timedelta(days=n * scenario.meta.turn_days - 1))
    out: dict = {
        "date": when.isoformat(),
        "turn": n,
        "world": {"growth_pct": round(st.shared["world_growth_pct"], 3)},
    }
    for side in scenario.sides:
        m = st.meters[side.id]
        out[side.id] = {
            "region": side.region,
            "growth_pct": round(m["growth_pct"], 3),
            "recession_prob_pct": round(m["recession_prob_pct"], 3),
            "inflation_pct": round(m["inflation_pct"], 3),
        }
    return out
