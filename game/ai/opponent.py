"""What an AI infers about the other side — from the public record only.

The other side's briefing (objectives, red lines, walk-away) is private and never in
this side's :class:`~game.engine.View`. What *is* public: every offer on the table
with the public part of its reasons and of the answer's reasons (structured data,
:mod:`game.engine.reasons`; never prose), the instrument levels turn by turn, the news
(orders, statements, breaches), the agreements and, with hidden types (rule 7.3), the
other side's **public prior** (``View.other_prior``: objectives with weight and target
ranges, red lines with level ranges, the walk-away range, the faction's strength).

**The belief** (hard and expert): a weighted set of :data:`N_TYPES` particles — briefings
drawn from the public prior with a generator seeded from public data only (the scenario's
id and the two sides' ids: never the game seed, so never the other side's draw), plus the
prior's middle — whose weights are updated by Bayes' rule from every observation, after
Hindriks & Tykhonov (2008), "Opponent modelling in automated multi-issue negotiation using
Bayesian learning" (AAMAS), and the frequency models of Baarslag, Hendrikx, Hindriks &
Jonker (2016), "Learning about the opposition in bilateral multi-issue negotiation: a survey
of opponent modeling techniques" (JAAMAS 30). Without a prior the particles are the guessed
briefing of public facts (below) with its weights jittered, and no red lines or walk-away.

A type's value of a package is its score (``score_briefing``, vectorised over types) of the
package's projected :class:`~game.ai.planner.Outcome`; its *threshold* is the larger of its
walk-away and its value of no deal. The likelihoods (:data:`TEMPERATURE` points is the
logistic temperature of every value gap; no factor falls below :data:`FLOOR`, so the
approximations below never rule a type out — only a crossed red line does, nearly):

- **their offers and counters**: likelier for a type that values its own offer above its
  threshold (by :data:`OFFER_MARGIN`) and, for a counter, at least as much as the offer of
  ours it refused; a type whose red line their own offer crosses is (all but) impossible
  (rule 3.6 forbids proposing across one's line);
- **their answers to our offers**: a rejection (with or without a reason) is certain for a
  type whose line the offer crosses, else likelier the further the offer falls below the
  type's threshold; an acceptance needs the offer at or above the threshold and across no
  line. A reason naming one of *their* instruments as the term that decided it ("too far on
  X", a red line on X, X holding an objective back) makes the types whose line on X lies
  before the asked level likelier (and, for a red-line reason with a level — a coarse public
  bound — those whose line is near it); one naming one of *ours* makes the types with more
  weight on it likelier;
- **concessions over time** (frequency analysis): an ask of ours they keep in their offers is
  worth more to them, one they drop readily less (the types' weight on it, as z-scores);
- **unilateral moves and statements**: escalations and firm or threatening statements make a
  tough type (high walk-away) likelier, easings and conciliatory statements a softer one.

Past packages are projected **from the current view** in one batch (an approximation: the
economy has moved on since they were on the table); an accepted offer is compared with its
instruments put back where they were when it was offered. The negotiator reads the belief
through :meth:`OpponentModel.their_value`, :meth:`~OpponentModel.type_values`,
:meth:`~OpponentModel.accept_prob` and :meth:`~OpponentModel.walk_away_estimate`;
:attr:`OpponentModel.guessed` is the belief's weighted-mean briefing.

Besides the belief, the model keeps its rules of thumb:

- **blocks** (their suspected red lines): a term they refused while naming it as the
  term that decided (a red line, the instrument holding an objective back, a human's
  "too far on …"), or (stronger levels) a term that keeps getting refused while their
  own offers never move it. A block is a limit beyond which asks are not made; between
  the level they have conceded themselves and the refused level the model probes the
  middle (a binary search on the hidden line) — and, at the top level, asks short of a
  red-line reason's public rough bound;
- **caps from silent refusals** (normal and up): once they have conceded part of an
  instrument (in their own offers or in agreements) and then refused an offer of ours asking
  more of it — with or without a reason — they are not asked beyond what they conceded on it
  again, until they offer more of it themselves (then one more ask beyond is allowed). This is
  what makes a human's plain Reject understood;
- **the belief's lines** (hard and up): no ask is made that would cross the other side's red
  line in :data:`LINE_BLOCK_PROB` of the belief (with a public prior, a line every type shares
  is never asked across);
- **priorities** (preference modelling, frequency analysis): which of our
  instruments they keep asking for, which of theirs they concede readily;
- **trust and breaches**: agreements they broke, their escalations and
  de-escalations; a breach is remembered (for ``memory_turns``) and costs trust.

``quality`` is the level's opponent-modelling capability: 0 none; 1 explicit reasons and caps
from silent refusals; 2 + refusal patterns, halving, and the belief over the prior; 3 + a named line's
public bound as a limit and learned priorities.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from game.ai.planner import Outcome, Plan, project
from game.engine.actions import Term
from game.engine.hidden_types import DRAW_DECIMALS, grid_points, guess_from_prior
from game.engine.reasons import KINDS, Reason, ReasonKind, named_instruments
from game.engine.rules import Rules
from game.engine.scoring import objective_value
from game.engine.state import Offer
from game.engine.view import View
from game.registry import instruments as kind_registry
from game.scenario.models import Briefing, Instrument, Objective, Op, Prior, RedLine

#: the modelling quality that takes a named red line's public bound as the limit of asks
EXACT_LINE_QUALITY = 3
#: the modelling quality that bisects between what they conceded and what they refused
BISECT_QUALITY = 2
#: the modelling quality that caps asks at what they conceded once they refused more (silently)
CAP_QUALITY = 1
#: the modelling quality that keeps a belief over the other side's type
BELIEF_QUALITY = 2

#: particles drawn from the prior (the prior's middle is one more)
N_TYPES = 64
#: score points: the temperature of the logistic likelihoods of value gaps
TEMPERATURE = 3.0
#: the power of the value-based and reason likelihoods (a tempered posterior: the projections are rough,
#: and one observation's evidence repeats in the next; keeps the few particles from collapsing)
VALUE_POWER = 0.5
#: score points a type's own offer is expected to clear its threshold by
OFFER_MARGIN = 1.0
#: no single observation's likelihood falls below this (the model's approximations)
FLOOR = 0.05
#: the likelihood of proposing or accepting across one's own red line (rule 3.6: never)
CROSSED = 1e-4
#: a refusal reason naming X, for a type whose line on X the ask does not cross
REASON_MISS = 0.35
#: a red-line reason's public bound, for a type whose line does not lie before it (a bluff)
BLUFF = 0.3
#: pull of a reason naming one of our instruments, on the types' z-scored weight on it
REASON_PULL = 0.5
#: pull of the frequency of their asks, on the types' z-scored weight on the instrument
FREQ_PULL = 0.6
#: pull of an escalation or easing (half for a statement), on the z-scored walk-away
MOVE_PULL = 0.3
#: asks that would cross the other side's line in this share of the belief are not made
LINE_BLOCK_PROB = 0.95
#: the ask probed on an instrument with a line of theirs: crossing it in at most this share
PROBE_PROB = 0.5
#: an ask beyond the binary search's middle stays open when it crosses their line in at most
#: this share of the belief (the line's public prior puts it further)
SAFE_ASK_PROB = 0.1
#: the latest answered offers whose packages are projected and valued (older ones count
#: through the red lines they cross only)
MAX_VALUED = 12
#: the likelihood of refusing an older (unvalued) offer across no line of the type
UNVALUED_REFUSAL = 0.5
#: jitter (log-normal s.d.) of the guessed briefing's weights without a prior
JITTER = 0.35


def friendly_sign(ins: Instrument) -> int:
    """The direction (+1 up, -1 down) in which ``ins`` moves in its *target's* favour."""
    return kind_registry.kind_of(ins).concession


