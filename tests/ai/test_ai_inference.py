"""Opponent modelling from the public reasons and moves; breach memory and trust."""

from __future__ import annotations

from game.ai import make_ai
from game.ai.negotiator import rules_for
from game.ai.opponent import build
from game.engine import Accept, Game, Propose, Reject, SubmitOrders, Term
from game.engine.actions import EndTalks
from game.engine.reasons import Reason, ReasonKind, TermRef, named_instruments


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


def _named_purchase_line(geneva):
    """The US asks for $50bn of purchases; China refuses, naming its $30bn line."""
    g = _asked(geneva, Term(instrument="cn_purchases", value=50))
    answer = make_ai("pragmatist", "normal").decide(g.view("china"))
    lines = [r for r in answer.reasons if r.kind == ReasonKind.RED_LINE and r.instrument == "cn_purchases"]
    assert [r.level for r in lines] == [30.0]
    g.play(Reject(side="china", reasons=answer.reasons))
    return g


def test_levels_home_in_on_a_named_line_differently(geneva):
    g = _named_purchase_line(geneva)
    v = g.view("us")
    rules = rules_for(v)
    ins = rules.instruments["cn_purchases"]
    cur = v.levels["cn_purchases"]
    # normal: anything short of the refused $50bn may be asked
    assert build(rules, v, quality=1, memory_turns=None).allowed(ins, cur, 45)
    # hard: halves the distance between what they gave ($0bn) and what they refused
    hard = build(rules, v, quality=2, memory_turns=None)
    assert hard.allowed(ins, cur, 25) and not hard.allowed(ins, cur, 30)
    # expert: reads "$30bn" from the note — the line itself, and no further
    expert = build(rules, v, quality=3, memory_turns=None)
    assert expert.blocks["cn_purchases"].exact
    assert expert.allowed(ins, cur, 30) and not expert.allowed(ins, cur, 31)
    assert expert.probe(ins, cur) == 30


def test_the_expert_asks_exactly_up_to_the_line(geneva):
    g = _asked(geneva, Term(instrument="cn_purchases", value=50))
    g.play(make_ai("pragmatist", "normal").decide(g.view("china")))  # a counter naming the line
    answer = make_ai("pragmatist", "expert").decide(g.view("us"))
    asked = [t.value for t in getattr(answer, "terms", ()) if t.instrument == "cn_purchases"]
    assert answer.type == "counter" and asked and max(asked) <= 30


def _refused_with(geneva, instrument: str, asked: float, *reasons: Reason):
    """The US asks ``asked`` of ``instrument``; China refuses with ``reasons``: (view, rules, expert model)."""
    g = _asked(geneva, Term(instrument=instrument, value=asked))
    g.play(Reject(side="china", reasons=reasons))
    v = g.view("us")
    return v, rules_for(v), build(rules_for(v), v, quality=3, memory_turns=None)


def _line(instrument: str, op: str, level: float | None) -> Reason:
    return Reason(kind=ReasonKind.RED_LINE, instrument=instrument, op=op, level=level, red_line="a_line")


def test_two_levels_for_one_line_are_not_read_as_the_line(geneva):
    # two candidate levels on the instrument: ambiguous, so no exact line
    _v, _rules, model = _refused_with(
        geneva, "cn_purchases", 50, _line("cn_purchases", "<=", 20), _line("cn_purchases", "<=", 40)
    )
    assert "cn_purchases" in model.blocks and not model.blocks["cn_purchases"].exact


def test_a_line_off_the_instruments_steps_is_rounded_towards_where_it_is(geneva):
    v, rules, model = _refused_with(geneva, "cn_tariff_us", 0, _line("cn_tariff_us", ">=", 12.5))
    ins = rules.instruments["cn_tariff_us"]
    b = model.blocks["cn_tariff_us"]
    assert b.exact and b.safe == 13  # the nearest allowed step above 12.5%
    assert model.allowed(ins, v.levels[ins.id], 13) and not model.allowed(ins, v.levels[ins.id], 12)


def test_a_counter_offers_levels_are_not_read_as_the_line(geneva):
    counter = Reason(
        kind=ReasonKind.OFFER,
        terms=(TermRef(instrument="cn_purchases", value=40, before=0),),
        band="somewhat",
    )
    _v, _rules, model = _refused_with(geneva, "cn_purchases", 50, _line("cn_purchases", "<=", None), counter)
    assert "cn_purchases" in model.blocks and not model.blocks["cn_purchases"].exact


def test_a_reason_that_names_no_limit_makes_no_block(geneva):
    # an offer's terms name instruments, but not as the term that decided a refusal
    counter = Reason(kind=ReasonKind.OFFER, terms=(TermRef(instrument="cn_purchases", value=40, before=0),))
    _v, _rules, model = _refused_with(geneva, "cn_purchases", 50, counter)
    assert "cn_purchases" not in model.blocks
