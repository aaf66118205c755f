"""Legality (rules 1, 2 and 3.2-3.6): what may be done now, and the refusal that names
the rule when it may not; what orders cost."""

from __future__ import annotations

import math

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
from game.engine.hidden_types import briefing as briefing_of
from game.engine.rules.base import RulesBase, _compare
from game.engine.rules.constants import CAPITAL_STATEMENT
from game.engine.state import GameState
from game.registry.instruments import tradable
from game.scenario.models import Briefing, Instrument


class LegalityRules(RulesBase):
    """Rules 1-3: is an action legal? :meth:`check` raises :class:`IllegalAction` if not."""

    def check(self, state: GameState, action: Action) -> None:
        """Raise IllegalAction if ``action`` breaks a rule; return None if legal."""
        side = action.side
        if side not in self.sides:
            raise IllegalAction("1.1", "there is no side {side!r} in this scenario", side=side)
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
            raise IllegalAction(
                "1.4", "it is the {side} delegation's move at the table", side=state.table_mover
            )
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
            if state.pending_offer is None:  # (not pending; and so mypy knows it is an int)
                raise IllegalAction("3.3", "there is no offer on the table to accept")
            offer = state.offers[state.pending_offer]
            self._check_red_lines(state, side, offer.terms, "3.6", "accepting")
        elif isinstance(action, Reject):
            if not pending:
                raise IllegalAction("3.3", "there is no offer on the table to reject")
        elif isinstance(action, EndTalks) and pending:
            raise IllegalAction("3.3", "answer the offer on the table first (accept, reject or counter)")

    def _check_orders(self, state: GameState, action: SubmitOrders) -> None:
        if action.statement not in STATEMENTS:
            raise IllegalAction("2.5", "unknown statement {statement!r}", statement=action.statement)
        cost = 0.0
        for iid, value in action.moves.items():
            ins = self._instrument(iid, "2.2")
            if ins.owner != action.side or not ins.player_controlled:
                raise IllegalAction(
                    "2.2",
                    "{instrument} is not the {side} delegation's to move",
                    instrument=iid,
                    side=action.side,
                )
            self._check_level(ins, value, "2.3")
            cost += self.move_cost(ins, state.levels[iid], value)
        cost += CAPITAL_STATEMENT[action.statement]
        capital = state.sides[action.side].political_capital
        if cost > capital + 1e-9:
            raise IllegalAction(
                "2.4",
                "these orders cost {cost:.0f} political capital and you have {capital:.0f}",
                cost=cost,
                capital=capital,
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
            raise IllegalAction(rule, "there is no instrument {instrument!r}", instrument=iid)
        return ins

    def _check_level(self, ins: Instrument, value: float, rule: str) -> None:
        if not math.isfinite(value) or value < ins.min - 1e-9 or value > ins.max + 1e-9:
            raise IllegalAction(
                rule,
                "{instrument} must stay between {min:g} and {max:g}, not {value:g}",
                instrument=ins.id,
                min=ins.min,
                max=ins.max,
                value=value,
            )
        k = (value - ins.min) / ins.step
        if abs(k - round(k)) > 1e-6:
            raise IllegalAction(
                rule,
                "{instrument} moves in steps of {step:g} from {min:g}",
                instrument=ins.id,
                step=ins.step,
                min=ins.min,
            )

    def _check_exchange_left(self, state: GameState) -> None:
        limit = self.scenario.end.exchanges_per_turn
        if state.exchanges_used >= limit:
            raise IllegalAction("3.4", "no offers left this turn (at most {limit} a turn)", limit=limit)

    def _check_package(
        self, state: GameState, side: str, terms: tuple[Term, ...], *, proposing: bool
    ) -> None:
        if not terms:
            raise IllegalAction("3.2", "a package needs at least one term")
        seen: set[str] = set()
        for t in terms:
            ins = self._instrument(t.instrument, "3.2")
            if not tradable(ins, self.sides):
                raise IllegalAction(
                    "3.2", "{instrument} cannot be part of a package", instrument=t.instrument
                )
            if t.instrument in seen:
                raise IllegalAction(
                    "3.2", "{instrument} appears twice in the package", instrument=t.instrument
                )
            seen.add(t.instrument)
            self._check_level(ins, t.value, "3.2")
            if t.duration_turns is not None and t.duration_turns < 1:
                raise IllegalAction(
                    "3.2", "the term on {instrument} must last at least one turn", instrument=t.instrument
                )
            if not 0 <= t.start_after_turns <= self.scenario.end.deadline_turns:
                raise IllegalAction(
                    "3.2", "the term on {instrument} must start within the game", instrument=t.instrument
                )
        if all(self._already_agreed(state, t) for t in terms):
            raise IllegalAction("3.2", "the package changes nothing: every term of it is already agreed")
        self._check_red_lines(state, side, terms, "3.5", "proposing")

    def _already_agreed(self, state: GameState, t: Term) -> bool:
        """Rule 3.2: ``t`` adds nothing — its instrument is at its level, bound there for the rest
        of the game by an agreement in force, and ``t`` too is for good and from now."""
        if (
            t.duration_turns is not None
            or t.start_after_turns
            or abs(state.levels.get(t.instrument, 0.0) - t.value) > 1e-9
        ):
            return False
        return any(
            bt.instrument == t.instrument
            and bt.active
            and bt.until_turn is None
            and abs(bt.value - t.value) < 1e-9
            for ag in state.active_agreements()
            for bt in ag.terms
        )

    def package_levels(self, levels: dict[str, float], terms: tuple[Term, ...]) -> dict[str, float]:
        out = dict(levels)
        for t in terms:
            out[t.instrument] = float(t.value)
        return out

    def crossed_red_lines(
        self, side: str, levels: dict[str, float], briefing: Briefing | None = None
    ) -> list[str]:
        """Ids of ``side``'s red lines that these instrument levels cross: those of ``briefing``
        (the side's drawn briefing, rule 7.3), else of the scenario's (a view's scenario holds
        its side's drawn briefing)."""
        crossed = []
        briefing = briefing if briefing is not None else self.scenario.briefings.get(side)
        for rl in briefing.red_lines if briefing else ():
            if not _compare(levels.get(rl.instrument, 0.0), rl.op, rl.value):
                crossed.append(rl.id)
        return crossed

    def _check_red_lines(
        self, state: GameState, side: str, terms: tuple[Term, ...], rule: str, verb: str
    ) -> None:
        after = self.package_levels(state.levels, terms)
        drawn = briefing_of(self.scenario, state, side)
        before = set(self.crossed_red_lines(side, state.levels, drawn))
        for rl_id in self.crossed_red_lines(side, after, drawn):
            if rl_id not in before:
                if verb == "accepting":
                    raise IllegalAction(
                        rule, "accepting this package crosses your red line '{red_line}'", red_line=rl_id
                    )
                raise IllegalAction(
                    rule, "proposing this package crosses your red line '{red_line}'", red_line=rl_id
                )
