"""Rule 6: scores and outcome tiers.

Each side's score follows its own private objectives: credit for an objective rises
linearly from its ``baseline`` (0) to its ``target`` (full), weighted; the score is
the weighted share of full credit, 0..100. Both sides can score well.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.engine.hidden_types import briefing
from game.engine.state import GameState
from game.scenario.models import Briefing, Objective, Scenario, Tier


@dataclass(frozen=True)
class ObjectiveScore:
    id: str
    value: float
    credit: float  # 0..1
    weight: float
    points: float  # contribution to the 0..100 score


@dataclass(frozen=True)
class Score:
    side: str
    total: float  # the score: by the objectives, or the walk-away value where rule 6.3 floors it
    items: tuple[ObjectiveScore, ...]
    walk_away: float
    #: Rule 6.3: the side walked out and scores its walk-away value, more than its objectives gave
    outside_option: bool = False

    @property
    def by_objectives(self) -> float:
        """The score the objectives alone give (rule 6.1)."""
        return round(sum(i.points for i in self.items), 6)


def objective_value(
    obj: Objective, levels: dict[str, float], meters: dict[str, dict[str, float]], shared: dict[str, float]
) -> float:
    if obj.instrument is not None:
        return float(levels.get(obj.instrument, 0.0))
    if obj.meter is None:  # never: an objective names exactly one of meter and instrument
        return 0.0
    if obj.side is not None:
        return float(meters.get(obj.side, {}).get(obj.meter, 0.0))
    return float(shared.get(obj.meter, 0.0))


def credit(obj: Objective, value: float) -> float:
    """Rule 6.1: linear from baseline (0) to target (1), clamped."""
    c = (value - obj.baseline) / (obj.target - obj.baseline)
    return min(1.0, max(0.0, c))


def score_briefing(
    side: str,
    briefing: Briefing,
    levels: dict[str, float],
    meters: dict[str, dict[str, float]],
    shared: dict[str, float],
) -> Score:
    total_w = sum(o.weight for o in briefing.objectives)
    items = []
    for o in briefing.objectives:
        v = objective_value(o, levels, meters, shared)
        c = credit(o, v)
        items.append(
            ObjectiveScore(o.id, round(v, 6), round(c, 6), o.weight, round(100.0 * c * o.weight / total_w, 6))
        )
    return Score(side, round(sum(i.points for i in items), 6), tuple(items), briefing.walk_away)


def score(scenario: Scenario, state: GameState, side: str) -> Score:
    """``side``'s score by its drawn briefing (rule 7.3); a side that walked out scores at
    least its walk-away value, its outside option (rule 6.3)."""
    sc = score_briefing(side, briefing(scenario, state, side), state.levels, state.meters, state.shared)
    return with_outside_option(sc, walked_out=state.end_reason == "walk_out" and state.ended_by == side)


def with_outside_option(sc: Score, *, walked_out: bool) -> Score:
    """Rule 6.3: a side that walks out (rule 5.1) takes its outside option — talks elsewhere,
    measures at home — and scores at least its walk-away value; the other side scores as usual."""
    if not walked_out or sc.total >= sc.walk_away - 1e-9:
        return sc
    return replace(sc, total=round(float(sc.walk_away), 6), outside_option=True)


def outcome(scenario: Scenario, state: GameState) -> Tier:
    """Rule 6.2: the first tier, in the scenario's order, whose requirements hold."""
    scores = [score(scenario, state, s).total for s in scenario.side_ids]
    collapsed = state.end_reason in ("walk_out", "trust", "recession")
    in_force = bool(state.active_agreements())
    for tier in scenario.scoring.tiers:
        req = tier.requires
        ok = (
            req == "any"
            or (req == "deal" and state.deal_signed and not collapsed)
            or (req == "agreement" and in_force and not collapsed)
            or (req == "none" and not in_force and not collapsed)
            or (req == "collapse" and collapsed)
        )
        if ok and min(scores) >= tier.min_score_each - 1e-9:
            return tier
    return scenario.scoring.tiers[-1]
