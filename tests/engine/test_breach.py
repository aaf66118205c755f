"""Rule 4.3 ahead of time: ``order_breaches`` forecasts, from a side's view, the breach the
engine then finds when the turn resolves — and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Accept, EndTalks, Game, Propose, SubmitOrders, Term
from game.engine.breach import order_breaches
from game.engine.rules import CAPITAL_BREACH, TRUST_BREACH
from game.scenario.loader import load_scenario

GENEVA = Path(__file__).resolve().parents[2] / "scenarios" / "geneva-2025.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(GENEVA)


def signed_game(scenario, terms: tuple[Term, ...]) -> Game:
    """Turn 1: no orders; the US proposes ``terms``, China accepts; the game is on turn 2."""
    g = Game(scenario, seed=7)
    for side in ("us", "china"):
        g.play(SubmitOrders(side=side))
    assert g.state.table_mover == "us"
    g.play(Propose(side="us", terms=terms))
    g.play(Accept(side="china"))
    assert g.state.turn == 2 and g.state.phase == "orders"
    assert len(g.state.active_agreements()) == 1
    return g


def term(instrument: str, value: float, **kw: int) -> Term:
    return Term(instrument=instrument, value=value, **kw)


TRUCE = (term("us_tariff_reciprocal", 34.0), term("cn_tariff_us", 34.0))


def test_an_order_above_an_at_most_term_is_a_breach_with_its_cost(scenario) -> None:
    g = signed_game(scenario, TRUCE)
    v = g.view("us")
    f = order_breaches(v, {"us_tariff_reciprocal": 50.0})
    assert [b.agreement_id for b in f.breaches] == [g.state.agreements[0].id]
    (b,) = f.breaches
    assert [(t.instrument, t.bound, t.committed, t.ordered) for t in b.terms] == [
        ("us_tariff_reciprocal", "at_most", 34.0, 50.0)
    ]
    assert b.trust_cost == -TRUST_BREACH == 25.0
    assert b.capital_cost == -CAPITAL_BREACH
    assert b.snaps_back == ("cn_tariff_us",)  # China's commitment in it would snap back
    assert f.trust_before == v.shared["trust_pct"]
    assert f.trust_after == max(0.0, v.shared["trust_pct"] - 25.0)


def test_easing_further_or_moving_other_instruments_is_no_breach(scenario) -> None:
    g = signed_game(scenario, TRUCE)
    v = g.view("us")
    assert not order_breaches(v, {"us_tariff_reciprocal": 20.0}).breaches
    assert not order_breaches(v, {"us_tariff_reciprocal": 34.0}).breaches
    assert not order_breaches(v, {"us_tariff_fentanyl": 25.0}).breaches
    assert not order_breaches(v, {}).breaches


def test_each_side_sees_only_its_own_breaches(scenario) -> None:
    g = signed_game(scenario, TRUCE)
    china = g.view("china")
    assert order_breaches(china, {"cn_tariff_us": 60.0}).breaches
    # (an order naming the other side's instrument is not this side's to give: no breach by it)
    assert not order_breaches(china, {"us_tariff_reciprocal": 60.0}).breaches


def test_a_term_not_yet_in_force_or_expired_binds_nothing(scenario) -> None:
    later = signed_game(scenario, (term("us_tariff_reciprocal", 34.0, start_after_turns=3), TRUCE[1]))
    assert not order_breaches(later.view("us"), {"us_tariff_reciprocal": 125.0}).breaches
    short = signed_game(scenario, (term("us_tariff_reciprocal", 34.0, duration_turns=1), TRUCE[1]))
    assert not order_breaches(short.view("us"), {"us_tariff_reciprocal": 125.0}).breaches


@pytest.mark.parametrize("level", [20.0, 34.0, 35.0, 80.0])
def test_the_forecast_is_what_the_engine_then_finds(scenario, level: float) -> None:
    g = signed_game(scenario, TRUCE)
    forecast = order_breaches(g.view("us"), {"us_tariff_reciprocal": level})
    g.play(SubmitOrders(side="us", moves={"us_tariff_reciprocal": level}))
    g.play(SubmitOrders(side="china"))
    g.play(EndTalks(side=g.state.table_mover))
    ag = g.state.agreements[0]
    assert (ag.status == "breached") == bool(forecast.breaches)
    if forecast.breaches:
        assert ag.breached_by == "us"
        assert any(n.kind == "breach" and n.side == "us" for n in g.state.news)


def test_too_many_breaches_say_the_talks_collapse(scenario) -> None:
    g = signed_game(scenario, TRUCE)
    g.state.trust_pct = g.state.shared["trust_pct"] = 20.0
    f = order_breaches(g.view("us"), {"us_tariff_reciprocal": 50.0})
    assert f.trust_after == 0.0 and f.collapses