def friendly_extreme(ins: Instrument) -> float:
    return kind_registry.friendliest(ins)


@dataclass(frozen=True)
class Block:
    """Asks on ``instrument`` at or beyond ``limit`` (in the asking direction) are refused."""

    instrument: str
    limit: float
    safe: float  # a level they have conceded themselves (or the current level)
    explicit: bool  # named in a refusal's reasons (else inferred from a pattern)
    exact: bool = False  # asks stop at ``safe`` (the line's level from reasons, or a silent refusal's cap)


def _holds(level: float | np.ndarray, op: Op, ref: np.ndarray) -> np.ndarray:
    """Rule 3.5's comparison (as the rules make it), vectorised over the types' line levels."""
    if op == ">=":
        return np.asarray(level >= ref - 1e-9)
    if op == "<=":
        return np.asarray(level <= ref + 1e-9)
    if op == ">":
        return np.asarray(level > ref)
    if op == "<":
        return np.asarray(level < ref)
    return np.asarray(np.abs(level - ref) <= 1e-9)


@dataclass(frozen=True)
class Line:
    """One red line of the other side's, its level per type."""

    red_line: RedLine
    values: np.ndarray  # (K,)


@dataclass
class Belief:
    """A weighted set of types of the other side (particles over its public prior)."""

    template: Briefing  # the structure: objectives, red lines (numbers replaced per type)
    objectives: tuple[Objective, ...]
    baseline: np.ndarray  # (J,)
    weight: np.ndarray  # (K, J)
    target: np.ndarray  # (K, J)
    walk_away: np.ndarray  # (K,)
    faction: np.ndarray  # (K,)
    lines: tuple[Line, ...]
    w: np.ndarray  # (K,) normalised
    base_values: np.ndarray | None = None  # (K,) each type's value of no deal

    @property
    def k(self) -> int:
        return int(self.w.shape[0])

    def values_of(self, outcomes: Sequence[Outcome]) -> np.ndarray:
        """(N, K): each type's score (rule 6.1) of each outcome, in one numpy batch."""
        x = np.array(
            [
                [objective_value(o, out.levels, out.meters, out.shared) for o in self.objectives]
                for out in outcomes
            ],
            dtype=float,
        ).reshape(len(outcomes), len(self.objectives))
        span = self.target - self.baseline  # (K, J); never 0 (validated)
        c = np.clip((x[:, None, :] - self.baseline[None, None, :]) / span[None, :, :], 0.0, 1.0)
        tot = self.weight.sum(axis=1)  # (K,)
        return 100.0 * (c * self.weight[None, :, :]).sum(axis=2) / tot[None, :]

    def crosses(self, before: dict[str, float], terms: Sequence[Term]) -> np.ndarray:
        """(K,) bool: the package crosses one of the type's red lines anew (rule 3.5)."""
        after = {t.instrument: float(t.value) for t in terms}
        out = np.zeros(self.k, dtype=bool)
        for ln in self.lines:
            iid = ln.red_line.instrument
            if iid not in after:
                continue
            b = before.get(iid, 0.0)
            out |= ~_holds(after[iid], ln.red_line.op, ln.values) & _holds(b, ln.red_line.op, ln.values)
        return out

    def line_cross_prob(self, iid: str, current: float, value: float) -> float:
        """The belief's probability that asking ``value`` of ``iid`` crosses their line."""
        hit = np.zeros(self.k, dtype=bool)
        for ln in self.lines:
            if ln.red_line.instrument == iid:
                hit |= ~_holds(value, ln.red_line.op, ln.values) & _holds(current, ln.red_line.op, ln.values)
        return float(self.w[hit].sum())

    def median_ask(self, ins: Instrument, current: float, prob: float = PROBE_PROB) -> float | None:
        """The furthest level of ``ins`` (from ``current``, on its steps, towards what its target
        wants) that crosses their line in at most ``prob`` of the belief (:data:`PROBE_PROB`);
        None when no line of theirs is on it or no step qualifies."""
        lines = [ln for ln in self.lines if ln.red_line.instrument == ins.id]
        if not lines:
            return None
        d = friendly_sign(ins)
        n = round(abs(friendly_extreme(ins) - current) / ins.step)
        if n <= 0:
            return None
        values = np.round(current + d * ins.step * np.arange(1, n + 1), 9)
        hit = np.zeros((n, self.k), dtype=bool)
        for ln in lines:
            op, lv = ln.red_line.op, ln.values[None, :]
            hit |= ~_holds(values[:, None], op, lv) & _holds(current, op, lv)
        ok = np.nonzero(hit.astype(float) @ self.w <= prob + 1e-12)[0]
        return float(values[ok[-1]]) if ok.size else None

    def stake(self, iid: str) -> np.ndarray:
        """(K,) each type's weight share on objectives about instrument ``iid``."""
        cols = [j for j, o in enumerate(self.objectives) if o.instrument == iid]
        if not cols:
            return np.zeros(self.k)
        return self.weight[:, cols].sum(axis=1) / self.weight.sum(axis=1)

    def mean_briefing(self, rules: Rules) -> Briefing:
        """The belief's weighted mean as a briefing (red lines on their instruments' steps)."""
        w = self.w
        objs = [
            o.model_copy(
                update={"weight": float(w @ self.weight[:, j]), "target": float(w @ self.target[:, j])}
            )
            for j, o in enumerate(self.objectives)
        ]
        red = []
        for ln in self.lines:
            rl = ln.red_line
            m = float(w @ ln.values)
            ins = rules.instruments.get(rl.instrument)
            if ins is not None:
                m = round(ins.min + round((m - ins.min) / ins.step) * ins.step, 9)
            red.append(rl.model_copy(update={"value": m}))
        return self.template.model_copy(
            update={
                "objectives": objs,
                "red_lines": red,
                "walk_away": float(w @ self.walk_away),
                "faction_strength": float(w @ self.faction),
            }
        )


