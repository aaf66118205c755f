"""The expert's tactics: pricing the weeks a refusal costs, closing, the nibble."""

from __future__ import annotations

from game.ai import make_ai
from game.engine import Game, Propose, Reject, SubmitOrders, Term
from game.reasons_text import action_text


def _opening(geneva):
    g = Game(geneva, 1)
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    return g


def test_refusals_raise_the_expected_cost_of_holding_out(geneva):
    g = _opening(geneva)
    ai = make_ai("pragmatist", "expert")
    ctx = ai._context(g.view("us"))
    fresh = ai.expected_weeks_lost(ctx)
    g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=50),)))
    g.play(Reject(side="china"))
    ctx = ai._context(g.view("us"))
    assert ai.expected_weeks_lost(ctx) > fresh


def test_closing_offers_their_package_within_our_red_lines(geneva):
    g = _opening(geneva)
    us_ask = (
        Term(instrument="us_tariff_reciprocal", value=0),
        Term(instrument="us_tariff_fentanyl", value=10),
        Term(instrument="cn_tariff_us", value=0),  # across China's line (5-15%)
        Term(instrument="cn_purchases", value=50),  # across China's line ($20-40bn)
        Term(instrument="cn_rare_earth_licensing", value=0),
    )
    g.play(Propose(side="us", terms=us_ask))
    ai = make_ai("pragmatist", "expert")
    ctx = ai._context(g.view("china"))
    (mirror,) = ai._mirrors(ctx)
    got = {t.instrument: t.value for t in mirror}
    # (the lines are this game's draw, rule 7.3)
    lines = {rl.instrument: rl.value for rl in g.view("china").briefing.red_lines}
    assert got["cn_purchases"] == lines["cn_purchases"] and got["cn_tariff_us"] == lines["cn_tariff_us"]
    assert lines["cn_purchases"] < 50 and lines["cn_tariff_us"] > 0  # (so the mirror did correct them)
    assert got["us_tariff_reciprocal"] == 0 and got["us_tariff_fentanyl"] == 10
    assert got["cn_rare_earth_licensing"] == 0
    # the hard level does not consider it
    assert not make_ai("pragmatist", "hard").level.closing


def test_every_expert_offer_is_explained(geneva):
    g = _opening(geneva)
    g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=50),)))
    action = make_ai("conceder", "expert").decide(g.view("china"))
    assert action.reasons and action_text(geneva, action).endswith(".")


def test_the_frontier_is_searched_around_too_so_refusals_never_leave_one_offer(geneva):
    """Each of the first frontier packages with one group's term changed or left out: the
    exchange rates alone can find only a handful of distinct packages, and once those are
    made (never twice) the next offer had to be whatever was left."""
    g = _opening(geneva)
    ai = make_ai("pragmatist", "hard")
    ctx = ai._context(g.view("us"))
    groups = ai.groups(ctx)
    ai.NEIGHBOURHOOD = 0  # (on this instance) the exchange rates alone
    found = ai._frontier(ctx, groups)
    ai.NEIGHBOURHOOD = type(ai).NEIGHBOURHOOD
    near = ai._neighbours(ctx, groups, found)
    assert len(set(found) | set(near)) > 2 * len(set(found))
    # each neighbour differs from one of the seeds in the terms of one group only
    group_of = {t.instrument: i for i, gr in enumerate(groups) for o in gr for t in o}
    for pk in near:
        diffs = []
        for seed in found[: ai.NEIGHBOURHOOD]:
            if seed == pk:
                continue
            changed = {t for t in set(pk) ^ set(seed)}
            diffs.append({group_of[t.instrument] for t in changed})
        assert min(len(d) for d in diffs) == 1
    # and they are candidates: the search breadth the hard and expert levels have
    assert set(near) <= set(ai.candidates(ctx))


