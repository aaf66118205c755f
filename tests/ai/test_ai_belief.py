"""The belief over the other side's type (issue 13 part 3): drawn from the public prior only,
updated from what they do, and read by the negotiator."""

from __future__ import annotations

import dataclasses

import numpy as np

from game.ai.negotiator import rules_for
from game.ai.opponent import N_TYPES, OpponentModel, build
from game.ai.planner import Plan, project
from game.engine import EndTalks, Game, Propose, Reject, SubmitOrders, Term
from game.engine.reasons import Reason, ReasonKind, too_far
from game.engine.state import Offer
from game.engine.view import View


def _table(geneva, seed: int = 1) -> Game:
    g = Game(geneva, seed)
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    return g


def _model(v: View, quality: int = 3) -> OpponentModel:
    return build(rules_for(v), v, quality=quality, memory_turns=None)


def _mean(model: OpponentModel, objective: str) -> float:
    b = model.belief
    assert b is not None
    j = [o.id for o in b.objectives].index(objective)
    return float(b.w @ b.weight[:, j])


def _line(model: OpponentModel, red_line: str) -> float:
    b = model.belief
    assert b is not None
    (ln,) = [ln for ln in b.lines if ln.red_line.id == red_line]
    return float(b.w @ ln.values)


def test_the_types_come_from_the_public_prior_not_the_other_sides_draw(geneva):
    # two games, two draws for China: the US's belief about China is the same in both
    a, b = _model(_table(geneva, 1).view("us")), _model(_table(geneva, 2).view("us"))
    assert _table(geneva, 1).state.briefings["china"] != _table(geneva, 2).state.briefings["china"]
    assert a.belief is not None and b.belief is not None
    assert a.belief.k == N_TYPES + 1
    assert np.array_equal(a.belief.weight, b.belief.weight)
    assert np.array_equal(a.belief.walk_away, b.belief.walk_away)
    assert np.allclose(a.belief.w, 1.0 / a.belief.k)  # nothing observed yet: the prior
    # every type lies in the prior
    prior = geneva.briefings["china"]
    lo, hi = prior.priors["walk_away"].between
    assert (a.belief.walk_away >= lo).all() and (a.belief.walk_away <= hi).all()
    cap = next(r for r in prior.red_lines if r.id == "purchase_cap").priors["value"].between
    values = next(ln for ln in a.belief.lines if ln.red_line.id == "purchase_cap").values
    assert values.min() >= cap[0] and values.max() <= cap[1] and len(set(values)) > 5


def _refused(v: View, *packages: tuple[Term, ...]) -> View:
    """The view with the US having proposed ``packages`` in turn, each rejected without a reason."""
    offers = tuple(
        Offer(id=i, turn=v.turn, side="us", terms=p, status="rejected") for i, p in enumerate(packages)
    )
    return dataclasses.replace(v, offers=offers, pending_offer=None)


def test_refused_asks_on_an_instrument_move_its_line_towards_us(geneva):
    g = _table(geneva)
    v = g.view("us")
    prior = _line(_model(v), "purchase_cap")
    tariff = Term(instrument="us_tariff_reciprocal", value=30)  # generous: no type refuses it for itself
    g.play(Propose(side="us", terms=(tariff, Term(instrument="cn_purchases", value=34))))
    g.play(Reject(side="china"))  # no reason
    after_one = _line(_model(g.view("us")), "purchase_cap")
    ask = [(tariff, Term(instrument="cn_purchases", value=x)) for x in (34, 33, 32)]
    after_three = _line(_model(_refused(v, *ask)), "purchase_cap")
    assert after_three < after_one < prior  # a line below what they keep refusing grows likelier


def _their_offers(v: View, *packages: tuple[Term, ...]) -> View:
    """The view with China having proposed ``packages`` in turn, each answered by a refusal."""
    offers = tuple(
        Offer(id=i, turn=v.turn, side="china", terms=p, status="rejected") for i, p in enumerate(packages)
    )
    return dataclasses.replace(v, offers=offers, pending_offer=None)