@dataclass
class OpponentModel:
    quality: int
    blocks: dict[str, Block] = field(default_factory=dict)
    ask_weight: dict[str, float] = field(default_factory=dict)  # our instruments -> how much they want them
    conceded: dict[str, float] = field(
        default_factory=dict
    )  # their instruments -> furthest level they offered
    guessed: Briefing | None = None
    breaches: list[int] = field(default_factory=list)  # turns in which they broke an agreement
    trust: float = 0.3  # 0..1, our trust in them
    their_offers: int = 0
    belief: Belief | None = None  # hard and up: the weighted types (else the prior's middle alone)
    caps: dict[str, float] = field(
        default_factory=dict
    )  # their instruments -> no ask beyond (silent refusals)
    levels: dict[str, float] = field(default_factory=dict)  # the levels now (for the lines' "anew")
    ask_sign: dict[str, int] = field(default_factory=dict)  # their instruments -> the asking direction

    def breaches_last_turn(self, v: View) -> bool:
        return any(t >= v.turn - 1 for t in self.breaches)

    # ----------------------------------------------------------------- asks
    def allowed(self, ins: Instrument, current: float, value: float) -> bool:
        """May we ask for ``value`` on their instrument ``ins``? Not at or beyond a refused level,
        and, once a line is suspected, not beyond the middle of what is left (a binary search);
        not beyond a silent refusal's cap; not across a line most of the belief holds."""
        d = friendly_sign(ins)
        if (
            self.quality >= BELIEF_QUALITY
            and self.belief is not None
            and (value - current) * d > 1e-9
            and self.belief.line_cross_prob(ins.id, current, value) >= LINE_BLOCK_PROB
        ):
            return False
        b = self.blocks.get(ins.id)
        if b is None:
            return True
        if (value - b.limit) * d >= -1e-9:
            return False
        if b.exact:
            return (value - b.safe) * d <= 1e-9
        if self.quality < BISECT_QUALITY:
            return True
        mid = (b.safe + b.limit) / 2.0
        return (value - mid) * d <= 1e-9 or self._clear_of_lines(ins, current, value)

    def _clear_of_lines(self, ins: Instrument, current: float, value: float) -> bool:
        """Beyond the binary search's middle, an ask is still open where the belief — the public
        prior of their line on ``ins``, narrowed by what they did — puts the line further: it
        crosses it in at most :data:`SAFE_ASK_PROB` of the types ("no lower than somewhere
        between 5% and 15%" leaves every ask above 15% open after a refusal at 9%)."""
        if self.quality < BELIEF_QUALITY or self.belief is None:
            return False
        if not any(ln.red_line.instrument == ins.id for ln in self.belief.lines):
            return False
        return self.belief.line_cross_prob(ins.id, current, value) <= SAFE_ASK_PROB + 1e-12

    def probe(self, ins: Instrument, current: float) -> float | None:
        """A level halfway between what they conceded and what they refused (the binary search),
        or the line itself (or a silent refusal's cap) when it is known; with no block yet, the
        furthest ask that crosses their line in at most half of the belief (hard and up)."""
        b = self.blocks.get(ins.id)
        if b is None and self.quality >= BELIEF_QUALITY and self.belief is not None:
            return self.belief.median_ask(ins, current)
        if b is None or (self.quality < BISECT_QUALITY and not b.exact):
            return None
        if b.exact:
            return b.safe if (b.safe - current) * friendly_sign(ins) > 1e-9 else None
        mid = (b.safe + b.limit) / 2.0
        k = round((mid - ins.min) / ins.step)
        value = ins.min + k * ins.step
        if self.quality >= BELIEF_QUALITY and self.belief is not None:
            # the belief may put the line further than the middle: probe as far as it is clear
            far = self.belief.median_ask(ins, current, SAFE_ASK_PROB)
            d = friendly_sign(ins)
            if far is not None and (far - value) * d > 1e-9 and (far - b.limit) * d < -1e-9:
                value = far
        if not self.allowed(ins, current, value) or abs(value - current) < 1e-9:
            return None
        return round(value, 9)

    # ------------------------------------------------------------- the belief
    def _types(self) -> Belief:
        assert self.belief is not None, "no belief: the model was built without a briefing to guess"
        return self.belief

    def type_values(self, outcome: Outcome) -> np.ndarray:
        """(K,) what ``outcome`` is worth to each type of the other side (its score, rule 6.1)."""
        return self._types().values_of([outcome])[0]

    def their_value(self, outcome: Outcome) -> float:
        """What ``outcome`` is worth to the other side: the expected score under the belief."""
        b = self._types()
        return float(b.w @ b.values_of([outcome])[0])

    def walk_away_estimate(self) -> float:
        """The belief's expected walk-away value of the other side."""
        b = self._types()
        return float(b.w @ b.walk_away)

    def accept_prob(
        self, terms: Sequence[Term], outcome: Outcome, *, their_alternative: float | None = None
    ) -> float:
        """The probability that they would accept this package now: the weight of the types that
        value it at or above their threshold — the larger of their walk-away and what they can
        expect otherwise (``their_alternative``, by default each type's value of no deal) — and
        whose red lines it does not cross. Asks beyond a block or cap are refused outright."""
        b = self._types()
        for t in terms:
            blk = self.blocks.get(t.instrument)
            ins_sign = self.ask_sign.get(t.instrument)
            if blk is not None and ins_sign is not None and (t.value - blk.limit) * ins_sign >= -1e-9:
                return 0.0
            cap = self.caps.get(t.instrument)
            if cap is not None and ins_sign is not None and (t.value - cap) * ins_sign > 1e-9:
                return 0.0
        vals = b.values_of([outcome])[0]
        if their_alternative is not None:
            thr = np.maximum(b.walk_away, their_alternative)
        elif b.base_values is not None:
            thr = np.maximum(b.walk_away, b.base_values)
        else:
            thr = b.walk_away
        ok = (vals >= thr - 1e-9) & ~b.crosses(self.levels, terms)
        return float(b.w[ok].sum())


