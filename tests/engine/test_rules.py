"""Tests named after the numbered rules of docs/rules.md."""

from __future__ import annotations

import pytest

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


def orders(game: Game, **moves_by_side: dict) -> None:
    for side in game.scenario.side_ids:
        game.play(SubmitOrders(side=side, moves=moves_by_side.get(side, {})))


def refused(game: Game, action, rule: str) -> IllegalAction:
    before = game.state_hash()
    with pytest.raises(IllegalAction) as info:
        game.play(action)
    assert info.value.rule == rule, info.value
    assert game.state_hash() == before, "a refused action must leave the game unchanged"
    return info.value


GENEVA = (
    Term(instrument="us_tariff_reciprocal", value=34),
    Term(instrument="us_suspension", value=24, duration_turns=13),
    Term(instrument="cn_tariff_us", value=34),
    Term(instrument="cn_suspension", value=24, duration_turns=13),
)


def test_rule_1_1_unknown_side_refused(geneva):
    refused(Game(geneva, 1), SubmitOrders(side="eu"), "1.1")


def test_rule_1_2_no_action_after_the_end(geneva):
    g = Game(geneva, 1)
    g.play(WalkOut(side="us"))
    refused(g, SubmitOrders(side="china"), "1.2")


def test_rule_1_3_offers_only_at_the_table_orders_only_in_orders(geneva):
    g = Game(geneva, 1)
    refused(g, Propose(side="us", terms=GENEVA), "1.3")
    orders(g)
    refused(g, SubmitOrders(side="us"), "1.3")


def test_rule_1_4_out_of_turn_at_the_table(geneva):
    g = Game(geneva, 1)
    orders(g)
    assert g.to_move() == ["us"]
    refused(g, Propose(side="china", terms=GENEVA), "1.4")


def test_rule_2_1_orders_once_per_turn_and_private(geneva):
    g = Game(geneva, 1)
    g.play(SubmitOrders(side="us", moves={"us_tariff_fentanyl": 25}))
    refused(g, SubmitOrders(side="us"), "2.1")
    china_view = g.view("china")
    assert china_view.my_orders is None and china_view.other_submitted
    assert china_view.levels["us_tariff_fentanyl"] == 20  # not revealed before resolution


def test_rule_2_2_only_own_instruments(geneva):
    g = Game(geneva, 1)
    refused(g, SubmitOrders(side="us", moves={"cn_tariff_us": 100}), "2.2")
    refused(g, SubmitOrders(side="us", moves={"no_such": 1}), "2.2")


def test_rule_2_3_range_and_step(geneva):
    g = Game(geneva, 1)
    refused(g, SubmitOrders(side="us", moves={"us_tariff_fentanyl": 60}), "2.3")
    refused(g, SubmitOrders(side="us", moves={"us_tariff_fentanyl": 12}), "2.3")
    refused(g, SubmitOrders(side="us", moves={"us_tariff_fentanyl": float("nan")}), "2.3")


def test_rule_2_4_political_capital_limits_orders(geneva):
    g = Game(geneva, 1)
    err = refused(
        g,
        SubmitOrders(
            side="us",
            moves={
                "us_tariff_reciprocal": 0,
                "us_chip_controls": 0,
                "us_entity_list": 0,
                "us_de_minimis_end": 0,
            },
        ),
        "2.4",
    )
    assert "political capital" in err.message
    cost = g.rules.orders_cost_levels(g.state.levels, {"us_tariff_fentanyl": 10}, "none")
    capital = g.state.sides["us"].political_capital
    orders(g, us={"us_tariff_fentanyl": 10})
    g.play(EndTalks(side="us"))
    regen = 3 + (g.state.sides["us"].approval_pct - 50) / 10
    assert g.state.sides["us"].political_capital == pytest.approx(capital - cost + regen, abs=1e-6)


def test_rule_3_1_openers_alternate_and_rejecter_moves(geneva):
    g = Game(geneva, 1)
    orders(g)
    assert g.to_move() == ["us"]
    g.play(Propose(side="us", terms=GENEVA))
    g.play(Reject(side="china"))
    assert g.to_move() == ["china"]
    g.play(EndTalks(side="china"))
    assert g.state.turn == 2
    orders(g)
    assert g.to_move() == ["china"]


def test_rule_3_2_package_terms_checked(geneva):
    g = Game(geneva, 1)
    orders(g)
    refused(g, Propose(side="us", terms=()), "3.2")
    refused(g, Propose(side="us", terms=(Term(instrument="us_tariff_reciprocal", value=7.5),)), "3.2")
    twice = (Term(instrument="cn_tariff_us", value=50), Term(instrument="cn_tariff_us", value=40))
    refused(g, Propose(side="us", terms=twice), "3.2")
    refused(
        g, Propose(side="us", terms=(Term(instrument="us_suspension", value=5, duration_turns=0),)), "3.2"
    )