def test_what_they_keep_asking_weighs_more_and_what_they_drop_less(geneva):
    v = _table(geneva).view("us")
    prior = _model(v)
    chips, entities = Term(instrument="us_chip_controls", value=0), Term(instrument="us_entity_list", value=0)
    tariff = Term(instrument="us_tariff_reciprocal", value=40)
    v2 = _their_offers(v, (tariff, chips, entities), (tariff, chips), (tariff, chips))
    after = _model(v2)
    assert _mean(after, "chips") > _mean(prior, "chips")
    assert _mean(after, "entities") < _mean(prior, "entities")
    # the guessed briefing is the belief's weighted mean
    assert after.guessed is not None
    assert next(o.weight for o in after.guessed.objectives if o.id == "chips") == _mean(after, "chips")


def test_accept_prob_and_their_value(geneva):
    g = _table(geneva)
    v = g.view("us")
    model, rules = _model(v), rules_for(v)
    stingy = (Term(instrument="us_tariff_reciprocal", value=140), Term(instrument="cn_tariff_us", value=0))
    fair = (Term(instrument="us_tariff_reciprocal", value=30), Term(instrument="cn_tariff_us", value=30))
    outs = project(rules, v, [Plan(terms=stingy), Plan(terms=fair)], horizon=None, schedule=True)
    # China's tariff to 0 crosses its reciprocity line in every type of the prior (5..15%)
    assert model.accept_prob(stingy, outs[0]) == 0.0
    assert model.accept_prob(fair, outs[1]) > 0.5
    assert model.accept_prob(fair, outs[1], their_alternative=100.0) == 0.0
    values = model.type_values(outs[1])
    assert values.shape == (N_TYPES + 1,)
    assert abs(model.their_value(outs[1]) - float(values.mean())) < 1e-9  # the prior: equal weights
    assert 25.0 <= model.walk_away_estimate() <= 45.0
    # the lines every type shares are never asked across (hard and up)
    ins = rules.instruments["cn_tariff_us"]
    assert not model.allowed(ins, v.levels[ins.id], 0) and model.allowed(ins, v.levels[ins.id], 30)


def test_a_too_far_reason_and_a_public_bound_say_more_than_a_plain_reject(geneva):
    v = _table(geneva).view("us")
    ask = (Term(instrument="us_tariff_reciprocal", value=30), Term(instrument="cn_purchases", value=30))
    plain = _line(_model(_refused(v, ask)), "purchase_cap")
    offers = (
        Offer(
            id=0,
            turn=v.turn,
            side="us",
            terms=ask,
            status="rejected",
            response_reasons=(too_far("cn_purchases"),),
        ),
    )
    named = _line(_model(dataclasses.replace(v, offers=offers)), "purchase_cap")
    assert named < plain  # "too far on purchases": a line below $30bn is likelier still
    bound = Reason(
        kind=ReasonKind.RED_LINE, instrument="cn_purchases", op="<=", bound=25.0, red_line="purchase_cap"
    )
    offers = (Offer(id=0, turn=v.turn, side="us", terms=ask, status="rejected", response_reasons=(bound,)),)
    bounded = _line(_model(dataclasses.replace(v, offers=offers)), "purchase_cap")
    assert bounded < named  # "not above about $25bn": the line lies below that, most likely


def test_escalation_makes_a_tougher_type_likelier(geneva):
    def walk_away(moves: dict[str, float]) -> float:
        g = Game(geneva, 1)
        g.play(SubmitOrders(side="us"))
        g.play(SubmitOrders(side="china", moves=moves))
        while g.state.turn == 1:
            g.play(EndTalks(side=g.to_move()[0]))
        return _model(g.view("us")).walk_away_estimate()

    calm = walk_away({})
    assert walk_away({"cn_tariff_us": 135}) > calm > walk_away({"cn_tariff_us": 115})


