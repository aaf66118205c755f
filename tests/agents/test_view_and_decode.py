"""The view encoder holds nothing of the other side's secrets (compared with the full state),
and the decoder refuses each kind of bad message with its own rule."""

from __future__ import annotations

import json

import pytest

from game.agents import AgentError, decode_action, encode_view, pass_action, view_json
from game.ai import make_ai
from game.engine import Accept, Counter, EndTalks, Propose, Reject, SubmitOrders, WalkOut
from game.engine.reasons import ReasonKind
from game.engine.view import PRIVATE_METERS
from game.session import Session


def _strings(data: object) -> set[str]:
    """Every string in a JSON-ready value (keys included)."""
    out: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            out.add(str(k))
            out |= _strings(v)
    elif isinstance(data, list):
        for v in data:
            out |= _strings(v)
    elif isinstance(data, str):
        out.add(data)
    return out


def _played(geneva) -> Session:
    session = Session.new(
        geneva, {"us": make_ai("pragmatist", "normal"), "china": make_ai("pragmatist", "normal")}
    )
    session.run_ai()
    assert session.over
    return session


@pytest.mark.parametrize("side", ["us", "china"])
def test_a_view_holds_nothing_of_the_other_sides_briefing(geneva, side: str) -> None:
    session = _played(geneva)
    other = geneva.other(side)
    state = session.game.state
    wire = view_json(session.view(side))
    text = json.dumps(wire, ensure_ascii=False)
    words = _strings(wire)
    mine = geneva.briefings[side].model_dump(mode="json")
    theirs = geneva.briefings[other].model_dump(mode="json")
    # the other side's briefing: every string of it that is not also in this side's own, in
    # the public scenario or a meter's name
    public = _strings(geneva.model_copy(update={"briefings": {}}).model_dump(mode="json"))
    meters = set(state.meters[other]) | set(state.meters[side]) | set(state.shared)
    secret = _strings(theirs) - _strings(mine) - public - meters
    assert secret, "the other briefing has no string of its own: the test would prove nothing"
    # none of it on the wire, but for what the other side said in its (public) reasons
    said = [o["reasons"] if o["side"] == other else o["response_reasons"] for o in wire["offers"]]
    unsaid = {k: v for k, v in wire.items() if k not in ("offers", "pending_offer")}
    unsaid["offers"] = [
        {k: v for k, v in o.items() if k != ("reasons" if o["side"] == other else "response_reasons")}
        for o in wire["offers"]
    ]
    assert not (secret & _strings(unsaid))
    assert not (secret & words) or secret & words <= _strings(said)
    assert wire["briefing"] == mine
    # its walk-away is not sent (this side's own is)
    assert wire["score"]["walk_away"] == geneva.briefings[side].walk_away
    assert "walk_away" not in json.dumps(unsaid["offers"]) and text.count('"walk_away"') == 2
    # the other side's private meters (the full state has them), and its capital
    assert any(m in state.meters[other] for m in PRIVATE_METERS)
    assert not any(m in wire["meters"][other] for m in PRIVATE_METERS)
    for rec in wire["history"]:
        assert not any(m in rec["meters"].get(other, {}) for m in PRIVATE_METERS)
    # the private part of the other side's reasons
    for offer in wire["offers"]:
        theirs_ = offer["reasons"] if offer["side"] == other else offer["response_reasons"]
        assert all(r["private"] is None for r in theirs_)
    assert (
        any(
            r["private"] is not None
            for o in wire["offers"]
            for r in (o["reasons"] if o["side"] == side else o["response_reasons"])
        )
        or not wire["offers"]
    )


def test_the_view_has_the_protocols_fields(geneva) -> None:
    session = Session.new(geneva, {"us": make_ai(), "china": make_ai()})
    v = encode_view(session.view("us"))
    assert (v.side, v.phase, v.turn, v.deadline_turn) == ("us", "orders", 1, geneva.end.deadline_turns)
    assert v.levels == session.game.state.levels
    assert {i.id for i in v.instruments} == {i.id for i in geneva.instruments}
    ins = next(i for i in v.instruments if i.id == "us_tariff_reciprocal")
    assert (ins.owner, ins.kind, ins.min, ins.max, ins.step) == ("us", "tariff", 0.0, 200.0, 1.0)
    assert v.pending_offer is None and v.exchanges_left == geneva.end.exchanges_per_turn
    assert v.can == ["submit_orders", "walk_out"]
    assert set(v.meters) == {"us", "china"} and v.history


# ------------------------------------------------------------------------------ decoding
@pytest.fixture(scope="module")
def views(geneva):
    """(orders view of us, table view of china with an offer pending)."""
    session = Session.new(
        geneva, {"us": make_ai("pragmatist", "easy"), "china": make_ai("pragmatist", "easy")}
    )
    orders = session.view("us")
    while True:
        session.step_ai()
        v = session.view("china")
        if v.pending_offer is not None and v.my_move:
            return orders, v
        assert not session.over


