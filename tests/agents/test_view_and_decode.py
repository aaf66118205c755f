"""The view encoder holds nothing of the other side's secrets (compared with the full state),
and the decoder refuses each kind of bad message with its own rule."""

from __future__ import annotations

import json
import re

import pytest

from game.agents import AgentError, decode_action, encode_view, pass_action, view_json
from game.agents.protocol import EndMessage, ViewMessage
from game.ai import make_ai
from game.engine import Accept, Counter, EndTalks, Propose, Reject, SubmitOrders, WalkOut
from game.engine.hidden_types import quantities
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


def _numbers(data: object, path: str = "") -> list[tuple[str, float]]:
    """Every number in a JSON-ready value, with its path."""
    out: list[tuple[str, float]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _numbers(v, f"{path}.{k}")
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _numbers(v, f"{path}[{i}]")
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        out.append((path, float(data)))
    return out


def _private_parts(wire: dict, other: str) -> dict:
    """The wire but for what the other side said in its (public) reasons."""
    unsaid = {k: v for k, v in wire.items() if k not in ("offers", "pending_offer")}
    unsaid["offers"] = [
        {k: v for k, v in o.items() if k != ("reasons" if o["side"] == other else "response_reasons")}
        for o in wire["offers"]
    ]
    return unsaid


def _walk_aways(data: object, side: str, path: str = "") -> set[str]:
    """Where a walk-away value is given on the wire (a key ``walk_away`` that is not null),
    but for the private part of this side's own reasons (which may cite its own)."""
    out: set[str] = set()
    if isinstance(data, dict):
        own = "reasons" if data.get("side") == side else "response_reasons"  # in an offer
        for k, v in data.items():
            if k == "walk_away" and v is not None:
                out.add(f"{path}.{k}")
                continue
            if k == own and isinstance(v, list):
                v = [{kk: vv for kk, vv in r.items() if kk != "private"} for r in v]
            out |= _walk_aways(v, side, f"{path}.{k}")
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out |= _walk_aways(v, side, f"{path}[{i}]")
    return out


def _check_private_meters_and_reasons(wire: dict, state, side: str, other: str) -> None:
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


@pytest.mark.parametrize("side", ["us", "china"])
def test_a_view_holds_nothing_of_a_fixed_other_briefing(geneva_fixed, side: str) -> None:
    """Without priors (rule 7.1) the other side's briefing is wholly private: not a string of it."""
    sc = geneva_fixed
    session = _played(sc)
    other = sc.other(side)
    state = session.game.state
    wire = view_json(session.view(side))
    text = json.dumps(wire, ensure_ascii=False)
    words = _strings(wire)
    mine = sc.briefings[side].model_dump(mode="json")
    theirs = sc.briefings[other].model_dump(mode="json")
    # the other side's briefing: every string of it that is not also in this side's own, in
    # the public scenario or a meter's name
    public = _strings(sc.model_copy(update={"briefings": {}}).model_dump(mode="json"))
    meters = set(state.meters[other]) | set(state.meters[side]) | set(state.shared)
    secret = _strings(theirs) - _strings(mine) - public - meters
    assert secret, "the other briefing has no string of its own: the test would prove nothing"
    # none of it on the wire, but for what the other side said in its (public) reasons
    said = [o["reasons"] if o["side"] == other else o["response_reasons"] for o in wire["offers"]]
    unsaid = _private_parts(wire, other)
    assert not (secret & _strings(unsaid))
    assert not (secret & words) or secret & words <= _strings(said)
    assert wire["briefing"] == mine and wire["other_prior"] is None
    # its walk-away is not sent (this side's own is)
    assert wire["score"]["walk_away"] == sc.briefings[side].walk_away
    assert _walk_aways(wire, side) == {".briefing.walk_away", ".score.walk_away"}
    assert text.count('"walk_away"') >= 2
    _check_private_meters_and_reasons(wire, state, side, other)


@pytest.mark.parametrize("side", ["us", "china"])
def test_a_view_holds_the_other_sides_prior_never_its_draw(geneva, side: str) -> None:
    """With priors (rule 7.3, Geneva as shipped) the other side's prior is on the wire by
    design (``other_prior``: the file's briefing, ranges and middles, not its summary), its draw never: no number
    drawn for it (walk-away, faction strength, a weight or target off the prior's own numbers)
    appears anywhere in this side's view, and its red lines are told only as their priors."""
    session = _played(geneva)
    other = geneva.other(side)
    state = session.game.state
    prior = geneva.briefings[other]
    drawn = state.briefings[other]
    assert prior.has_priors and drawn != prior
    wire = view_json(session.view(side))
    # this side's own draw, and the other's prior as the scenario publishes it: the file's
    # briefing less its private summary (rule 7.3)
    assert wire["briefing"] == state.briefings[side].model_dump(mode="json")
    assert prior.summary and wire["other_prior"]["summary"] == ""
    assert wire["other_prior"] == prior.model_copy(update={"summary": ""}).model_dump(mode="json")
    assert wire["score"]["walk_away"] == state.briefings[side].walk_away
    assert _walk_aways(wire, side) == {
        ".briefing.walk_away",
        ".score.walk_away",
        ".other_prior.walk_away",
        ".other_prior.priors.walk_away",
    }
    # the other side's drawn numbers: those the prior does not itself show (a draw equal to a
    # prior's bound or middle, or on an instrument's level grid, tells nothing)
    shown = {x for _, x in _numbers(wire["other_prior"])}
    on_grid = {x for path, x in _numbers(wire) if path.startswith((".levels", ".offers", ".instruments"))}
    pairs = [
        (q.kind, getattr(q.item, "id", None), d.value)
        for q, d in zip(quantities(prior), quantities(drawn), strict=True)
        if q.prior is not None
    ]
    telling = [(k, i, x) for k, i, x in pairs if x not in shown and x not in on_grid]
    kinds = {k for k, _, _ in telling}
    assert {"walk_away", "weight"} <= kinds, f"too few telling draws to prove anything: {pairs}"
    elsewhere = [(path, x) for path, x in _numbers(wire) if not path.startswith(".briefing")]
    leaks = [(k, i, x, path) for k, i, x in telling for path, y in elsewhere if abs(x - y) < 1e-9]
    assert not leaks, leaks
    # the red lines' draws: nowhere a red line of theirs but in the prior (at its middle)
    red = [path for path, _ in _numbers(wire) if ".red_lines" in path and not path.startswith(".briefing")]
    assert all(path.startswith(".other_prior.red_lines") for path in red)
    for rl, rl_prior in zip(drawn.red_lines, prior.red_lines, strict=True):
        put = next(r for r in wire["other_prior"]["red_lines"] if r["id"] == rl.id)
        assert put["value"] == rl_prior.value and ("value" in put["priors"]) == ("value" in rl_prior.priors)
    _check_private_meters_and_reasons(wire, state, side, other)


def _summary_pieces(summary: object) -> list[str]:
    """A briefing summary's texts (en and zh) and each sentence of them long enough to tell."""
    texts = list(summary.values()) if isinstance(summary, dict) else [summary]
    pieces = [str(x) for x in texts if x]
    for x in list(pieces):
        pieces += [s.strip() for s in re.split(r"[.。!?！？]", x) if len(s.strip()) >= 12]
    return pieces


@pytest.mark.parametrize("priors", [True, False])
@pytest.mark.parametrize("side", ["us", "china"])
def test_the_other_sides_summary_is_in_no_view_or_agent_message(
    geneva, geneva_fixed, priors: bool, side: str
) -> None:
    """Rule 7.3: only the objectives and the quantities' ranges are public; the other side's
    briefing summary (en and zh) is nowhere in this side's view, its wire or the agent's
    messages (view, end), with priors (its ``other_prior``) or without."""
    sc = geneva if priors else geneva_fixed
    other = sc.other(side)
    raw = sc.briefings[other].model_dump(mode="json")["summary"]
    assert isinstance(raw, dict) and raw.get("en") and raw.get("zh"), "Geneva's summaries are en and zh"
    mine = set(_summary_pieces(sc.briefings[side].model_dump(mode="json")["summary"]))
    pieces = [p for p in _summary_pieces(raw) if p not in mine]
    assert any(re.search(r"[\u4e00-\u9fff]", p) for p in pieces) and any(p.isascii() for p in pieces)
    session = Session.new(sc, {"us": make_ai(), "china": make_ai()})
    seen = [session.view(side)]
    session.run_ai()
    assert session.over
    seen.append(session.view(side))
    for v in seen:
        assert (v.other_prior is not None) == priors
        agent = encode_view(v)
        texts = [
            repr(v),
            json.dumps(view_json(v), ensure_ascii=False),
            ViewMessage(view=agent).model_dump_json(),
            EndMessage(outcome="x", end_reason=None, turns=v.turn, scores={}, view=agent).model_dump_json(),
        ]
        leaks = [(p, i) for p in pieces for i, text in enumerate(texts) if p in text]
        assert not leaks, leaks


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
