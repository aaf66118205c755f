"""The AI styles: one small class each, with metadata for the New game dialog.

Like the strategies of the Axelrod library (one class per strategy, classifier
metadata, sources in the docstring), each style here is a few knobs and tactics on
top of :class:`~game.ai.negotiator.Negotiator`.
"""

from __future__ import annotations

from game.ai.negotiator import Context, Negotiator, my_headline, their_last_moves
from game.ai.opponent import friendly_sign
from game.ai.planner import Outcome, Plan, project
from game.engine import SubmitOrders
from game.engine.actions import Statement
from game.engine.reasons import Reason, ReasonKind
from game.engine.scoring import score_briefing
from game.i18n import N_
from game.scenario.models import Instrument


class Hardliner(Negotiator):
    """Boulware: holds out for most of the talks and concedes only near the deadline.

    Faratin, Sierra & Jennings (1998) call a time-dependent tactic with ``beta < 1``
    *Boulware* (after Lemuel Boulware's take-it-or-leave-it bargaining at General
    Electric): the aspiration stays near its best until late. In the orders phase it
    answers escalation more than in kind, never eases first and does not forget a
    breach (Axelrod 1984 calls such an unforgiving strategy *grim*). Its refusals bluff:
    a red line is stated tighter than it is.
    """

    key = "hardliner"
    name = N_("Hard-liner")
    description = N_(
        "Demands much, concedes late (Boulware), answers every escalation harder and never forgets a breach."
    )
    traits = ("Boulware", "retaliates ×1.5", "unforgiving", "firm statements")
    beta = 0.25
    floor_share = 0.3
    calm_statement = "firm"
    provoked_statement = "threatening"
    retaliation = 1.5
    reciprocates_easing = False
    breach_premium = 8.0
    closing_share = 0.9
    #: bluffs: a refusal states a bound tighter than its true red line
    bluff = "tighter"
    #: walks out sooner than the others when the talks promise less than its walk-away
    walk_patience = 0.35


class Conceder(Negotiator):
    """Concedes early and readily: Faratin, Sierra & Jennings' (1998) ``beta > 1`` tactic.

    Opens with conciliatory statements, makes small goodwill cuts while no agreement
    is in force and never retaliates. Easy to deal with — and to exploit. Its refusals
    name the instrument and the direction, never a bound.
    """

    key = "conceder"
    name = N_("Conceder")
    description = N_(
        "Eager for a deal: concedes early, speaks softly, makes goodwill gestures and never retaliates."
    )
    traits = ("conceder (beta 3)", "conciliatory", "goodwill cuts", "never retaliates")
    beta = 3.0
    floor_share = 0.0
    calm_statement = "conciliatory"
    provoked_statement = "conciliatory"
    retaliation = 0.0
    reciprocates_easing = True
    breach_premium = 2.0
    closing_share = 0.6
    #: states no bound at all: only the instrument and the direction
    bluff = "none"
    #: walks out only near the end
    walk_patience = 0.85

    def goodwill(self, ctx: Context, head: Instrument | None) -> dict[str, float]:
        v = ctx.v
        if head is None or v.active_agreements or v.turn % 2 == 0 or v.turn > v.deadline_turns // 2:
            return {}
        new = self._move_to(ctx, head, v.levels[head.id] + 5.0 * friendly_sign(head))
        return {head.id: new} if new is not None else {}