def test_rule_3_2_a_package_must_change_something(geneva):
    """Signing a term already agreed for good again is refused (it would only earn rule 3.7's
    trust and approval); a temporary or different term on it, or a package with one real term, is not."""
    g = Game(geneva, 1)
    orders(g)
    cut = (Term(instrument="us_tariff_fentanyl", value=10),)
    g.play(Propose(side="us", terms=cut))
    g.play(Accept(side="china"))
    orders(g)
    assert g.state.levels["us_tariff_fentanyl"] == 10
    err = refused(g, Propose(side="china", terms=cut), "3.2")
    assert "already agreed" in err.message
    g.play(Propose(side="china", terms=(*cut, Term(instrument="cn_purchases", value=10))))
    g.play(Reject(side="us"))
    g.play(Propose(side="us", terms=(Term(instrument="us_tariff_fentanyl", value=10, duration_turns=2),)))


def test_rule_3_3_answer_before_anything_else(geneva):
    g = Game(geneva, 1)
    orders(g)
    refused(g, Accept(side="us"), "3.3")
    g.play(Propose(side="us", terms=GENEVA))
    refused(g, EndTalks(side="china"), "3.3")
    refused(g, Propose(side="china", terms=GENEVA), "3.3")


def test_rule_3_4_exchange_limit_closes_the_table(geneva):
    g = Game(geneva, 1)
    orders(g)
    n = geneva.end.exchanges_per_turn
    g.play(Propose(side="us", terms=GENEVA))
    side = "china"
    for _ in range(n - 1):
        g.play(Counter(side=side, terms=GENEVA))
        side = "us" if side == "china" else "china"
    refused(g, Counter(side=side, terms=GENEVA), "3.4")
    g.play(Reject(side=side))
    assert g.state.turn == 2 and g.state.phase == "orders"


def test_rule_3_5_no_proposal_across_own_red_line(geneva):
    g = Game(geneva, 1)
    orders(g)
    err = refused(g, Propose(side="us", terms=(Term(instrument="us_chip_controls", value=0),)), "3.5")
    assert "keep_chip_controls" in err.message


def test_rule_3_6_no_acceptance_across_own_red_line(geneva):
    g = Game(geneva, 1)
    orders(g)
    g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=40),)))
    refused(g, Accept(side="china"), "3.6")


def test_rule_3_7_acceptance_signs_and_resolves(geneva):
    g = Game(geneva, 1)
    orders(g)
    trust = g.state.trust_pct
    g.play(Propose(side="us", terms=GENEVA))
    g.play(Accept(side="china"))
    assert len(g.state.active_agreements()) == 1
    assert g.state.turn == 2
    assert g.state.levels["us_tariff_reciprocal"] == 34 and g.state.levels["us_suspension"] == 24
    assert g.state.trust_pct > trust


def test_rule_4_2_terms_override_same_turn_orders(geneva):
    g = Game(geneva, 1)
    orders(g, us={"us_tariff_reciprocal": 130})
    g.play(Propose(side="us", terms=GENEVA))
    g.play(Accept(side="china"))
    assert g.state.levels["us_tariff_reciprocal"] == 34
    assert not any(a.status == "breached" for a in g.state.agreements)


def _signed(geneva) -> Game:
    g = Game(geneva, 3)
    orders(g)
    g.play(Propose(side="us", terms=GENEVA))
    g.play(Accept(side="china"))
    return g


def test_rule_4_3_breach_costs_trust_and_capital(geneva):
    g = _signed(geneva)
    trust = g.state.trust_pct
    orders(g, china={"cn_tariff_us": 60})
    g.play(EndTalks(side=g.to_move()[0]))
    ag = g.state.agreements[0]
    assert ag.status == "breached" and ag.breached_by == "china"
    assert g.state.trust_pct < trust - 20
    assert any(n.kind == "breach" for n in g.state.news)


def test_rule_4_3_easing_further_is_no_breach(geneva):
    g = _signed(geneva)
    orders(g, us={"us_tariff_reciprocal": 30})
    g.play(EndTalks(side=g.to_move()[0]))
    assert g.state.agreements[0].status == "in_force"


