"""The game state. Mutated only by :mod:`game.engine.rules`; everyone else reads it
through :func:`game.engine.view.view`."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from game.economy import State as EconState
from game.engine.actions import Statement, Term
from game.engine.reasons import Reason
from game.scenario.models import Briefing

Phase = Literal["orders", "table", "over"]
EndReason = Literal["deal", "walk_out", "trust", "recession", "deadline"]


@dataclass
class Offer:
    """A package put on the table."""

    id: int
    turn: int
    side: str
    terms: tuple[Term, ...]
    message: str = ""
    note: str = ""  # free text (old saves: the AI's prose); the why is in ``reasons``
    status: Literal["pending", "accepted", "rejected", "countered", "lapsed"] = "pending"
    response_note: str = ""
    reasons: tuple[Reason, ...] = ()  # why the proposer proposed it (game.engine.reasons)
    response_reasons: tuple[Reason, ...] = ()  # why the other side answered as it did


@dataclass
class BoundTerm:
    """A term of an agreement in force."""

    instrument: str
    owner: str
    value: float
    prior: float  # level before the term took effect: the snap-back level
    from_turn: int  # first turn in force (the signing turn unless phased in later)
    until_turn: int | None  # last turn in force; None = to the end of the game
    bound: Literal["at_most", "at_least"]
    active: bool = True  # False once expired or voided


@dataclass
class Agreement:
    id: int
    offer_id: int
    signed_turn: int
    proposer: str
    terms: list[BoundTerm]
    comprehensive: bool
    status: Literal["in_force", "expired", "breached", "superseded"] = "in_force"
    breached_by: str | None = None


@dataclass
class NewsItem:
    turn: int
    kind: Literal["event", "statement", "order", "agreement", "breach", "snap_back", "table", "end", "threat"]
    headline: str  # English, or a key for localisable scenario text; a threat's fate (rule 4.10)
    event_id: str | None = None
    side: str | None = None
    text: str = ""


@dataclass
class TurnRecord:
    """Snapshot at the end of a turn's resolution (turn 0 = the start)."""

    turn: int
    meters: dict[str, dict[str, float]]  # side -> meter -> value
    shared: dict[str, float]
    instruments: dict[str, float]
    why: dict[str, dict[str, float]]  # "side.meter" or "meter" -> channel -> contribution


@dataclass
class SideState:
    orders: dict[str, float] | None = None  # submitted this turn (private until resolution)
    statement: Statement = "none"
    message: str = ""
    order_note: str = ""
    order_reasons: tuple[Reason, ...] = ()  # why these orders (private, like the orders)
    approval_pct: float = 50.0
    political_capital: float = 60.0
    faction_pressure_pct: float = 0.0
    #: rule 4.10: how far the other side believes this side's threats (public)
    threat_credibility_pct: float = 50.0
    #: rule 4.10: the turn of this side's threat not yet carried out, dropped or resolved
    threat_turn: int | None = None


@dataclass
class GameState:
    seed: int
    turn: int
    phase: Phase
    levels: dict[str, float]
    sides: dict[str, SideState]
    econ: EconState
    meters: dict[str, dict[str, float]]
    shared: dict[str, float]
    trust_pct: float
    table_mover: str | None = None
    pending_offer: int | None = None
    exchanges_used: int = 0
    offers: list[Offer] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    history: list[TurnRecord] = field(default_factory=list)
    fired_events: dict[str, int] = field(default_factory=dict)
    moved_last_turn: list[str] = field(default_factory=list)
    end_reason: EndReason | None = None
    ended_by: str | None = None
    deal_signed: bool = False
    deal_turn: int | None = None  # the turn a comprehensive deal ended the talks (rule 5.4)
    high_recession_turns: dict[str, int] = field(default_factory=dict)
    # news shocks from this turn's events, fed to the economy at resolution
    pending_uncertainty: float = 0.0
    pending_growth_pp: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    # rule 7.3: each side's briefing drawn from its prior at set-up (game.engine.hidden_types);
    # a side whose briefing has no prior plays the file's and has no entry here
    briefings: dict[str, Briefing] = field(default_factory=dict)

    def copy(self) -> GameState:
        """A deep copy, sharing nothing mutable with ``self`` (the economy's arrays included).

        Only reads ``self``, so any number of threads may copy a state while others read it
        (the AI's workers copy the states they look ahead from). The economy is copied with its
        own ``copy()`` (a fast array copy) and handed to ``deepcopy`` through its memo, so the
        generic deep copy never walks it and never needs it out of the way.
        """
        memo: dict[int, object] = {id(self.econ): self.econ.copy()}
        return copy.deepcopy(self, memo)

    def active_agreements(self) -> list[Agreement]:
        return [a for a in self.agreements if a.status == "in_force"]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["econ"] = self.econ.to_dict()
        _drop_empty_reasons(d)
        if not d["briefings"]:  # no hidden types: the state (and its hash) as before rule 7.3
            del d["briefings"]
        return d

    def state_hash(self) -> str:
        blob = json.dumps(self.to_dict(), sort_keys=True, default=_json_default, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


#: Fields added after saves existed: left out of ``to_dict`` (and so of ``state_hash``) while
#: empty, so that a save made before them (prose notes, no reasons) still verifies.
_LATER_FIELDS = ("reasons", "response_reasons", "order_reasons")


def _drop_empty_reasons(d: dict[str, Any]) -> None:
    for o in d["offers"]:
        for k in _LATER_FIELDS:
            if not o.get(k, True):
                del o[k]
    for ss in d["sides"].values():
        if not ss.get("order_reasons", True):
            del ss["order_reasons"]
        if ss.get("threat_turn", 0) is None:  # rule 4.10's pending threat, while there is none
            del ss["threat_turn"]


def _json_default(obj: object) -> object:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, tuple | set | frozenset):
        return list(obj)
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"cannot serialise {type(obj).__name__}")
