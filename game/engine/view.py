"""Rule 7.1: ``view(state, side)`` — exactly what one side may see.

The only thing a side's player, UI or AI receives. It holds the public record
(instrument levels, both sides' public meters, the table, agreements, news,
history) and that side's own secrets (briefing — its draw, rule 7.3 — political capital,
draft orders), with the other side's public prior (``other_prior``, rule 7.3). The other side's briefing, political capital, unrevealed orders and
the private part of its reasons (``Reason.private``) are stripped here, in one
place, so hot-seat secrecy and a fair AI hold by construction.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from game.economy import State as EconState
from game.engine.hidden_types import briefing, public_prior
from game.engine.reasons import public
from game.engine.scoring import Score, score_briefing
from game.engine.state import Agreement, GameState, NewsItem, Offer, Phase, TurnRecord
from game.registry.meters import private_meters
from game.scenario.models import Briefing, Scenario

#: Meters of the other side that stay private (the meter registry's private meters).
PRIVATE_METERS: tuple[str, ...] = private_meters()


@dataclass(frozen=True)
class View:
    side: str
    other: str
    scenario: Scenario  # with only this side's briefing
    seed_known: bool
    turn: int
    phase: Phase
    date: dt.date
    deadline_turns: int
    my_move: bool
    levels: dict[str, float]
    meters: dict[str, dict[str, float]]
    shared: dict[str, float]
    history: tuple[TurnRecord, ...]
    offers: tuple[Offer, ...]
    pending_offer: Offer | None
    exchanges_left: int
    agreements: tuple[Agreement, ...]
    news: tuple[NewsItem, ...]
    briefing: Briefing
    political_capital: float
    my_orders: dict[str, float] | None
    other_submitted: bool
    econ: EconState
    end_reason: str | None
    score: Score
    my_statement: str = "none"  # this side's submitted statement (with my_orders; private until resolution)
    my_message: str = ""
    #: rule 7.3: what this side knows of the other's briefing — its public prior (the file's
    #: briefing: ranges and choices, numbers at their middles), never the other's draw; None
    #: when the other's briefing has no prior (then it is wholly private, rule 7.1)
    other_prior: Briefing | None = None
    #: this side's own public prior (None without priors): where its draw came from
    my_prior: Briefing | None = None

    @property
    def active_agreements(self) -> tuple[Agreement, ...]:
        return tuple(a for a in self.agreements if a.status == "in_force")


def view(scenario: Scenario, state: GameState, side: str) -> View:
    other = scenario.other(side)
    own = briefing(scenario, state, side)  # this side's draw (rule 7.3)
    public_scenario = scenario.model_copy(update={"briefings": {side: own}})
    meters = copy.deepcopy(state.meters)
    for m in PRIVATE_METERS:
        meters.get(other, {}).pop(m, None)
    history = []
    for rec in state.history:
        rm = copy.deepcopy(rec.meters)
        for m in PRIVATE_METERS:
            rm.get(other, {}).pop(m, None)
        history.append(TurnRecord(rec.turn, rm, dict(rec.shared), dict(rec.instruments), rec.why))
    date = scenario.meta.start_date + dt.timedelta(days=(state.turn - 1) * scenario.meta.turn_days)
    pending = state.offers[state.pending_offer] if state.pending_offer is not None else None
    mine = state.sides[side]
    return View(
        side=side,
        other=other,
        scenario=public_scenario,
        seed_known=False,
        turn=state.turn,
        phase=state.phase,
        date=date,
        deadline_turns=scenario.end.deadline_turns,
        my_move=_my_move(state, side),
        levels=dict(state.levels),
        meters=meters,
        shared=dict(state.shared),
        history=tuple(history),
        offers=tuple(_seen_by(o, side) for o in state.offers),
        pending_offer=_seen_by(pending, side) if pending is not None else None,
        exchanges_left=max(0, scenario.end.exchanges_per_turn - state.exchanges_used),
        agreements=tuple(copy.deepcopy(state.agreements)),
        news=tuple(state.news),
        briefing=own,
        political_capital=mine.political_capital,
        my_orders=dict(mine.orders) if mine.orders is not None else None,
        other_submitted=state.sides[other].orders is not None,
        econ=state.econ.copy(),
        end_reason=state.end_reason,
        score=score_briefing(side, own, state.levels, state.meters, state.shared),
        my_statement=mine.statement if mine.orders is not None else "none",
        my_message=mine.message if mine.orders is not None else "",
        other_prior=public_prior(scenario, other),
        my_prior=public_prior(scenario, side),
    )


def _seen_by(offer: Offer, side: str) -> Offer:
    """A copy of ``offer`` as ``side`` sees it: the reasons the other side gave (for proposing
    it, or for answering it) without their private part (game.engine.reasons)."""
    o = copy.deepcopy(offer)
    if o.side == side:
        o.response_reasons = public(o.response_reasons)
    else:
        o.reasons = public(o.reasons)
    return o


def _my_move(state: GameState, side: str) -> bool:
    if state.phase == "orders":
        return state.sides[side].orders is None
    if state.phase == "table":
        return state.table_mover == side
    return False
