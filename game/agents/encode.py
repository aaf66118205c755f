"""The view encoder and the action decoder: the protocol's two translations.

:func:`encode_view` is **the** wire form of a side's view, for an agent program and for
network play alike (issue 16 reuses it): it reads nothing but the :class:`~game.engine.View`
that ``view(state, side)`` built, so whatever the view strips (the other side's briefing,
political capital, orders, private meters and the private part of its reasons) cannot
reach the wire. :func:`decode_action` turns one line an agent wrote into an engine
:data:`~game.engine.Action` for that side, or raises :class:`AgentError` with the rule it
broke; whether the action is *legal* is the engine's own check (``IllegalAction``).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from game.agents.protocol import (
    ACTION_TYPES,
    AGENT_ACTION,
    AcceptMsg,
    ActionType,
    AgentAction,
    AgentView,
    AgreementInfo,
    AgreementTermInfo,
    CounterMsg,
    EndTalksMsg,
    HistoryEntry,
    InstrumentInfo,
    NewsInfo,
    OfferInfo,
    ProposeMsg,
    RejectMsg,
    ScoreInfo,
    SubmitOrdersMsg,
    TermInfo,
    TermMsg,
    WalkOutMsg,
)
from game.engine import Accept, Action, Counter, EndTalks, Propose, Reject, SubmitOrders, Term, View, WalkOut
from game.engine.actions import STATEMENTS
from game.engine.reasons import too_far
from game.engine.rules.constants import CAPITAL_STATEMENT
from game.engine.state import Offer
from game.i18n import N_, t
from game.registry.instruments import tradable


class AgentError(Exception):
    """A message the protocol cannot take, as data (like the engine's ``IllegalAction``):
    ``rule`` is ``agent.json``, ``agent.type``, ``agent.fields``, ``agent.protocol`` or
    ``agent.instrument``; ``msgid`` the English message with ``{placeholders}``."""

    def __init__(self, rule: str, msgid: str, /, **fields: Any) -> None:
        self.rule = rule
        self.msgid = msgid
        self.fields = fields
        self.message = msgid.format(**fields)
        super().__init__(f"{rule}: {self.message}")

    def text(self, lang: str | None) -> str:
        return t(lang, self.msgid, **self.fields)


# ------------------------------------------------------------------------------ encoding
def encode_view(v: View) -> AgentView:
    """The protocol's view of ``v`` (``view(state, side)``): the one encoder of a side's view.

    Built from ``v`` alone; :meth:`AgentView.model_dump` with ``mode="json"`` is the wire form."""
    sides = tuple(s.id for s in v.scenario.sides)
    return AgentView(
        side=v.side,
        other=v.other,
        phase=v.phase,
        turn=v.turn,
        deadline_turn=v.deadline_turns,
        date=v.date.isoformat(),
        my_move=v.my_move,
        can=list(answers_now(v)),
        levels=dict(v.levels),
        instruments=[
            InstrumentInfo(
                id=ins.id,
                owner=ins.owner,
                target=ins.target,
                kind=ins.kind,
                name=ins.name,
                unit=ins.unit,
                min=ins.min,
                max=ins.max,
                step=ins.step,
                cost=ins.cost,
                player_controlled=ins.player_controlled,
                tradable=tradable(ins, sides),
                applies_to=ins.applies_to,
            )
            for ins in v.scenario.instruments
        ],
        statement_costs={s: CAPITAL_STATEMENT[s] for s in STATEMENTS},
        pending_offer=_offer(v.pending_offer) if v.pending_offer is not None else None,
        exchanges_left=v.exchanges_left,
        offers=[_offer(o) for o in v.offers],
        agreements=[
            AgreementInfo(
                id=a.id,
                offer_id=a.offer_id,
                signed_turn=a.signed_turn,
                proposer=a.proposer,
                comprehensive=a.comprehensive,
                status=a.status,
                terms=[
                    AgreementTermInfo(
                        instrument=bt.instrument,
                        owner=bt.owner,
                        value=bt.value,
                        from_turn=bt.from_turn,
                        until_turn=bt.until_turn,
                        bound=bt.bound,
                        active=bt.active,
                    )
                    for bt in a.terms
                ],
            )
            for a in v.agreements
        ],
        briefing=v.briefing,
        other_prior=v.other_prior,
        political_capital=v.political_capital,
        meters={s: dict(m) for s, m in v.meters.items()},
        shared=dict(v.shared),
        history=[
            HistoryEntry(
                turn=r.turn,
                levels=dict(r.instruments),
                meters={s: dict(m) for s, m in r.meters.items()},
                shared=dict(r.shared),
            )
            for r in v.history
        ],
        news=[NewsInfo(turn=n.turn, kind=n.kind, side=n.side, event_id=n.event_id) for n in v.news],
        my_orders=dict(v.my_orders) if v.my_orders is not None else None,
        other_submitted=v.other_submitted,
        score=ScoreInfo(total=v.score.total, walk_away=v.score.walk_away),
        end_reason=v.end_reason,
    )


def view_json(v: View) -> dict[str, Any]:
    """:func:`encode_view` as JSON-ready data."""
    return encode_view(v).model_dump(mode="json")


def _offer(o: Offer) -> OfferInfo:
    return OfferInfo(
        id=o.id,
        turn=o.turn,
        side=o.side,
        terms=[
            TermInfo(
                instrument=term.instrument,
                value=term.value,
                duration_turns=term.duration_turns,
                start_after_turns=term.start_after_turns,
            )
            for term in o.terms
        ],
        status=o.status,
        message=o.message,
        reasons=list(o.reasons),
        response_reasons=list(o.response_reasons),
    )


def answers_now(v: View) -> tuple[ActionType, ...]:
    """The answers that fit the view's phase and table (the engine still has the last word)."""
    if not v.my_move or v.phase == "over":
        return ()
    if v.phase == "orders":
        return ("submit_orders", "walk_out")
    if v.pending_offer is not None:
        offers: tuple[ActionType, ...] = ("counter",) if v.exchanges_left > 0 else ()
        return ("accept", "reject", *offers, "walk_out")
    return (*(("propose",) if v.exchanges_left > 0 else ()), "end_talks", "walk_out")


# ------------------------------------------------------------------------------ decoding
def decode_action(line: str | bytes, v: View) -> Action:
    """The engine action for one line the agent of ``v.side`` wrote (AgentError if it is
    not a protocol message, names a type the protocol lacks or an unknown instrument)."""
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as err:
        raise AgentError("agent.json", N_("not a JSON object: {error}"), error=str(err)) from None
    if not isinstance(data, dict):
        raise AgentError("agent.json", N_("not a JSON object: {error}"), error=type(data).__name__)
    kind = data.get("type")
    if kind not in ACTION_TYPES:
        raise AgentError(
            "agent.type",
            N_("unknown message type {type!r}: answer with one of {types}"),
            type=kind,
            types=", ".join(ACTION_TYPES),
        )
    if "protocol" in data and data["protocol"] != 1:
        raise AgentError(
            "agent.protocol",
            N_("this game speaks protocol 1, not {protocol!r}"),
            protocol=data["protocol"],
        )
    try:
        msg = AGENT_ACTION.validate_python(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or kind}: {e['msg']}" for e in err.errors()
        )
        raise AgentError("agent.fields", N_("{type}: {problems}"), type=kind, problems=problems) from None
    return to_action(msg, v)


