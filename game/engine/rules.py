"""The rules engine: legality, the table, resolution, events, politics, the end.

Rule numbers refer to docs/rules.md; every refusal names one. The engine is pure
and deterministic: (scenario, seed, actions) -> state, bit for bit. Random events
draw from a generator seeded by (seed, turn, event index), so no generator state
needs to be stored.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game import economy as eco
from game.engine.actions import (
    STATEMENTS,
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
from game.engine.state import (
    Agreement,
    BoundTerm,
    GameState,
    NewsItem,
    Offer,
    SideState,
    TurnRecord,
)
from game.scenario.models import METER_RANGES, Condition, Event, Instrument, Scenario

#: Instruments whose commitment in an agreement is an upper bound ("at most");
#: the others are lower bounds ("at least").
UPPER_BOUND_KINDS = frozenset({"tariff", "measure"})

# --- politics and trust constants (documented in docs/rules.md, rule 6) ---
TRUST_STATEMENT = {"none": 0.0, "conciliatory": 3.0, "firm": -1.0, "threatening": -6.0}
APPROVAL_STATEMENT = {"none": 0.0, "conciliatory": -0.5, "firm": 0.5, "threatening": 1.0}
CAPITAL_STATEMENT = {"none": 0.0, "conciliatory": 2.0, "firm": 0.0, "threatening": 0.0}
UNCERTAINTY_STATEMENT = {"none": 0.0, "conciliatory": -5.0, "firm": 5.0, "threatening": 25.0}
TRUST_ESCALATION = -3.0  # per instrument moved against the other side
TRUST_DEESCALATION = 1.5  # per instrument moved in the other side's favour
TRUST_AGREEMENT = 10.0
TRUST_BREACH = -25.0
CAPITAL_BREACH = -10.0
APPROVAL_AGREEMENT = 2.0
CAPITAL_REGEN_BASE = 3.0
UNCERTAINTY_WALK_OUT = 150.0
UNCERTAINTY_BREACH = 60.0
FACTION_SENSITIVITY = 1.5  # pressure points per % of exports lost
RECESSION_TURNS = 2  # consecutive turns at or above the threshold that end the game


def _round(x: float) -> float:
    return float(round(x, 9))


@dataclass(frozen=True)
class Econ:
    """The economy model bound to a scenario."""

    params: eco.Params
    dt_years: float
    region_index: dict[str, int]  # side or "row" -> economy region index


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


class Rules:
    """The rules of one scenario. Stateless: every method takes and returns state."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.sides = scenario.side_ids
        self.instruments: dict[str, Instrument] = {i.id: i for i in scenario.instruments}
        self.suspensions: dict[str, list[Instrument]] = {}
        for ins in scenario.instruments:
            if ins.kind == "suspension" and ins.applies_to:
                self.suspensions.setdefault(ins.applies_to, []).append(ins)
        region_index = {"row": eco.ROW}
        for s in scenario.sides:
            region_index[s.id] = eco.REGIONS.index(s.region)
        params = eco.params_with_overrides(eco.default_params(), dict(scenario.economy.overrides))
        self.econ = Econ(params, scenario.meta.turn_days / 365.0, region_index)

    # ------------------------------------------------------------------ set-up
    def new_state(self, seed: int) -> GameState:
        sc = self.scenario
        levels = {i.id: float(i.start) for i in sc.instruments}
        inputs = self.econ_inputs(levels, statements={}, shocks=None, credibility=0.0)
        econ_state = eco.initial_state(
            self.econ.params,
            inputs,
            uncertainty_index=sc.economy.uncertainty_index,
            warmup_steps=sc.economy.warmup_turns,
            dt_years=self.econ.dt_years,
        )
        sides = {
            s.id: SideState(approval_pct=s.approval_pct, political_capital=s.political_capital)
            for s in sc.sides
        }
        state = GameState(
            seed=int(seed),
            turn=1,
            phase="orders",
            levels=levels,
            sides=sides,
            econ=econ_state,
            meters={},
            shared={},
            trust_pct=float(sc.trust_pct),
            high_recession_turns={s: 0 for s in self.sides},
        )
        m = eco.meters(self.econ.params, econ_state)
        self._write_meters(state, m)
        state.history.append(self._record(state, 0, {}))
        self._fire_events(state)
        return state

    # ------------------------------------------------------------ who acts now
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

    # ----------------------------------------------------------------- legality
    def check(self, state: GameState, action: Action) -> None:
        """Raise IllegalAction if ``action`` breaks a rule; return None if legal."""
        side = action.side
        if side not in self.sides:
            raise IllegalAction("1.1", f"there is no side {side!r} in this scenario")
        if state.phase == "over":
            raise IllegalAction("1.2", "the game is over")
        if isinstance(action, WalkOut):
            return  # Rule 5.1: either side may walk out at any time
        if state.phase == "orders":
            if not isinstance(action, SubmitOrders):
                raise IllegalAction("1.3", "this is the orders phase: submit orders first")
            if state.sides[side].orders is not None:
                raise IllegalAction("2.1", "orders for this turn are already submitted")
            self._check_orders(state, action)
            return
        # table phase
        if isinstance(action, SubmitOrders):
            raise IllegalAction("1.3", "orders are closed for this turn: the table is open")
        if side != state.table_mover:
            raise IllegalAction("1.4", f"it is the {state.table_mover} delegation's move at the table")
        pending = state.pending_offer is not None
        if isinstance(action, Propose):
            if pending:
                raise IllegalAction("3.3", "answer the offer on the table first (accept, reject or counter)")
            self._check_exchange_left(state)
            self._check_package(state, side, action.terms, proposing=True)
        elif isinstance(action, Counter):
            if not pending:
                raise IllegalAction("3.3", "there is no offer on the table to counter")
            self._check_exchange_left(state)
            self._check_package(state, side, action.terms, proposing=True)
        elif isinstance(action, Accept):
            if not pending:
                raise IllegalAction("3.3", "there is no offer on the table to accept")
            offer = state.offers[state.pending_offer]  # type: ignore[index]
            self._check_red_lines(state, side, offer.terms, "3.6", "accepting")
        elif isinstance(action, Reject):
            if not pending:
                raise IllegalAction("3.3", "there is no offer on the table to reject")
        elif isinstance(action, EndTalks) and pending:
            raise IllegalAction("3.3", "answer the offer on the table first (accept, reject or counter)")

    def _check_orders(self, state: GameState, action: SubmitOrders) -> None:
        if action.statement not in STATEMENTS:
            raise IllegalAction("2.5", f"unknown statement {action.statement!r}")
        cost = 0.0
        for iid, value in action.moves.items():
            ins = self._instrument(iid, "2.2")
            if ins.owner != action.side or not ins.player_controlled:
                raise IllegalAction("2.2", f"{iid} is not the {action.side} delegation's to move")
            self._check_level(ins, value, "2.3")
            cost += self.move_cost(ins, state.levels[iid], value)
        cost += CAPITAL_STATEMENT[action.statement]
        capital = state.sides[action.side].political_capital
        if cost > capital + 1e-9:
            raise IllegalAction(
                "2.4", f"these orders cost {cost:.0f} political capital and you have {capital:.0f}"
            )

    def move_cost(self, ins: Instrument, old: float, new: float) -> float:
        """Rule 2.4: a unilateral move costs ``cost`` political capital per step."""
        return ins.cost * abs(new - old) / ins.step

    def orders_cost(self, state: GameState, side: str, moves: dict[str, float], statement: str) -> float:
        return self.orders_cost_levels(state.levels, moves, statement)

    def orders_cost_levels(self, levels: dict[str, float], moves: dict[str, float], statement: str) -> float:
        """Rule 2.4: the political capital a set of orders costs."""
        cost = sum(
            self.move_cost(self.instruments[i], levels[i], v)
            for i, v in moves.items()
            if i in self.instruments
        )
        return cost + CAPITAL_STATEMENT.get(statement, 0.0)

    def _instrument(self, iid: str, rule: str) -> Instrument:
        ins = self.instruments.get(iid)
        if ins is None:
            raise IllegalAction(rule, f"there is no instrument {iid!r}")
        return ins

    def _check_level(self, ins: Instrument, value: float, rule: str) -> None:
        if not math.isfinite(value) or value < ins.min - 1e-9 or value > ins.max + 1e-9:
            raise IllegalAction(
                rule, f"{ins.id} must stay between {ins.min:g} and {ins.max:g}, not {value:g}"
            )
        k = (value - ins.min) / ins.step
        if abs(k - round(k)) > 1e-6:
            raise IllegalAction(rule, f"{ins.id} moves in steps of {ins.step:g} from {ins.min:g}")

    def _check_exchange_left(self, state: GameState) -> None:
        limit = self.scenario.end.exchanges_per_turn
        if state.exchanges_used >= limit:
            raise IllegalAction("3.4", f"no offers left this turn (at most {limit} a turn)")

    def _check_package(
        self, state: GameState, side: str, terms: tuple[Term, ...], *, proposing: bool
    ) -> None:
        if not terms:
            raise IllegalAction("3.2", "a package needs at least one term")
        seen: set[str] = set()
        for t in terms:
            ins = self._instrument(t.instrument, "3.2")
            if ins.owner not in self.sides or not ins.player_controlled:
                raise IllegalAction("3.2", f"{t.instrument} cannot be part of a package")
            if t.instrument in seen:
                raise IllegalAction("3.2", f"{t.instrument} appears twice in the package")
            seen.add(t.instrument)
            self._check_level(ins, t.value, "3.2")
            if t.duration_turns is not None and t.duration_turns < 1:
                raise IllegalAction("3.2", f"the term on {t.instrument} must last at least one turn")
            if not 0 <= t.start_after_turns <= self.scenario.end.deadline_turns:
                raise IllegalAction("3.2", f"the term on {t.instrument} must start within the game")
        self._check_red_lines(state, side, terms, "3.5", "proposing")

    def package_levels(self, levels: dict[str, float], terms: tuple[Term, ...]) -> dict[str, float]:
        out = dict(levels)
        for t in terms:
            out[t.instrument] = float(t.value)
        return out

    def crossed_red_lines(self, side: str, levels: dict[str, float]) -> list[str]:
        """Ids of ``side``'s red lines that these instrument levels cross."""
        crossed = []
        briefing = self.scenario.briefings.get(side)
        for rl in briefing.red_lines if briefing else ():
            if not _compare(levels.get(rl.instrument, 0.0), rl.op, rl.value):
                crossed.append(rl.id)
        return crossed

    def _check_red_lines(
        self, state: GameState, side: str, terms: tuple[Term, ...], rule: str, verb: str
    ) -> None:
        after = self.package_levels(state.levels, terms)
        before = set(self.crossed_red_lines(side, state.levels))
        for rl_id in self.crossed_red_lines(side, after):
            if rl_id not in before:
                raise IllegalAction(rule, f"{verb} this package crosses your red line '{rl_id}'")

    # ------------------------------------------------------------------ apply
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
                prev = state.offers[state.pending_offer]  # type: ignore[index]
                prev.status = "countered"
                prev.response_note = action.note
            offer = Offer(
                id=len(state.offers),
                turn=state.turn,
                side=side,
                terms=tuple(action.terms),
                message=action.message,
                note=action.note,
            )
            state.offers.append(offer)
            state.pending_offer = offer.id
            state.exchanges_used += 1
            state.table_mover = other
            return state
        if isinstance(action, Reject):
            offer = state.offers[state.pending_offer]  # type: ignore[index]
            offer.status = "rejected"
            offer.response_note = action.note
            state.pending_offer = None
            if state.exchanges_used >= self.scenario.end.exchanges_per_turn:
                self._resolve(state)
            else:
                state.table_mover = side  # Rule 3.1: the side that rejected may now propose
            return state
        if isinstance(action, Accept):
            offer = state.offers[state.pending_offer]  # type: ignore[index]
            offer.status = "accepted"
            offer.response_note = action.note
            state.pending_offer = None
            self._sign(state, offer)
            self._resolve(state)
            return state
        if isinstance(action, EndTalks):
            self._resolve(state)
            return state
        raise IllegalAction("1.3", f"unknown action {type(action).__name__}")

    # --------------------------------------------------------------- agreements
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

    def _sign(self, state: GameState, offer: Offer) -> None:
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
                    bound="at_most" if ins.kind in UPPER_BOUND_KINDS else "at_least",
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
        state.trust_pct = _clip(state.trust_pct + TRUST_AGREEMENT, "trust_pct")
        for s in self.sides:
            state.sides[s].approval_pct = _clip(
                state.sides[s].approval_pct + APPROVAL_AGREEMENT, "approval_pct"
            )
        if ag.comprehensive:
            state.deal_signed = True

    # --------------------------------------------------------------- resolution
    def _resolve(self, state: GameState) -> None:
        """Rule 4 then rule 5: resolve the turn, then check for the end."""
        self._resolve_turn(state)
        self._end_check(state)

    def _resolve_turn(self, state: GameState) -> None:
        """Rule 4: resolve both sides' orders and the agreements' terms at once."""
        turn = state.turn
        before = dict(state.levels)
        new_levels = dict(state.levels)
        breaches = 0
        # 4.1 orders, simultaneously
        for s in self.sides:
            ss = state.sides[s]
            for iid, v in (ss.orders or {}).items():
                new_levels[iid] = v
        # 4.2 terms that start this turn take effect and override this turn's orders
        for ag in state.active_agreements():
            for bt in ag.terms:
                if bt.active and bt.from_turn == turn:
                    bt.prior = before[bt.instrument]
                    new_levels[bt.instrument] = bt.value
        # 4.3 breaches: an order that leaves a bound instrument on the wrong side of a term in force
        for ag in state.active_agreements():
            for bt in ag.terms:
                in_force = (
                    bt.active and bt.from_turn < turn and (bt.until_turn is None or turn <= bt.until_turn)
                )
                if not in_force:
                    continue
                v = new_levels[bt.instrument]
                broken = v > bt.value + 1e-9 if bt.bound == "at_most" else v < bt.value - 1e-9
                if broken:
                    ag.status = "breached"
                    ag.breached_by = bt.owner
                    break
            if ag.status == "breached":
                breacher = ag.breached_by
                assert breacher is not None
                breaches += 1
                state.trust_pct = _clip(state.trust_pct + TRUST_BREACH, "trust_pct")
                bs = state.sides[breacher]
                bs.political_capital = _clip(bs.political_capital + CAPITAL_BREACH, "political_capital")
                state.news.append(NewsItem(turn, "breach", "breach", side=breacher))
                # 4.4 a breached agreement is void: the wronged side's terms in effect snap back
                for bt in ag.terms:
                    if bt.owner != breacher and bt.active and bt.from_turn < turn:
                        new_levels[bt.instrument] = bt.prior
                    bt.active = False
        # 4.5 terms whose duration has run out snap back to their level before the agreement
        for ag in state.active_agreements():
            for bt in ag.terms:
                if bt.active and bt.until_turn is not None and turn > bt.until_turn:
                    bt.active = False
                    if bt.instrument not in (state.sides[bt.owner].orders or {}):
                        new_levels[bt.instrument] = bt.prior
                    state.news.append(NewsItem(turn, "snap_back", bt.instrument, side=bt.owner))
            if not any(bt.active for bt in ag.terms):
                ag.status = "expired"
        # trust and politics from the moves and statements
        capital_spent = {
            s: self.orders_cost(state, s, state.sides[s].orders or {}, state.sides[s].statement)
            for s in self.sides
        }
        trust = state.trust_pct
        for s in self.sides:
            ss = state.sides[s]
            trust += TRUST_STATEMENT[ss.statement]
            if ss.statement != "none" and state.deal_turn is None:
                state.news.append(NewsItem(turn, "statement", ss.statement, side=s, text=ss.message))
            for iid in ss.orders or {}:
                d = new_levels[iid] - before[iid]
                if abs(d) < 1e-12:
                    continue
                state.news.append(
                    NewsItem(turn, "order", iid, side=s, text=f"{before[iid]:g} → {new_levels[iid]:g}")
                )
                trust += TRUST_ESCALATION if self._hurts_other(iid, d) else TRUST_DEESCALATION
        state.trust_pct = _clip(trust, "trust_pct")
        state.levels = {k: _round(v) for k, v in new_levels.items()}
        state.moved_last_turn = sorted(k for k in state.levels if abs(state.levels[k] - before[k]) > 1e-12)
        # 4.7 the economy steps
        statements = {s: state.sides[s].statement for s in self.sides}
        shocks = _Shocks(state.pending_uncertainty, np.array(state.pending_growth_pp, dtype=float))
        state.pending_uncertainty = 0.0
        state.pending_growth_pp = [0.0] * len(eco.REGIONS)
        inputs = self.econ_inputs(
            state.levels,
            statements=statements,
            shocks=shocks,
            credibility=self.credibility(state),
            extra_uncertainty=UNCERTAINTY_BREACH * breaches,
        )
        econ_state, m, attribution = eco.step(self.econ.params, state.econ, inputs, self.econ.dt_years)
        state.econ = econ_state
        # 4.8 politics
        for s in self.sides:
            ss = state.sides[s]
            r = self.econ.region_index[s]
            approval = (
                ss.approval_pct + float(m.approval_pressure_pp[0, r]) + APPROVAL_STATEMENT[ss.statement]
            )
            ss.approval_pct = _clip(approval, "approval_pct")
            regen = CAPITAL_REGEN_BASE + (ss.approval_pct - 50.0) / 10.0
            ss.political_capital = _clip(ss.political_capital - capital_spent[s] + regen, "political_capital")
        self._write_meters(state, m)
        state.history.append(self._record(state, turn, attribution))
        # clear the turn
        for s in self.sides:
            ss = state.sides[s]
            ss.orders, ss.statement, ss.message, ss.order_note = None, "none", "", ""
        state.table_mover = None
        state.pending_offer = None
        state.exchanges_used = 0

    def _end_check(self, state: GameState) -> None:
        """Rule 5: does the game end with this turn?"""
        sc = self.scenario
        turn = state.turn
        for s in self.sides:
            if state.meters[s]["recession_prob_pct"] >= sc.end.recession_prob_pct:
                state.high_recession_turns[s] = state.high_recession_turns.get(s, 0) + 1
            else:
                state.high_recession_turns[s] = 0
        if state.trust_pct <= 0.0:
            self._finish(state, "trust", None)
        elif any(n >= RECESSION_TURNS for n in state.high_recession_turns.values()):
            worst = max(self.sides, key=lambda s: state.meters[s]["recession_prob_pct"])
            self._finish(state, "recession", worst)
        elif state.deal_signed and sc.end.ends_on_deal:
            self._play_out(state)
            self._finish(state, "deal", None)
        elif turn >= sc.end.deadline_turns:
            self._finish(state, "deadline", None)
        else:
            state.turn = turn + 1
            state.phase = "orders"
            self._fire_events(state)

    def _play_out(self, state: GameState) -> None:
        """Rule 5.4: after a comprehensive deal the talks end, but the deal's effects
        play out: the remaining turns to the deadline resolve with no orders or offers
        (terms still start and snap back); the world goes on (events fire) and the two
        delegations implement the deal together, which counts each week as a conciliatory
        statement from both. So the deal is scored on what it does, not on one week of
        it, and signing it is not penalised against talking on with the same terms."""
        state.deal_turn = state.turn
        while state.turn < self.scenario.end.deadline_turns:
            state.turn += 1
            self._fire_events(state)
            for s in self.sides:
                state.sides[s].statement = "conciliatory"
            self._resolve_turn(state)

    def _hurts_other(self, iid: str, delta: float) -> bool:
        kind = self.instruments[iid].kind
        return delta > 0 if kind in UPPER_BOUND_KINDS else delta < 0

    def credibility(self, state: GameState) -> float:
        """How credible the agreements in force are (0..1), from trust."""
        if not state.active_agreements():
            return 0.0
        return 0.5 + 0.5 * state.trust_pct / 100.0

    def _finish(self, state: GameState, reason: str, side: str | None) -> None:
        state.phase = "over"
        state.end_reason = reason  # type: ignore[assignment]
        state.ended_by = side
        state.table_mover = None
        state.news.append(NewsItem(state.turn, "end", reason, side=side))

    # ------------------------------------------------------------------ events
    def turn_dates(self, turn: int) -> tuple[dt.date, dt.date]:
        start = self.scenario.meta.start_date + dt.timedelta(days=(turn - 1) * self.scenario.meta.turn_days)
        return start, start + dt.timedelta(days=self.scenario.meta.turn_days - 1)

    def _trigger_holds(self, state: GameState, ev: Event) -> bool:
        w = ev.when
        t = state.turn
        if w.turn is not None and t != w.turn:
            return False
        if w.date is not None:
            lo, hi = self.turn_dates(t)
            if not (lo <= w.date <= hi or (t == 1 and w.date < lo)):
                return False
        if w.from_turn is not None and t < w.from_turn:
            return False
        if w.to_turn is not None and t > w.to_turn:
            return False
        if w.on_change is not None and w.on_change not in state.moved_last_turn:
            return False
        if w.no_agreement and state.active_agreements():
            return False
        return all(self._condition(state, c) for c in w.conditions)

    def _condition(self, state: GameState, c: Condition) -> bool:
        if c.instrument is not None:
            value = state.levels.get(c.instrument, 0.0)
        elif c.side is not None:
            value = state.meters.get(c.side, {}).get(c.meter or "", 0.0)
        else:
            value = state.shared.get(c.meter or "", 0.0)
        return _compare(value, c.op, c.value)

    def _fire_events(self, state: GameState) -> None:
        """Rule 4.9: at the start of each turn, scripted and seeded random events fire."""
        shocks = _Shocks()
        for idx, ev in enumerate(self.scenario.events):
            if ev.id in state.fired_events and not ev.repeat:
                continue
            if not self._trigger_holds(state, ev):
                continue
            if ev.probability < 1.0:
                rng = np.random.default_rng([state.seed & 0xFFFFFFFF, state.turn, idx])
                if rng.random() >= ev.probability:
                    continue
            state.fired_events[ev.id] = state.turn
            state.news.append(NewsItem(state.turn, "event", ev.id, event_id=ev.id))
            for eff in ev.effects:
                if eff.instrument is not None:
                    ins = self.instruments[eff.instrument]
                    cur = state.levels[eff.instrument]
                    new = eff.set if eff.set is not None else cur + (eff.add or 0.0)
                    state.levels[eff.instrument] = _round(min(ins.max, max(ins.min, new)))
                else:
                    self._meter_effect(state, eff.meter or "", eff.side, eff.set, eff.add or 0.0, shocks)
        state.pending_uncertainty = _round(state.pending_uncertainty + shocks.uncertainty)
        state.pending_growth_pp = [
            _round(a + float(b)) for a, b in zip(state.pending_growth_pp, shocks.growth, strict=True)
        ]

    def _meter_effect(
        self, state: GameState, meter: str, side: str | None, set_: float | None, add: float, shocks: _Shocks
    ) -> None:
        if meter == "trust_pct":
            state.trust_pct = _clip(set_ if set_ is not None else state.trust_pct + add, meter)
            state.shared["trust_pct"] = state.trust_pct
        elif meter in ("approval_pct", "political_capital", "faction_pressure_pct") and side in state.sides:
            ss = state.sides[side]
            cur = getattr(ss, meter)
            setattr(ss, meter, _clip(set_ if set_ is not None else cur + add, meter))
            state.meters[side][meter] = getattr(ss, meter)
        elif meter == "growth_pct" and side in self.econ.region_index:
            cur = state.meters[side]["growth_pct"]
            shocks.growth[self.econ.region_index[side]] += (set_ - cur) if set_ is not None else add
        elif meter == "uncertainty_index":
            cur = state.shared["uncertainty_index"]
            shocks.uncertainty += (set_ - cur) if set_ is not None else add

    # ----------------------------------------------------------------- economy
    def econ_inputs(
        self,
        levels: dict[str, float],
        *,
        statements: dict[str, str],
        shocks: _Shocks | None,
        credibility: float,
        extra_uncertainty: float = 0.0,
    ) -> eco.Inputs:
        """Rule 4.7: what the instruments, statements and news mean for the economy model."""
        inp = eco.zero_inputs(1)
        ri = self.econ.region_index
        for ins in self.scenario.instruments:
            level = levels[ins.id]
            o, t = ri[ins.owner], ri[ins.target]
            if ins.kind == "tariff":
                suspended = sum(levels[s.id] for s in self.suspensions.get(ins.id, ()))
                inp.tariff_pct[0, o, t] += ins.share * max(0.0, level - suspended)
            elif ins.kind == "purchase":
                inp.purchases_bn[0, o, t] += level
            if ins.kind != "tariff" and ins.kind != "suspension" and ins.max > 0:
                frac = level / ins.max
                e = ins.effects
                if frac != 0.0:
                    inp.trade_shift_pct[0, o, t] += e.target_exports_pct * frac
                    inp.trade_shift_pct[0, t, o] += e.owner_exports_pct * frac
                    inp.growth_shock_pp[0, t] += e.target_growth_pp * frac
                    inp.growth_shock_pp[0, o] += e.owner_growth_pp * frac
                    inp.inflation_shock_pp[0, t] += e.target_inflation_pp * frac
                    inp.uncertainty_level[0] += e.uncertainty_points * frac
        for st in statements.values():
            inp.uncertainty_news[0] += UNCERTAINTY_STATEMENT.get(st, 0.0)
        if shocks is not None:
            inp.uncertainty_news[0] += shocks.uncertainty
            inp.growth_news_pp[0, :] += shocks.growth
        inp.uncertainty_news[0] += extra_uncertainty
        inp.agreement_credibility[0] = credibility
        return inp

    def _write_meters(self, state: GameState, m: eco.Meters) -> None:
        ri = self.econ.region_index
        a, b = self.sides
        for s in self.sides:
            r = ri[s]
            o = ri[b if s == a else a]
            exports = float(m.imports_bn[0, o, r])
            imports = float(m.imports_bn[0, r, o])
            ss = state.sides[s]
            base = state.history[0].meters[s]["exports_bn"] if state.history else exports
            lost_pct = max(0.0, (base - exports) / base * 100.0) if base > 0 else 0.0
            ss.faction_pressure_pct = _clip(
                max(ss.faction_pressure_pct * 0.8, lost_pct * FACTION_SENSITIVITY), "faction_pressure_pct"
            )
            state.meters[s] = {
                "growth_pct": _clip(float(m.growth_pct[0, r]), "growth_pct"),
                "recession_prob_pct": _clip(float(m.recession_prob_pct[0, r]), "recession_prob_pct"),
                "inflation_pct": _clip(float(m.inflation_pct[0, r]), "inflation_pct"),
                "exports_bn": _clip(exports, "exports_bn"),
                "trade_balance_bn": _clip(exports - imports, "trade_balance_bn"),
                "market_index": _clip(float(m.market_index[0, r]), "market_index"),
                "approval_pct": _clip(ss.approval_pct, "approval_pct"),
                "political_capital": _clip(ss.political_capital, "political_capital"),
                "faction_pressure_pct": ss.faction_pressure_pct,
            }
        state.shared = {
            "world_growth_pct": _clip(float(m.world_growth_pct[0]), "world_growth_pct"),
            "uncertainty_index": _clip(float(m.uncertainty_index[0]), "uncertainty_index"),
            "trust_pct": _clip(state.trust_pct, "trust_pct"),
        }

    def _record(self, state: GameState, turn: int, attribution: eco.Attribution) -> TurnRecord:
        ri = self.econ.region_index
        why: dict[str, dict[str, float]] = {}
        for meter, channels in attribution.items():
            for ch, arr in channels.items():
                a = np.asarray(arr)
                if a.ndim == 1:
                    why.setdefault(meter, {})[ch] = _round(float(a[0]))
                elif a.ndim == 2:
                    for s in self.sides:
                        why.setdefault(f"{s}.{meter}", {})[ch] = _round(float(a[0, ri[s]]))
        return TurnRecord(
            turn=turn,
            meters={s: dict(v) for s, v in state.meters.items()},
            shared=dict(state.shared),
            instruments=dict(state.levels),
            why=why,  # type: ignore[arg-type]
        )


@dataclass
class _Shocks:
    uncertainty: float = 0.0
    growth: np.ndarray = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.growth is None:
            self.growth = np.zeros(len(eco.REGIONS))

    def any(self) -> bool:
        return self.uncertainty != 0.0 or bool(np.any(self.growth != 0.0))


def _clip(value: float, meter: str) -> float:
    lo, hi = METER_RANGES[meter]
    if not math.isfinite(value):
        value = lo
    return _round(min(hi, max(lo, value)))


def _compare(value: float, op: str, ref: float) -> bool:
    if op == ">=":
        return value >= ref - 1e-9
    if op == "<=":
        return value <= ref + 1e-9
    if op == ">":
        return value > ref
    if op == "<":
        return value < ref
    return abs(value - ref) <= 1e-9