def refusal_limits(offer: Offer) -> set[str]:
    """The instruments a refusal of ``offer`` names as the term that decided it (the public
    part of the answer's reasons: a red line, an objective's holder-back, "too far on …")."""
    return named_instruments(offer.response_reasons, limits_only=True)


def answer_names(v: View, offer: Offer) -> set[str]:
    """Every instrument the answer to ``offer`` names: its reasons, and for a counter the
    counter-offer's reasons too (the package they put in its place)."""
    named = named_instruments(offer.response_reasons)
    if offer.status == "countered" and offer.id + 1 < len(v.offers):
        nxt = v.offers[offer.id + 1]
        if nxt.side != offer.side:
            named |= named_instruments(nxt.reasons)
    return named


def build(rules: Rules, v: View, quality: int, memory_turns: int | None) -> OpponentModel:
    """Everything the model infers from the view (a pure function: same view, same model)."""
    model = OpponentModel(quality=quality, levels=dict(v.levels))
    me, other = v.side, v.other
    ins_all = [i for i in rules.scenario.instruments if kind_registry.tradable(i, rules.sides)]
    theirs = {i.id: i for i in ins_all if i.owner == other}
    mine = {i.id: i for i in ins_all if i.owner == me}
    model.ask_sign = {iid: friendly_sign(ins) for iid, ins in theirs.items()}
    start = v.history[0].instruments if v.history else v.levels
    their_offers = [o for o in v.offers if o.side == other]
    my_offers = [o for o in v.offers if o.side == me]
    model.their_offers = len(their_offers)
    # what they have conceded on their own instruments (in offers and in agreements)
    conceded: dict[str, float] = {}
    for o in their_offers:
        for t in o.terms:
            if t.instrument in theirs:
                _further(conceded, theirs[t.instrument], t.value)
    for ag in v.agreements:
        for bt in ag.terms:
            if bt.instrument in theirs:
                _further(conceded, theirs[bt.instrument], bt.value)
    model.conceded = conceded
    # trust and breaches (all levels remember; the weakest forget after a while)
    model.trust, model.breaches = _trust(rules, v, memory_turns)
    if quality <= 0:
        model.belief = _single_type(rules, v, model)
        return model
    # blocks from the reasons of our refused offers
    refused = [o for o in my_offers if o.status in ("rejected", "countered")]
    for o in refused:
        limits = refusal_limits(o)
        for t in o.terms:
            ins = theirs.get(t.instrument)
            if ins is None:
                continue
            if ins.id in limits:
                cur = v.levels.get(ins.id, start.get(ins.id, ins.start))
                _block(model, ins, t.value, cur, explicit=True)
                if quality >= EXACT_LINE_QUALITY:
                    _bound_line(model, ins, t.value, cur, o.response_reasons)
    if quality >= BISECT_QUALITY:
        # refusal patterns: asked twice beyond what they ever conceded, never moved by them —
        # on an instrument their public prior gives a line on; elsewhere two refused packages
        # that asked for it say only that it has a price, which the belief weighs (a block
        # there closed a yes/no instrument such as the rare-earth licences for the whole game,
        # and the hard US settled for a truce it valued at 48 where the normal one won a
        # historic deal at 80)
        lined = (
            {rl.instrument for rl in v.other_prior.red_lines}
            if v.other_prior is not None and quality >= BELIEF_QUALITY
            else None
        )
        for iid, ins in theirs.items():
            if iid in model.blocks:
                continue
            if lined is not None and iid not in lined:
                continue  # no line in their public prior: what they want is the belief's to weigh
            cur = v.levels[iid]
            safe = conceded.get(iid, cur)
            d = friendly_sign(ins)
            asks = [
                t.value
                for o in refused
                for t in o.terms
                if t.instrument == iid and (t.value - safe) * d > 1e-9
            ]
            if len(asks) >= 2 and iid not in conceded and len(their_offers) >= 1:
                least = min(asks, key=lambda x: (x - safe) * d)
                _block(model, ins, least, cur, explicit=False)
    if quality >= CAP_QUALITY:
        _silent_caps(rules, v, model, theirs)
    if quality >= EXACT_LINE_QUALITY:
        n = max(1, len(their_offers))
        for iid in mine:
            asked = sum(1 for o in their_offers if any(t.instrument == iid for t in o.terms))
            named = sum(1 for o in my_offers if iid in answer_names(v, o))
            model.ask_weight[iid] = 1.0 + 0.5 * asked / n + 0.25 * min(2, named)
    if quality >= BELIEF_QUALITY:
        model.belief = _belief(rules, v, model, theirs, mine)
        model.guessed = model.belief.mean_briefing(rules)
    else:
        model.belief = _single_type(rules, v, model)
    return model


