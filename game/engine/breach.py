"""Rule 4.3 ahead of time: which agreements in force a side's orders would breach.

Pure and deterministic, from the side's own :class:`~game.engine.view.View` only (the
agreements are public; the orders are the side's own draft). The window asks the
player before submitting orders that breach (the rules engine itself never refuses
them: breaking an agreement is a legal, costly move).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from game.engine.rules import CAPITAL_BREACH, TRUST_BREACH
from game.engine.state import Agreement, BoundTerm
from game.engine.view import View


@dataclass(frozen=True)
class BrokenTerm:
    """One term of an agreement that an order would break."""

    instrument: str
    bound: Literal["at_most", "at_least"]
    committed: float  # the level the term binds the instrument to (at most / at least)
    ordered: float  # the level the order would set


@dataclass(frozen=True)
class Breach:
    """An agreement the orders would breach, with what it would cost (rules 4.3 and 4.4)."""

    agreement_id: int
    signed_turn: int
    terms: tuple[BrokenTerm, ...]
    trust_cost: float  # trust lost (positive points)
    capital_cost: float  # the breaching side's political capital lost (positive points)
    snaps_back: tuple[str, ...]  # the other side's instruments whose terms in effect would snap back


@dataclass(frozen=True)
class BreachForecast:
    """Everything a side needs to decide whether to breach: the breaches and trust after them."""

    breaches: tuple[Breach, ...]
    trust_before: float
    trust_after: float  # after the breaches alone (the turn's statements and moves also move trust)

    @property
    def trust_cost(self) -> float:
        return sum(b.trust_cost for b in self.breaches)

    @property
    def capital_cost(self) -> float:
        return sum(b.capital_cost for b in self.breaches)

    @property
    def collapses(self) -> bool:
        """Trust would run out: the talks collapse at the end of the turn (rule 5)."""
        return bool(self.breaches) and self.trust_after <= 0.0


def _in_force(bt: BoundTerm, turn: int) -> bool:
    """Rule 4.3: a term binds an order from the turn after it took effect until it expires."""
    return bt.active and bt.from_turn < turn and (bt.until_turn is None or turn <= bt.until_turn)


def _broken(bt: BoundTerm, level: float) -> bool:
    return level > bt.value + 1e-9 if bt.bound == "at_most" else level < bt.value - 1e-9


def _breach(ag: Agreement, side: str, turn: int, moves: Mapping[str, float]) -> Breach | None:
    broken = tuple(
        BrokenTerm(bt.instrument, bt.bound, float(bt.value), float(moves[bt.instrument]))
        for bt in ag.terms
        if bt.owner == side
        and bt.instrument in moves
        and _in_force(bt, turn)
        and _broken(bt, moves[bt.instrument])
    )
    if not broken:
        return None
    snaps = tuple(bt.instrument for bt in ag.terms if bt.owner != side and bt.active and bt.from_turn < turn)
    return Breach(
        agreement_id=ag.id,
        signed_turn=ag.signed_turn,
        terms=broken,
        trust_cost=-TRUST_BREACH,
        capital_cost=-CAPITAL_BREACH,
        snaps_back=snaps,
    )


def order_breaches(v: View, moves: Mapping[str, float]) -> BreachForecast:
    """The agreements in force that ``moves`` (this side's orders: instrument -> new level)
    would breach when the turn resolves, as rule 4.3 judges them: an order that leaves one
    of this side's bound instruments above an "at most" term or below an "at least" term
    that is in force this turn. (The table may still change this: a term signed later this
    turn replaces an older one on the same instrument.)"""
    found = []
    for ag in v.active_agreements:
        b = _breach(ag, v.side, v.turn, moves)
        if b is not None:
            found.append(b)
    before = float(v.shared.get("trust_pct", 0.0))
    after = max(0.0, before - sum(b.trust_cost for b in found))
    return BreachForecast(breaches=tuple(found), trust_before=before, trust_after=after)
