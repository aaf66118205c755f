"""Concessions that cost (issue 13, part 2): face and audience costs (rule 3.8), approval at
signing (3.7) and in a turn (4.8), threats and their credibility (4.10), a deal's play-out
that is no climb-down (5.4), the walk-away value as an outside option (6.3), and the AI's
projection seeing all of it through the rules' own functions."""

from __future__ import annotations

import pytest

from game.ai.planner import Plan, project
from game.engine import Accept, EndTalks, Game, Propose, SubmitOrders, Term, WalkOut
from game.engine.actions import Statement
from game.engine.rules import Rules
from game.engine.rules.constants import (
    AGREEMENT_FADE,
    APPROVAL_AGREEMENT,
    APPROVAL_DEAL,
    APPROVAL_STATEMENT,
    TRUST_AGREEMENT,
)
from game.engine.rules.politics import (
    APPROVAL_BACKDOWN,
    CREDIBILITY_CARRIED_OUT,
    CREDIBILITY_UNFULFILLED,
    NO_PRICE,
    RALLY_FADE,
    TEMPORARY_FACE_FACTOR,
    approval_at_signing,
    concession_price,
    statement_approval,
    tough_streak,
)
from game.engine.scoring import score
from game.engine.view import view
from game.registry.instruments import kind
from game.scenario.models import Scenario

TRUCE = (
    Term(instrument="us_tariff_reciprocal", value=34),
    Term(instrument="us_suspension", value=24, duration_turns=13),
    Term(instrument="cn_tariff_us", value=34),
    Term(instrument="cn_suspension", value=24, duration_turns=13),
)


def quiet(geneva: Scenario) -> Scenario:
    """Geneva without its events, so that a turn is what the rules and the economy make of it."""
    return geneva.model_copy(update={"events": []})


def orders(g: Game, statements: dict[str, Statement] | None = None, **moves: dict[str, float]) -> None:
    for side in g.scenario.side_ids:
        g.play(
            SubmitOrders(side=side, moves=moves.get(side, {}), statement=(statements or {}).get(side, "none"))
        )


def quiet_turn(g: Game, statements: dict[str, Statement] | None = None, **moves: dict[str, float]) -> None:
    orders(g, statements, **moves)
    if not g.over and g.state.phase == "table":
        g.play(EndTalks(side=g.to_move()[0]))


def sign_now(g: Game, terms: tuple[Term, ...]) -> None:
    g.play(Propose(side=g.to_move()[0], terms=terms))
    g.play(Accept(side=g.to_move()[0]))


def approval(g: Game) -> dict[str, float]:
    return {s: g.state.sides[s].approval_pct for s in g.scenario.side_ids}


# ------------------------------------------------------------------ 3.7 and 3.8
def test_rule_3_8_a_concession_costs_its_maker_in_proportion_and_a_truce_costs_less(geneva):
    rules = Rules(geneva)
    tariff = rules.instruments["us_tariff_reciprocal"]
    spec = kind("tariff")
    full = concession_price(tariff, 200, 0, temporary=False)
    assert full.approval_pp == pytest.approx(spec.face_cost_pp)
    half = concession_price(tariff, 125, 25, temporary=False)
    assert half.approval_pp == pytest.approx(spec.face_cost_pp * 0.5)
    assert concession_price(tariff, 125, 25, temporary=True).approval_pp == pytest.approx(
        half.approval_pp * TEMPORARY_FACE_FACTOR
    )
    assert concession_price(tariff, 25, 125, temporary=False).approval_pp == 0.0  # raising is no concession
    # at-least kinds concede upwards; a security measure also raises faction pressure
    purchases = rules.instruments["cn_purchases"]
    assert concession_price(purchases, 0, 25, temporary=False).approval_pp == pytest.approx(
        kind("purchase").face_cost_pp * 0.5
    )
    rare_earths = concession_price(rules.instruments["cn_rare_earth_licensing"], 1, 0, temporary=False)
    assert rare_earths.approval_pp > 0 and rare_earths.faction_pct > 0
    # only the side that gives pays: China's tariff cut costs the US nothing
    prices = rules.signing_prices({"cn_tariff_us": 125.0}, (Term(instrument="cn_tariff_us", value=25),))
    assert set(prices) == {"china"}


