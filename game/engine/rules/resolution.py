"""Resolution (rules 4 and 5): a turn resolves — orders and terms, breaches and snap-backs,
trust and politics, the economy step, the meters — and then the game may end."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from game import economy as eco
from game.engine.hidden_types import faction_strength
from game.engine.rules.base import _clip, _clip_to, _round, _Shocks
from game.engine.rules.constants import (
    CAPITAL_BREACH,
    CAPITAL_REGEN_BASE,
    FACTION_SENSITIVITY,
    RECESSION_TURNS,
    TRUST_BREACH,
    TRUST_DEESCALATION,
    TRUST_ESCALATION,
    TRUST_STATEMENT,
    UNCERTAINTY_BREACH,
    UNCERTAINTY_STATEMENT,
    agreement_credibility,
    said_trust,
)
from game.engine.rules.events import EventRules
from game.engine.rules.politics import (
    NO_PRICE,
    Price,
    approval_after,
    concession_prices,
    credibility_after,
    threat_status,
    tough_streak,
)
from game.engine.state import EndReason, GameState, NewsItem, TurnRecord
from game.registry import instruments as kinds
from game.registry import meters as meter_registry


class ResolutionRules(EventRules):
    """Rules 4 and 5: resolve a turn, step the economy, write the meters, check for the end."""

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
        set_by_terms: set[str] = set()
        for ag in state.active_agreements():
            for bt in ag.terms:
                if bt.active and bt.from_turn == turn:
                    bt.prior = before[bt.instrument]
                    new_levels[bt.instrument] = bt.value
                    set_by_terms.add(bt.instrument)
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
        implementing = state.deal_turn is not None  # rule 5.4: a deal's weeks are no statements
        capital_spent = {
            s: self.orders_cost(
                state, s, state.sides[s].orders or {}, "none" if implementing else state.sides[s].statement
            )
            for s in self.sides
        }
        # rule 4.8: words build trust slowly (a gain scaled by the trust still missing) and cost
        # it in full; deeds (moves, agreements, breaches) count in full
        trust = said_trust(state.trust_pct, [TRUST_STATEMENT[state.sides[s].statement] for s in self.sides])
        prices: dict[str, Price] = {}
        escalated: dict[str, bool] = {}
        for s in self.sides:
            ss = state.sides[s]
            if ss.statement != "none" and not implementing:
                state.news.append(NewsItem(turn, "statement", ss.statement, side=s, text=ss.message))
            escalated[s] = False
            for iid in ss.orders or {}:
                d = new_levels[iid] - before[iid]
                if abs(d) < 1e-12:
                    continue
                state.news.append(
                    NewsItem(turn, "order", iid, side=s, text=f"{before[iid]:g} → {new_levels[iid]:g}")
                )
                hurts = self._hurts_other(iid, d)
                escalated[s] = escalated[s] or hurts
                trust += TRUST_ESCALATION if hurts else TRUST_DEESCALATION
            # 3.8 a unilateral easing is a concession too, and a permanent one
            prices[s] = concession_prices(
                self.instruments,
                before,
                ((iid, new_levels[iid], False) for iid in ss.orders or {} if iid not in set_by_terms),
            ).get(s, NO_PRICE)
        state.trust_pct = _clip(trust, "trust_pct")
        credibility_before = {s: state.sides[s].threat_credibility_pct for s in self.sides}
        backdown = self._threats(state, escalated, implementing=implementing)
        state.levels = {k: _round(v) for k, v in new_levels.items()}
        state.moved_last_turn = sorted(k for k in state.levels if abs(state.levels[k] - before[k]) > 1e-12)
        # 4.7 the economy steps
        statements = {s: state.sides[s].statement for s in self.sides}
        shocks = _Shocks(state.pending_uncertainty, np.array(state.pending_growth_pp, dtype=float))
        state.pending_uncertainty = 0.0
        state.pending_growth_pp = [0.0] * self.econ.world.size
        inputs = self.econ_inputs(
            state.levels,
            statements=statements,
            shocks=shocks,
            credibility=self.credibility(state),
            extra_uncertainty=UNCERTAINTY_BREACH * breaches,
        )
        econ_state, m, attribution = eco.step(
            self.econ.params, state.econ, inputs, self.econ.dt_years, self.econ.world
        )
        state.econ = econ_state
        # 4.8 politics
        for s in self.sides:
            ss = state.sides[s]
            r = self.econ.region_index[s]
            ss.approval_pct = approval_after(
                ss.approval_pct,
                float(m.approval_pressure_pp[0, r]),
                ss.statement,
                credibility_before[s],
                implementing=implementing,
                price=prices[s],
                backdown=s in backdown,
                streak=tough_streak(state.news, s, turn),
            )
            regen = CAPITAL_REGEN_BASE + (ss.approval_pct - 50.0) / 10.0
            ss.political_capital = _clip(ss.political_capital - capital_spent[s] + regen, "political_capital")
        # 3.8 the faction's part of this turn's prices: for what was given by orders, and in
        # the package signed this turn (at the levels before it)
        faction = {s: prices[s].faction_pct for s in self.sides}
        for ag in state.agreements:
            if ag.signed_turn == turn:
                signing = concession_prices(
                    self.instruments,
                    before,
                    ((bt.instrument, bt.value, bt.until_turn is not None) for bt in ag.terms),
                )
                for s, p in signing.items():
                    faction[s] += p.faction_pct
        self._write_meters(state, m, faction_prices=faction)
        state.history.append(self._record(state, turn, attribution))
        # clear the turn
        for s in self.sides:
            ss = state.sides[s]
            ss.orders, ss.statement, ss.message, ss.order_note = None, "none", "", ""
            ss.order_reasons = ()
        state.table_mover = None
        state.pending_offer = None
        state.exchanges_used = 0

    def _threats(self, state: GameState, escalated: Mapping[str, bool], *, implementing: bool) -> set[str]:
        """Rule 4.10: threats made, carried out, overtaken by an agreement or left unfulfilled
        this turn; the sides whose threat went unfulfilled (they back down: rule 4.8)."""
        turn = state.turn
        signed = any(ag.signed_turn == turn for ag in state.agreements)
        backdown: set[str] = set()
        for s in self.sides:
            ss = state.sides[s]
            new_threat = ss.statement == "threatening" and not implementing
            if ss.threat_turn is None and new_threat:
                ss.threat_turn, new_threat = turn, False
            if ss.threat_turn is None:
                continue
            status = threat_status(ss.threat_turn, turn, escalated=escalated[s], signed=signed)
            if status == "pending":
                continue
            ss.threat_credibility_pct = credibility_after(ss.threat_credibility_pct, status)
            ss.threat_turn = turn if new_threat and status == "unfulfilled" else None
            if status in ("carried_out", "unfulfilled"):
                state.news.append(NewsItem(turn, "threat", status, side=s))
            if status == "unfulfilled":
                backdown.add(s)
        return backdown

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
        delegations implement the deal together: each week builds trust like a conciliatory
        statement from both, but it is no statement at home — delivering a deal is not a
        climb-down, so it costs neither approval nor political capital (rule 4.8). So the
        deal is scored on what it does, not on one week of it, and signing it is not
        penalised against talking on with the same terms."""
        state.deal_turn = state.turn
        while state.turn < self.scenario.end.deadline_turns:
            state.turn += 1
            self._fire_events(state)
            for s in self.sides:
                state.sides[s].statement = "conciliatory"
            self._resolve_turn(state)

    def _hurts_other(self, iid: str, delta: float) -> bool:
        return kinds.hurts_other(self.instruments[iid], delta)

    def credibility(self, state: GameState) -> float:
        """How credible the agreements in force are (0..1), from trust."""
        return agreement_credibility(state.trust_pct, in_force=bool(state.active_agreements()))

    def _finish(self, state: GameState, reason: EndReason, side: str | None) -> None:
        state.phase = "over"
        state.end_reason = reason
        state.ended_by = side
        state.table_mover = None
        state.news.append(NewsItem(state.turn, "end", reason, side=side))

    def econ_inputs(
        self,
        levels: dict[str, float],
        *,
        statements: Mapping[str, str],
        shocks: _Shocks | None,
        credibility: float,
        extra_uncertainty: float = 0.0,
    ) -> eco.Inputs:
        """Rule 4.7: what the instruments, statements and news mean for the economy model."""
        inp = eco.zero_inputs(1, self.econ.world)
        ri = self.econ.region_index
        for bt in self.scenario.economy.tariffs:  # what no side's instrument governs
            inp.tariff_pct[0, ri[bt.owner], ri[bt.target]] += bt.pct
        for ins in self.scenario.instruments:
            level = levels[ins.id]
            o, t = ri[ins.owner], ri[ins.target]
            spec = self.kinds[ins.id]
            if spec.channel == "tariff":
                suspended = sum(levels[s.id] for s in self.suspensions.get(ins.id, ()))
                inp.tariff_pct[0, o, t] += ins.share * max(0.0, level - suspended)
            elif spec.channel == "purchases":
                inp.purchases_bn[0, o, t] += level
            if spec.effects and ins.max > 0:
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

    def _write_meters(
        self, state: GameState, m: eco.Meters, *, faction_prices: Mapping[str, float] | None = None
    ) -> None:
        """Every meter of the registry, clipped to its range: read from the economy model
        where it computes the meter, from the rules' own state (politics, trust) where not;
        ``faction_prices``: faction pressure this turn's concessions add (rule 3.8)."""
        ri = self.econ.region_index
        a, b = self.sides
        exports_bn = meter_registry.meter("exports_bn")
        assert exports_bn is not None and exports_bn.economy is not None
        for s in self.sides:
            r = ri[s]
            o = ri[b if s == a else a]
            ss = state.sides[s]
            # rule 4.8: the faction's pressure follows the share of this side's exports lost
            exports = exports_bn.economy.read(m, 0, r, o)
            base = state.history[0].meters[s]["exports_bn"] if state.history else exports
            lost_pct = max(0.0, (base - exports) / base * 100.0) if base > 0 else 0.0
            ss.faction_pressure_pct = _clip(
                max(
                    ss.faction_pressure_pct * 0.8,
                    lost_pct * FACTION_SENSITIVITY * faction_strength(self.scenario, state, s),
                )
                + (faction_prices or {}).get(s, 0.0),
                "faction_pressure_pct",
            )
            state.meters[s] = {
                spec.id: _clip_to(
                    spec.economy.read(m, 0, r, o) if spec.economy is not None else getattr(ss, spec.id),
                    spec.range,
                )
                for spec in meter_registry.all_meters()
                if spec.scope == "side"
            }
        state.shared = {
            spec.id: _clip_to(
                spec.economy.read(m, 0) if spec.economy is not None else getattr(state, spec.id), spec.range
            )
            for spec in meter_registry.all_meters()
            if spec.scope == "shared"
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
            why=why,
        )