def test_the_experts_chances_are_calibrated_against_the_record(geneva):
    """A side outside the prior (a person who copies our offer back, trimmed) refuses what
    every type would take: once our offers keep being refused, the belief's chances are
    scaled down by how far they have held up (never up); the hope of the talks is not (their
    counters, not our refused offers, say what the talks will bring)."""
    import dataclasses

    from game.ai import lookahead
    from game.engine.state import Offer

    g = _opening(geneva)
    ai = make_ai("pragmatist", "expert")
    v = g.view("us")
    generous = [
        (Term(instrument="us_tariff_reciprocal", value=x), Term(instrument="cn_purchases", value=5))
        for x in (30, 20, 10, 0)
    ]
    assert lookahead.calibration(ai, ai._context(v)) == 1.0  # nothing on record yet
    offers = tuple(
        Offer(id=i, turn=v.turn, side="us", terms=p, status="rejected") for i, p in enumerate(generous)
    )
    refused = dataclasses.replace(v, offers=offers, pending_offer=None)
    ctx = ai._context(refused)
    kappa = lookahead.calibration(ai, ctx)
    assert 0.0 < kappa < 1.0
    (e,) = ai.evaluate(ctx, [generous[-1]])
    (x,) = lookahead.expectations(ai, ctx, [e], 60.0)
    assert x.accept == ctx.model.accept_prob(e.terms, e.outcome) * kappa
    # ... but not the hope of the talks: the continuation keeps the whole way to the aspiration
    c = lookahead.continuation(ai, ctx, 60.0, lookahead.expected_reply(ai, ctx))
    floor = max(ctx.base.mine, ai.walk_away(ctx))
    assert c >= floor + (1.0 - ctx.t) * max(0.0, 60.0 - floor) - 1e-9
    assert abs(x.value - (x.accept * e.mine + (1.0 - x.accept) * c)) < 1e-9
    # had they taken them all, the record says no less than the belief: no scaling
    taken = tuple(dataclasses.replace(o, status="accepted") for o in offers)
    assert lookahead.calibration(ai, ai._context(dataclasses.replace(refused, offers=taken))) == 1.0


def test_when_the_belief_gives_no_offer_a_chance_the_expert_does_not_offer_what_is_worth_most_to_them(
    geneva, monkeypatch
):
    # every expected value is then the continuation; the lookahead's tie-break (worth most to
    # them) once made a hard-liner expert offer a package worth one point more than no deal
    g = _opening(geneva)
    ai = make_ai("hardliner", "expert")
    ctx = ai._context(g.view("us"))
    monkeypatch.setattr(
        type(ctx.model), "accept_prob", lambda self, terms, outcome, their_alternative=None: 0.0
    )
    pick, asp, evs = ai.plan_offer(ctx)
    assert pick is not None
    assert pick.mine >= asp - 1e-9  # the plain rule: at or above the style's aspiration
    generous = max((e for e in evs if e.mine >= ctx.base.mine + 0.5), key=lambda e: e.theirs)
    assert pick.terms != generous.terms and pick.mine > generous.mine


def test_a_counter_the_belief_expects_them_to_take_costs_no_weeks(geneva):
    # a record of refusals says holding out is slow; a chance from the lookahead for the
    # very package we would counter with overrides it (a side that refused every ask may
    # still take the one that meets it), and a sure one costs no weeks at all
    g = _opening(geneva)
    g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=50),)))
    g.play(Reject(side="china"))
    ai = make_ai("pragmatist", "expert")
    ctx = ai._context(g.view("us"))
    record = ai.expected_weeks_lost(ctx)
    assert record > 0
    assert ai.expected_weeks_lost(ctx, 0.01) == record  # (the record is the floor of the chance)
    assert 0 < ai.expected_weeks_lost(ctx, 0.8) < record
    assert ai.expected_weeks_lost(ctx, 1.0) == 0


def test_the_expected_reply_counts_on_their_recent_progress_our_way(geneva):
    # a side whose offers have been moving our way is expected to move on by a week of it; one
    # that stands still, or moves back, is expected to stay put (the trend is never negative)
    import dataclasses

    from game.ai import lookahead
    from game.engine.state import Offer

    g = _opening(geneva)
    ai = make_ai("pragmatist", "expert")
    v = g.view("us")
    turn = v.turn + 2

    def record(*purchases: int) -> tuple[Offer, ...]:
        return tuple(
            Offer(
                id=k,
                turn=turn - len(purchases) + 1 + k,
                side="china",
                terms=(Term(instrument="cn_purchases", value=x),),
                status="rejected" if k < len(purchases) - 1 else "pending",
            )
            for k, x in enumerate(purchases)
        )

    def context(*purchases: int):
        offers = record(*purchases)
        return ai._context(dataclasses.replace(v, turn=turn, offers=offers, pending_offer=None)), offers

    def trend(*purchases: int) -> float:
        ctx, offers = context(*purchases)
        (last,) = ai.evaluate(ctx, [offers[-1].terms])
        return lookahead.reply_trend(ai, ctx, offers[-1], last.mine)

    moving = trend(10, 20, 30)
    assert moving > 0
    # two weeks of progress, one week of it: half of what the last two weeks brought
    ctx, offers = context(10, 20, 30)
    e10, e30 = ai.evaluate(ctx, [offers[0].terms, offers[-1].terms])
    assert abs(moving - (e30.mine - e10.mine) / 2) < 1e-9
    assert lookahead.expected_reply(ai, ctx) == e30.mine + moving - ai.delay_cost(ctx, e30)
    assert trend(30, 30, 30) == 0.0
    assert trend(30, 20, 10) == 0.0
    assert trend(30) == 0.0  # one offer: no trend to read