def test_rule_3_7_signing_lifts_approval_less_each_sides_own_price(geneva):
    g = Game(quiet(geneva), 1)
    orders(g)
    before = approval(g)
    rules = Rules(g.scenario)
    prices = rules.signing_prices(g.state.levels, TRUCE)
    sign_now(g, TRUCE)
    # the turn has resolved since: take the signing's part out of the turn's record
    assert g.state.agreements and g.state.agreements[0].signed_turn == 1
    for s in g.scenario.side_ids:
        assert prices[s].approval_pp > 0
    # compare with the same turn without the signing's price: sign a package that concedes nothing
    g2 = Game(quiet(geneva), 1)
    orders(g2)
    sign_now(g2, (Term(instrument="us_consultation", value=1), Term(instrument="cn_consultation", value=1)))
    for s in g.scenario.side_ids:
        assert before[s] + APPROVAL_AGREEMENT > approval(g)[s]
    # the truce's tariff cuts lift the economy no less than two consultations do, so the
    # difference in approval is at most the price paid
    assert approval(g)["us"] >= approval(g2)["us"] - prices["us"].approval_pp - 1e-6


def test_rule_3_7_each_later_agreement_lifts_approval_half_as_much():
    """A signing every week for one more step of purchases must not farm rule 3.7's lift."""
    for before in range(4):
        lift = approval_at_signing(50.0, NO_PRICE, before) - 50.0
        assert lift == pytest.approx(APPROVAL_AGREEMENT * AGREEMENT_FADE**before)


def test_rule_3_7_the_trust_a_signing_adds_halves_with_each_agreement_before_it(geneva):
    """On the state: one one-term package signed a turn, against the same turns unsigned."""
    sc = quiet(geneva)
    signed, bare = Game(sc, 1), Game(sc, 1)
    gains = []
    for purchases in (5, 6, 7):
        orders(signed)
        orders(bare)
        t0, b0 = signed.state.trust_pct, bare.state.trust_pct
        sign_now(signed, (Term(instrument="cn_purchases", value=purchases),))
        bare.play(EndTalks(side=bare.to_move()[0]))
        if not bare.over and bare.state.phase == "table":
            bare.play(EndTalks(side=bare.to_move()[0]))
        gains.append((signed.state.trust_pct - t0) - (bare.state.trust_pct - b0))
    # the purchases themselves move trust a little (de-escalation), the signings by the rule
    for n in range(1, 3):
        assert gains[n] < gains[n - 1]
    assert gains[0] - gains[1] == pytest.approx(TRUST_AGREEMENT * (1 - AGREEMENT_FADE), abs=1.0)
    assert gains[1] - gains[2] == pytest.approx(
        TRUST_AGREEMENT * AGREEMENT_FADE * (1 - AGREEMENT_FADE), abs=1.0
    )


def test_rule_5_4_a_comprehensive_deal_lifts_both_sides_approval_by_more(geneva, monkeypatch):
    """Signing a comprehensive deal adds APPROVAL_DEAL to both sides' approval on top of rule
    3.7's lift, in full whatever came before it; a package that is not one does not."""
    from game.engine.rules import politics

    assert approval_at_signing(50.0, NO_PRICE, 3, comprehensive=True) - 50.0 == pytest.approx(
        APPROVAL_AGREEMENT * AGREEMENT_FADE**3 + APPROVAL_DEAL
    )
    deal = (
        Term(instrument="us_tariff_reciprocal", value=10),
        Term(instrument="cn_tariff_us", value=15),  # at China's reciprocity line, wherever it is drawn
        Term(instrument="cn_rare_earth_licensing", value=0),
        Term(instrument="cn_fentanyl_pledge", value=1),
        Term(instrument="us_consultation", value=1),
    )
    assert Rules(geneva).is_comprehensive(deal) and not Rules(geneva).is_comprehensive(TRUCE)

    def play(terms: tuple[Term, ...]) -> dict[str, float]:
        g = Game(quiet(geneva), 1)
        orders(g)
        g.play(Propose(side=g.to_move()[0], terms=terms))
        g.play(Accept(side=g.to_move()[0]))
        return approval(g)

    with_lift, truce_with = play(deal), play(TRUCE)
    monkeypatch.setattr(politics, "APPROVAL_DEAL", 0.0)
    without, truce_without = play(deal), play(TRUCE)
    for s in geneva.side_ids:
        assert with_lift[s] - without[s] == pytest.approx(APPROVAL_DEAL, abs=0.05)
        assert truce_with[s] == pytest.approx(truce_without[s])