def _further(acc: dict[str, float], ins: Instrument, value: float) -> None:
    d = friendly_sign(ins)
    if ins.id not in acc or (value - acc[ins.id]) * d > 0:
        acc[ins.id] = value


def _block(model: OpponentModel, ins: Instrument, asked: float, current: float, *, explicit: bool) -> None:
    d = friendly_sign(ins)
    safe = model.conceded.get(ins.id, current)
    if (asked - safe) * d <= 1e-9:
        return  # they refused something they had conceded: not a line on this instrument
    old = model.blocks.get(ins.id)
    if old is None or (asked - old.limit) * d < 0:
        model.blocks[ins.id] = Block(ins.id, asked, safe, explicit or (old.explicit if old else False))


def _silent_caps(rules: Rules, v: View, model: OpponentModel, theirs: dict[str, Instrument]) -> None:
    """Caps from refusals without a reason (or with one): once they have conceded part of an
    instrument and then refused an offer of ours asking more of it, no ask beyond what they
    conceded — until they concede more of it themselves (something changed: then the cap waits
    for the next refusal).

    The record is read in order: ``so_far`` is what they had conceded when each offer of ours
    was answered; a refusal of an ask beyond it sets the cap there, and a later concession
    beyond the cap lifts it."""
    d_of = {iid: friendly_sign(ins) for iid, ins in theirs.items()}
    so_far: dict[str, float] = {}
    caps: dict[str, float] = {}
    signed = {ag.offer_id: ag for ag in v.agreements}
    for o in v.offers:
        if o.side == v.other:
            for t in o.terms:
                if t.instrument in theirs:
                    _further(so_far, theirs[t.instrument], t.value)
                    cap = caps.get(t.instrument)
                    if cap is not None and (t.value - cap) * d_of[t.instrument] > 1e-9:
                        del caps[t.instrument]  # they offered more: something changed
        ag = signed.get(o.id)
        if ag is not None:
            for bt in ag.terms:
                if bt.instrument in theirs:
                    _further(so_far, theirs[bt.instrument], bt.value)
        if o.side != v.side or o.status not in ("rejected", "countered"):
            continue
        if o.status == "countered" and o.id + 1 < len(v.offers) and v.offers[o.id + 1].side == v.other:
            for t in v.offers[o.id + 1].terms:  # their counter: what they conceded instead
                if t.instrument in theirs:
                    _further(so_far, theirs[t.instrument], t.value)
        for t in o.terms:
            iid = t.instrument
            if iid not in theirs or iid not in so_far:
                continue
            if (t.value - so_far[iid]) * d_of[iid] > 1e-9:
                caps[iid] = so_far[iid]
    for iid, cap in list(caps.items()):
        if (v.levels[iid] - cap) * d_of[iid] > 1e-9:
            del caps[iid]  # they have since gone further (a unilateral move): something changed
    model.caps = caps
    for iid, cap in caps.items():
        ins = theirs[iid]
        d = d_of[iid]
        old = model.blocks.get(iid)
        if old is not None and old.exact and (old.safe - cap) * d <= 1e-9:
            continue  # a tighter line already known
        limit = round(cap + d * ins.step, 9)
        if old is not None and (old.limit - limit) * d < 0:
            limit = old.limit
        model.blocks[iid] = Block(iid, limit, cap, old.explicit if old else False, exact=True)


def _bound_line(
    model: OpponentModel, ins: Instrument, asked: float, current: float, reasons: tuple[Reason, ...]
) -> None:
    """Take a named red line's public rough bound from the refusal's reasons ("not above about
    $37.5bn a year"; the exact level stays private, :mod:`game.engine.reasons`): one bound given
    for the instrument, between where it is and what we asked, becomes the block's limit — no
    ask at or beyond it (expert level; a style may bluff a tighter bound, and is believed)."""
    d = friendly_sign(ins)
    found = [
        b
        for r in reasons
        if r.kind == ReasonKind.RED_LINE
        and r.instrument == ins.id
        and (b := getattr(r, "bound", None)) is not None
        and (b - current) * d > 1e-9
        and (asked - b) * d > 1e-9
    ]
    old = model.blocks.get(ins.id)
    if len(found) != 1 or old is None:
        return
    bound = float(found[0])
    if (bound - old.limit) * d < 0:
        model.blocks[ins.id] = Block(ins.id, bound, old.safe, True, old.exact)