def test_the_probe_asks_up_to_the_beliefs_median_line(geneva):
    v = _table(geneva).view("us")
    rules = rules_for(v)
    ins = rules.instruments["cn_purchases"]  # China's line: at most $20-40bn, uniform
    before = _model(v, quality=2)
    first = before.probe(ins, 0.0)
    assert first is not None and 25 <= first <= 35
    assert before.belief is not None and before.belief.line_cross_prob(ins.id, 0.0, first) <= 0.5
    assert before.belief.line_cross_prob(ins.id, 0.0, first + 1) > 0.5
    # China offers $36bn itself: its line is at least that, so the probe moves up to it or beyond
    offers = (Offer(id=0, turn=v.turn, side="china", terms=(Term(instrument="cn_purchases", value=36),)),)
    after = _model(dataclasses.replace(v, offers=offers), quality=2).probe(ins, 0.0)
    assert after is not None and after >= 36
    # the normal level has no belief to probe with
    assert _model(v, quality=1).probe(ins, 0.0) is None


def test_after_a_refusal_at_a_line_the_belief_keeps_open_what_the_lines_prior_allows(geneva):
    """China refuses a cut of its tariff to 9% naming its reciprocity line (public prior: no
    lower than somewhere between 5% and 15%). The binary search alone would ask no more than
    halfway between 125% and 9% (67%); the belief knows the line lies at 15% or below, so every
    ask from 15% up stays open and the probe goes there — the expert once settled for 67%."""
    v = _table(geneva).view("us")
    rules = rules_for(v)
    ins = rules.instruments["cn_tariff_us"]
    ask = (Term(instrument="us_tariff_reciprocal", value=10), Term(instrument="cn_tariff_us", value=9))
    named = Reason(kind=ReasonKind.RED_LINE, instrument="cn_tariff_us", op=">=", red_line="reciprocity")
    offers = (Offer(id=0, turn=v.turn, side="us", terms=ask, status="rejected", response_reasons=(named,)),)
    seen = dataclasses.replace(v, offers=offers, pending_offer=None)
    model = _model(seen, quality=2)
    assert ins.id in model.blocks and model.blocks[ins.id].limit == 9
    assert not model.allowed(ins, 125.0, 9.0)  # the refused ask, and anything beyond it
    assert model.allowed(ins, 125.0, 15.0) and model.allowed(ins, 125.0, 30.0)
    probe = model.probe(ins, 125.0)
    assert probe is not None and 9 < probe <= 15
    # 30% is beyond the binary search's middle: only the belief keeps it open
    block = model.blocks[ins.id]
    assert (block.safe + block.limit) / 2 > 30.0 and model._clear_of_lines(ins, 125.0, 30.0)


def test_two_refused_packages_do_not_close_an_instrument_their_prior_gives_no_line(geneva):
    # China countered once asking only for our tariffs, then refused two big packages of ours
    # that both asked for the rare-earth licences (no red line in China's public prior) and
    # more purchases than it has ever offered (its prior has a purchase cap): the purchases are
    # a refusal pattern near a possible line, the rare earths only a price the belief weighs
    v = _table(geneva).view("us")
    theirs = (Term(instrument="us_tariff_reciprocal", value=0),)
    ours = (
        Term(instrument="us_tariff_reciprocal", value=0),
        Term(instrument="cn_rare_earth_licensing", value=0),
        Term(instrument="cn_purchases", value=38),
    )
    offers = (
        Offer(id=0, turn=v.turn, side="china", terms=theirs, status="rejected"),
        Offer(id=1, turn=v.turn, side="us", terms=ours, status="rejected"),
        Offer(id=2, turn=v.turn, side="us", terms=ours, status="rejected"),
    )
    v2 = dataclasses.replace(v, offers=offers, pending_offer=None)
    ins = rules_for(v2).instruments
    for quality in (2, 3):
        model = _model(v2, quality)
        assert "cn_rare_earth_licensing" not in model.blocks
        assert model.allowed(ins["cn_rare_earth_licensing"], 1, 0)
        assert "cn_purchases" in model.blocks  # the pattern still bounds an ask near a line
        assert not model.allowed(ins["cn_purchases"], 0, 38)
    # without the public prior's lines to tell them apart, the pattern closes both (the normal
    # level's guess from public facts is not a prior)
    assert "cn_rare_earth_licensing" in _model(dataclasses.replace(v2, other_prior=None), 2).blocks