def test_rule_4_4_breach_voids_and_wronged_side_snaps_back(geneva):
    g = _signed(geneva)
    orders(g, china={"cn_tariff_us": 60})
    g.play(EndTalks(side=g.to_move()[0]))
    assert g.state.levels["us_tariff_reciprocal"] == 125
    assert g.state.levels["us_suspension"] == 0
    assert g.state.levels["cn_tariff_us"] == 60


def test_rule_4_5_expired_terms_snap_back(geneva):
    g = Game(geneva, 1)
    orders(g)
    g.play(Propose(side="us", terms=(Term(instrument="us_suspension", value=20, duration_turns=2),)))
    g.play(Accept(side="china"))
    assert g.state.levels["us_suspension"] == 20  # turn 1 resolved
    orders(g)
    g.play(EndTalks(side=g.to_move()[0]))  # turn 2: last turn in force
    assert g.state.levels["us_suspension"] == 20
    orders(g)
    g.play(EndTalks(side=g.to_move()[0]))  # turn 3: the term has run out
    assert g.state.levels["us_suspension"] == 0
    assert g.state.agreements[0].status == "expired"
    assert any(n.kind == "snap_back" for n in g.state.news)


def test_rule_4_2_phased_terms_take_effect_later(geneva):
    g = Game(geneva, 1)
    orders(g)
    phased = (Term(instrument="us_tariff_reciprocal", value=10, start_after_turns=2),)
    g.play(Propose(side="us", terms=phased))
    g.play(Accept(side="china"))
    assert g.state.levels["us_tariff_reciprocal"] == 125
    orders(g, us={"us_tariff_reciprocal": 130})  # not yet bound: no breach
    g.play(EndTalks(side=g.to_move()[0]))
    assert g.state.agreements[0].status == "in_force"
    orders(g)
    g.play(EndTalks(side=g.to_move()[0]))  # turn 3: the term starts
    assert g.state.levels["us_tariff_reciprocal"] == 10
    assert g.state.agreements[0].terms[0].prior == 130


def test_rule_4_6_new_term_replaces_older_term(geneva):
    g = _signed(geneva)
    orders(g)
    side = g.to_move()[0]
    g.play(Propose(side=side, terms=(Term(instrument="us_tariff_reciprocal", value=20),)))
    g.play(Accept(side=geneva.other(side)))
    first = g.state.agreements[0]
    assert all(t.instrument != "us_tariff_reciprocal" for t in first.terms)
    assert g.state.levels["us_tariff_reciprocal"] == 20


def test_rule_4_7_tariff_cut_raises_the_target_s_exports(geneva):
    a = Game(geneva, 5)
    b = Game(geneva, 5)
    for g, moves in ((a, {}), (b, {"us": {"us_tariff_reciprocal": 100}})):
        orders(g, **moves)
        g.play(EndTalks(side="us"))
    assert b.state.meters["china"]["exports_bn"] > a.state.meters["china"]["exports_bn"]


def test_rule_4_8_threats_cost_trust(geneva):
    g = Game(geneva, 1)
    g.play(SubmitOrders(side="us", statement="threatening"))
    g.play(SubmitOrders(side="china", statement="conciliatory"))
    trust = g.state.trust_pct
    g.play(EndTalks(side="us"))
    # the turn's resolution, as recorded before the next turn's events (which may move trust too)
    # (the conciliatory +3 times the share of trust still missing, rule 4.8)
    assert g.state.history[1].shared["trust_pct"] == pytest.approx(
        trust - 6 + 3 * (1 - trust / 100), abs=1e-6
    )


def test_rule_4_8_words_build_trust_slowly(geneva):
    gains = []
    for start in (25.0, 75.0):
        g = Game(geneva.model_copy(update={"trust_pct": start}), 1)
        g.play(SubmitOrders(side="us", statement="conciliatory"))
        g.play(SubmitOrders(side="china", statement="none"))
        g.play(EndTalks(side="us"))
        gains.append(g.state.history[1].shared["trust_pct"] - start)
    assert gains == pytest.approx([3 * 0.75, 3 * 0.25], abs=1e-6)


def test_rule_4_8_moves_against_the_other_side_cost_trust_and_moves_in_its_favour_earn_it(geneva):
    g = Game(geneva, 1)
    trust = g.state.trust_pct
    g.play(SubmitOrders(side="us", moves={"us_tariff_fentanyl": 25}, statement="firm"))  # against: -3
    g.play(SubmitOrders(side="china", moves={"cn_tariff_us": 115}))  # in the other's favour: +1.5
    g.play(EndTalks(side="us"))
    assert g.state.history[1].shared["trust_pct"] == pytest.approx(trust - 3 + 1.5 - 1, abs=1e-6)


