"""Opponent modelling from the public reasons and moves; breach memory and trust."""

from __future__ import annotations

from game.ai import make_ai
from game.ai.negotiator import rules_for
from game.ai.opponent import build
from game.engine import Accept, Counter, Game, Propose, Reject, SubmitOrders, Term
from game.engine.actions import EndTalks
from game.engine.reasons import Reason, ReasonKind, TermRef, named_instruments
from game.scenario.models import Op


def _asked(geneva, *terms: Term) -> Game:
    """Turn 1 with no orders: the US proposes ``terms``; China is to answer."""
    g = Game(geneva, 1)
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    g.play(Propose(side="us", terms=terms))
    return g


def test_a_named_red_line_becomes_a_block(geneva):
    g = _asked(
        geneva, Term(instrument="us_tariff_reciprocal", value=60), Term(instrument="cn_purchases", value=50)
    )
    answer = make_ai("pragmatist", "normal").decide(g.view("china"))
    assert "cn_purchases" in named_instruments(answer.reasons, limits_only=True)  # the line it will not cross
    g.play(Reject(side="china", reasons=answer.reasons))
    v = g.view("us")
    model = build(rules_for(v), v, quality=1, memory_turns=None)
    assert "cn_purchases" in model.blocks
    ins = rules_for(v).instruments["cn_purchases"]
    assert not model.allowed(ins, v.levels["cn_purchases"], 50)
    assert model.allowed(ins, v.levels["cn_purchases"], 20)
    # an easy AI does not read reasons
    assert not build(rules_for(v), v, quality=0, memory_turns=None).blocks


def test_an_ai_never_asks_past_a_named_line_again(geneva):
    g = _asked(geneva, Term(instrument="cn_purchases", value=50))
    # a reason as a human gives it with a Reject: "too far on" the instrument
    g.play(Reject(side="china", reasons=(Reason(kind=ReasonKind.TOO_FAR, instrument="cn_purchases"),)))
    offer = make_ai("pragmatist", "hard").decide(g.view("us"))
    for t in getattr(offer, "terms", ()):
        if t.instrument == "cn_purchases":
            assert t.value < 50


def _breach(geneva):
    """The US and China sign a tariff truce in turn 1; China breaks it in turn 2."""
    g = Game(geneva, 1)
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    g.play(
        Propose(
            side="us",
            terms=(
                Term(instrument="us_tariff_reciprocal", value=60),
                Term(instrument="cn_tariff_us", value=60),
            ),
        )
    )
    g.play(Accept(side="china"))
    g.play(SubmitOrders(side="us"))
    g.play(SubmitOrders(side="china", moves={"cn_tariff_us": 80}))
    g.play(EndTalks(side=g.rules.opener(g.state.turn)))
    return g


def test_breaches_are_remembered_and_cost_trust(geneva):
    g = _breach(geneva)
    assert any(a.status == "breached" and a.breached_by == "china" for a in g.state.agreements)
    v = g.view("us")
    model = build(rules_for(v), v, quality=2, memory_turns=None)
    assert model.breaches == [2]
    assert model.trust < v.shared["trust_pct"] / 100.0
    # the weakest level forgets after a while, the others do not
    assert build(rules_for(v), v, quality=0, memory_turns=0).breaches == []


def test_a_hardliner_answers_a_breach(geneva):
    g = _breach(geneva)
    orders = make_ai("hardliner", "normal").decide(g.view("us"))
    assert orders.type == "orders"
    assert orders.moves.get("us_tariff_reciprocal", 0) > g.state.levels["us_tariff_reciprocal"]
    assert orders.reasons and orders.reasons[0].kind == ReasonKind.ANSWER_ESCALATION


def _named_purchase_line(geneva_fixed):
    """The US asks for $50bn of purchases; China refuses, naming its purchase line: the line's
    level stays private, the public reason gives a rough bound beyond it."""
    g = _asked(geneva_fixed, Term(instrument="cn_purchases", value=50))
    answer = make_ai("pragmatist", "normal").decide(g.view("china"))
    g.play(Reject(side="china", reasons=answer.reasons))
    seen = g.view("us").offers[-1].response_reasons
    lines = [r for r in seen if r.kind == ReasonKind.RED_LINE and r.instrument == "cn_purchases"]
    assert [r.level for r in lines] == [None]  # never the $30bn itself
    (bound,) = [r.bound for r in lines]
    assert bound is not None and 30 < bound < 50
    return g, bound


def test_levels_home_in_on_a_named_line_differently(geneva_fixed):
    g, bound = _named_purchase_line(geneva_fixed)
    v = g.view("us")
    rules = rules_for(v)
    ins = rules.instruments["cn_purchases"]
    cur = v.levels["cn_purchases"]
    # normal: anything short of the refused $50bn may be asked
    assert build(rules, v, quality=1, memory_turns=None).allowed(ins, cur, 45)
    # hard: halves the distance between what they gave ($0bn) and what they refused
    hard = build(rules, v, quality=2, memory_turns=None)
    assert hard.allowed(ins, cur, 25) and not hard.allowed(ins, cur, 30)
    # expert: reads the public bound — no ask at or beyond it, and halves what is left
    expert = build(rules, v, quality=3, memory_turns=None)
    assert expert.blocks["cn_purchases"].limit == bound
    assert expert.allowed(ins, cur, bound / 2 - 1) and not expert.allowed(ins, cur, bound / 2 + 1)
    assert expert.probe(ins, cur) == round(bound / 2)