class Reciprocator(Negotiator):
    """Tit-for-tat with forgiveness, at the table and in the orders.

    Axelrod (1984), *The Evolution of Cooperation*: be nice (never escalate first),
    retaliate (answer an escalation in kind), forgive (small provocations are let go
    with some probability, and cooperation resumes as soon as the other side eases),
    be clear. At the table it uses Faratin, Sierra & Jennings' (1998) behaviour-
    dependent *relative tit-for-tat*: it concedes as much, in its own terms, as the
    other side's offers have conceded, plus a slow time-dependent drift so that two
    reciprocators do not wait for each other forever.
    """

    key = "reciprocator"
    name = N_("Reciprocator")
    description = N_(
        "Tit-for-tat with forgiveness: matches the other side's moves and concessions, forgives small slights."
    )
    traits = ("tit-for-tat", "forgiving", "relative concessions", "nice")
    beta = 1.0
    floor_share = 0.1
    calm_statement = "conciliatory"
    provoked_statement = "firm"
    retaliation = 1.0
    reciprocates_easing = True
    breach_premium = 5.0

    def aspiration(self, ctx: Context, best: float) -> float:
        lo = self.floor(ctx, best)
        theirs = [o for o in ctx.v.offers if o.side == ctx.v.other]
        if not theirs or best <= lo:
            return super().aspiration(ctx, best)
        first, last = self.evaluate(ctx, [theirs[0].terms, theirs[-1].terms])
        conceded = max(0.0, last.mine - first.mine)
        drift = 0.5 * (best - lo) * ctx.tc ** (1.0 / self.level.concession)
        return min(best, max(lo, best - conceded - drift))

    def orders(self, ctx: Context) -> SubmitOrders:
        v = ctx.v
        escalated, _eased = their_last_moves(ctx.rules, v)
        # forgiveness: a small provocation is let go one time in three
        if escalated and escalated <= 5.0 and ctx.rng.random() < 1.0 / 3.0:
            return self._finish_orders(ctx, {}, "conciliatory", Reason(kind=ReasonKind.LET_PASS))
        order = super().orders(ctx)
        said = _their_last_statement(ctx)
        if said in ("firm", "threatening") and order.statement == "conciliatory":
            cost = ctx.rules.orders_cost_levels(v.levels, order.moves, "firm")
            if cost <= v.political_capital:
                firm = Reason(kind=ReasonKind.STATEMENT, statement="firm", in_reply=True)
                why = (*(r for r in order.reasons if r.kind != ReasonKind.STATEMENT), firm)
                return SubmitOrders(side=v.side, moves=order.moves, statement="firm", reasons=why)
        return order


