"""The price of politics (rules 3.8, 4.8 and 4.10), in one place for the rules and the AI.

The rules apply these functions when a turn resolves and when a package is signed; the AI's
projection (:func:`game.ai.planner.project`) calls the same functions to see what a plan
would cost at home, so there is no second copy of a rule in the AI:

- :func:`concession_prices`: rule 3.8, what conceding one's own instruments costs the side
  that concedes them — approval (face and audience costs) and, for the sensitive kinds,
  faction pressure — in proportion to the share of the range conceded, less for a term
  with a duration (a suspension with an expiry);
- :func:`statement_approval` and :func:`approval_after`: rule 4.8, how approval moves in a
  turn (the economy's pressure, the statement — a threat's rally scaled by its credibility —
  and the turn's prices); a delivered deal's weeks (rule 5.4) are no statements;
- :func:`threat_status`: rule 4.10, whether a pending threat was carried out, overtaken by an
  agreement, still pending or left unfulfilled.

Everything here reads public information (levels, instruments, public meters): a side may
project the other side's approval as well as its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

import numpy as np

from game.engine.rules.base import _clip
from game.engine.rules.constants import (
    APPROVAL_AGREEMENT,
    APPROVAL_DEAL,
    APPROVAL_STATEMENT,
    agreement_lift,
    trust_lift,
)
from game.engine.state import NewsItem
from game.registry.instruments import conceded_share, kind_of
from game.scenario.models import Instrument

#: Rule 3.8: the share of the face cost a term with a duration costs (a truce is not a surrender).
TEMPORARY_FACE_FACTOR = 0.5
#: Rule 4.10: turns after the threat within which it must be carried out.
THREAT_WINDOW = 2
#: Rule 4.10: the approval a side loses when its threat is left unfulfilled (backing down).
APPROVAL_BACKDOWN = -2.0
#: Rule 4.10: threat credibility lost for an unfulfilled threat, regained for a carried-out one.
CREDIBILITY_UNFULFILLED = -25.0
CREDIBILITY_CARRIED_OUT = 20.0

FloatOrArray = TypeVar("FloatOrArray", float, np.ndarray)

#: Rule 4.8: the statements that rally support at home, and how much less each one in a row does.
TOUGH = ("firm", "threatening")
RALLY_FADE = 0.5

ThreatStatus = Literal["carried_out", "overtaken", "pending", "unfulfilled"]


@dataclass(frozen=True)
class Price:
    """What concessions cost a side at home (rule 3.8)."""

    approval_pp: float = 0.0  # approval points lost (>= 0)
    faction_pct: float = 0.0  # faction pressure points gained (>= 0)

    def __add__(self, other: Price) -> Price:
        return Price(self.approval_pp + other.approval_pp, self.faction_pct + other.faction_pct)


NO_PRICE = Price()


def concession_price(ins: Instrument, before: float, after: float, *, temporary: bool) -> Price:
    """Rule 3.8: the price to ``ins``'s owner of moving it from ``before`` to ``after``
    (nothing unless the move concedes: lowers a tariff or a measure, raises a suspension,
    a purchase or a pledge)."""
    share = conceded_share(ins, before, after)
    if share <= 0.0:
        return NO_PRICE
    spec = kind_of(ins)
    factor = share * (TEMPORARY_FACE_FACTOR if temporary else 1.0)
    return Price(spec.face_cost_pp * factor, spec.faction_cost_pct * factor)


def concession_prices(
    instruments: Mapping[str, Instrument],
    levels: Mapping[str, float],
    commitments: Iterable[tuple[str, float, bool]],
) -> dict[str, Price]:
    """Rule 3.8: each side's price for ``commitments`` — (instrument, new level, temporary) —
    from ``levels``: the terms of a package being signed, or a side's unilateral orders
    (never temporary). Each side pays for its own instruments only."""
    out: dict[str, Price] = {}
    for iid, value, temporary in commitments:
        ins = instruments.get(iid)
        if ins is None:
            continue
        p = concession_price(ins, float(levels[iid]), float(value), temporary=temporary)
        if p != NO_PRICE:
            out[ins.owner] = out.get(ins.owner, NO_PRICE) + p
    return out


def tough_streak(news: Iterable[NewsItem], side: str, turn: int) -> int:
    """Rule 4.8: in how many turns in a row, up to the one before ``turn``, ``side`` made a
    firm or threatening statement (from the news, which is public)."""
    tough = {n.turn for n in news if n.kind == "statement" and n.side == side and n.headline in TOUGH}
    k = 0
    while turn - 1 - k in tough:
        k += 1
    return k


def statement_approval(
    statement: str, threat_credibility_pct: float, *, implementing: bool, streak: int = 0
) -> float:
    """Rule 4.8: what a statement does to its side's approval this turn. A threat rallies
    support in proportion to its credibility (rule 4.10); tough talk rallies less each turn
    in a row it is repeated (``streak``: :func:`tough_streak`); a week of implementing a deal
    (rule 5.4) is no statement and costs nothing."""
    if implementing:
        return 0.0
    effect = APPROVAL_STATEMENT.get(statement, 0.0)
    if statement == "threatening":
        effect *= threat_credibility_pct / 100.0
    if statement in TOUGH:
        effect *= RALLY_FADE**streak
    return effect


def approval_change(
    pressure_pp: FloatOrArray,
    statement: str,
    threat_credibility_pct: float,
    *,
    implementing: bool,
    price: Price = NO_PRICE,
    backdown: bool = False,
    streak: int = 0,
) -> FloatOrArray:
    """Rule 4.8: how a side's approval changes as a turn resolves — the economy's pressure
    (a number, or an array of them for a batch of projections), its statement, the price of
    what it conceded by orders (rule 3.8) and an unfulfilled threat (rule 4.10) — before it
    is clipped to the meter's range."""
    return (
        pressure_pp
        + statement_approval(statement, threat_credibility_pct, implementing=implementing, streak=streak)
        - price.approval_pp
        + (APPROVAL_BACKDOWN if backdown else 0.0)
    )