def _trust(rules: Rules, v: View, memory_turns: int | None) -> tuple[float, list[int]]:
    """Our trust in them: the public trust meter, less their breaches, plus or minus their moves."""
    trust = v.shared.get("trust_pct", 30.0) / 100.0
    breaches = [
        n.turn
        for n in v.news
        if n.kind == "breach"
        and n.side == v.other
        and (memory_turns is None or v.turn - n.turn <= memory_turns)
    ]
    trust -= 0.25 * len(breaches)
    for n in v.news:
        if n.kind != "order" or n.side != v.other or n.turn >= v.turn:
            continue
        ins = rules.instruments.get(n.headline)
        if ins is None or ins.target != v.side:
            continue
        before = _level_at(v, n.turn - 1, ins.id)
        after = _level_at(v, n.turn, ins.id)
        if before is None or after is None or abs(after - before) < 1e-12:
            continue
        trust += 0.04 if (after - before) * friendly_sign(ins) > 0 else -0.05
    kept = sum(
        1 for ag in v.agreements if ag.status in ("in_force", "expired") and v.turn - ag.signed_turn >= 2
    )
    trust += 0.05 * kept
    return min(1.0, max(0.0, trust)), breaches


def _level_at(v: View, turn: int, iid: str) -> float | None:
    for rec in v.history:
        if rec.turn == turn:
            return rec.instruments.get(iid)
    return None


def guessed_briefing(rules: Rules, v: View, model: OpponentModel) -> Briefing:
    """Objectives the other side plausibly scores, built from public facts only.

    With hidden types (rule 7.3) the other side's prior is public: the guess is its middle
    (every weight, target and level at the prior's mean) — the one type of the weaker levels and
    one of the belief's types (:func:`_belief`, which moves away from it with what they do).
    Without a prior, the guess is built from the other side's public meters and asks (and the
    belief's types are it with jittered weights)."""
    if v.other_prior is not None:
        return guess_from_prior(rules.scenario, v.other_prior)
    other = v.other
    ref = v.history[0].meters.get(other, {}) if v.history else v.meters.get(other, {})
    cur = v.meters.get(other, {})
    g = ref.get("growth_pct", cur.get("growth_pct", 3.0))
    x = max(1.0, ref.get("exports_bn", cur.get("exports_bn", 100.0)))
    r = ref.get("recession_prob_pct", cur.get("recession_prob_pct", 30.0))
    mk = ref.get("market_index", cur.get("market_index", 100.0))
    objs = [
        _obj("growth", meter="growth_pct", side=other, baseline=g - 1.0, target=g + 0.8, weight=3),
        _obj("exports", meter="exports_bn", side=other, baseline=0.5 * x, target=1.3 * x, weight=3),
        _obj(
            "recession",
            meter="recession_prob_pct",
            side=other,
            baseline=min(100.0, r + 25),
            target=max(0.0, r - 20),
            weight=2,
        ),
        _obj("markets", meter="market_index", side=other, baseline=mk - 10, target=mk + 10, weight=1),
    ]
    start = v.history[0].instruments if v.history else v.levels
    for ins in rules.scenario.instruments:
        if not kind_registry.tradable(ins, rules.sides):
            continue
        s = start.get(ins.id, ins.start)
        if ins.owner == v.side and ins.target == other and not kind_registry.kind_of(ins).suspends:
            f = friendly_extreme(ins)
            if abs(f - s) > 1e-9:
                w = model.ask_weight.get(ins.id, 1.0) * (
                    0.5 if kind_registry.kind_of(ins).channel == "tariff" else 1.0
                )
                objs.append(_obj(f"ask_{ins.id}", instrument=ins.id, baseline=s, target=f, weight=w))
    return Briefing(objectives=objs, walk_away=0.0)


def _obj(oid: str, **kw: object) -> Objective:
    return Objective.model_validate({"id": oid, "text": oid, **kw})  # as Objective(**…): validated alike


def last_offer(v: View, side: str) -> Offer | None:
    for o in reversed(v.offers):
        if o.side == side:
            return o
    return None


# ------------------------------------------------------------------------ the belief
def _public_seed(v: View) -> list[int]:
    """The particles' seed: public data only (the scenario and the sides), never the game's seed
    — the other side's draw comes from that seed, and the belief must not reach it."""
    return [zlib.crc32(f"belief|{v.scenario.meta.id}|{v.side}|{v.other}".encode())]


def _template(rules: Rules, v: View, model: OpponentModel) -> tuple[Briefing, bool]:
    """The briefing the types share the structure of: the public prior (True), or the guess
    from public facts (False)."""
    if v.other_prior is not None:
        return v.other_prior, True
    return guessed_briefing(rules, v, model), False


def _single_type(rules: Rules, v: View, model: OpponentModel) -> Belief:
    """The levels without a belief: one type, the prior's middle (or the guess from public facts)."""
    b, has_prior = _template(rules, v, model)
    return _types_of(rules, b, _middle_arrays(rules, b, has_prior), np.ones(1))


@dataclass(frozen=True)
class _Arrays:
    weight: np.ndarray  # (K, J)
    target: np.ndarray  # (K, J)
    walk_away: np.ndarray  # (K,)
    faction: np.ndarray  # (K,)
    lines: tuple[np.ndarray, ...]  # per red line, (K,)


def _line_grid(rules: Rules, rl: RedLine) -> tuple[float, float] | None:
    ins = rules.instruments.get(rl.instrument)
    return None if ins is None else (ins.min, ins.step)


def _middle_arrays(rules: Rules, b: Briefing, has_prior: bool) -> _Arrays:
    """One type: the briefing's numbers (a prior's file numbers are its middles; red lines on
    their instruments' steps, as :func:`guess_from_prior`)."""
    if has_prior:
        b = guess_from_prior(rules.scenario, b)
    return _Arrays(
        weight=np.array([[o.weight for o in b.objectives]], dtype=float),
        target=np.array([[o.target for o in b.objectives]], dtype=float),
        walk_away=np.array([b.walk_away]),
        faction=np.array([b.faction_strength]),
        lines=tuple(np.array([r.value]) for r in b.red_lines),
    )