class Pragmatist(Negotiator):
    """Looks ahead with the batch economy model, for offers *and* orders.

    It values every candidate package by simulating its effect on its own objectives
    to the horizon (many packages in one batch of the vectorised model), and at the
    stronger levels does the same for its unilateral orders and statements: each
    option is projected and scored, less the bargaining value of a chip given away
    for nothing (which fades as the deadline nears). It still answers escalation in
    kind — deterrence is what a one-shot projection cannot see (Axelrod 1984). Its
    concession schedule is linear in time (Faratin et al. 1998, ``beta = 1``); its
    offers use the trade-off tactic and, at the stronger levels, an opponent model
    learnt from the other side's offers and refusals (Baarslag et al. 2016).
    """

    key = "pragmatist"
    name = N_("Pragmatist")
    description = N_(
        "Weighs every package and every move by simulating the economy ahead; trades what is cheap for it "
        "for what it needs most."
    )
    traits = ("economy lookahead", "trade-offs", "adaptive concession", "reciprocates escalation")
    beta = 1.0
    #: against a side that concedes fast it holds out longer (Faratin beta < 1)
    boulware_beta = 0.5
    #: against a side that does not move (see :meth:`aspiration`)
    stubborn_beta = 1.0
    floor_share = 0.08
    calm_statement = "conciliatory"
    provoked_statement = "firm"
    retaliation = 1.0
    reciprocates_easing = True
    breach_premium = 4.0

    def aspiration(self, ctx: Context, best: float) -> float:
        """Time-dependent, with a rate adapted to the other side (at the stronger levels):
        Boulware against a side that concedes fast (a mix of Faratin et al.'s time- and
        behaviour-dependent tactics). Against a side that does not move it keeps its own pace:
        conceding *faster* there (Faratin beta 2, as it did) paid whoever stood still — the
        expert US, which barely moves in its first weeks, got comprehensive deals worth 47-57
        to the hard China in week 2 or 3 where the normal China, which has no such rule, held
        out for 60-66 (40 seeds: the hard China scored 0.9 points *less* than the normal one
        against the expert), and a person could do the same by repeating one offer."""
        if self.level.opponent < 2:
            return super().aspiration(ctx, best)
        lo = self.floor(ctx, best)
        if best <= lo:
            return lo
        theirs = [o for o in ctx.v.offers if o.side == ctx.v.other]
        beta = 1.0
        if len(theirs) >= 2:
            first, last = self.evaluate(ctx, [theirs[0].terms, theirs[-1].terms])
            rate = (last.mine - first.mine) / max(1.0, best - lo)
            beta = self.boulware_beta if rate > 0.25 else self.stubborn_beta if rate < 0.05 else 1.0
        return self.conceded_to(ctx, lo, best, beta)

    def orders(self, ctx: Context) -> SubmitOrders:
        v, rules = ctx.v, ctx.rules
        escalated, _ = their_last_moves(rules, v)
        if not self.level.plan_orders or escalated or ctx.model.breaches_last_turn(v):
            return super().orders(ctx)
        head = my_headline(rules, v)
        options: list[tuple[dict[str, float], Statement]] = []
        statements_tried: tuple[Statement, ...] = ("conciliatory", "none", "firm")
        move_sets: list[dict[str, float]] = [{}]
        if head is not None:
            for pts in (10.0, 25.0):
                new = self._move_to(ctx, head, v.levels[head.id] + pts * friendly_sign(head))
                if new is not None:
                    move_sets.append({head.id: new})
        for ins in rules.scenario.instruments:
            if ins.owner == v.side and ins.player_controlled and ins.kind == "measure" and ins is not head:
                new = self._move_to(ctx, ins, ins.min)
                if new is not None:
                    move_sets.append({ins.id: new})
        for ms in move_sets:
            for st in statements_tried:
                if rules.orders_cost_levels(v.levels, ms, st) <= v.political_capital + 1e-9:
                    options.append((ms, st))
        plans = [Plan(moves=ms, statement=st) for ms, st in options]
        outs = project(rules, v, plans, horizon=self.level.horizon, schedule=self.level.schedule)
        chip_weight = 0.6 * (1.0 - ctx.t)
        best_i, best_val = 0, -1e9
        for i, (o, (ms, _st)) in enumerate(zip(outs, options, strict=True)):
            mine = score_briefing(v.side, v.briefing, o.levels, o.meters, o.shared).total
            if ctx.model.guessed is not None:
                theirs = score_briefing(v.other, ctx.model.guessed, o.levels, o.meters, o.shared).total
            else:
                theirs = 0.0
            val = mine
            if ms:
                base_theirs = _their_base(self, ctx, outs[0])
                val -= chip_weight * max(0.0, theirs - base_theirs) + 0.3
            if val > best_val + 1e-9:
                best_i, best_val = i, val
        ms, st = options[best_i]
        if ms:
            iid, val = next(iter(ms.items()))
            why = Reason(kind=ReasonKind.PAYS_ALONE, instrument=iid, level=val)
        else:
            why = Reason(kind=ReasonKind.NONE_PAYS)
        return self._finish_orders(ctx, ms, st, why)


def _their_base(ai: Negotiator, ctx: Context, o: Outcome) -> float:
    if ctx.model.guessed is None:
        return 0.0
    return score_briefing(ctx.v.other, ctx.model.guessed, o.levels, o.meters, o.shared).total


def _their_last_statement(ctx: Context) -> str:
    v = ctx.v
    for n in reversed(v.news):
        if n.kind == "statement" and n.side == v.other and n.turn == v.turn - 1:
            return n.headline
    return "none"


STYLE_CLASSES: dict[str, type[Negotiator]] = {
    cls.key: cls for cls in (Pragmatist, Hardliner, Conceder, Reciprocator)
}