def to_action(msg: AgentAction, v: View) -> Action:
    """The engine action for a decoded message (``v``: the view it answers)."""
    known = {ins.id for ins in v.scenario.instruments}

    def instrument(iid: str, where: str) -> str:
        if iid not in known:
            raise AgentError(
                "agent.instrument",
                N_("{where}: there is no instrument {instrument!r}"),
                where=where,
                instrument=iid,
            )
        return iid

    def terms(ts: list[TermMsg], where: str) -> tuple[Term, ...]:
        return tuple(
            Term(
                instrument=instrument(x.instrument, f"{where}.{i}"),
                value=x.value,
                duration_turns=x.duration_turns,
                start_after_turns=x.start_after_turns,
            )
            for i, x in enumerate(ts)
        )

    side = v.side
    if isinstance(msg, SubmitOrdersMsg):
        moves = {instrument(k, f"moves.{k}"): val for k, val in msg.moves.items()}
        return SubmitOrders(side=side, moves=moves, statement=msg.statement, message=msg.message)
    if isinstance(msg, ProposeMsg):
        return Propose(side=side, terms=terms(msg.terms, "terms"), message=msg.message)
    if isinstance(msg, CounterMsg):
        return Counter(side=side, terms=terms(msg.terms, "terms"), message=msg.message)
    if isinstance(msg, AcceptMsg):
        return Accept(side=side)
    if isinstance(msg, RejectMsg):
        if msg.reason is None:
            return Reject(side=side)
        why = too_far(instrument(msg.reason.instrument, "reason.instrument"), msg.reason.level)
        return Reject(side=side, reasons=(why,))
    if isinstance(msg, EndTalksMsg):
        return EndTalks(side=side)
    assert isinstance(msg, WalkOutMsg)
    return WalkOut(side=side)
