"""Tests named after the rules of docs/rules.md that tests/engine/test_rules.py leaves out:
2.5 (one public statement a turn), 4.1 (orders take effect at once), 5.3 (recession),
6.2 (outcome tiers) and 6.3 (walk-away values and the zone of possible agreement)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from game.engine import Accept, EndTalks, Game, IllegalAction, Propose, SubmitOrders, Term, WalkOut
from game.engine.actions import STATEMENTS, Statement
from game.engine.scoring import outcome
from game.engine.zopa import zone_of_agreement
from game.scenario.models import End, Scenario, Tier

GENEVA = (
    Term(instrument="us_tariff_reciprocal", value=34),
    Term(instrument="us_suspension", value=24, duration_turns=13),
    Term(instrument="cn_tariff_us", value=34),
    Term(instrument="cn_suspension", value=24, duration_turns=13),
)


def quiet_turn(g: Game, **moves_by_side: dict[str, float]) -> None:
    """Both sides submit (the given moves, no statement), then the table closes at once."""
    for side in g.scenario.side_ids:
        g.play(SubmitOrders(side=side, moves=moves_by_side.get(side, {})))
    if not g.over and g.state.phase == "table":
        g.play(EndTalks(side=g.to_move()[0]))


def to_deadline(g: Game) -> Game:
    while not g.over:
        quiet_turn(g)
    return g


def signed(geneva: Scenario, seed: int = 3) -> Game:
    """The Geneva package (not a comprehensive deal) signed on turn 1."""
    g = Game(geneva, seed)
    for side in geneva.side_ids:
        g.play(SubmitOrders(side=side))
    g.play(Propose(side="us", terms=GENEVA))
    g.play(Accept(side="china"))
    assert not g.over and g.state.active_agreements()
    return g


# ---------------------------------------------------------------- 2.5 statements
def test_rule_2_5_a_statement_is_one_of_four_and_anything_else_is_refused(geneva: Scenario) -> None:
    assert STATEMENTS == ("none", "conciliatory", "firm", "threatening")
    with pytest.raises(ValidationError):
        SubmitOrders(side="us", statement="furious")  # type: ignore[arg-type]
    g = Game(geneva, 1)
    before = g.state_hash()
    forged = SubmitOrders.model_construct(side="us", moves={}, statement="furious", message="", note="")
    with pytest.raises(IllegalAction) as info:
        g.play(forged)
    assert info.value.rule == "2.5"
    assert g.state_hash() == before


@pytest.mark.parametrize("statement", STATEMENTS)
def test_rule_2_5_at_most_one_public_statement_a_turn(geneva: Scenario, statement: str) -> None:
    g = Game(geneva, 1)
    g.play(SubmitOrders(side="us", statement=statement, message="We mean it."))  # type: ignore[arg-type]
    with pytest.raises(IllegalAction) as info:  # no second statement: orders are given once a turn
        g.play(SubmitOrders(side="us", statement="firm"))
    assert info.value.rule == "2.1"
    g.play(SubmitOrders(side="china"))
    g.play(EndTalks(side=g.to_move()[0]))
    said = [(n.side, n.headline) for n in g.state.news if n.kind == "statement" and n.turn == 1]
    assert said == ([] if statement == "none" else [("us", statement)])
    # it is public: the other side reads it in its own view once the turn has resolved
    seen = [n.headline for n in g.view("china").news if n.kind == "statement" and n.side == "us"]
    assert seen == ([] if statement == "none" else [statement])


# ------------------------------------------------------------- 4.1 simultaneous orders
def test_rule_4_1_orders_take_effect_at_once_whoever_submits_first(geneva: Scenario) -> None:
    moves = {"us": {"us_tariff_fentanyl": 25}, "china": {"cn_tariff_us": 115}}
    said: dict[str, Statement] = {"us": "firm", "china": "threatening"}
    games = []
    for order in (("us", "china"), ("china", "us")):
        g = Game(geneva, 7)
        start = dict(g.state.levels)
        first, second = order
        g.play(SubmitOrders(side=first, moves=moves[first], statement=said[first]))
        assert g.state.levels == start  # nothing takes effect before both sides have ordered
        g.play(SubmitOrders(side=second, moves=moves[second], statement=said[second]))
        g.play(EndTalks(side=g.to_move()[0]))
        assert g.state.levels["us_tariff_fentanyl"] == 25 and g.state.levels["cn_tariff_us"] == 115
        games.append(g)
    us_first, china_first = games
    assert us_first.state_hash() == china_first.state_hash()
    # both moves resolved in the same turn, against the same starting levels
    assert us_first.state.history[1].instruments == china_first.state.history[1].instruments
    orders_news = sorted(n.headline for n in us_first.state.news if n.kind == "order" and n.turn == 1)
    assert orders_news == ["cn_tariff_us", "us_tariff_fentanyl"]


# -------------------------------------------------------------------- 5.3 recession
def _with_recession_threshold(geneva: Scenario, pct: float) -> Scenario:
    return geneva.model_copy(update={"end": geneva.end.model_copy(update={"recession_prob_pct": pct})})


def _recession_path(geneva: Scenario, seed: int) -> dict[str, list[float]]:
    """Each side's recession probability after each turn of a quiet game (no threshold reached)."""
    g = to_deadline(Game(_with_recession_threshold(geneva, 100.0), seed))
    assert g.state.end_reason == "deadline"
    return {s: [r.meters[s]["recession_prob_pct"] for r in g.state.history] for s in geneva.side_ids}


