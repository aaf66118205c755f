"""The AI negotiator: the machinery every style shares.

The table follows Rubinstein's (1982) alternating-offers protocol ("Perfect
equilibrium in a bargaining model", Econometrica 50): offers alternate, time is
costly (the economy bleeds while tariffs stay), and a deadline looms. Each style
concedes on a time-dependent schedule after Faratin, Sierra & Jennings (1998),
"Negotiation decision functions for autonomous agents" (Robotics and Autonomous
Systems 24): its aspiration falls from the best it can hope for to its floor as
``1 - t^(1/beta)``; ``beta < 1`` is Boulware (concedes late), ``beta > 1`` a
conceder. Offers are chosen by the *trade-off* tactic of Faratin, Sierra & Jennings
(2002), "Using similarity criteria to make issue trade-offs in automated
negotiations" (Artificial Intelligence 142): among packages about equal in value to
us (within a band above the aspiration), the one the other side is likeliest to take
by our belief about them; a package we made before is not made again while the table
is as it was (:meth:`Negotiator.made_before`). Acceptance follows Baarslag, Hindriks
& Jonker (2014), "Effective acceptance conditions in real-time automated
negotiation" (Decision Support Systems 60): AC_next and AC_combi at the stronger
levels — never below the side's walk-away value (rule 6.3), and the side walks out
when the best it can expect from the talks falls below it (:meth:`Negotiator.walk_out`).
A refusal names the term that decided it (:meth:`Negotiator.deciding_term`), with a
direction and at most a rough bound, never the line or target itself
(:mod:`game.ai.explain`). Orders follow Axelrod's (1984) *The Evolution of
Cooperation*: answer escalation, reward de-escalation, forgive.

An AI decides from its own side's :class:`~game.engine.View` only, and is a pure
function of it: the opponent model, trust and breach memory are rebuilt from the
public record each time, and its noise is seeded from the view. Every action it
returns has passed :meth:`Rules.check` on a shadow of the state built from the view.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from game.ai import explain, lookahead
from game.ai.explain import Bluff
from game.ai.levels import LEVEL_SPECS, Level
from game.ai.opponent import OpponentModel, build, friendly_extreme, friendly_sign, last_offer
from game.ai.planner import Outcome, Plan, project
from game.engine import (
    Accept,
    Action,
    Counter,
    EndTalks,
    IllegalAction,
    Propose,
    Reject,
    Rules,
    SubmitOrders,
    Term,
    View,
    WalkOut,
)
from game.engine.actions import Statement
from game.engine.reasons import Private, Reason, ReasonKind
from game.engine.scoring import score_briefing
from game.engine.state import GameState, Offer, SideState
from game.registry import instruments as kind_registry
from game.scenario.models import Instrument, RedLine, tr

Package = tuple[Term, ...]


@dataclass
class Eval:
    """A package's projected value: to us (our briefing) and, as far as we can guess, to them."""

    terms: Package
    mine: float
    theirs: float
    outcome: Outcome


@dataclass
class Context:
    """Everything one decision works from (built from the view alone)."""

    rules: Rules
    v: View
    level: Level
    model: OpponentModel
    rng: np.random.Generator
    t: float  # time used, 0..1 (Faratin's t/T)
    #: the concession clock: like ``t``, but still 0 through the first week of talks (opening
    #: positions: nobody gives ground before it has heard the other side), 1 at the deadline
    tc: float = 0.0
    evals: dict[Package, Eval] = field(default_factory=dict)
    base: Eval | None = None
    #: whether this game's projections know that a comprehensive deal ends the talks
    #: (:meth:`Negotiator.knows_ending`, drawn once a decision, not once a package)
    knows_ending: bool = True


