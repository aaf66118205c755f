"""The rules of one scenario, whole: every part of the chain, and the game's set-up."""

from __future__ import annotations

from game import economy as eco
from game.engine.hidden_types import draw_briefings
from game.engine.rules.table import TableRules
from game.engine.state import GameState, SideState


class Rules(TableRules):
    """The rules of one scenario. Stateless: every method takes and returns state."""

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
            world=self.econ.world,
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
            pending_growth_pp=[0.0] * self.econ.world.size,
            briefings={s: b for s, b in draw_briefings(sc, seed).items() if sc.briefings[s].has_priors},
        )
        m = eco.meters(self.econ.params, econ_state, self.econ.world)
        self._write_meters(state, m)
        state.history.append(self._record(state, 0, {}))
        self._fire_events(state)
        return state