def test_rule_4_9_events_fire_deterministically(geneva):
    def run(seed: int) -> list[tuple[str, int]]:
        g = Game(geneva, seed)
        for _ in range(10):
            orders(g)
            g.play(EndTalks(side=g.to_move()[0]))
        return sorted(g.state.fired_events.items())

    assert run(11) == run(11)
    assert "talks_open" in dict(run(11))
    assert len({tuple(run(s)) for s in range(12)}) > 1, "random events should differ between seeds"


def test_rule_5_1_walk_out_collapses(geneva):
    g = Game(geneva, 1)
    g.play(WalkOut(side="china"))
    assert g.over and g.state.end_reason == "walk_out"
    assert g.outcome().id == "collapse"


def test_rule_5_2_trust_at_zero_collapses(geneva):
    g = Game(geneva, 1)
    for _ in range(geneva.end.deadline_turns):
        if g.over:
            break
        g.play(SubmitOrders(side="us", statement="threatening"))
        g.play(SubmitOrders(side="china", statement="threatening"))
        g.play(EndTalks(side=g.to_move()[0]))
    assert g.over and g.state.end_reason == "trust"


def test_rule_5_4_comprehensive_deal_ends_the_game(geneva):
    g = Game(geneva, 1)
    orders(g)
    deal = (
        *GENEVA,
        Term(instrument="cn_rare_earth_licensing", value=0),
        Term(instrument="cn_fentanyl_pledge", value=1),
    )
    assert g.rules.is_comprehensive(deal)
    g.play(Propose(side="us", terms=deal))
    g.play(Accept(side="china"))
    assert g.over and g.state.end_reason == "deal"
    assert g.outcome().requires == "deal"
    # the deal's effects play out to the deadline, with no more actions
    assert g.state.deal_turn == 1 and g.state.turn == geneva.end.deadline_turns
    assert [r.turn for r in g.state.history] == list(range(geneva.end.deadline_turns + 1))
    assert len(g.actions) == 4
    # the world goes on (events fire) and the deal is implemented in good faith: trust grows
    # as with a conciliatory statement from both sides every week, without news of each
    trust_after_signing = g.state.history[1].shared["trust_pct"]
    assert g.state.trust_pct > trust_after_signing
    assert not any(n.kind == "statement" and n.turn > 1 for n in g.state.news)


def test_rule_5_5_deadline(geneva):
    g = Game(geneva, 1)
    while not g.over:
        orders(g)
        g.play(EndTalks(side=g.to_move()[0]))
    assert g.state.end_reason == "deadline" and g.state.turn == geneva.end.deadline_turns


def test_rule_6_1_score_is_weighted_credit(geneva):
    from game.engine.scoring import credit

    g = Game(geneva, 1)
    sc = g.score("us")
    # the weights this game drew (rule 7.3), not the prior's middles in the file
    drawn = g.state.briefings["us"]
    weights = {o.id: o.weight for o in drawn.objectives}
    assert weights != {o.id: o.weight for o in geneva.briefings["us"].objectives}
    total = sum(weights.values())
    assert sc.total == pytest.approx(sum(100 * i.credit * weights[i.id] / total for i in sc.items), abs=1e-4)
    obj = drawn.objectives[0]
    assert credit(obj, obj.baseline) == 0 and credit(obj, obj.target) == 1
    assert credit(obj, obj.target + 100 * (obj.target - obj.baseline)) == 1


def test_rule_7_1_view_hides_the_other_side_s_secrets(geneva, geneva_fixed):
    # a briefing with no prior is wholly private: not one of its objectives' texts in the view
    g = Game(geneva_fixed, 1)
    v = g.view("us")
    assert set(v.scenario.briefings) == {"us"} and v.other_prior is None
    assert "political_capital" not in v.meters["china"]
    assert "political_capital" in v.meters["us"]
    china_texts = [o.text for o in geneva_fixed.briefings["china"].objectives]
    assert all(t.en not in repr(v) and t.zh not in repr(v) for t in china_texts)
    # with priors (rule 7.3, Geneva as shipped) its prior is public, its draw never in the view
    g = Game(geneva, 1)
    v = g.view("us")
    assert set(v.scenario.briefings) == {"us"} and v.scenario.briefings["us"] == g.state.briefings["us"]
    assert v.other_prior == geneva.briefings["china"].model_copy(update={"summary": ""})
    assert v.other_prior != g.state.briefings["china"]
    assert geneva.briefings["china"].summary and not v.other_prior.summary  # its summary is private
    assert repr(g.state.briefings["china"]) not in repr(v)
    assert f"walk_away={g.state.briefings['china'].walk_away!r}" not in repr(v)