@pytest.mark.parametrize(
    ("line", "rule", "words"),
    [
        ("{not json", "agent.json", "not a JSON object"),
        ("[1, 2]", "agent.json", "list"),
        ('{"moves": {}}', "agent.type", "None"),
        ('{"type": "bid"}', "agent.type", "'bid'"),
        ('{"type": "accept", "protocol": 2}', "agent.protocol", "2"),
        ('{"type": "propose"}', "agent.fields", "terms"),
        ('{"type": "submit_orders", "statement": "rude"}', "agent.fields", "statement"),
        ('{"type": "submit_orders", "moves": {"us_tariff_reciprocal": "high"}}', "agent.fields", "moves"),
        ('{"type": "accept", "please": true}', "agent.fields", "please"),
        ('{"type": "accept", "side": "china"}', "agent.fields", "side"),  # no playing for the other side
        ('{"type": "submit_orders", "moves": {"us_tarif": 10}}', "agent.instrument", "'us_tarif'"),
        ('{"type": "propose", "terms": [{"instrument": "nope", "value": 1}]}', "agent.instrument", "terms.0"),
        ('{"type": "reject", "reason": {"instrument": "nope"}}', "agent.instrument", "reason"),
    ],
)
def test_each_bad_message_gets_its_rule(views, line: str, rule: str, words: str) -> None:
    orders, _table = views
    with pytest.raises(AgentError) as info:
        decode_action(line, orders)
    assert info.value.rule == rule
    assert words in info.value.message
    assert info.value.text("zh")  # a reader's language too


def test_good_answers_become_engine_actions(views, geneva) -> None:
    orders, table = views
    a = decode_action(
        '{"type": "submit_orders", "moves": {"us_tariff_reciprocal": 100}, "statement": "firm", "message": "Hi"}',
        orders,
    )
    assert a == SubmitOrders(side="us", moves={"us_tariff_reciprocal": 100.0}, statement="firm", message="Hi")
    terms = '[{"instrument": "cn_tariff_us", "value": 10, "duration_turns": 4}]'
    p = decode_action('{"protocol": 1, "type": "propose", "terms": ' + terms + "}", table)
    assert isinstance(p, Propose) and p.side == "china" and p.terms[0].duration_turns == 4
    assert isinstance(decode_action('{"type": "counter", "terms": ' + terms + "}", table), Counter)
    assert decode_action('{"type": "accept"}', table) == Accept(side="china")
    assert decode_action('{"type": "reject"}', table) == Reject(side="china")
    r = decode_action(
        '{"type": "reject", "reason": {"kind": "too_far", "instrument": "us_chip_controls", "level": 0}}',
        table,
    )
    assert isinstance(r, Reject) and r.reasons[0].kind is ReasonKind.TOO_FAR
    assert (r.reasons[0].instrument, r.reasons[0].level) == ("us_chip_controls", 0.0)
    assert decode_action('{"type": "end_talks"}', table) == EndTalks(side="china")
    assert decode_action(b'{"type": "walk_out"}\n', table) == WalkOut(side="china")


def test_the_pass_is_legal_where_the_seat_must_act(views, geneva) -> None:
    from game.engine import Game

    orders, table = views
    assert pass_action(orders) == SubmitOrders(side="us")
    assert pass_action(table) == Reject(side="china")
    Game(geneva).check(pass_action(orders))


def test_a_rejects_reason_reaches_the_other_side_as_data(geneva) -> None:
    session = Session.new(
        geneva, {"us": make_ai("pragmatist", "easy"), "china": make_ai("pragmatist", "easy")}
    )
    while True:
        v = session.view("china")
        if v.pending_offer is not None and v.my_move:
            break
        session.step_ai()
    line = '{"type": "reject", "reason": {"instrument": "us_chip_controls", "level": 1}}'
    session.submit(decode_action(line, v))
    offer = view_json(session.view("us"))["offers"][v.pending_offer.id]
    assert offer["status"] == "rejected"
    assert [(r["kind"], r["instrument"], r["level"]) for r in offer["response_reasons"]] == [
        ("too_far", "us_chip_controls", 1.0)
    ]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ('{"type": "submit_orders", "moves": {"us_tariff_reciprocal": NaN}}', "2.3"),
        ('{"type": "submit_orders", "moves": {"us_tariff_reciprocal": 1000}}', "2.3"),
        ('{"type": "submit_orders", "moves": {"us_tariff_reciprocal": 100.5}}', "2.3"),
        ('{"type": "submit_orders", "moves": {"cn_tariff_us": 10}}', "2.2"),
        ('{"type": "propose", "terms": []}', "1.3"),
        ('{"type": "accept"}', "1.3"),
    ],
)
def test_a_well_formed_illegal_answer_is_the_engines_refusal(views, geneva, line: str, rule: str) -> None:
    from game.engine import Game, IllegalAction

    orders, _table = views
    action = decode_action(line, orders)  # the protocol takes it …
    with pytest.raises(IllegalAction) as info:
        Game(geneva).check(action)  # … the rules do not
    assert info.value.rule == rule and info.value.text("zh")