def test_rule_3_8_easing_by_orders_costs_as_a_permanent_term_and_the_trade_costs_the_same(geneva):
    """A unilateral easing pays the full face cost and gets nothing back; signing the same
    level later costs nothing more (no relief either way)."""
    sc = quiet(geneva)
    given = Game(sc, 2)
    quiet_turn(given, us={"us_entity_list": 0})
    kept = Game(sc, 2)
    quiet_turn(kept)
    price = concession_price(Rules(sc).instruments["us_entity_list"], 1, 0, temporary=False)
    assert price.approval_pp > 0
    # the move lifts the economy a little too; the face cost dominates the week's difference
    diff = approval(kept)["us"] - approval(given)["us"]
    assert diff == pytest.approx(price.approval_pp, abs=0.5)
    assert given.state.sides["us"].faction_pressure_pct > kept.state.sides["us"].faction_pressure_pct
    # signing a term at the level already given costs nothing more
    assert Rules(sc).signing_prices(given.state.levels, (Term(instrument="us_entity_list", value=0),)) == {}


# ------------------------------------------------------------------ 4.8 and 4.10
def test_rule_4_8_a_threats_rally_scales_with_its_credibility():
    assert statement_approval("threatening", 100.0, implementing=False) == APPROVAL_STATEMENT["threatening"]
    assert statement_approval("threatening", 50.0, implementing=False) == pytest.approx(
        APPROVAL_STATEMENT["threatening"] / 2
    )
    assert statement_approval("threatening", 0.0, implementing=False) == 0.0
    assert statement_approval("firm", 0.0, implementing=False) == APPROVAL_STATEMENT["firm"]
    assert statement_approval("conciliatory", 50.0, implementing=True) == 0.0  # rule 5.4
    # tough talk repeated rallies less each turn in a row
    assert statement_approval("firm", 0.0, implementing=False, streak=2) == APPROVAL_STATEMENT["firm"] / 4


def test_rule_4_8_firm_statements_in_a_row_rally_less_and_less(geneva):
    sc = quiet(geneva)
    loud, once = Game(sc, 3), Game(sc, 3)
    gains = []
    for k in range(4):
        before = approval(loud)["us"] - approval(once)["us"]
        quiet_turn(loud, {"us": "firm"})
        quiet_turn(once, {"us": "firm"} if k == 0 else {})
        gains.append(approval(loud)["us"] - approval(once)["us"] - before)
    assert tough_streak(loud.state.news, "us", loud.state.turn) == 4
    # the first statement rallies in both games; the later ones only in the loud one, halving
    assert gains[0] == pytest.approx(0.0, abs=1e-6)
    for k in (1, 2, 3):
        assert gains[k] == pytest.approx(APPROVAL_STATEMENT["firm"] * RALLY_FADE**k, abs=0.05)