def test_the_expert_asks_short_of_the_bound(geneva_fixed):
    g = _asked(geneva_fixed, Term(instrument="cn_purchases", value=50))
    g.play(make_ai("pragmatist", "normal").decide(g.view("china")))  # a counter naming the line
    bound = g.view("us").offers[0].response_reasons[0].bound
    answer = make_ai("pragmatist", "expert").decide(g.view("us"))
    asked = [t.value for t in getattr(answer, "terms", ()) if t.instrument == "cn_purchases"]
    assert answer.type in ("counter", "accept")
    assert bound is not None and all(x < bound for x in asked)


def _refused_with(geneva, instrument: str, asked: float, *reasons: Reason):
    """The US asks ``asked`` of ``instrument``; China refuses with ``reasons``: (view, rules, expert model)."""
    g = _asked(geneva, Term(instrument=instrument, value=asked))
    g.play(Reject(side="china", reasons=reasons))
    v = g.view("us")
    return v, rules_for(v), build(rules_for(v), v, quality=3, memory_turns=None)


def _line(instrument: str, op: Op, bound: float | None) -> Reason:
    return Reason(kind=ReasonKind.RED_LINE, instrument=instrument, op=op, bound=bound, red_line="a_line")


def test_two_bounds_for_one_line_are_not_read_as_the_line(geneva):
    # two candidate bounds on the instrument: ambiguous, so the block stays at the refused ask
    _v, _rules, model = _refused_with(
        geneva, "cn_purchases", 50, _line("cn_purchases", "<=", 20), _line("cn_purchases", "<=", 40)
    )
    assert model.blocks["cn_purchases"].limit == 50


def test_a_bound_beyond_the_ask_says_nothing_new(geneva):
    _v, _rules, model = _refused_with(geneva, "cn_purchases", 30, _line("cn_purchases", "<=", 40))
    assert model.blocks["cn_purchases"].limit == 30


def test_a_bound_is_the_limit_of_asks_at_the_top_level(geneva):
    v, rules, model = _refused_with(geneva, "cn_tariff_us", 0, _line("cn_tariff_us", ">=", 25))
    ins = rules.instruments["cn_tariff_us"]
    assert model.blocks["cn_tariff_us"].limit == 25
    assert not model.allowed(ins, v.levels[ins.id], 25)


def test_a_counter_offers_levels_are_not_read_as_the_line(geneva):
    counter = Reason(
        kind=ReasonKind.OFFER,
        terms=(TermRef(instrument="cn_purchases", value=40, before=0),),
        band="somewhat",
    )
    _v, _rules, model = _refused_with(geneva, "cn_purchases", 50, _line("cn_purchases", "<=", None), counter)
    assert "cn_purchases" in model.blocks and model.blocks["cn_purchases"].limit == 50


def test_a_reason_that_names_no_limit_makes_no_block(geneva):
    # an offer's terms name instruments, but not as the term that decided a refusal
    counter = Reason(kind=ReasonKind.OFFER, terms=(TermRef(instrument="cn_purchases", value=40, before=0),))
    _v, _rules, model = _refused_with(geneva, "cn_purchases", 50, counter)
    assert "cn_purchases" not in model.blocks


def test_a_silent_refusal_after_a_concession_caps_the_ask(geneva_fixed):
    """China offers $10bn of purchases, the US asks $20bn, China rejects without a reason: no
    ask beyond $10bn — until China offers more itself."""
    g = _asked(geneva_fixed, Term(instrument="us_tariff_reciprocal", value=60))
    g.play(Counter(side="china", terms=(Term(instrument="cn_purchases", value=10),)))
    g.play(Counter(side="us", terms=(Term(instrument="cn_purchases", value=20),)))
    g.play(Reject(side="china"))
    v = g.view("us")
    rules = rules_for(v)
    ins = rules.instruments["cn_purchases"]
    for quality in (1, 2, 3):
        model = build(rules, v, quality=quality, memory_turns=None)
        assert model.caps == {"cn_purchases": 10}
        assert model.allowed(ins, 0, 10) and not model.allowed(ins, 0, 11)
    assert not build(rules, v, quality=0, memory_turns=None).blocks  # easy does not read refusals
    # China then offers $15bn itself (next week, its turn to open): something changed, the cap is lifted
    for s in geneva_fixed.side_ids:
        g.play(SubmitOrders(side=s))
    g.play(Propose(side="china", terms=(Term(instrument="cn_purchases", value=15),)))
    v = g.view("us")
    model = build(rules_for(v), v, quality=2, memory_turns=None)
    assert "cn_purchases" not in model.caps and model.allowed(ins, 0, 18)