def _types_of(rules: Rules, template: Briefing, a: _Arrays, w: np.ndarray) -> Belief:
    objs = tuple(template.objectives)
    lines = tuple(
        Line(rl, a.lines[i]) for i, rl in enumerate(template.red_lines) if rl.instrument in rules.instruments
    )
    return Belief(
        template=template,
        objectives=objs,
        baseline=np.array([o.baseline for o in objs], dtype=float),
        weight=a.weight,
        target=a.target,
        walk_away=a.walk_away,
        faction=a.faction,
        lines=lines,
        w=w / w.sum(),
    )


def _draws(
    prior: Prior | None, value: float, rng: np.random.Generator, grid: tuple[float, float] | None = None
) -> np.ndarray:
    """:data:`N_TYPES` draws of one quantity, as :func:`game.engine.hidden_types.draw` makes one
    (uniform, on the grid or to its decimals; or one of the choices by their weights)."""
    if prior is None:
        return np.full(N_TYPES, float(value))
    if prior.one_of is not None:
        choices = prior.choices()
        p = np.array([w for _, w in choices], dtype=float)
        idx = rng.choice(len(choices), size=N_TYPES, p=p / p.sum())
        return np.array([choices[i][0] for i in idx], dtype=float)
    assert prior.between is not None
    lo, hi = prior.between
    if grid is not None:
        points = grid_points(prior, grid) or [round(lo, 9)]
        return np.array(points, dtype=float)[rng.integers(0, len(points), size=N_TYPES)]
    return np.clip(np.round(rng.uniform(lo, hi, size=N_TYPES), DRAW_DECIMALS), lo, hi)


def _draw_types(rules: Rules, v: View, model: OpponentModel) -> tuple[Briefing, _Arrays]:
    """The prior's middle and :data:`N_TYPES` draws from the prior (or jittered guesses), as
    arrays (type × quantity), drawn in one stream seeded from public data (:func:`_public_seed`)."""
    template, has_prior = _template(rules, v, model)
    mid = _middle_arrays(rules, template, has_prior)
    rng = np.random.default_rng(_public_seed(v))
    objs = template.objectives
    if not has_prior:
        jit = rng.lognormal(0.0, JITTER, size=(N_TYPES, len(objs)))
        return template, _Arrays(
            weight=np.vstack([mid.weight, mid.weight * jit]),
            target=np.repeat(mid.target, N_TYPES + 1, axis=0),
            walk_away=np.repeat(mid.walk_away, N_TYPES + 1),
            faction=np.repeat(mid.faction, N_TYPES + 1),
            lines=tuple(np.repeat(x, N_TYPES + 1) for x in mid.lines),
        )
    weight = np.column_stack([_draws(o.priors.get("weight"), o.weight, rng) for o in objs])
    target = np.column_stack([_draws(o.priors.get("target"), o.target, rng) for o in objs])
    lines = tuple(
        np.concatenate([m, _draws(r.priors.get("value"), r.value, rng, _line_grid(rules, r))])
        for m, r in zip(mid.lines, template.red_lines, strict=True)
    )
    walk = _draws(template.priors.get("walk_away"), template.walk_away, rng)
    faction = _draws(template.priors.get("faction_strength"), template.faction_strength, rng)
    return template, _Arrays(
        weight=np.vstack([mid.weight, weight]),
        target=np.vstack([mid.target, target]),
        walk_away=np.concatenate([mid.walk_away, walk]),
        faction=np.concatenate([mid.faction, faction]),
        lines=lines,
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -60.0, 60.0))))


def _log(p: np.ndarray) -> np.ndarray:
    """The tempered log-likelihood of a value-based observation (floored)."""
    return np.asarray(VALUE_POWER * np.log(np.maximum(FLOOR, p)))


def _z(x: np.ndarray) -> np.ndarray:
    sd = float(x.std())
    return np.zeros_like(x) if sd < 1e-12 else (x - float(x.mean())) / sd


def _levels_before(v: View, turn: int) -> dict[str, float]:
    """The levels when an offer of ``turn`` was on the table (the last resolution before it)."""
    best = None
    for rec in v.history:
        if rec.turn < turn and (best is None or rec.turn > best.turn):
            best = rec
    return dict(best.instruments) if best is not None else dict(v.levels)


