"""Events (rule 4.9): scripted and seeded random events, their triggers and effects.

Random events draw from a generator seeded by (seed, turn, event index), so no generator
state needs to be stored."""

from __future__ import annotations

import datetime as dt

import numpy as np

from game.engine.rules.base import _clip, _compare, _round, _Shocks
from game.engine.rules.legality import LegalityRules
from game.engine.state import GameState, NewsItem
from game.registry import meters as meter_registry
from game.scenario.models import Condition, Event


class EventRules(LegalityRules):
    """Rule 4.9: which events fire at the start of a turn, and what they do."""

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
        shocks = _Shocks(growth=np.zeros(self.econ.world.size))
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
        """An event's effect on a meter, as the meter registry says events move it: the rules'
        own value set on the state (``state``), or news for the economy model (``shock``)."""
        spec = meter_registry.meter(meter)
        if spec is None or spec.events is None:
            return
        if spec.events == "state":
            if spec.scope == "shared":
                cur = getattr(state, meter)
                setattr(state, meter, _clip(set_ if set_ is not None else cur + add, meter))
                state.shared[meter] = getattr(state, meter)
            elif side in state.sides:
                ss = state.sides[side]
                cur = getattr(ss, meter)
                setattr(ss, meter, _clip(set_ if set_ is not None else cur + add, meter))
                state.meters[side][meter] = getattr(ss, meter)
        elif spec.economy is not None and spec.economy.shock is not None:
            if spec.scope == "shared":
                cur = state.shared[meter]
                shocks.add(spec.economy.shock, 0, (set_ - cur) if set_ is not None else add)
            elif side in self.econ.region_index:
                cur = state.meters[side][meter]
                shocks.add(
                    spec.economy.shock,
                    self.econ.region_index[side],
                    (set_ - cur) if set_ is not None else add,
                )