class Negotiator:
    """Base class of the AI styles. Subclasses set the metadata and the style's tactics.

    Metadata for the New game dialog: ``key`` (the seat syntax name), ``name``,
    ``description`` and ``traits`` (short tags).
    """

    key: ClassVar[str] = "negotiator"
    name: ClassVar[str] = "Negotiator"
    description: ClassVar[str] = ""
    traits: ClassVar[tuple[str, ...]] = ()
    #: Faratin's concession exponent: < 1 Boulware, > 1 conceder
    beta: ClassVar[float] = 1.0
    #: share of the surplus over no deal still demanded at the deadline
    floor_share: ClassVar[float] = 0.05
    #: statements this style uses when calm / when provoked
    calm_statement: ClassVar[Statement] = "conciliatory"
    provoked_statement: ClassVar[Statement] = "firm"
    #: how many times over it answers an escalation (0 = never retaliates)
    retaliation: ClassVar[float] = 1.0
    #: whether it matches the other side's unilateral easing
    reciprocates_easing: ClassVar[bool] = True
    #: extra points it demands from a side that broke an agreement
    breach_premium: ClassVar[float] = 4.0
    #: (levels that close) share of the way to our best that closes on their package early
    closing_share: ClassVar[float] = 0.75
    #: how a refusal states a red line's bound in public (:func:`game.ai.explain.rough_bound`):
    #: ``rough`` (a coarse level beyond the line), ``tighter`` (a bluff inside it), ``none``
    bluff: ClassVar[Bluff] = "rough"
    #: frontier packages whose one-term variants are searched too (:meth:`_neighbours`)
    NEIGHBOURHOOD: ClassVar[int] = 4
    #: the trade-off band: packages within this share of the surplus (at least a point) above
    #: the aspiration count as "about equal" to us, and among them we offer the one they
    #: are likeliest to take (Faratin, Sierra & Jennings 2002)
    tradeoff_band: ClassVar[float] = 0.08
    #: share of the talks (Faratin's t) that passes before this style walks out when the best
    #: it can expect falls below its walk-away (:meth:`walk_out`)
    walk_patience: ClassVar[float] = 0.5

    is_human: bool = False

    def __init__(self, level: str = "normal") -> None:
        self.level: Level = LEVEL_SPECS[level]
        self.level_name = level
        self.label = f"ai:{self.key}:{level}"
        self._memo: dict[tuple, Outcome] = {}
        self._memo_key: tuple | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(level={self.level_name!r})"

    # ------------------------------------------------------------------ entry
    def decide(self, v: View) -> Action:
        """The action for this view: always legal, always explained."""
        ctx = self._context(v)
        if v.phase == "orders":
            candidates: list[Action] = [self.orders(ctx)]
            fallback: Action = SubmitOrders(side=v.side, reasons=(Reason(kind=ReasonKind.NO_MOVES),))
        elif v.pending_offer is not None:
            candidates = self.respond(ctx)
            fallback = Reject(side=v.side, reasons=(Reason(kind=ReasonKind.CANNOT_AGREE),))
        else:
            candidates = self.propose(ctx)
            fallback = EndTalks(side=v.side, reasons=(Reason(kind=ReasonKind.NOTHING_MORE),))
        shadow = shadow_state(v)
        for action in [*candidates, fallback]:
            try:
                ctx.rules.check(shadow, action)
            except IllegalAction:
                continue
            return action
        return fallback  # pragma: no cover - the fallbacks are always legal

    # ---------------------------------------------------------------- context
    def _context(self, v: View) -> Context:
        rules = rules_for(v)
        model = build(rules, v, self.level.opponent, self.level.memory_turns)
        seed = zlib.crc32(
            f"{self.key}|{self.level_name}|{v.side}|{v.turn}|{v.phase}|{len(v.offers)}".encode()
        )
        rng = np.random.default_rng(seed)
        span = max(1, v.deadline_turns - 1)
        used = v.scenario.end.exchanges_per_turn - v.exchanges_left
        t = min(1.0, (v.turn - 1 + 0.5 * used / max(1, v.scenario.end.exchanges_per_turn)) / span)
        key = (
            v.side,
            v.turn,
            _econ_fingerprint(v),
            tuple(sorted(v.levels.items())),
            v.shared.get("trust_pct"),
            tuple((a.id, a.status) for a in v.agreements),
        )
        if key != self._memo_key:
            self._memo, self._memo_key = {}, key
        opening = 1.0 / span
        tc = max(0.0, (t - opening) / (1.0 - opening)) if span > 1 else t
        return Context(rules, v, self.level, model, rng, t, tc=tc, knows_ending=self._knows_ending(v))

    # ------------------------------------------------------------- evaluation
    def evaluate(self, ctx: Context, packages: Sequence[Package]) -> list[Eval]:
        """Project packages (and no deal) in one batch; value them for us and for them."""
        todo = [p for p in dict.fromkeys(packages) if p not in ctx.evals]
        if ctx.base is None:
            todo = [(), *[p for p in todo if p]]
        plans: list[Plan] = []
        memo_hits: dict[Package, Outcome] = {}
        for p in todo:
            mk = (p, self.level.horizon, self.level.schedule)
            if mk in self._memo:
                memo_hits[p] = self._memo[mk]
            else:
                plans.append(Plan(terms=p))
        if plans:
            ends = [self._ends_game(ctx, pl.terms) for pl in plans]
            outs = project(
                ctx.rules,
                ctx.v,
                plans,
                horizon=self.level.horizon,
                schedule=self.level.schedule,
                ends_game=ends,
            )
            for pl, o in zip(plans, outs, strict=True):
                self._memo[(pl.terms, self.level.horizon, self.level.schedule)] = o
                memo_hits[pl.terms] = o
        for p in todo:
            o = memo_hits[p]
            ev = Eval(p, self._my_value(ctx, p, o), self._their_value(ctx, p, o), o)
            ctx.evals[p] = ev
            if not p:
                ctx.base = ev
        return [ctx.evals[p] for p in packages]

    def knows_ending(self, ctx: Context) -> bool:
        """Whether this game's projections know that a comprehensive deal ends the talks
        (:attr:`Level.knows_ending`, in :attr:`Level.ending_known` of the games: a coin drawn from
        our own briefing's draw, the same all game)."""
        return ctx.knows_ending

    def _knows_ending(self, v: View) -> bool:
        lv = self.level
        if not lv.knows_ending:
            return False
        if lv.ending_known >= 1.0:
            return True
        coin = zlib.crc32(f"{self.key}|{v.side}|{v.briefing.model_dump_json()}".encode()) / 2**32
        return coin < lv.ending_known

    def _ends_game(self, ctx: Context, terms: Package) -> bool:
        if not self.knows_ending(ctx):
            return False
        return bool(terms) and ctx.v.scenario.end.ends_on_deal and ctx.rules.is_comprehensive(terms)

    def _my_value(self, ctx: Context, terms: Package, o: Outcome) -> float:
        v = ctx.v
        score = score_briefing(v.side, v.briefing, o.levels, o.meters, o.shared).total
        if self.level.noise_pts > 0 and terms:
            h = zlib.crc32(
                repr((v.turn, v.side, [(t.instrument, t.value, t.duration_turns) for t in terms])).encode()
            )
            score += self.level.noise_pts * float(np.random.default_rng([h, v.turn]).standard_normal())
        return score

    def _their_value(self, ctx: Context, terms: Package, o: Outcome) -> float:
        """How much the other side gains, as far as we can tell: the expected score under the
        belief over their type (hard and up, :meth:`OpponentModel.their_value`), or generosity."""
        m = ctx.model
        if m.guessed is not None:
            return m.their_value(o)
        return 10.0 * generosity(ctx.rules, ctx.v, terms)

    # ------------------------------------------------------------- aspiration
    def floor(self, ctx: Context, best: float) -> float:
        """The least this style will settle for: better than no deal, plus premiums for distrust."""
        base = ctx.base.mine if ctx.base else 0.0
        f = base + 0.5 + self.floor_share * max(0.0, best - base)
        if ctx.model.breaches:
            f += self.breach_premium
        f += 3.0 * max(0.0, 0.25 - ctx.model.trust)
        return f

    def aspiration(self, ctx: Context, best: float) -> float:
        """Faratin et al. (1998): from ``best`` at t=0 down to the floor at t=1 — on the concession
        clock (:attr:`Context.tc`: the first week holds), the level's concession factor applied."""
        lo = self.floor(ctx, best)
        if best <= lo:
            return lo
        return self.conceded_to(ctx, lo, best, self.beta)

    def conceded_to(self, ctx: Context, lo: float, best: float, beta: float) -> float:
        """Faratin et al.'s time-dependent tactic: from ``best`` down to ``lo`` as
        ``1 - tc^(1/beta)``, on the concession clock, with the level's concession factor."""
        return lo + (best - lo) * (1.0 - ctx.tc ** (1.0 / (beta * self.level.concession)))

    # ------------------------------------------------------------- candidates
    def groups(self, ctx: Context) -> list[list[Package]]:
        """For each instrument group (a tariff with its suspensions, or one instrument),
        the alternative terms that could go in a package (the empty choice is implied)."""
        rules, v, lvl = ctx.rules, ctx.v, ctx.level
        out: list[list[Package]] = []
        remaining = max(1, v.deadline_turns - v.turn + 1)
        fine = lvl.breadth == "frontier"
        fracs = (0.2, 0.4, 0.6, 0.75, 0.9, 1.0) if fine else (0.25, 0.5, 0.75, 1.0)
        for ins in rules.scenario.instruments:
            if not kind_registry.tradable(ins, rules.sides) or rules.kinds[ins.id].suspends:
                continue
            mine = ins.owner == v.side
            opts: list[Package] = []
            for value in self._ladder(ctx, ins, fracs, mine):
                opts.append((Term(instrument=ins.id, value=value),))
            if mine and fine and rules.kinds[ins.id].channel == "tariff":
                # suspensions with a duration: reversible gives (the Geneva "24 points for 90 days")
                for sus in rules.suspensions.get(ins.id, ()):
                    cur_s = v.levels[sus.id]
                    for pts in (0.5, 1.0):
                        s_val = _snap(sus, min(sus.max, cur_s + pts * (sus.max - cur_s)))
                        if s_val <= cur_s:
                            continue
                        for dur in sorted({min(remaining, 4), remaining}):
                            if s_val <= v.levels[ins.id] + 1e-9:
                                opts.append((Term(instrument=sus.id, value=s_val, duration_turns=dur),))
                            for value in self._ladder(ctx, ins, (0.5, 0.75), mine):
                                if s_val > value + 1e-9:
                                    continue  # suspending more points than the tariff has
                                opts.append(
                                    (
                                        Term(instrument=ins.id, value=value),
                                        Term(instrument=sus.id, value=s_val, duration_turns=dur),
                                    )
                                )
            opts = [o for o in opts if self._package_ok(ctx, o)]
            if opts:
                out.append(opts)
        return out

    def _ladder(self, ctx: Context, ins: Instrument, fracs: Sequence[float], mine: bool) -> list[float]:
        """Levels of ``ins`` moved a fraction of the way towards what its target wants."""
        v = ctx.v
        cur = v.levels[ins.id]
        ext = friendly_extreme(ins)
        if ctx.rules.kinds[ins.id].channel == "purchases":
            ext = ins.min + (ins.max - ins.min) * (0.8 if mine else 1.0)
        lo_hi = _red_line_limits(ins, v.briefing.red_lines, cur) if mine else None
        vals: list[float] = []
        for f in fracs:
            x = _snap(ins, cur + f * (ext - cur))
            if lo_hi is not None:
                x = min(lo_hi[1], max(lo_hi[0], x))
            if not mine and not ctx.model.allowed(ins, cur, x):
                continue
            if abs(x - cur) > 1e-9 and x not in vals:
                vals.append(x)
        if not mine:
            p = ctx.model.probe(ins, cur)
            if p is not None and p not in vals:
                vals.append(p)
        return vals

    def _package_ok(self, ctx: Context, terms: Package) -> bool:
        rules, v = ctx.rules, ctx.v
        after = rules.package_levels(v.levels, terms)
        before = set(rules.crossed_red_lines(v.side, v.levels))
        return not (set(rules.crossed_red_lines(v.side, after)) - before)

    def candidates(self, ctx: Context) -> list[Package]:
        """Packages worth considering, by the level's breadth."""
        groups = self.groups(ctx)
        if not groups:
            return []
        if self.level.breadth in ("grid3", "grid5"):
            return self._grid(ctx, groups)
        out = self._frontier(ctx, groups)
        if self.level.closing:
            out.extend(self._mirrors(ctx))
        return out

    def _mirrors(self, ctx: Context) -> list[Package]:
        """Their latest offer, corrected only where our red lines forbid it (to the line):
        "yes, except for what we told you we cannot do". A package they as good as proposed
        is the likeliest to close this week."""
        v, rules = ctx.v, ctx.rules
        last = last_offer(v, v.other)
        if last is None or last.status == "accepted":  # (an accepted one is in force already)
            return []
        terms: list[Term] = []
        for t in last.terms:
            ins = rules.instruments[t.instrument]
            if ins.owner == v.side:  # (a suspension has its tariff's owner)
                lim = _red_line_limits(ins, v.briefing.red_lines, v.levels[ins.id])
                value = t.value if lim is None else min(lim[1], max(lim[0], t.value))
                if abs(value - v.levels[ins.id]) > 1e-9:
                    terms.append(t.model_copy(update={"value": value}))
            elif (
                t.duration_turns is not None or t.start_after_turns or abs(t.value - v.levels[ins.id]) > 1e-9
            ):
                terms.append(t)  # (a term for good at today's level adds nothing, rule 3.2)
        pk = _canonical(terms)
        if not pk or (
            pk == _canonical(last.terms) and v.pending_offer is not None and v.pending_offer.id == last.id
        ):
            return []
        return [pk] if self._package_ok(ctx, pk) else []

    def _grid(self, ctx: Context, groups: list[list[Package]]) -> list[Package]:
        """Uniform packages: give a share c of every instrument, ask a share d of every one of theirs."""
        grid = (0.0, 0.5, 1.0) if self.level.breadth == "grid3" else (0.0, 0.25, 0.5, 0.75, 1.0)
        mine = [g for g in groups if ctx.rules.instruments[g[0][0].instrument].owner == ctx.v.side]
        theirs = [g for g in groups if ctx.rules.instruments[g[0][0].instrument].owner != ctx.v.side]
        out: list[Package] = []
        for c in grid:
            for d in grid:
                terms: list[Term] = []
                for gs, f in ((mine, c), (theirs, d)):
                    for g in gs:
                        single = [o for o in g if len(o) == 1 and o[0].duration_turns is None]
                        if f <= 0 or not single:
                            continue
                        terms.extend(single[min(len(single) - 1, max(0, math.ceil(f * len(single)) - 1))])
                pk = _canonical(terms)
                if pk and self._package_ok(ctx, pk):
                    out.append(pk)
                    out.extend(self._short_of_deal(ctx, pk))
        return list(dict.fromkeys(out))

    def _frontier(self, ctx: Context, groups: list[list[Package]]) -> list[Package]:
        """Pareto trade-offs (integrative bargaining): value each group's options alone, then
        for several exchange rates pick per group what maximises theirs + rate × ours."""
        singles = [o for g in groups for o in g]
        evs = self.evaluate(ctx, singles)
        assert ctx.base is not None
        b = ctx.base
        gain = {e.terms: (e.mine - b.mine, e.theirs - b.theirs) for e in evs}
        rates = (0.05, 0.15, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 40.0)
        out: list[Package] = []
        for lam in rates:
            for bias in (0.0, 0.5):  # bias: a small bonus for including a term (bigger packages)
                terms: list[Term] = []
                for g in groups:
                    best, best_val = None, 0.0
                    for o in g:
                        dm, dt = gain[o]
                        val = dt + lam * dm + bias
                        if val > best_val + 1e-9:
                            best, best_val = o, val
                    if best is not None:
                        terms.extend(best)
                pk = _canonical(terms)
                if pk and self._package_ok(ctx, pk):
                    out.append(pk)
                    out.extend(self._short_of_deal(ctx, pk))
        out = list(dict.fromkeys(out))
        known = set(out)
        return out + [pk for pk in self._neighbours(ctx, groups, out) if pk not in known]

    def _neighbours(self, ctx: Context, groups: list[list[Package]], found: list[Package]) -> list[Package]:
        """Local search around the frontier: each of the first :attr:`NEIGHBOURHOOD` packages
        with one group's term changed to another of its options, or left out. The exchange
        rates find few distinct packages when the belief rules most asks out, and once those
        have been made (never twice, :meth:`made_before`) the offer must come from somewhere:
        a notch more or less on one instrument is the next trade to try."""
        made = self.made_before(ctx)
        seeds = [pk for pk in found if pk not in made][: self.NEIGHBOURHOOD]
        seeds += [pk for pk in found if pk in made][: max(0, self.NEIGHBOURHOOD - len(seeds))]
        out: list[Package] = []
        for pk in seeds:
            for g in groups:
                ids = {t.instrument for o in g for t in o}
                rest = tuple(t for t in pk if t.instrument not in ids)
                current = tuple(t for t in pk if t.instrument in ids)
                variants = [rest] if current else []  # the group left out
                variants += [(*rest, *o) for o in g if o != current]  # or another of its options
                for terms in variants:
                    n = _canonical(terms)
                    if n and n != pk and self._package_ok(ctx, n):
                        out.append(n)
        return list(dict.fromkeys(out))

    def _short_of_deal(self, ctx: Context, pk: Package) -> list[Package]:
        """Variants of a comprehensive package that stop short of one (so the game goes on),
        for levels that know a comprehensive deal ends the game."""
        if not (
            self.knows_ending(ctx) and ctx.v.scenario.end.ends_on_deal and ctx.rules.is_comprehensive(pk)
        ):
            return []
        out = []
        for req in ctx.v.scenario.end.comprehensive_deal.required_instruments:
            short = tuple(t for t in pk if t.instrument != req)
            if short != pk and short and self._package_ok(ctx, short):
                out.append(short)
        return out

    # ------------------------------------------------------------------ table
    def walk_away(self, ctx: Context) -> float:
        """Our drawn walk-away value (rule 6.3): walking out scores at least this, so no package
        worth less to us is ever accepted or offered."""
        return float(ctx.v.briefing.walk_away)

    def made_before(self, ctx: Context) -> set[Package]:
        """Packages we put on the table before that are not worth putting there again: every
        earlier offer of ours (refused, countered, lapsed or still pending) made while the
        levels and agreements were as they are now. A package is the levels it moves
        instruments to, so once the levels (orders, snap-backs) or the agreements in force
        (one signed, one broken) change, the same terms are a different proposal and may be
        made again; nothing else does (the belief about them is rebuilt from the same record
        each decision, so it cannot tell a new reading from an old one)."""
        v = ctx.v
        return {_canonical(o.terms) for o in v.offers if o.side == v.side and _unchanged_since(v, o)}

    def take_value(self, ctx: Context, e: Eval) -> tuple[float, float]:
        """How likely they are to take ``e``, as a ranking: the chance our belief gives that they
        accept it now (:meth:`OpponentModel.accept_prob`), then what it is worth to them (the
        trade-off tactic's similarity, Faratin et al. 2002)."""
        return (ctx.model.accept_prob(e.terms, e.outcome), e.theirs)

    def plan_offer(self, ctx: Context) -> tuple[Eval | None, float, list[Eval]]:
        """(the package to offer, our aspiration, everything evaluated).

        Trade-off tactic (Faratin, Sierra & Jennings 2002): among the packages about equal in
        value to us — at or above our aspiration, within :attr:`tradeoff_band` of the least of
        them — the one they are likeliest to take. A package we made before in the same
        situation is never made again (:meth:`made_before`), so when they refuse, the next
        offer is a different trade at the same value, or a concession."""
        v = ctx.v
        cands = self.candidates(ctx)
        if not cands:
            return None, 0.0, []
        evs = self.evaluate(ctx, cands)
        assert ctx.base is not None
        best = max(e.mine for e in evs)
        asp = self.aspiration(ctx, best)
        made = self.made_before(ctx)
        least = max(ctx.base.mine + 0.5, self.walk_away(ctx))
        fresh = [e for e in evs if e.terms not in made and e.mine >= least]
        ok = [e for e in fresh if e.mine >= asp]
        if not ok:
            top = max((e.mine for e in fresh), default=-math.inf)
            ok = [e for e in fresh if e.mine >= min(asp, top) - 1e-9]
        if not ok:
            return None, asp, evs
        if self.level.reply_lookahead:
            # the expert: the offer of greatest expected value through its belief — the chance
            # they take it, and what their refusal would leave us (game.ai.lookahead)
            la = lookahead.best_offer(self, ctx, fresh, asp)
            if la is not None and la.accept > lookahead.NO_CHANCE:
                return la.eval, asp, evs
            # the belief gives no package a chance: every expected value is the continuation,
            # and its tie-break would offer what is worth most to them — the plain rule picks
        floor_ok = min(e.mine for e in ok)
        band = max(1.0, self.tradeoff_band * max(0.0, best - ctx.base.mine))
        near = [e for e in ok if e.mine <= floor_ok + band]
        pick = max(near, key=lambda e: (*self.take_value(ctx, e), e.mine))
        if self.level.closing:
            # closing: their own offer, within our red lines, is the likeliest to be taken;
            # prefer it when holding out for ours would cost more than the difference
            mirrors = [
                e for e in self.evaluate(ctx, self._mirrors(ctx)) if e.terms not in made and e.mine >= least
            ]
            close = max(mirrors, key=lambda e: e.mine, default=None)
            if close is not None and close.mine >= ctx.base.mine + 0.6 * (best - ctx.base.mine):
                cost = self.delay_cost(ctx, pick)
                # before they have refused anything, our best ignores lines we cannot know yet:
                # then most of the way to it, in a package they as good as proposed, will do
                blind = not any(o.side == v.side and o.status in ("rejected", "countered") for o in v.offers)
                share = (close.mine - ctx.base.mine) / max(1e-9, best - ctx.base.mine)
                if close.mine >= min(pick.mine, asp) - cost or (blind and share >= self.closing_share):
                    return close, asp, evs
        return pick, asp, evs

    def expected_from_talks(self, ctx: Context, pick: Eval | None) -> float:
        """The best we can expect from going on talking: a package's value weighted by the
        chance they take it, and no deal otherwise (never below no deal) — the larger of two
        estimates, so that both must say the talks are hopeless before we walk:

        - by the belief: for each package we could still offer that beats our walk-away, its
          value weighted by the chance the belief gives that they accept it now
          (:meth:`OpponentModel.accept_prob`), the best of them;
        - by the record: our next package (``pick``) weighted by the chance they take one of
          our offers before the deadline, the chance of one learnt from this game's record
          (Laplace's rule of succession over our offers they answered, as in
          :meth:`expected_weeks_lost`), with an offer in every exchange of ours left."""
        v = ctx.v
        base = ctx.base.mine if ctx.base else 0.0
        made = self.made_before(ctx)
        walk = self.walk_away(ctx)
        open_ = sorted(
            (e for e in ctx.evals.values() if e.terms and e.terms not in made and e.mine >= walk),
            key=lambda e: -e.mine,
        )[:12]
        by_belief = max(
            (
                a * e.mine + (1.0 - a) * base
                for e in open_
                for a in [ctx.model.accept_prob(e.terms, e.outcome)]
            ),
            default=base,
        )
        if pick is None:  # (no exchange left this week: the best we could offer next week)
            pick = open_[0] if open_ else None
        if pick is None:
            return max(base, by_belief)
        answered = [
            o for o in v.offers if o.side == v.side and o.status in ("accepted", "rejected", "countered")
        ]
        taken = sum(1 for o in answered if o.status == "accepted")
        p = (taken + 1.0) / (len(answered) + 2.0)
        per_week = max(1, (v.scenario.end.exchanges_per_turn + 1) // 2)
        tries = max(1, (v.exchanges_left + 1) // 2) + per_week * max(0, v.deadline_turns - v.turn)
        q = 1.0 - (1.0 - p) ** tries
        return max(base, by_belief, q * pick.mine + (1.0 - q) * base)

    def walk_out(self, ctx: Context, pick: Eval | None) -> WalkOut | None:
        """Walk out (rule 5.1; rule 6.3: a side that walks out scores at least its walk-away)
        when the best we can expect from the talks (:meth:`expected_from_talks`) falls below our
        walk-away value.

        Walking is open at any time and worth the same walk-away later, while waiting keeps the
        chance that they move: so a style walks only once :attr:`walk_patience` of the talks
        has passed (or at its last word of the game), and they have refused us at least twice
        (before that the record says nothing of the chance they take an offer) or we have
        nothing left to offer that is worth our walk-away. It never walks on the opening of a
        game. A level whose projections stop short of the deadline (:attr:`Level.horizon`) values
        packages at its horizon, which is no match for a final score like the walk-away: it
        walks only once its horizon reaches the end. A level that does not walk out
        (:attr:`Level.walks_out`: easy) never does."""
        v = ctx.v
        if not self.level.walks_out:
            return None
        walk = self.walk_away(ctx)
        refused = sum(1 for o in v.offers if o.side == v.side and o.status in ("rejected", "countered"))
        last_word = v.turn >= v.deadline_turns and v.exchanges_left <= 1
        stuck = pick is None and v.exchanges_left > 0  # nothing left to offer worth our walk-away
        if (refused < 2 and not stuck) or (ctx.t < self.walk_patience and not last_word):
            return None
        if v.turn >= v.deadline_turns and not last_word:
            return None  # the last week: nothing is lost by trying to its last word
        h = self.level.horizon
        if h is not None and h < v.deadline_turns - v.turn + 1:
            return None  # our projections stop short of the end: no match for a final score
        expected = self.expected_from_talks(ctx, pick)
        if expected >= walk - 1e-9:
            return None
        base = ctx.base.mine if ctx.base else 0.0
        return WalkOut(side=v.side, reasons=explain.walk_out_reasons(expected, base, walk))

    def propose(self, ctx: Context) -> list[Action]:
        v = ctx.v
        if v.exchanges_left <= 0:
            return [EndTalks(side=v.side, reasons=(Reason(kind=ReasonKind.NO_OFFERS_LEFT),))]
        pick, _asp, _ = self.plan_offer(ctx)
        if ctx.base is None:
            self.evaluate(ctx, [])
        base = ctx.base.mine if ctx.base else 0.0
        walk = self.walk_out(ctx, pick)
        if walk is not None:
            return [walk]
        if pick is None:
            return [EndTalks(side=v.side, reasons=(Reason(kind=ReasonKind.NOTHING_BEATS_NO_DEAL),))]
        why = explain.offer_reasons(ctx.rules, v, pick.terms, pick.mine, base)
        return [Propose(side=v.side, terms=pick.terms, reasons=why)]

    def respond(self, ctx: Context) -> list[Action]:
        v, rules = ctx.v, ctx.rules
        offer = v.pending_offer
        assert offer is not None
        (ev,) = self.evaluate(ctx, [offer.terms])
        base = ctx.base.mine if ctx.base else 0.0
        # a package across our red lines cannot be accepted (rule 3.6): say which line
        crossed = self._crossed(ctx, offer)
        if crossed:
            pick = self.plan_offer(ctx)[0] if v.exchanges_left > 0 else None
            walk = self.walk_out(ctx, pick)
            if walk is not None:
                return [walk]
            return self._decline(ctx, explain.red_line_reasons(rules, v, crossed, self.bluff), pick)
        pick, asp, evs = self.plan_offer(ctx) if v.exchanges_left > 0 else (None, 0.0, [])
        if not evs:
            cands = self.candidates(ctx)
            evs = self.evaluate(ctx, cands) if cands else []
            best = max([e.mine for e in evs] + [ev.mine])
            asp = self.aspiration(ctx, best)
        if self.accepts(ctx, offer, ev, asp, pick):
            accept = Accept(side=v.side, reasons=explain.accept_reasons(rules, v, offer.terms, ev.mine, base))
            nib = self.nibble(ctx, offer, ev)
            if nib is not None:
                nibbled = explain.nibble_reasons(rules, v, offer.terms, nib.terms)
                offered = explain.offer_reasons(rules, v, nib.terms, nib.mine, base)  # (its offer part)
                return [Counter(side=v.side, terms=nib.terms, reasons=nibbled + offered), accept]
            return [accept]
        walk = self.walk_out(ctx, pick)
        if walk is not None:
            if ev.mine >= max(base + 0.5, self.walk_away(ctx)):
                # what they offer now beats walking out, and the talks promise no better: take it
                return [
                    Accept(side=v.side, reasons=explain.accept_reasons(rules, v, offer.terms, ev.mine, base))
                ]
            return [walk]
        if ctx.model.breaches and ev.mine >= base + 0.5:
            why: tuple[Reason, ...] = (Reason(kind=ReasonKind.BREACH, turn=max(ctx.model.breaches)),)
        else:
            deciding = self.deciding_term(ctx, offer, ev, pick)
            why = explain.shortfall_reasons(
                rules, v, ev.outcome, offer.terms, deciding, guess=pick is None or v.exchanges_left <= 0
            )
            if ev.mine < base + 0.5:
                no_better = Reason(
                    kind=ReasonKind.NO_BETTER_THAN_NO_DEAL, private=Private(score=ev.mine, no_deal=base)
                )
                why = (*why, no_better)
        return self._decline(ctx, why, pick)

    def deciding_term(self, ctx: Context, offer: Offer, ev: Eval, pick: Eval | None) -> str | None:
        """The instrument that decided our refusal of ``offer``: of the single-instrument changes
        that take their package towards ours, the one that raises its value to us the most
        (one batched evaluation). With a counter (``pick``) the changes are those of our
        counter — each instrument of their offer set to our counter's level — so the term we
        blame is one our counter moves; without one, each term they ask of us halved back
        towards where it is, and each term of theirs pushed halfway further our way."""
        v, rules = ctx.v, ctx.rules
        theirs = {t.instrument: t for t in offer.terms}
        variants: dict[str, Package] = {}
        if pick is not None:
            ours = {t.instrument: t for t in pick.terms}
            for iid in sorted(set(theirs) | set(ours)):
                a, b = theirs.get(iid), ours.get(iid)
                a_val = a.value if a is not None else v.levels.get(iid)
                b_val = b.value if b is not None else v.levels.get(iid)
                if a_val is None or b_val is None or abs(a_val - b_val) < 1e-9:
                    continue
                rest = [t for t in offer.terms if t.instrument != iid]
                variants[iid] = _canonical([*rest, b] if b is not None else rest)
        else:
            for t in offer.terms:
                ins = rules.instruments[t.instrument]
                cur = v.levels[ins.id]
                if ins.owner == v.side:
                    x = _snap(ins, cur + 0.5 * (t.value - cur))
                else:
                    x = _snap(ins, t.value + 0.5 * (friendly_extreme(ins) - t.value))
                if abs(x - t.value) < 1e-9:
                    continue
                rest = [u for u in offer.terms if u.instrument != t.instrument]
                if abs(x - cur) > 1e-9:
                    rest.append(t.model_copy(update={"value": x}))
                variants[t.instrument] = _canonical(rest)
        variants = {k: pk for k, pk in variants.items() if pk}
        if not variants:
            return None
        evs = self.evaluate(ctx, list(variants.values()))
        gains = {iid: e.mine - ev.mine for iid, e in zip(variants, evs, strict=True)}
        iid = max(sorted(gains), key=lambda k: gains[k])
        # with a counter, the term blamed is always one it moves (even when no single change
        # alone is enough); without, only a change that helps is blamed
        return iid if pick is not None or gains[iid] > 1e-6 else None

    def accepts(self, ctx: Context, offer: Offer, ev: Eval, asp: float, pick: Eval | None) -> bool:
        """Acceptance conditions (Baarslag et al. 2014) on top of 'better than no deal'."""
        v = ctx.v
        base = ctx.base.mine if ctx.base else 0.0
        if ev.mine < base + 0.5 or ev.mine < self.walk_away(ctx):
            return False  # no better than no deal, or than walking out (rule 6.3)
        last_chance = v.turn >= v.deadline_turns and v.exchanges_left <= 0
        if last_chance:
            return True  # the last word of the game: anything better than no deal
        need = asp + (self.breach_premium if ctx.model.breaches else 0.0)
        if ev.mine >= need:
            return True
        p_pick: float | None = None  # the chance the belief gives that they take our counter
        if self.level.reply_lookahead and pick is not None:
            (la,) = lookahead.expectations(self, ctx, [pick], asp)
            if ev.mine >= la.value:
                return True  # worth what our best counter can be expected to bring (AC_next in expectation)
            p_pick = la.accept
        cond = self.level.acceptance
        if cond in ("next", "combi") and pick is not None and ev.mine >= pick.mine:
            return True  # AC_next: it is worth at least what we would offer next
        if cond in ("next", "combi"):
            own = self._own_offer_within_lines(ctx)
            if own is not None and ev.mine >= own.mine - 0.25:
                return True  # our own last package, short only of the lines they named
        if cond == "combi" and pick is not None and ev.mine >= pick.mine - self.delay_cost(ctx, pick, p_pick):
            return True  # waiting for our counter to pass may cost a week of recovery: take this now
        if cond == "combi" and ctx.t >= 0.8:
            theirs = [o for o in v.offers if o.side == v.other and o.id != offer.id]
            seen = [e.mine for e in self.evaluate(ctx, [o.terms for o in theirs])] if theirs else []
            if ev.mine >= max(seen, default=-math.inf):
                return True  # AC_combi(MAX): near the end, the best they have offered
        return False

    def nibble(self, ctx: Context, offer: Offer, ev: Eval) -> Eval | None:
        """The nibble: an acceptable offer, improved for us in one small respect, when the week
        leaves room for them to answer and for us to accept what they answer.

        Their offer shows roughly what they would settle for; one notch more on a single
        instrument costs them little by our model of them, so they are likely to take it, and
        if they refuse, their counter can still be accepted this week. (Expert level only.)
        """
        v = ctx.v
        if (
            not self.level.nibble
            or v.exchanges_left < 2
            or v.turn >= v.deadline_turns  # no week left to lose: take what is acceptable
            or ctx.model.guessed is None
        ):
            return None
        variants: list[Package] = []
        made = self.made_before(ctx)
        groups = {g[0][0].instrument: g for g in self.groups(ctx)}
        for t in offer.terms:
            g = groups.get(t.instrument)
            if g is None or t.duration_turns is not None or t.start_after_turns:
                continue
            ins = ctx.rules.instruments[t.instrument]
            toward_us = -friendly_sign(ins) if ins.owner == v.side else friendly_sign(ins)
            # one notch: the next rung of the ladder beyond their offer, in our favour (giving
            # a little less of ours, or asking a little more of theirs); no new asks
            rungs = [
                o[0].value
                for o in g
                if len(o) == 1 and o[0].duration_turns is None and (o[0].value - t.value) * toward_us > 1e-9
            ]
            if not rungs:
                continue
            x = min(rungs, key=lambda r: abs(r - t.value))
            terms = [u for u in offer.terms if u.instrument != t.instrument]
            if abs(x - v.levels[t.instrument]) > 1e-9:
                terms.append(Term(instrument=t.instrument, value=x))
            pk = _canonical(terms)
            if pk and self._package_ok(ctx, pk) and pk not in made:
                variants.append(pk)
        if not variants:
            return None
        evs = self.evaluate(ctx, variants)
        best: Eval | None = None
        for e in evs:
            gain, cost = e.mine - ev.mine, ev.theirs - e.theirs
            if gain < 0.75 or cost > 0.5 * gain or cost > 1.5:
                continue
            if best is None or gain - cost > (best.mine - ev.mine) - (ev.theirs - best.theirs):
                best = e
        return best

    def _own_offer_within_lines(self, ctx: Context) -> Eval | None:
        """Our latest package, with each ask they refused by naming a line cut back to what
        they have offered on that instrument themselves: what our own offer becomes once it
        respects what they told us they cannot do."""
        v, m = ctx.v, ctx.model
        ours = last_offer(v, v.side)
        if ours is None or not m.blocks:
            return None
        terms: list[Term] = []
        changed = False
        for t in ours.terms:
            ins = ctx.rules.instruments[t.instrument]
            b = m.blocks.get(t.instrument)
            if (
                ins.owner == v.other
                and b is not None
                and b.explicit
                and (t.value - b.safe) * friendly_sign(ins) > 1e-9
            ):
                changed = True
                if abs(b.safe - v.levels[ins.id]) > 1e-9:
                    terms.append(t.model_copy(update={"value": b.safe}))
            else:
                terms.append(t)
        pk = _canonical(terms)
        if not changed or not pk or not self._package_ok(ctx, pk):
            return None
        (ev,) = self.evaluate(ctx, [pk])
        return ev

    def delay_cost(self, ctx: Context, pick: Eval, p: float | None = None) -> float:
        """What holding out for our planned package would cost us: a week's delay of it
        (projected with its terms phased in one turn later) times the weeks a refusal is
        expected to cost (:meth:`expected_weeks_lost`; ``p``: the chance they take it, when
        the lookahead has one)."""
        return self.week_of_delay(ctx, pick) * self.expected_weeks_lost(ctx, p)

    def week_of_delay(self, ctx: Context, pick: Eval) -> float:
        """What one week's delay of a package costs us (projected with its terms phased in one
        turn later; 0 for levels that do not follow the schedule of terms)."""
        if not self.level.schedule or pick.terms == ():
            return 0.0
        later = tuple(t.model_copy(update={"start_after_turns": t.start_after_turns + 1}) for t in pick.terms)
        (ev,) = self.evaluate(ctx, [later])
        return max(0.0, pick.mine - ev.mine)

    def expected_weeks_lost(self, ctx: Context, p_model: float | None = None) -> float:
        """Weeks we expect to lose holding out for our own package instead of taking theirs.

        The chance ``p`` that they take an offer of ours is learnt from this game's record
        (Laplace's rule of succession over our offers they answered); a refusal costs the
        rest of this week if our counter would be the week's last word, half of it otherwise,
        and each further week is another try (geometric, capped at the weeks left)."""
        v = ctx.v
        answered = [
            o for o in v.offers if o.side == v.side and o.status in ("accepted", "rejected", "countered")
        ]
        taken = sum(1 for o in answered if o.status == "accepted")
        p = (taken + 1.0) / (len(answered) + 2.0)
        if p_model is not None:
            # the lookahead's chance for this very package (the belief, calibrated against the
            # same record) knows more than the record of other packages: a side that refused
            # every ask may still take the one that meets it
            p = min(1.0, max(p, p_model))
        first = 1.0 if v.exchanges_left <= 1 else 0.5
        weeks = first * (1.0 - p) + (1.0 - p) / p * (1.0 - p)
        return min(weeks, float(max(1, v.deadline_turns - v.turn)))

    def _decline(self, ctx: Context, why: tuple[Reason, ...], pick: Eval | None = None) -> list[Action]:
        v = ctx.v
        out: list[Action] = []
        if v.exchanges_left > 0:
            if pick is None:
                pick, _, _ = self.plan_offer(ctx)
            if pick is not None:
                base = ctx.base.mine if ctx.base else 0.0
                counter = explain.offer_reasons(ctx.rules, v, pick.terms, pick.mine, base)
                out.append(Counter(side=v.side, terms=pick.terms, reasons=why + counter))
        out.append(Reject(side=v.side, reasons=why))
        return out

    def _crossed(self, ctx: Context, offer: Offer) -> list[RedLine]:
        """Our red lines this offer would cross anew (rule 3.6: then we cannot accept it)."""
        rules, v = ctx.rules, ctx.v
        after = rules.package_levels(v.levels, offer.terms)
        before = set(rules.crossed_red_lines(v.side, v.levels))
        new = [i for i in rules.crossed_red_lines(v.side, after) if i not in before]
        return [r for r in v.briefing.red_lines if r.id in new]

    # ----------------------------------------------------------------- orders
    def orders(self, ctx: Context) -> SubmitOrders:
        """Reciprocity in the orders phase (Axelrod 1984): styles tune the knobs."""
        v, rules = ctx.v, ctx.rules
        escalated, eased = their_last_moves(rules, v)
        head = my_headline(rules, v)
        moves: dict[str, float] = {}
        why = Reason(kind=ReasonKind.NO_MOVES)
        statement = self.calm_statement
        if (escalated or ctx.model.breaches_last_turn(v)) and self.retaliation > 0 and head is not None:
            pts = max(escalated, 5.0) * self.retaliation
            new = self._move_to(ctx, head, v.levels[head.id] + pts * -friendly_sign(head))
            if new is not None:
                moves[head.id] = new
                why = Reason(kind=ReasonKind.ANSWER_ESCALATION, instrument=head.id, level=new)
            statement = self.provoked_statement
        elif eased and self.reciprocates_easing and head is not None:
            new = self._move_to(ctx, head, v.levels[head.id] + eased * friendly_sign(head))
            if new is not None:
                moves[head.id] = new
                why = Reason(kind=ReasonKind.MATCH_EASING, instrument=head.id, level=new)
        else:
            extra = self.goodwill(ctx, head)
            if extra:
                moves.update(extra)
                iid, val = next(iter(extra.items()))
                why = Reason(kind=ReasonKind.GOODWILL, instrument=iid, level=val)
        return self._finish_orders(ctx, moves, statement, why)

    def goodwill(self, ctx: Context, head: Instrument | None) -> dict[str, float]:
        return {}

    def _finish_orders(
        self, ctx: Context, moves: dict[str, float], statement: Statement, why: Reason
    ) -> SubmitOrders:
        v, rules = ctx.v, ctx.rules
        cost = rules.orders_cost_levels(v.levels, moves, statement)
        if cost > v.political_capital + 1e-9:
            statement = "none"
            cost = rules.orders_cost_levels(v.levels, moves, statement)
        if cost > v.political_capital + 1e-9:
            moves = {}
            why = Reason(kind=ReasonKind.NO_CAPITAL)
        said = (Reason(kind=ReasonKind.STATEMENT, statement=statement),) if statement != "none" else ()
        return SubmitOrders(side=v.side, moves=moves, statement=statement, reasons=(why, *said))

    def _move_to(self, ctx: Context, ins: Instrument, target: float) -> float | None:
        """A legal level for a unilateral move towards ``target``: in range, on a step, within
        our political capital and not breaking any agreement in force."""
        v, rules = ctx.v, ctx.rules
        cur = v.levels[ins.id]
        value = _snap(ins, min(ins.max, max(ins.min, target)))
        lo, hi = _agreement_bounds(v, ins)
        value = min(hi, max(lo, value))
        rl = _red_line_limits(ins, v.briefing.red_lines, cur)
        if rl is not None:
            value = min(rl[1], max(rl[0], value))
        afford = v.political_capital - 2.0
        if ins.cost > 0 and rules.move_cost(ins, cur, value) > afford:
            steps = max(0, math.floor(afford / ins.cost))
            value = _snap(ins, cur + math.copysign(steps * ins.step, value - cur))
        if abs(value - cur) < 1e-9:
            return None
        return value


# ----------------------------------------------------------------------- helpers
def rules_for(v: View) -> Rules:
    """Rules for the view's (public) scenario, built from it each time.

    Rules are stateless and cheap to build (about 10 µs: tables of the scenario's
    instruments and the economy's parameters, whose derived matrices the economy
    memoises by value), far cheaper than hashing the scenario to look them up (about
    300 µs), so no cache is kept: nothing shared between decisions or threads.
    """
    return Rules(v.scenario)


def _econ_fingerprint(v: View) -> str:
    h = hashlib.blake2b(digest_size=12)
    for name in sorted(vars(v.econ)):
        arr = getattr(v.econ, name)
        if isinstance(arr, np.ndarray):
            h.update(np.ascontiguousarray(arr).tobytes())
    return h.hexdigest()


def shadow_state(v: View) -> GameState:
    """A state with what the view knows, enough for :meth:`Rules.check` of this side's actions."""
    sides = {s: SideState() for s in v.scenario.side_ids}
    me = sides[v.side]
    me.political_capital = v.political_capital
    me.orders = dict(v.my_orders) if v.my_orders is not None else None
    if v.other_submitted:
        sides[v.other].orders = {}
    offers = list(v.offers)
    pending = v.pending_offer.id if v.pending_offer is not None else None
    mover = None
    if v.phase == "table":
        mover = v.side if v.my_move else v.other
    return GameState(
        seed=0,
        turn=v.turn,
        phase=v.phase,
        levels=dict(v.levels),
        sides=sides,
        econ=v.econ,
        meters=v.meters,
        shared=v.shared,
        trust_pct=v.shared.get("trust_pct", 0.0),
        table_mover=mover,
        pending_offer=pending,
        exchanges_used=v.scenario.end.exchanges_per_turn - v.exchanges_left,
        offers=offers,
        agreements=list(v.agreements),
    )


def _unchanged_since(v: View, offer: Offer) -> bool:
    """Whether the table is as it was when ``offer`` was made: the same levels (those the talks
    of its turn started from: the end of the turn before) and no agreement signed (on a later
    offer), broken or snapped back since."""
    turn = offer.turn
    if turn < v.turn:
        rec = next((h for h in v.history if h.turn == turn - 1), None)
        if rec is None:
            return False
        if any(abs(rec.instruments.get(k, x) - x) > 1e-9 for k, x in v.levels.items()):
            return False
    if any(a.offer_id > offer.id for a in v.agreements):
        return False
    return not any(n.kind in ("breach", "snap_back") and n.turn >= turn for n in v.news)


def _snap(ins: Instrument, x: float) -> float:
    k = round((x - ins.min) / ins.step)
    return round(min(ins.max, max(ins.min, ins.min + k * ins.step)), 9)


def _canonical(terms: Sequence[Term]) -> Package:
    seen: dict[str, Term] = {}
    for t in terms:
        seen[t.instrument] = t
    return tuple(sorted(seen.values(), key=lambda t: t.instrument))


def _red_line_limits(ins: Instrument, red_lines: Sequence[RedLine], cur: float) -> tuple[float, float] | None:
    """The range our own red lines allow this instrument (None if unconstrained)."""
    lo, hi = ins.min, ins.max
    hit = False
    for rl in red_lines:
        if rl.instrument != ins.id:
            continue
        hit = True
        if rl.op in (">=", ">", "=="):
            lo = max(lo, rl.value + (ins.step if rl.op == ">" else 0.0))
        if rl.op in ("<=", "<", "=="):
            hi = min(hi, rl.value - (ins.step if rl.op == "<" else 0.0))
    if not hit:
        return None
    # a line already crossed does not bind (rule 3.5 forbids only crossing it anew)
    if cur < lo - 1e-9 or cur > hi + 1e-9:
        return None
    return lo, hi


def _agreement_bounds(v: View, ins: Instrument) -> tuple[float, float]:
    """Levels our agreements in force allow (moving beyond them would be a breach, rule 4.3)."""
    lo, hi = ins.min, ins.max
    for ag in v.active_agreements:
        for bt in ag.terms:
            if bt.instrument != ins.id or bt.owner != v.side or not getattr(bt, "active", True):
                continue
            if bt.until_turn is not None and bt.until_turn < v.turn:
                continue
            if bt.bound == "at_most":
                hi = min(hi, bt.value)
            else:
                lo = max(lo, bt.value)
    return lo, hi


def generosity(rules: Rules, v: View, terms: Sequence[Term]) -> float:
    """How far a package moves instruments in the other side's favour, net (instrument ranges = 1)."""
    g = 0.0
    for t in terms:
        ins = rules.instruments[t.instrument]
        frac = (t.value - v.levels[ins.id]) * friendly_sign(ins) / max(1e-9, ins.max - ins.min)
        g += frac if ins.owner == v.side else -frac
    return g


def their_last_moves(rules: Rules, v: View) -> tuple[float, float]:
    """(points escalated, points eased) by the other side on instruments aimed at us last turn,
    in units of our headline instrument's step-equivalent points."""
    if len(v.history) < 2:
        return 0.0, 0.0
    prev, last = v.history[-2], v.history[-1]
    up = down = 0.0
    for ins in rules.scenario.instruments:
        if ins.owner != v.other or ins.target != v.side or not ins.player_controlled:
            continue
        if rules.kinds[ins.id].suspends:
            continue
        d = last.instruments.get(ins.id, 0.0) - prev.instruments.get(ins.id, 0.0)
        # was it their order (not an agreement's term or a snap-back)?
        ordered = any(
            n.kind == "order" and n.side == v.other and n.headline == ins.id and n.turn == last.turn
            for n in v.news
        )
        if abs(d) < 1e-12 or not ordered:
            continue
        pts = abs(d) if ins.unit == "pct" else 10.0 * abs(d) / max(1e-9, ins.max - ins.min)
        if d * friendly_sign(ins) < 0:
            up += pts
        else:
            down += pts
    return up, down


def my_headline(rules: Rules, v: View) -> Instrument | None:
    tariffs = [
        i
        for i in rules.scenario.instruments
        if rules.kinds[i.id].channel == "tariff"
        and i.owner == v.side
        and i.target == v.other
        and i.player_controlled
    ]
    return max(tariffs, key=lambda i: i.share * i.max, default=None)


def describe_side(v: View, side: str) -> str:
    return tr(v.scenario.side(side).name)


__all__ = ["Context", "Eval", "Negotiator", "shadow_state"]
