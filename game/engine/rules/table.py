"""The table (rules 3 and 4.6): who moves, offers, counters, rejections and acceptances,
and the agreements they sign; :meth:`TableRules.apply` is where every action lands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.actions import (
    Accept,
    Action,
    Counter,
    EndTalks,
    Propose,
    Reject,
    SubmitOrders,
    Term,
    WalkOut,
)
from game.engine.errors import IllegalAction
from game.engine.reasons import of_part
from game.engine.rules.politics import (
    NO_PRICE,
    Price,
    approval_at_signing,
    concession_prices,
    trust_at_signing,
)
from game.engine.rules.resolution import ResolutionRules
from game.engine.state import Agreement, BoundTerm, GameState, NewsItem, Offer


def _offer_on_table(state: GameState) -> Offer:
    """The offer awaiting an answer (legality has checked that there is one: rule 3.3)."""
    assert state.pending_offer is not None, "rule 3.3: no offer on the table"
    return state.offers[state.pending_offer]


@dataclass(frozen=True)
class DealCheck:
    """What the scenario asks of a comprehensive deal (rule 5.4), and how far a package is from one."""

    min_terms: int
    required: tuple[str, ...]  # instruments every comprehensive deal must include
    n_terms: int
    missing: tuple[str, ...]  # required instruments the package leaves out
    both_sides: bool  # the package commits both sides

    @property
    def comprehensive(self) -> bool:
        return self.n_terms >= self.min_terms and not self.missing and self.both_sides


class TableRules(ResolutionRules):
    """Rules 3 and 4.6: the table's turn order, the actions and the agreements they sign."""

    def to_move(self, state: GameState) -> list[str]:
        """Sides that may act now (both during orders: they act privately, in any order)."""
        if state.phase == "over":
            return []
        if state.phase == "orders":
            return [s for s in self.sides if state.sides[s].orders is None]
        assert state.table_mover is not None
        return [state.table_mover]

    def opener(self, turn: int) -> str:
        """Rule 3.1: the sides take turns to open the table, the first side on the table's
        first turn (turn 1 unless the scenario keeps the table closed for a while, rule 3.0)."""
        return self.sides[(turn - self.scenario.end.table_from_turn) % len(self.sides)]

    def apply(self, state: GameState, action: Action) -> GameState:
        """Check and apply ``action`` to ``state`` in place; return it."""
        self.check(state, action)
        side = action.side
        if isinstance(action, WalkOut):
            state.news.append(NewsItem(state.turn, "end", "walk_out", side=side, text=action.note))
            for o in state.offers:
                if o.status == "pending":
                    o.status = "lapsed"
            state.pending_offer = None
            self._finish(state, "walk_out", side)
            return state
        if isinstance(action, SubmitOrders):
            ss = state.sides[side]
            ss.orders = {k: float(v) for k, v in action.moves.items()}
            ss.statement = action.statement
            ss.message = action.message
            ss.order_note = action.note
            ss.order_reasons = action.reasons
            if all(state.sides[s].orders is not None for s in self.sides):
                if state.turn < self.scenario.end.table_from_turn:
                    self._resolve(state)  # Rule 3.0: the table is not open yet; orders only
                    return state
                state.phase = "table"
                state.table_mover = self.opener(state.turn)
                state.exchanges_used = 0
                state.pending_offer = None
            return state
        other = self.scenario.other(side)
        if isinstance(action, Propose | Counter):
            if isinstance(action, Counter):
                prev = _offer_on_table(state)
                prev.status = "countered"
                prev.response_note = action.note
                prev.response_reasons = of_part(action.reasons, "answer")  # why not theirs
            offer = Offer(
                id=len(state.offers),
                turn=state.turn,
                side=side,
                terms=tuple(action.terms),
                message=action.message,
                note=action.note,
                reasons=of_part(action.reasons, "offer") if isinstance(action, Counter) else action.reasons,
            )
            state.offers.append(offer)
            state.pending_offer = offer.id
            state.exchanges_used += 1
            state.table_mover = other
            return state
        if isinstance(action, Reject):
            offer = _offer_on_table(state)
            offer.status = "rejected"
            offer.response_note = action.note
            offer.response_reasons = action.reasons
            state.pending_offer = None
            if state.exchanges_used >= self.scenario.end.exchanges_per_turn:
                self._resolve(state)
            else:
                state.table_mover = side  # Rule 3.1: the side that rejected may now propose
            return state
        if isinstance(action, Accept):
            offer = _offer_on_table(state)
            offer.status = "accepted"
            offer.response_note = action.note
            offer.response_reasons = action.reasons
            state.pending_offer = None
            self._sign(state, offer)
            self._resolve(state)
            return state
        if isinstance(action, EndTalks):
            self._resolve(state)
            return state
        raise IllegalAction("1.3", "unknown action {action}", action=type(action).__name__)

    def deal_check(self, terms: Sequence[Term]) -> DealCheck:
        """Rule 5.4: what the scenario asks of a comprehensive deal, and how far ``terms`` are from one."""
        cd = self.scenario.end.comprehensive_deal
        ids = {t.instrument for t in terms}
        owners = {self.instruments[t.instrument].owner for t in terms if t.instrument in self.instruments}
        return DealCheck(
            min_terms=cd.min_terms,
            required=tuple(cd.required_instruments),
            n_terms=len(terms),
            missing=tuple(i for i in cd.required_instruments if i not in ids),
            both_sides=len(owners) >= 2,
        )

    def is_comprehensive(self, terms: tuple[Term, ...]) -> bool:
        return self.deal_check(terms).comprehensive

    def signing_prices(self, levels: dict[str, float], terms: Sequence[Term]) -> dict[str, Price]:
        """Rule 3.8: what signing ``terms`` at ``levels`` costs each side at home."""
        return concession_prices(
            self.instruments, levels, ((t.instrument, t.value, t.duration_turns is not None) for t in terms)
        )

    def _sign(self, state: GameState, offer: Offer) -> None:
        prices = self.signing_prices(state.levels, offer.terms)
        signed_before = len(state.agreements)
        bound = []
        for t in offer.terms:
            ins = self.instruments[t.instrument]
            # Rule 4.6: a new term on an instrument replaces an older agreement's term on it
            for ag in state.active_agreements():
                ag.terms = [bt for bt in ag.terms if bt.instrument != t.instrument]
                if not ag.terms:
                    ag.status = "superseded"
            start = state.turn + t.start_after_turns
            until = None if t.duration_turns is None else start + t.duration_turns - 1
            bound.append(
                BoundTerm(
                    instrument=t.instrument,
                    owner=ins.owner,
                    value=float(t.value),
                    prior=state.levels[t.instrument],
                    from_turn=start,
                    until_turn=until,
                    bound=self.kinds[ins.id].bound,
                )
            )
        ag = Agreement(
            id=len(state.agreements),
            offer_id=offer.id,
            signed_turn=state.turn,
            proposer=offer.side,
            terms=bound,
            comprehensive=self.is_comprehensive(offer.terms),
        )
        state.agreements.append(ag)
        state.news.append(NewsItem(state.turn, "agreement", "agreement", side=offer.side))
        state.trust_pct = trust_at_signing(state.trust_pct, signed_before)
        for s in self.sides:
            ss = state.sides[s]
            price = prices.get(s, NO_PRICE)  # rule 3.8: each side pays for what it gave
            ss.approval_pct = approval_at_signing(
                ss.approval_pct, price, signed_before, comprehensive=ag.comprehensive
            )  # its faction's: at resolution
        if ag.comprehensive:
            state.deal_signed = True