def _belief(
    rules: Rules, v: View, model: OpponentModel, theirs: dict[str, Instrument], mine: dict[str, Instrument]
) -> Belief:
    """The types drawn from the prior, weighted by the likelihood of everything they did."""
    template, arrays = _draw_types(rules, v, model)
    belief = _types_of(rules, template, arrays, np.ones(N_TYPES + 1))
    ll = np.zeros(belief.k)
    # one batch: no deal, the latest distinct packages (and what their counters refused), and
    # accepted offers' counterfactuals; older packages speak through the lines they cross only
    answered = [o for o in v.offers if o.side == v.other or o.status in ("accepted", "rejected", "countered")]
    by_id = {o.id: o for o in v.offers}
    valued = {o.id for o in answered[-MAX_VALUED:]}
    plans: list[Plan] = [Plan()]
    index: dict[tuple, int] = {(): 0}
    undo: dict[int, int] = {}

    def plan(terms: tuple[Term, ...]) -> None:
        if terms not in index:
            index[terms] = len(plans)
            plans.append(Plan(terms=terms))

    for o in answered:
        if o.id not in valued:
            continue
        plan(tuple(o.terms))
        prev = by_id.get(o.id - 1)
        if o.side == v.other and prev is not None and prev.side == v.side and prev.status == "countered":
            plan(tuple(prev.terms))
        if o.status == "accepted":
            before = _levels_before(v, o.turn)
            undo[o.id] = len(plans)
            plans.append(
                Plan(moves={t.instrument: before.get(t.instrument, v.levels[t.instrument]) for t in o.terms})
            )
    ends = [bool(p.terms) and v.scenario.end.ends_on_deal and rules.is_comprehensive(p.terms) for p in plans]
    outs = project(rules, v, plans, horizon=None, schedule=True, ends_game=ends)
    u = belief.values_of(outs)  # (P, K)
    base = u[0]
    thr = np.maximum(belief.walk_away, base)
    belief.base_values = base
    tau = TEMPERATURE
    for o in answered:
        before = _levels_before(v, o.turn)
        cross = belief.crosses(before, o.terms)
        uo = u[index[tuple(o.terms)]] if o.id in valued else None
        if o.side == v.other:
            # their own offer: worth clearly more than their threshold, and (a counter) at least
            # what they refused from us; never across their own lines
            ll += np.log(np.where(cross, CROSSED, 1.0))
            if uo is not None:
                ll += _log(_sigmoid((uo - thr - OFFER_MARGIN) / tau))
                prev = by_id.get(o.id - 1)
                if prev is not None and prev.side == v.side and prev.status == "countered":
                    ll += _log(_sigmoid((uo - u[index[tuple(prev.terms)]]) / tau))
            continue
        if o.status == "accepted":
            if uo is None:
                ll += np.log(np.where(cross, CROSSED, 1.0))
                continue
            alt = np.maximum(belief.walk_away, u[undo[o.id]]) if o.id in undo else thr
            ll += np.where(cross, np.log(CROSSED), _log(_sigmoid((uo - alt) / tau)))
            continue
        # refused (rejected or countered): certain across a line, else likelier below the threshold
        p = _sigmoid((thr - uo) / tau) if uo is not None else np.full(belief.k, UNVALUED_REFUSAL)
        ll += np.where(cross, 0.0, _log(p))
        ll += _reason_evidence(belief, o, before, theirs, mine)
    ll += _frequency_evidence(belief, v, theirs, mine)
    ll += _move_evidence(rules, belief, v)
    ll -= ll.max()
    belief.w = np.exp(ll) / np.exp(ll).sum()
    return belief


def _reason_evidence(
    belief: Belief,
    o: Offer,
    before: dict[str, float],
    theirs: dict[str, Instrument],
    mine: dict[str, Instrument],
) -> np.ndarray:
    """The log-likelihood of a refusal's reasons: a term of theirs named as the one that decided
    (a line on it before the asked level, a red-line reason's coarse bound), or one of ours
    (more weight on it)."""
    out = np.zeros(belief.k)
    asked = {t.instrument: t for t in o.terms}
    for r in o.response_reasons:
        if not KINDS[r.kind].names_limit or r.instrument is None:
            continue
        iid = r.instrument
        if iid in theirs and iid in asked:
            lines = [ln for ln in belief.lines if ln.red_line.instrument == iid]
            if not lines:
                continue
            cross = np.zeros(belief.k, dtype=bool)
            for ln in lines:
                b = before.get(iid, 0.0)
                cross |= ~_holds(asked[iid].value, ln.red_line.op, ln.values) & _holds(
                    b, ln.red_line.op, ln.values
                )
            out += VALUE_POWER * np.log(np.where(cross, 1.0, REASON_MISS))
            bound = getattr(r, "bound", None)
            if r.kind == ReasonKind.RED_LINE and bound is not None:
                # the public rough bound: the line lies between where it was and the bound
                # (unless the style bluffs a tighter one)
                inside = np.zeros(belief.k, dtype=bool)
                for ln in lines:
                    was = _holds(before.get(iid, 0.0), ln.red_line.op, ln.values)
                    inside |= was & ~_holds(float(bound), ln.red_line.op, ln.values)
                out += VALUE_POWER * np.log(np.where(inside, 1.0, BLUFF))
        elif iid in mine:
            out += REASON_PULL * _z(belief.stake(iid))
    return out


def _frequency_evidence(
    belief: Belief, v: View, theirs: dict[str, Instrument], mine: dict[str, Instrument]
) -> np.ndarray:
    """Frequency analysis (Baarslag et al. 2016): an ask of ours they keep making is worth more
    to them, one they drop after making it (conceded readily) less."""
    out = np.zeros(belief.k)
    their_offers = [o for o in v.offers if o.side == v.other]
    if not their_offers:
        return out
    for iid, ins in mine.items():
        stake = belief.stake(iid)
        if not stake.any():
            continue
        d = friendly_sign(ins)
        asks = [next((t.value for t in o.terms if t.instrument == iid), v.levels[iid]) for o in their_offers]
        cur = v.levels[iid]
        made = [(a - cur) * d > 1e-9 for a in asks]
        kept = sum(made) / len(made)
        dropped = 0.0
        for a, b in itertools.pairwise(asks):
            if (a - b) * d > 1e-9:  # asked less than before
                dropped += 1.0
        score = kept - min(1.0, dropped)
        out += FREQ_PULL * score * _z(stake)
    return out


def _move_evidence(rules: Rules, belief: Belief, v: View) -> np.ndarray:
    """Escalations and firm or threatening statements: a tougher type (higher walk-away);
    easings and conciliatory statements: a softer one."""
    z = _z(belief.walk_away)
    out = np.zeros(belief.k)
    for n in v.news:
        if n.side != v.other or n.turn >= v.turn + 1:
            continue
        if n.kind == "statement":
            sign = {"firm": 0.5, "threatening": 1.0, "conciliatory": -0.5}.get(n.headline, 0.0)
            out += 0.5 * MOVE_PULL * sign * z
        elif n.kind == "order":
            ins = rules.instruments.get(n.headline)
            if ins is None or ins.target != v.side:
                continue
            before, after = _level_at(v, n.turn - 1, ins.id), _level_at(v, n.turn, ins.id)
            if before is None or after is None or abs(after - before) < 1e-12:
                continue
            out += MOVE_PULL * (-1.0 if (after - before) * friendly_sign(ins) > 0 else 1.0) * z
    return out