def approval_after(
    approval_pct: float,
    pressure_pp: float,
    statement: str,
    threat_credibility_pct: float,
    *,
    implementing: bool,
    price: Price = NO_PRICE,
    backdown: bool = False,
    streak: int = 0,
) -> float:
    """Rule 4.8: a side's approval after a turn resolves (:func:`approval_change`), within the
    meter's range."""
    change = approval_change(
        pressure_pp,
        statement,
        threat_credibility_pct,
        implementing=implementing,
        price=price,
        backdown=backdown,
        streak=streak,
    )
    return _clip(approval_pct + change, "approval_pct")


def trust_at_signing(trust_pct: float, signed_before: int) -> float:
    """Rule 3.7: trust once a package is signed, after ``signed_before`` agreements."""
    return _clip(trust_pct + trust_lift(signed_before), "trust_pct")


def approval_at_signing(
    approval_pct: float, price: Price, signed_before: int = 0, *, comprehensive: bool = False
) -> float:
    """Rules 3.7, 3.8 and 5.4: a side's approval once a package is signed — the agreement's
    lift (fading with the agreements signed before it; a comprehensive deal lifts it by
    :data:`APPROVAL_DEAL` more, in full), less the price of what the side itself gave in it."""
    lift = APPROVAL_AGREEMENT * agreement_lift(signed_before) + (APPROVAL_DEAL if comprehensive else 0.0)
    return _clip(approval_pct + lift - price.approval_pp, "approval_pct")


def threat_status(threat_turn: int, turn: int, *, escalated: bool, signed: bool) -> ThreatStatus:
    """Rule 4.10: a threat made at ``threat_turn``, as turn ``turn`` resolves. ``escalated``:
    the threatening side moved an instrument against the other side this turn; ``signed``:
    an agreement was signed this turn."""
    if escalated:
        return "carried_out"
    if signed:
        return "overtaken"
    if turn >= threat_turn + THREAT_WINDOW:
        return "unfulfilled"
    return "pending"


def credibility_after(threat_credibility_pct: float, status: ThreatStatus | None) -> float:
    """Rule 4.10: threat credibility after a threat's fate is known."""
    if status == "carried_out":
        return _clip(threat_credibility_pct + CREDIBILITY_CARRIED_OUT, "threat_credibility_pct")
    if status == "unfulfilled":
        return _clip(threat_credibility_pct + CREDIBILITY_UNFULFILLED, "threat_credibility_pct")
    return threat_credibility_pct