def test_rule_5_3_two_turns_in_a_row_at_the_threshold_end_the_game(geneva: Scenario) -> None:
    path = _recession_path(geneva, 1)
    threshold = min(path["us"][1], path["us"][2])  # the US is at or above it after turns 1 and 2
    assert max(path["china"][1:3]) < threshold, "the test needs a side that stays below"
    g = Game(_with_recession_threshold(geneva, threshold), 1)
    quiet_turn(g)
    assert not g.over and g.state.high_recession_turns == {"us": 1, "china": 0}
    quiet_turn(g)
    assert g.over and g.state.end_reason == "recession" and g.state.ended_by == "us"
    assert g.state.turn == 2
    assert g.outcome().requires in ("collapse", "any")  # rule 6.2: a recession is a collapse


def test_rule_5_3_one_turn_at_the_threshold_is_not_enough(geneva: Scenario) -> None:
    path = _recession_path(geneva, 1)["us"]
    assert path[1] > path[2], "the test needs recession odds that fall after turn 1"
    threshold = (path[1] + path[2]) / 2
    assert all(r < threshold for r in path[2:]), "…and stay below the threshold"
    g = Game(_with_recession_threshold(geneva, threshold), 1)
    quiet_turn(g)
    assert g.state.high_recession_turns["us"] == 1
    quiet_turn(g)
    assert g.state.high_recession_turns["us"] == 0  # the count starts again
    to_deadline(g)
    assert g.state.end_reason == "deadline"


def test_rule_5_3_the_threshold_is_90_unless_the_scenario_says_otherwise() -> None:
    assert End(deadline_turns=5).recession_prob_pct == 90


# ----------------------------------------------------------------- 6.2 outcome tiers
def _tiers(geneva: Scenario, *tiers: tuple[str, str, float]) -> Scenario:
    listed = [
        Tier.model_validate({"id": tid, "name": {"en": tid}, "requires": req, "min_score_each": m})
        for tid, req, m in tiers
    ]
    return geneva.model_copy(update={"scoring": geneva.scoring.model_copy(update={"tiers": listed})})


def test_rule_6_2_the_first_tier_whose_requirement_holds(geneva: Scenario) -> None:
    no_agreement = to_deadline(Game(geneva, 1)).state
    in_force = to_deadline(signed(geneva)).state
    assert in_force.end_reason == "deadline" and in_force.active_agreements()
    sc = _tiers(geneva, ("agreed", "agreement", 0), ("nothing", "none", 0), ("whatever", "any", 0))
    assert outcome(sc, in_force).id == "agreed"
    assert outcome(sc, no_agreement).id == "nothing"
    # the order of the list decides: the same tiers with 'any' first always give 'any'
    first_any = _tiers(geneva, ("whatever", "any", 0), ("agreed", "agreement", 0))
    assert outcome(first_any, in_force).id == outcome(first_any, no_agreement).id == "whatever"


def test_rule_6_2_a_collapse_is_a_collapse_even_with_an_agreement_in_force(geneva: Scenario) -> None:
    g = signed(geneva)
    g.play(WalkOut(side="china"))
    assert g.state.active_agreements() and g.state.end_reason == "walk_out"
    sc = _tiers(geneva, ("agreed", "agreement", 0), ("nothing", "none", 0), ("fell_apart", "collapse", 0))
    assert outcome(sc, g.state).id == "fell_apart"
    assert g.outcome().id == "collapse"  # Geneva's own list


def test_rule_6_2_both_sides_must_reach_the_tiers_minimum_score(geneva: Scenario) -> None:
    g = to_deadline(signed(geneva))
    lowest = min(g.score(s).total for s in geneva.side_ids)
    assert 0 < lowest < 100
    at = _tiers(geneva, ("good", "agreement", lowest), ("weak", "agreement", 0))
    above = _tiers(geneva, ("good", "agreement", min(100.0, lowest + 0.01)), ("weak", "agreement", 0))
    assert outcome(at, g.state).id == "good"  # reaching the minimum is enough
    assert outcome(above, g.state).id == "weak"  # one side short of it: the next tier
    # Geneva's own: a truce needs 40 each, a fragile truce nothing
    assert g.outcome().id == ("truce" if lowest >= 40 else "fragile_truce")


# ------------------------------------------------ 6.3 walk-away values and the zone
def test_rule_6_3_walk_away_values_and_the_zone_of_possible_agreement(geneva: Scenario) -> None:
    g = to_deadline(signed(geneva))
    zopa = zone_of_agreement(geneva, g.seed, g.state, samples=40)
    walk = {s: g.state.briefings[s].walk_away for s in geneva.side_ids}  # this game's draws (rule 7.3)
    assert walk != {s: geneva.briefings[s].walk_away for s in geneva.side_ids}
    assert zopa.walk_away == walk
    assert g.view("us").scenario.briefings["us"].walk_away == walk["us"]  # each side knows its own
    assert all(g.score(s).walk_away == walk[s] for s in geneva.side_ids)
    assert len(zopa.points) == 40
    for p in zopa.points:
        above = all(p.scores[s] >= walk[s] for s in geneva.side_ids)
        assert p.in_zone == (above and not p.red_lines), p
    assert zopa.zone_exists and not all(p.in_zone for p in zopa.points)
    # a package across a red line is never in the zone, however it scores
    assert any(p.red_lines for p in zopa.points)
    assert zopa.final == {s: round(g.score(s).total, 3) for s in geneva.side_ids}
    # the same game gives the same zone (the debrief can be computed again, bit for bit)
    assert zone_of_agreement(geneva, g.seed, g.state, samples=40) == zopa
