"""A rule-following negotiator: reciprocity in its orders, a time-dependent
concession schedule at the table, and lookahead with the batch economy model.

It decides from its own side's :class:`~game.engine.View` only. The concession
schedule follows Faratin, Sierra & Jennings (1998), "Negotiation decision
functions for autonomous agents": the aspiration falls from the best score the
side can hope for to its walk-away value as the deadline nears, as
``1 - (t/T)^(1/beta)``; ``beta < 1`` is Boulware (concedes late), ``beta > 1`` a
conceder. The table follows Rubinstein's (1982) alternating offers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from game.engine import (
    Accept,
    Action,
    Counter,
    EndTalks,
    Propose,
    Reject,
    Rules,
    SubmitOrders,
    Term,
    View,
)
from game.engine.preview import Projection, project_packages
from game.engine.rules import UPPER_BOUND_KINDS
from game.scenario.models import Instrument, tr


@dataclass
class NegotiatorConfig:
    beta: float = 1.0  # concession exponent (Faratin et al. 1998)
    lookahead_turns: int = 4
    grid: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)
    retaliate: bool = True
    forgive: bool = True


@dataclass
class Negotiator:
    """An AI seat. ``label`` is shown in the window and the terminal."""

    label: str = "ai"
    config: NegotiatorConfig = field(default_factory=NegotiatorConfig)
    is_human: bool = False
    _rules: Rules | None = field(default=None, repr=False)

    def rules_for(self, v: View) -> Rules:
        if self._rules is None or self._rules.scenario is not v.scenario:
            self._rules = Rules(v.scenario)
        return self._rules

    # ------------------------------------------------------------------ entry
    def decide(self, v: View) -> Action:
        rules = self.rules_for(v)
        if v.phase == "orders":
            return self._orders(rules, v)
        if v.pending_offer is not None:
            return self._respond(rules, v)
        return self._propose(rules, v)

    # ----------------------------------------------------------------- orders
    def _orders(self, rules: Rules, v: View) -> SubmitOrders:
        """Reciprocity (Axelrod 1984): answer the other side's last moves in kind."""
        moves: dict[str, float] = {}
        capital = v.political_capital
        escalated, eased = self._their_last_moves(rules, v)
        mine = self._my_headline(rules, v)
        note = "No unilateral moves this week."
        if mine is not None and escalated and self.config.retaliate:
            step = mine.step * max(1, escalated)
            new = min(mine.max, v.levels[mine.id] + step)
            if rules.move_cost(mine, v.levels[mine.id], new) <= capital and new != v.levels[mine.id]:
                moves[mine.id] = new
                note = f"We answer their escalation by raising {tr(mine.name)} to {new:g}."
        elif mine is not None and eased and self.config.forgive:
            new = max(mine.min, v.levels[mine.id] - mine.step * max(1, eased))
            if rules.move_cost(mine, v.levels[mine.id], new) <= capital / 2 and new != v.levels[mine.id]:
                moves[mine.id] = new
                note = f"We match their easing by lowering {tr(mine.name)} to {new:g}."
        cost = sum(rules.move_cost(rules.instruments[i], v.levels[i], x) for i, x in moves.items())
        statement = "conciliatory" if v.shared.get("trust_pct", 0) < 60 and capital - cost >= 2 else "firm"
        if escalated and self.config.retaliate:
            statement = "firm"
        return SubmitOrders(side=v.side, moves=moves, statement=statement, note=note)

    def _their_last_moves(self, rules: Rules, v: View) -> tuple[int, int]:
        escalated = eased = 0
        last = v.turn - 1
        for n in v.news:
            if n.turn != last or n.kind != "order" or n.side != v.other:
                continue
            ins = rules.instruments.get(n.headline)
            if ins is None or ins.target != v.side:
                continue
            hist = [h for h in v.history if h.turn in (last - 1, last)]
            if len(hist) < 2:
                continue
            d = hist[-1].instruments[ins.id] - hist[0].instruments[ins.id]
            steps = round(abs(d) / ins.step)
            if (d > 0) == (ins.kind in UPPER_BOUND_KINDS):
                escalated += steps
            else:
                eased += steps
        return min(escalated, 4), min(eased, 4)

    def _my_headline(self, rules: Rules, v: View) -> Instrument | None:
        tariffs = [
            i
            for i in rules.scenario.instruments
            if i.kind == "tariff" and i.owner == v.side and i.target == v.other and i.player_controlled
        ]
        return max(tariffs, key=lambda i: i.share * i.max, default=None)

    # ------------------------------------------------------------------ table
    def aspiration(self, v: View, best: float) -> float:
        t = min(1.0, (v.turn - 1) / max(1, v.deadline_turns - 1))
        walk = v.briefing.walk_away
        return walk + (max(best, walk) - walk) * (1.0 - t ** (1.0 / self.config.beta))

    def candidates(self, rules: Rules, v: View) -> list[tuple[Term, ...]]:
        """Packages on a grid: how far we give on our instruments (c) and ask on theirs (d)."""
        mine: list[Instrument] = []
        theirs: list[Instrument] = []
        for ins in rules.scenario.instruments:
            if not ins.player_controlled or ins.owner not in rules.sides:
                continue
            (mine if ins.owner == v.side else theirs).append(ins)
        out: list[tuple[Term, ...]] = []
        for c, d in itertools.product(self.config.grid, self.config.grid):
            if c == 0 and d == 0:
                continue
            terms = [t for ins in mine if (t := self._term(v, ins, c)) is not None]
            terms += [t for ins in theirs if (t := self._term(v, ins, d)) is not None]
            if terms and not rules.crossed_red_lines(v.side, rules.package_levels(v.levels, tuple(terms))):
                out.append(tuple(terms))
        return out

    def _term(self, v: View, ins: Instrument, frac: float) -> Term | None:
        """A term moving ``ins`` a fraction ``frac`` of the way to its friendliest level."""
        cur = v.levels[ins.id]
        friendly = ins.min if ins.kind in UPPER_BOUND_KINDS else ins.max
        if ins.kind == "purchase":
            friendly = ins.min + (ins.max - ins.min) * 0.6
        target = cur + (friendly - cur) * frac
        k = round((target - ins.min) / ins.step)
        value = round(ins.min + k * ins.step, 9)
        if abs(value - cur) < 1e-9:
            return None
        duration = max(1, v.deadline_turns - v.turn + 1) if ins.kind == "suspension" else None
        return Term(instrument=ins.id, value=value, duration_turns=duration)

    def _evaluate(self, rules: Rules, v: View, packages: list[tuple[Term, ...]]) -> list[Projection]:
        return project_packages(rules, v, [(), *packages], turns=self.config.lookahead_turns)

    def _propose(self, rules: Rules, v: View) -> Action:
        cands = self.candidates(rules, v)
        if not cands or v.exchanges_left <= 0:
            return EndTalks(side=v.side, note="Nothing more to offer this week.")
        proj = self._evaluate(rules, v, cands)
        base, scored = proj[0], proj[1:]
        best = max(p.my_score for p in scored)
        asp = max(self.aspiration(v, best), base.my_score + 0.5)
        ok = [(self._generosity(rules, v, c), -p.my_score, i) for i, (c, p) in enumerate(zip(cands, scored)) if p.my_score >= asp]
        if not ok:
            return EndTalks(
                side=v.side, note=f"No package we could offer beats our position without a deal ({base.my_score:.0f})."
            )
        ok.sort(reverse=True)
        # the most generous package that still meets our aspiration, but not one we offered already
        offered = {o.terms for o in v.offers if o.side == v.side}
        for _, _, i in ok:
            if cands[i] not in offered:
                break
        terms = cands[i]
        note = f"We offer this package: it meets our goals ({scored[i].my_score:.0f} against {base.my_score:.0f} without a deal)."
        if v.pending_offer is not None:
            return Counter(side=v.side, terms=terms, note=note)
        return Propose(side=v.side, terms=terms, note=note)

    def _generosity(self, rules: Rules, v: View, terms: tuple[Term, ...]) -> float:
        g = 0.0
        for t in terms:
            ins = rules.instruments[t.instrument]
            if ins.owner == v.side:
                g += abs(t.value - v.levels[ins.id]) / max(1e-9, ins.max - ins.min)
            else:
                g -= abs(t.value - v.levels[ins.id]) / max(1e-9, ins.max - ins.min)
        return g

    def _respond(self, rules: Rules, v: View) -> Action:
        offer = v.pending_offer
        assert offer is not None
        if rules.crossed_red_lines(v.side, rules.package_levels(v.levels, offer.terms)):
            crossed = rules.crossed_red_lines(v.side, rules.package_levels(v.levels, offer.terms))
            rl = next(r for r in v.briefing.red_lines if r.id == crossed[0])
            return self._reject_or_counter(rules, v, f"Rejected: it crosses a line we will not cross — {tr(rl.text)}.")
        base, with_offer = self._evaluate(rules, v, [offer.terms])
        scored_cands = self._evaluate(rules, v, self.candidates(rules, v)) if self.candidates(rules, v) else [base]
        best = max(p.my_score for p in scored_cands)
        asp = self.aspiration(v, best)
        if with_offer.my_score >= asp and with_offer.my_score >= base.my_score:
            return Accept(
                side=v.side,
                note=f"Accepted: the package lifts our outlook to {with_offer.my_score:.0f} points from {base.my_score:.0f}.",
            )
        worst = self._worst_objective(v, with_offer)
        return self._reject_or_counter(rules, v, f"Rejected: {worst}.")

    def _reject_or_counter(self, rules: Rules, v: View, why: str) -> Action:
        if v.exchanges_left > 0:
            counter = self._propose(rules, v)
            if isinstance(counter, Counter):
                return Counter(side=v.side, terms=counter.terms, note=f"{why} {counter.note}")
        return Reject(side=v.side, note=why)

    def _worst_objective(self, v: View, p: Projection) -> str:
        from game.engine.scoring import score_briefing

        sc = score_briefing(v.side, v.briefing, p.levels, p.meters, p.shared)
        objs = {o.id: o for o in v.briefing.objectives}
        worst = min(sc.items, key=lambda i: i.credit - 1.0 * (i.weight / 100))
        return f"{tr(objs[worst.id].text).rstrip('.').lower()} stays short of target under these terms"