def test_rule_4_10_an_unfulfilled_threat_costs_approval_and_credibility(geneva):
    sc = quiet(geneva)
    bluff, calm = Game(sc, 4), Game(sc, 4)
    start = bluff.state.sides["us"].threat_credibility_pct
    quiet_turn(bluff, {"us": "threatening"})
    quiet_turn(calm, {"us": "firm"})
    assert bluff.state.sides["us"].threat_turn == 1  # open: carried out or not, we will see
    quiet_turn(bluff)
    quiet_turn(calm)
    assert bluff.state.sides["us"].threat_credibility_pct == start  # still open after one turn
    a_before = approval(bluff)["us"] - approval(calm)["us"]
    quiet_turn(bluff)  # the second turn after the threat: it goes unfulfilled
    quiet_turn(calm)
    ss = bluff.state.sides["us"]
    assert ss.threat_turn is None
    assert ss.threat_credibility_pct == pytest.approx(start + CREDIBILITY_UNFULFILLED)
    assert bluff.state.meters["us"]["threat_credibility_pct"] == ss.threat_credibility_pct  # public meter
    a_after = approval(bluff)["us"] - approval(calm)["us"]
    assert a_after - a_before == pytest.approx(APPROVAL_BACKDOWN, abs=0.3)
    news = [n for n in bluff.state.news if n.kind == "threat"]
    assert [(n.headline, n.side, n.turn) for n in news] == [("unfulfilled", "us", 3)]
    # the next threat rallies less: credibility fell
    assert statement_approval("threatening", ss.threat_credibility_pct, implementing=False) < (
        statement_approval("threatening", start, implementing=False)
    )


def test_rule_4_10_a_carried_out_threat_restores_credibility_and_an_agreement_overtakes_one(geneva):
    sc = quiet(geneva)
    g = Game(sc, 5)
    start = g.state.sides["china"].threat_credibility_pct
    quiet_turn(g, {"china": "threatening"})
    quiet_turn(g, china={"cn_tariff_us": 135})  # carried out the turn after
    ss = g.state.sides["china"]
    assert ss.threat_turn is None
    assert ss.threat_credibility_pct == pytest.approx(min(100.0, start + CREDIBILITY_CARRIED_OUT))
    assert [n.headline for n in g.state.news if n.kind == "threat"] == ["carried_out"]
    # a threat followed by an agreement is neither carried out nor a climb-down
    h = Game(sc, 5)
    orders(h, {"us": "threatening"})
    sign_now(h, TRUCE)
    assert h.state.sides["us"].threat_turn is None
    assert h.state.sides["us"].threat_credibility_pct == start
    assert not [n for n in h.state.news if n.kind == "threat"]


# ------------------------------------------------------------------ 5.4
def test_rule_5_4_a_deals_play_out_costs_no_approval(geneva):
    """The approval inversion, fixed: a deal played out to the deadline leaves approval no
    lower than the same talks that go nowhere and end in a walk-out in the last week, but
    for the price of what a side gave in it (rule 3.8): a deal good for the economy and
    cheap for a side leaves that side's approval higher (the Geneva truce here, made a
    comprehensive deal with the consultations, the pledge and rare earths)."""
    sc = quiet(geneva)
    deal_terms = (
        *TRUCE,
        Term(instrument="us_consultation", value=1),
        Term(instrument="cn_consultation", value=1),
        Term(instrument="cn_fentanyl_pledge", value=1),
        Term(instrument="cn_rare_earth_licensing", value=0),
    )
    rules = Rules(sc)
    assert rules.is_comprehensive(deal_terms)
    dealt = Game(sc, 6)
    orders(dealt)
    sign_now(dealt, deal_terms)
    assert dealt.over and dealt.state.end_reason == "deal"
    walked = Game(sc, 6)
    while walked.state.turn < sc.end.deadline_turns:
        quiet_turn(walked)
    orders(walked)
    walked.play(WalkOut(side="us"))
    assert walked.state.end_reason == "walk_out"
    prices = rules.signing_prices(Game(sc, 6).state.levels, deal_terms)
    for s in sc.side_ids:
        assert (
            dealt.state.meters[s]["growth_pct"] > walked.state.meters[s]["growth_pct"]
        )  # good for the economy
        # what the side gave at signing is all the deal cost it at home (rule 3.8): twelve
        # weeks counted as conciliatory statements would cost 6 points more
        assert approval(dealt)[s] + prices[s].approval_pp >= approval(walked)[s], s
    # the US gives little in it (tariff points, most of them suspended for a while): its
    # approval ends higher outright
    assert prices["us"].approval_pp < prices["china"].approval_pp
    assert approval(dealt)["us"] >= approval(walked)["us"]
    # and the play-out weeks themselves cost nothing at home: no statement, no capital
    statements = [n for n in dealt.state.news if n.kind == "statement"]
    assert not statements


# ------------------------------------------------------------------ 6.3
def test_rule_6_3_a_side_that_walks_out_scores_at_least_its_walk_away(geneva):
    g = Game(geneva, 7)
    orders(g)
    g.play(WalkOut(side="china"))
    walker = score(g.scenario, g.state, "china")
    other = score(g.scenario, g.state, "us")
    assert walker.total >= walker.walk_away - 1e-9
    assert walker.total == pytest.approx(max(walker.by_objectives, walker.walk_away))
    assert walker.outside_option == (walker.by_objectives < walker.walk_away)
    assert other.total == pytest.approx(other.by_objectives) and not other.outside_option
    # the same walk-out by the other side: now the US takes its outside option, China does not
    h = Game(geneva, 7)
    orders(h)
    h.play(WalkOut(side="us"))
    assert score(h.scenario, h.state, "us").total >= score(h.scenario, h.state, "us").walk_away - 1e-9
    assert score(h.scenario, h.state, "china").total == pytest.approx(walker.by_objectives)


# ------------------------------------------------------------------ the AI sees the costs
@pytest.mark.parametrize("statement", ["none", "threatening"])
def test_the_projection_sees_approval_as_the_rules_resolve_it(geneva, statement):
    """planner.project gives the approval the rules give, for a package signed now and for
    orders (a unilateral easing, a threat left unfulfilled), through the rules' functions."""
    sc = quiet(geneva)
    rules = Rules(sc)
    g = Game(sc, 8)
    v = view(sc, g.state, "us")
    plans = [Plan(terms=TRUCE), Plan(moves={"us_entity_list": 0.0}, statement=statement)]
    projected = project(rules, v, plans, horizon=3, schedule=True)
    # the package, played: orders first (none), then signed at the table; two quiet turns
    signed = Game(sc, 8)
    orders(signed)
    sign_now(signed, TRUCE)
    quiet_turn(signed)
    quiet_turn(signed)
    eased = Game(sc, 8)
    quiet_turn(eased, {"us": statement}, us={"us_entity_list": 0.0})
    quiet_turn(eased)
    quiet_turn(eased)
    for out, game in zip(projected, (signed, eased), strict=True):
        for s in sc.side_ids:
            assert out.meters[s]["approval_pct"] == pytest.approx(game.state.sides[s].approval_pct, abs=1e-6)
        assert out.meters["us"]["threat_credibility_pct"] == game.state.sides["us"].threat_credibility_pct


def test_rule_3_8_a_sensitive_term_signed_raises_its_owners_faction_pressure(geneva):
    sc = quiet(geneva)
    with_card, without = Game(sc, 9), Game(sc, 9)
    for g, extra in ((with_card, (Term(instrument="cn_rare_earth_licensing", value=0),)), (without, ())):
        orders(g)
        sign_now(g, (*TRUCE, *extra))
    price = concession_price(Rules(sc).instruments["cn_rare_earth_licensing"], 1, 0, temporary=False)
    gap = (
        with_card.state.sides["china"].faction_pressure_pct
        - without.state.sides["china"].faction_pressure_pct
    )
    assert gap == pytest.approx(price.faction_pct, abs=0.5)  # exports differ a little too
    # the US gave nothing sensitive: its faction is where it would be anyway, give or take trade
    assert (
        abs(with_card.state.sides["us"].faction_pressure_pct - without.state.sides["us"].faction_pressure_pct)
        < 1.0
    )
